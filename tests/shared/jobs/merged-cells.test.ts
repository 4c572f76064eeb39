/** Validate on merged cells (regression: a merged Area was "written" and audited every run but never changed, and a merged Due's second row read as blank). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import type { RawTab, RawWorkbook } from "../../../shared/adapters/workbook.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const options = { now: NOW, dryRun: false, actor: "test" };

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const tab = (book: RawWorkbook, name: string): RawTab => book.tabs.find((t) => t.name === name) as RawTab;

/** Rows as pasted from a Word table: the Area only on the first of three rows, and two rows sharing one Due. */
const pasted = () =>
  buildLog({
    actions: [
      action({ Ref: "DAG29-01", Area: "Merged Area From Word", "Due Date": "2023-10-13" }),
      action({ Ref: "DAG29-02", Area: null, Action: "Second", "Due Date": "2023-10-13" }),
      action({ Ref: "DAG29-03", Area: null, Action: "Third", "Due Date": "2023-10-13" }),
      action({ Ref: "DAG29-04", Area: "Other", Due: "Next meeting" }),
      action({ Ref: "DAG29-05", Area: "Other", Action: "Fifth", Due: null }),
    ],
  });

describe("validate on merged cells", () => {
  it("an .xlsx log with Area merged over C2:C4 and Due over F5:F6 reads them as shown, and a second run writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "actionlog-merged-"));
    dirs.push(dir);
    const path = join(dir, "log.xlsx");
    const log = pasted();
    await createXlsxWorkbook({ path, create: true }).apply({ ...emptyBatch(), tabs: log.tabs.map((t) => ({ name: t.name, headers: t.headers, rows: t.rows.map((r) => r.cells) })) });
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    excel.getWorksheet("Actions")?.mergeCells("C2:C4");
    excel.getWorksheet("Actions")?.mergeCells("F5:F6");
    await excel.xlsx.writeFile(path);
    const book = createXlsxWorkbook({ path });

    const first = await runValidate(book, options);
    expect(first.problems).toEqual([]);
    expect(first.changes.map((c) => [c.ref, c.column, c.new])).toEqual([
      ["DAG29-04", "Due Date", "2023-11-08"],
      ["DAG29-05", "Due Date", "2023-11-08"],
    ]);
    const second = await runValidate(book, options);
    expect(second.changes).toEqual([]);
    const after = await book.read();
    expect(tab(after, "Audit").rows).toHaveLength(2);
    expect(tab(after, "Actions").merges).toEqual(["C2:C4", "F5:F6"]);
  });

  it("a change to a covered cell is reported with the merge to undo, never written or audited; the top-left one is written", async () => {
    const log = buildLog({ actions: [action({ Status: "open", "Due Date": "2023-10-13" }), action({ Ref: "DAG29-02", Action: "Other", Status: null, "Due Date": "2023-10-13" })] });
    const book = createMemoryWorkbook({ tabs: log.tabs.map((t) => (t.name === "Actions" ? { ...t, merges: ["H2:H3"] } : t)) });
    const report = await runValidate(book, options);
    expect(report.changes.map((c) => [c.row, c.column, c.new])).toEqual([[2, "Status", "Open"]]);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        tab: "Actions",
        row: 3,
        ref: "DAG29-02",
        column: "Status",
        message: 'Status was not written: H3 is inside the merged cells H2:H3, where only H2 can hold a value (it would have become "Open"); unmerge H2:H3 so each row has its own Status',
      },
    ]);
    expect(tab(book.snapshot(), "Audit").rows.map((r) => r.cells[3])).toEqual(["DAG29-01"]);
    const again = await runValidate(book, options);
    expect([again.changes, again.problems]).toEqual([[], []]);
  });

  it("a dry run reports the covered cell the same way and writes nothing", async () => {
    const log = buildLog({ actions: [action({ "Due Date": "2023-10-13", Checks: "Owner old problem" }), action({ Ref: "DAG29-02", Action: "Other", "Due Date": "2023-10-13" })] });
    const book = createMemoryWorkbook({ tabs: log.tabs.map((t) => (t.name === "Actions" ? { ...t, merges: ["L2:L3"] } : t)) });
    const before = book.snapshot();
    const report = await runValidate(book, { ...options, dryRun: true });
    expect(report.changes.map((c) => [c.row, c.column])).toEqual([[2, "Checks"]]);
    expect(report.problems.map((p) => [p.row, p.column, p.message.split(":")[0]])).toEqual([[3, "Checks", "Checks was not written"]]);
    expect(book.snapshot()).toEqual(before);
  });
});
