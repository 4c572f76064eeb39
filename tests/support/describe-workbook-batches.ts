/** The workbook contract's batches: appends by header, appends that require updates, whole-tab replacement, and errors that apply nothing. */
import { expect, it } from "vitest";
import { isActionlogError } from "../../shared/core/errors.js";
import type { RawTab } from "../../shared/adapters/workbook.js";
import { emptyBatch } from "../../shared/adapters/workbook.js";
import { type WorkbookFactory, actions, batchOf, tab, tabNamed, update } from "./workbook-contract-fixture.js";

/** Registers the append and tab-replacement tests in the caller's describe block. */
export const describeWorkbookBatches = (factory: WorkbookFactory): void => {
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

  it("treats an empty batch as a no-op", async () => {
    const book = await factory([actions()]);
    const before = await book.read();
    expect(await book.apply(emptyBatch())).toEqual({ applied: 0, skipped: [] });
    expect(await book.read()).toEqual(before);
  });
};
