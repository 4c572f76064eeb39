/** Runs the workbook contract against the in-memory adapter, plus the snapshot and isolation it promises tests. */
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import type { RawTab } from "../../../shared/adapters/workbook.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { describeWorkbook } from "../../support/describe-workbook.js";

describeWorkbook("memory workbook", async (tabs) => createMemoryWorkbook({ tabs }), { propertyRuns: 200 });

describe("createMemoryWorkbook", () => {
  const seed = (): RawTab => ({ name: "Settings", headers: ["Key", "Value"], rows: [{ row: 2, cells: ["Code", "DB"] }] });

  it("labels itself, defaulting when no label is given", () => {
    expect(createMemoryWorkbook().label).toBe("memory workbook");
    expect(createMemoryWorkbook({ label: "fixture" }).label).toBe("fixture");
  });

  it("snapshots synchronously what read() returns", async () => {
    const book = createMemoryWorkbook({ tabs: [seed()] });
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Settings", values: { Key: "Name", Value: "Digital Board" } }] });
    expect(book.snapshot()).toEqual(await book.read());
    expect(book.snapshot().tabs[0]?.rows).toHaveLength(2);
  });

  it("copies the tabs it is given, so later changes to them do not leak in", () => {
    const tab = seed();
    const book = createMemoryWorkbook({ tabs: [tab] });
    tab.headers.push("Extra");
    tab.rows[0]?.cells.push("leak");
    expect(book.snapshot()).toEqual({ tabs: [seed()] });
  });

  it("reads only the tabs asked for, by name ignoring case, so a job cannot lean on tabs it did not ask for", async () => {
    const audit: RawTab = { name: "Audit", headers: ["Time"], rows: [] };
    const book = createMemoryWorkbook({ tabs: [seed(), audit] });
    expect(await book.read({ tabs: ["audit", "Mail Log"] })).toEqual({ tabs: [audit] });
    expect(await book.read()).toEqual({ tabs: [seed(), audit] });
  });

  it("returns a fresh copy from every snapshot", () => {
    const book = createMemoryWorkbook({ tabs: [seed()] });
    book.snapshot().tabs[0]?.rows[0]?.cells.splice(0, 2, "changed");
    expect(book.snapshot()).toEqual({ tabs: [seed()] });
  });
});
