/** The workbook port's contract: one suite that every adapter (memory, xlsx, Google Sheets) must pass unchanged. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isActionlogError } from "../../shared/core/errors.js";
import type { Cell } from "../../shared/core/types.js";
import type { CellUpdate, ChangeBatch, RawTab, RawWorkbook, Workbook } from "../../shared/adapters/workbook.js";
import { emptyBatch } from "../../shared/adapters/workbook.js";

/** Builds an adapter holding exactly `tabs`; each call must return an independent workbook. */
export type WorkbookFactory = (tabs: RawTab[]) => Promise<Workbook>;

export interface ContractOptions {
  /** fast-check runs for the property; adapters with slow I/O may ask for fewer. */
  propertyRuns?: number;
}

const ACTION_HEADERS = ["Ref", "Meeting", "Action", "Owner", "Status", "Member Notes"];

const tab = (name: string, headers: string[], rows: Cell[][]): RawTab => ({
  name,
  headers,
  rows: rows.map((cells, index) => ({ row: index + 2, cells })),
});

const actions = (): RawTab =>
  tab("Actions", ACTION_HEADERS, [
    ["A-1", 1, "Draft the terms of reference", "JS", "Open", "ask Priya"],
    ["A-2", 1, "Book the room", "AB", "Ongoing", null],
    ["A-3", 2, "Circulate minutes", "JS", "Closed", null],
  ]);

const batchOf = (parts: Partial<ChangeBatch>): ChangeBatch => ({ ...emptyBatch(), ...parts });

const update = (parts: Partial<CellUpdate>): CellUpdate => ({
  tab: "Actions",
  row: 0,
  ref: "",
  column: "Status",
  expected: null,
  value: null,
  ...parts,
});

const tabNamed = (book: RawWorkbook, name: string): RawTab => {
  const found = book.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`test workbook has no tab ${name}`);
  return found;
};

/** The value under `column` in the row whose Ref is `ref`, as the port reports it. */
const cellOf = (book: RawWorkbook, ref: string, column: string, tabName = "Actions"): Cell | undefined => {
  const found = tabNamed(book, tabName);
  const index = found.headers.indexOf(column);
  return found.rows.find((row) => row.cells[0] === ref)?.cells[index];
};

export const describeWorkbook = (name: string, factory: WorkbookFactory, options: ContractOptions = {}): void => {
  const { propertyRuns = 50 } = options;

  describe(`${name} satisfies the workbook contract`, () => {
    it("round-trips tabs, headers and rows with their sheet row numbers, omitting blank rows", async () => {
      const settings = tab("Settings", ["Key", "Value"], [["Committee", "Digital Board"]]);
      const sparse: RawTab = {
        name: "Actions",
        headers: ACTION_HEADERS,
        rows: [
          { row: 2, cells: ["A-1", 1, "First", "JS", "Open", null] },
          { row: 3, cells: ["A-2", 1] },
          { row: 5, cells: ["A-3", 2, "After a gap", "AB", "Closed", "mine"] },
        ],
      };
      const empty = tab("Audit", ["Time", "Actor"], []);
      const book = await factory([settings, sparse, empty]);
      expect(await book.read()).toEqual({
        tabs: [
          settings,
          {
            ...sparse,
            rows: [
              { row: 2, cells: ["A-1", 1, "First", "JS", "Open", null] },
              { row: 3, cells: ["A-2", 1, null, null, null, null] },
              { row: 5, cells: ["A-3", 2, "After a gap", "AB", "Closed", "mine"] },
            ],
          },
          empty,
        ],
      });
    });

    it("trims trailing blank headers and reports blank cells as null", async () => {
      const book = await factory([tab("Notes", ["Key", "Value", ""], [["a", ""], ["", ""], ["", "b"]])]);
      expect(await book.read()).toEqual({
        tabs: [{ name: "Notes", headers: ["Key", "Value"], rows: [{ row: 2, cells: ["a", null] }, { row: 4, cells: [null, "b"] }] }],
      });
    });

    it("keeps every cell type exactly, including formula-like text, long, unicode and multi-line strings", async () => {
      const values: Cell[] = [
        "plain", 42, -3.25, 0, 1234567.891, true, false, null, "=1+1", "=SUM(A1:A3)",
        "x".repeat(50_000), "مرحبا بالعالم", "Zoë 日本語 🎉", "line one\nline two", "  padded  ", "0042", "TRUE", "tab\tinside", "_x0041_ stays",
      ];
      const headers = values.map((_, index) => `C${index + 1}`);
      const book = await factory([tab("Types", headers, [values])]);
      expect(tabNamed(await book.read(), "Types").rows).toEqual([{ row: 2, cells: values }]);

      const written = await book.apply(
        batchOf({
          updates: [{ tab: "Types", row: 2, ref: "", column: "C1", expected: "plain", value: "=2+2" }],
          appends: [{ tab: "Types", values: Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])) }],
        }),
      );
      expect(written).toEqual({ applied: 2, skipped: [] });
      expect(tabNamed(await book.read(), "Types").rows).toEqual([
        { row: 2, cells: ["=2+2", ...values.slice(1)] },
        { row: 3, cells: values },
      ]);
    });

    it("finds columns by header ignoring case and surrounding spaces", async () => {
      const book = await factory([tab("Actions", [" Ref ", "Owner", "DUE DATE"], [["A-1", "JS", null]])]);
      const result = await book.apply(
        batchOf({
          updates: [update({ ref: "A-1", column: "  due date ", expected: null, value: 45306 })],
          appends: [{ tab: "actions", values: { ref: "A-2", "  OWNER": "AB", Nonsense: "ignored" } }],
        }),
      );
      expect(result).toEqual({ applied: 2, skipped: [] });
      expect(tabNamed(await book.read(), "Actions").rows).toEqual([
        { row: 2, cells: ["A-1", "JS", 45306] },
        { row: 3, cells: ["A-2", "AB", null] },
      ]);
    });

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

    it("adds a row that requires updates only when all of them were applied (audit rows)", async () => {
      const book = await factory([actions(), tab("Audit", ["Ref", "New"], [])]);
      const result = await book.apply(batchOf({
        updates: [update({ row: 2, ref: "A-1", expected: "Open", value: "Ongoing" }), update({ row: 3, ref: "A-2", expected: "Stale", value: "Closed" })],
        appends: [
          { tab: "Audit", values: { Ref: "A-1", New: "Ongoing" }, requires: [0] },
          { tab: "Audit", values: { Ref: "A-2", New: "Closed" }, requires: [1] },
          { tab: "Audit", values: { Ref: "both", New: "x" }, requires: [0, 1] },
        ],
      }));
      expect(result.applied).toBe(2);
      expect(tabNamed(await book.read(), "Audit").rows.map((r) => r.cells)).toEqual([["A-1", "Ongoing"]]);
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

    it("appends by header name after the last non-empty row", async () => {
      const sparse: RawTab = { ...actions(), rows: [...actions().rows.slice(0, 2), { row: 6, cells: ["A-3"] }] };
      const book = await factory([sparse, tab("Audit", ["Time", "Tab"], [])]);
      const result = await book.apply(
        batchOf({
          appends: [
            { tab: "Actions", values: { Status: "Open", Ref: "A-4", Owner: "JS" } },
            { tab: "Actions", values: { Ref: "A-5" } },
            { tab: "Audit", values: { Tab: "Actions", Time: 45306.5 } },
          ],
        }),
      );
      expect(result).toEqual({ applied: 3, skipped: [] });
      const after = await book.read();
      expect(tabNamed(after, "Actions").rows.slice(-2)).toEqual([
        { row: 7, cells: ["A-4", null, null, "JS", "Open", null] },
        { row: 8, cells: ["A-5", null, null, null, null, null] },
      ]);
      expect(tabNamed(after, "Audit").rows).toEqual([{ row: 2, cells: [45306.5, "Actions"] }]);
    });

    it("throws SCHEMA for an append to a missing tab and applies nothing from that batch", async () => {
      const book = await factory([actions()]);
      const before = await book.read();
      const failing = book.apply(
        batchOf({
          updates: [update({ ref: "A-1", expected: "Open", value: "Closed" })],
          appends: [{ tab: "Decisions", values: { Ref: "D-1" } }],
        }),
      );
      await expect(failing).rejects.toSatisfy((error) => isActionlogError(error) && error.code === "SCHEMA");
      await expect(failing).rejects.toThrow(/Decisions/);
      expect(await book.read()).toEqual(before);
    });

    it("creates new tabs and replaces existing ones whole, in place, before updates run", async () => {
      const book = await factory([actions(), tab("Audit", ["Time"], [[1]])]);
      const result = await book.apply(
        batchOf({
          tabs: [
            { name: "Register DB30", headers: ["Section", "Ref"], rows: [["New", "A-1"], ["New", "A-2"]] },
            { name: "Actions", headers: ["Ref", "Status"], rows: [["B-1", "Open"]] },
          ],
          updates: [update({ ref: "B-1", expected: "Open", value: "Closed" })],
        }),
      );
      expect(result).toEqual({ applied: 3, skipped: [] });
      const after = await book.read();
      expect(after.tabs.map((t) => t.name)).toEqual(["Actions", "Audit", "Register DB30"]);
      expect(tabNamed(after, "Actions")).toEqual(tab("Actions", ["Ref", "Status"], [["B-1", "Closed"]]));
      expect(tabNamed(after, "Register DB30").rows).toHaveLength(2);
    });

    it("reads each cell of merged cells as its top-left value and never writes a covered cell (regression: merged Area and Due)", async () => {
      // Status merged over rows 2-3 (a stale value left under the merge), notes merged down to a row with nothing else in it.
      const merged: RawTab = {
        ...tab("Actions", ACTION_HEADERS, [
          ["A-1", 1, "Draft the terms of reference", "JS", "Open", "From the Word table"],
          ["A-2", 1, "Book the room", "AB", "stale", null],
          ["A-3", 2, "Circulate minutes", "JS", "Closed", null],
          [null, null, null, null, null, null],
        ]),
        merges: ["F2:F5", "E2:E3"],
      };
      const book = await factory([merged, tab("Audit", ["Ref", "New"], [])]);
      const shown = [
        ["A-1", 1, "Draft the terms of reference", "JS", "Open", "From the Word table"],
        ["A-2", 1, "Book the room", "AB", "Open", "From the Word table"],
        ["A-3", 2, "Circulate minutes", "JS", "Closed", "From the Word table"],
      ];
      expect(tabNamed(await book.read(), "Actions")).toEqual({ ...tab("Actions", ACTION_HEADERS, shown), merges: ["E2:E3", "F2:F5"] });

      const covered = [
        update({ ref: "A-2", expected: "Open", value: "Closed" }),
        update({ ref: "A-3", column: "Member Notes", expected: "From the Word table", value: "mine" }),
      ];
      const topLeft = update({ ref: "A-1", expected: "Open", value: "Ongoing" });
      const result = await book.apply(
        batchOf({ updates: [...covered, topLeft], appends: [{ tab: "Audit", values: { Ref: "A-2", New: "Closed" }, requires: [0] }] }),
      );
      expect(result).toEqual({ applied: 1, skipped: covered });
      const after = await book.read();
      expect([cellOf(after, "A-1", "Status"), cellOf(after, "A-2", "Status"), cellOf(after, "A-3", "Member Notes")]).toEqual(["Ongoing", "Ongoing", "From the Word table"]);
      expect(tabNamed(after, "Audit").rows).toEqual([]);

      // A tab replaced whole (a rebuilt register) keeps none of the merges.
      const rebuilt = [["B-1", 1, "One", "JS", "Open", null], ["B-2", 1, "Two", "AB", "Closed", null]];
      await book.apply(batchOf({ tabs: [{ name: "Actions", headers: ACTION_HEADERS, rows: rebuilt }] }));
      expect(tabNamed(await book.read(), "Actions")).toEqual(tab("Actions", ACTION_HEADERS, rebuilt));
    });

    it("treats an empty batch as a no-op", async () => {
      const book = await factory([actions()]);
      const before = await book.read();
      expect(await book.apply(emptyBatch())).toEqual({ applied: 0, skipped: [] });
      expect(await book.read()).toEqual(before);
    });

    it("shares no state with callers through read results or applied batches", async () => {
      const book = await factory([actions()]);
      const seen = await book.read();
      const replacement = { name: "Extra", headers: ["Ref"], rows: [["X-1"]] as Cell[][] };
      await book.apply(batchOf({ tabs: [replacement] }));
      tabNamed(seen, "Actions").rows.splice(0, 1);
      replacement.headers.push("Mutated");
      (replacement.rows[0] ?? []).push("mutated");
      const after = await book.read();
      expect(tabNamed(after, "Actions").rows).toHaveLength(3);
      expect(tabNamed(after, "Extra")).toEqual(tab("Extra", ["Ref"], [["X-1"]]));
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
  });
};
