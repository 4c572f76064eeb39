/** The workbook contract's reads: rows with their row numbers, cell types kept exactly, merged cells, and no state shared with callers. */
import { expect, it } from "vitest";
import type { Cell } from "../../shared/core/types.js";
import type { RawTab } from "../../shared/adapters/workbook.js";
import { ACTION_HEADERS, type WorkbookFactory, actions, batchOf, cellOf, tab, tabNamed, update } from "./workbook-contract-fixture.js";

/** Registers the read tests in the caller's describe block. */
export const describeWorkbookReads = (factory: WorkbookFactory): void => {
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
};
