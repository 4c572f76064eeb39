/** Temporary .xlsx files for the xlsx adapter's tests: a seeded workbook on disk, a one-action tab, and what else was left in its folder. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "../../shared/core/types.js";
import { createXlsxWorkbook } from "../../shared/adapters/workbook.xlsx.js";
import type { RawTab, TabReplacement } from "../../shared/adapters/workbook.js";
import { emptyBatch } from "../../shared/adapters/workbook.js";

const dirs: string[] = [];

/** Deletes every folder tempPath made; give it to afterAll in each file that uses these helpers. */
export const removeTempDirs = async (): Promise<void> => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
};

/** A path named `name` in a new empty folder of its own. */
export const tempPath = async (name = "log.xlsx"): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "actionlog-xlsx-"));
  dirs.push(dir);
  return join(dir, name);
};

/** A RawTab as a whole-tab replacement; gaps between row numbers become blank rows. */
export const asReplacement = (tab: RawTab): TabReplacement => {
  const last = Math.max(1, ...tab.rows.map((r) => r.row));
  const rows = Array.from({ length: last - 1 }, (_, i): Cell[] => tab.rows.find((r) => r.row === i + 2)?.cells ?? []);
  return { name: tab.name, headers: tab.headers, rows };
};

/** Writes `tabs` to a new file through the adapter itself (merging their merged cells as Excel would), then hands back a fresh adapter on that file. */
export const seeded = async (tabs: RawTab[]) => {
  const path = await tempPath();
  await createXlsxWorkbook({ path, create: true }).apply({ ...emptyBatch(), tabs: tabs.map(asReplacement) });
  if (tabs.some((tab) => (tab.merges ?? []).length > 0)) {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    for (const tab of tabs) for (const range of tab.merges ?? []) excel.getWorksheet(tab.name)?.mergeCells(range);
    await excel.xlsx.writeFile(path);
  }
  return { path, book: createXlsxWorkbook({ path, create: tabs.length === 0 }) };
};

/** One open action, A-1, with a Due serial. */
export const actions = (): RawTab => ({
  name: "Actions",
  headers: ["Ref", "Status", "Due"],
  rows: [{ row: 2, cells: ["A-1", "Open", 45306] }],
});

/** The files beside the workbook at `path` other than log.xlsx itself. */
export const leftovers = async (path: string) => (await readdir(join(path, ".."))).filter((name) => name !== "log.xlsx");
