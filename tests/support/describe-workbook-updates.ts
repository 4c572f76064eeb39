/** The workbook contract's guarded updates: compare-and-set on what a member sees, rows followed by Ref, and updates it cannot place skipped. */
import fc from "fast-check";
import { expect, it } from "vitest";
import type { CellUpdate } from "../../shared/adapters/workbook.js";
import { ACTION_HEADERS, type WorkbookFactory, actions, batchOf, cellOf, tab, tabNamed, update } from "./workbook-contract-fixture.js";

/** Registers the guarded-update tests, the Ref property with `propertyRuns` runs, in the caller's describe block. */
export const describeWorkbookUpdates = (factory: WorkbookFactory, propertyRuns: number): void => {
  it("leaves columns members added untouched by updates and appends", async () => {
    const book = await factory([actions()]);
    await book.apply(
      batchOf({
        updates: [update({ ref: "A-1", expected: "Open", value: "Closed" })],
        appends: [{ tab: "Actions", values: { Ref: "A-4", Status: "Open" } }],
      }),
    );
    const after = await book.read();
    expect(cellOf(after, "A-1", "Member Notes")).toBe("ask Priya");
    expect(cellOf(after, "A-1", "Status")).toBe("Closed");
    expect(cellOf(after, "A-4", "Member Notes")).toBeNull();
    expect(tabNamed(after, "Actions").headers).toEqual(ACTION_HEADERS);
  });

  it("writes a guarded update when the cell still holds the expected value, treating blank and null alike", async () => {
    const book = await factory([actions()]);
    const result = await book.apply(
      batchOf({
        updates: [
          update({ ref: "A-1", expected: "Open", value: "Ongoing" }),
          update({ ref: "A-2", column: "Member Notes", expected: "", value: "noted" }),
          update({ row: 4, column: "Meeting", expected: 2, value: 3 }),
        ],
      }),
    );
    expect(result).toEqual({ applied: 3, skipped: [] });
    const after = await book.read();
    expect([cellOf(after, "A-1", "Status"), cellOf(after, "A-2", "Member Notes"), cellOf(after, "A-3", "Meeting")]).toEqual([
      "Ongoing",
      "noted",
      3,
    ]);
  });

  it("skips an update whose cell changed since the job read it, comparing what a member sees", async () => {
    const book = await factory([actions()]);
    await book.apply(batchOf({ updates: [update({ ref: "A-1", expected: "Open", value: "Closed" })] }));
    const stale = update({ ref: "A-1", expected: "Open", value: "Proposed Closed" });
    const otherNumber = update({ ref: "A-3", column: "Meeting", expected: "3", value: 5 });
    expect(await book.apply(batchOf({ updates: [stale, otherNumber] }))).toEqual({ applied: 0, skipped: [stale, otherNumber] });
    const after = await book.read();
    expect(cellOf(after, "A-1", "Status")).toBe("Closed");
    expect(cellOf(after, "A-3", "Meeting")).toBe(2);
    // Jobs read cells as trimmed text: the number 2 is "2", and " Closed " is "Closed".
    const asText = update({ ref: "A-3", column: "Meeting", expected: "2", value: 7 });
    const spaced = update({ ref: "A-1", expected: " Closed ", value: "Open" });
    expect(await book.apply(batchOf({ updates: [asText, spaced] }))).toEqual({ applied: 2, skipped: [] });
    expect(cellOf(await book.read(), "A-3", "Meeting")).toBe(7);
  });

  it("follows the Ref when a member sorted or inserted rows after the job read", async () => {
    const book = await factory([actions()]);
    const seen = await book.read();
    const jobRow = tabNamed(seen, "Actions").rows.find((r) => r.cells[0] === "A-1")?.row ?? 0;
    const original = actions().rows.map((r) => r.cells);
    await book.apply(
      batchOf({ tabs: [{ name: "Actions", headers: ACTION_HEADERS, rows: [["A-9", 3, "New", "ZZ", "Open", null], ...original.reverse()] }] }),
    );
    const result = await book.apply(batchOf({ updates: [update({ row: jobRow, ref: "A-1", expected: "Open", value: "Closed" })] }));
    expect(result).toEqual({ applied: 1, skipped: [] });
    const rows = tabNamed(await book.read(), "Actions").rows;
    expect(rows.map((r) => [r.row, r.cells[0], r.cells[4]])).toEqual([
      [2, "A-9", "Open"],
      [3, "A-3", "Closed"],
      [4, "A-2", "Ongoing"],
      [5, "A-1", "Closed"],
    ]);
  });

  it("guards a row found by number with its match column, so a moved row is skipped", async () => {
    const book = await factory([tab("Actions", ACTION_HEADERS, [[null, 1, "Draft", "JS", "open", null], [null, 1, "Book", "AB", "Open", null]])]);
    const guarded = [
      update({ row: 2, expected: "open", value: "Open", match: { column: "action", value: "Draft" } }),
      update({ row: 3, expected: "Open", value: "Closed", match: { column: "Action", value: "Draft" } }),
    ];
    expect(await book.apply(batchOf({ updates: guarded }))).toEqual({ applied: 1, skipped: [guarded[1]] });
    expect(tabNamed(await book.read(), "Actions").rows.map((r) => r.cells[4])).toEqual(["Open", "Open"]);
  });

  it("lets later updates find a ref assigned earlier in the same batch", async () => {
    const book = await factory([tab("Actions", ACTION_HEADERS, [[null, 1, "Draft", "JS", "open", null]])]);
    const result = await book.apply(batchOf({
      updates: [
        update({ row: 2, column: "Ref", expected: null, value: "A-7", match: { column: "Action", value: "Draft" } }),
        update({ row: 2, ref: "A-7", expected: "open", value: "Open" }),
      ],
    }));
    expect(result.applied).toBe(2);
    expect(cellOf(await book.read(), "A-7", "Status")).toBe("Open");
  });

  it("skips updates it cannot place safely and changes nothing", async () => {
    const duplicated = actions();
    duplicated.rows.push({ row: 5, cells: [" A-2 ", 3, "Copy", "AB", "Ongoing", null] });
    const book = await factory([duplicated, tab("Loose", ["Owner", "Status"], [["JS", "Open"]])]);
    const before = await book.read();
    const unsafe = [
      update({ row: 2, ref: "A-404", expected: "Open", value: "Closed" }),
      update({ row: 3, ref: "A-2", expected: "Ongoing", value: "Closed" }),
      update({ row: 2, ref: "A-1", column: "Priority", expected: null, value: "High" }),
      update({ tab: "Loose", row: 2, ref: "A-1", expected: "Open", value: "Closed" }),
      update({ tab: "Missing", row: 2, expected: null, value: "x" }),
      update({ row: 1, column: "Ref", expected: "Ref", value: "Header" }),
    ];
    expect(await book.apply(batchOf({ updates: unsafe }))).toEqual({ applied: 0, skipped: unsafe });
    expect(await book.read()).toEqual(before);
  });

  it("never lands an update on a row whose Ref differs from the update's ref (property)", async () => {
    const book = await factory([]);
    const headers = ["Ref", "Owner", "Status"];
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 }), fc.boolean(), fc.string({ unit: "grapheme-ascii", maxLength: 6 }));
    const ref = fc.constantFrom("A-1", "A-2", "A-3", "A-4", " A-1", "a-2");
    const row = fc.tuple(ref, cell, cell);
    const plan = fc.record({
      rows: fc.array(row, { maxLength: 8 }),
      order: fc.array(fc.nat(), { maxLength: 8 }),
      updates: fc.array(fc.record({ pick: fc.nat(), ref, column: fc.constantFrom("Owner", "Status"), guess: fc.option(cell) }), { maxLength: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(plan, async ({ rows, order, updates }) => {
        await book.apply(batchOf({ tabs: [{ name: "Prop", headers, rows }] }));
        const seen = tabNamed(await book.read(), "Prop").rows;
        // The member re-sorts the rows between the job's read and its write.
        const shuffled = rows.map((r, i) => ({ r, key: order[i] ?? i })).sort((a, b) => a.key - b.key).map(({ r }) => r);
        await book.apply(batchOf({ tabs: [{ name: "Prop", headers, rows: shuffled }] }));
        const before = tabNamed(await book.read(), "Prop").rows;
        const batch = updates.map((u, index): CellUpdate => {
          const source = seen.length > 0 ? seen[u.pick % seen.length] : undefined;
          const column = headers.indexOf(u.column);
          return {
            tab: "Prop",
            row: source?.row ?? 2,
            ref: typeof source?.cells[0] === "string" && u.pick % 2 === 0 ? source.cells[0] : u.ref,
            column: u.column,
            expected: u.guess ?? source?.cells[column] ?? null,
            value: `written-${index}`,
          };
        });
        const { skipped } = await book.apply(batchOf({ updates: batch }));
        const after = tabNamed(await book.read(), "Prop").rows;
        const skippedValues = new Set(skipped.map((u) => u.value));
        for (const written of batch.filter((u) => !skippedValues.has(u.value))) {
          expect(before.filter((r) => String(r.cells[0]).trim() === written.ref.trim())).toHaveLength(1);
        }
        expect(after.map((r) => [r.row, r.cells[0]])).toEqual(before.map((r) => [r.row, r.cells[0]]));
        after.forEach((afterRow, rowIndex) => {
          afterRow.cells.forEach((value, column) => {
            if (value === before[rowIndex]?.cells[column]) return;
            const source = batch[Number(String(value).replace("written-", ""))];
            expect(source?.ref.trim()).toBe(String(afterRow.cells[0]).trim());
            expect(source?.column).toBe(headers[column]);
          });
        });
      }),
      { numRuns: propertyRuns },
    );
  });
};
