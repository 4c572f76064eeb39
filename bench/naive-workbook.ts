/**
 * The bench's naive baseline: the workbook port implemented the way typical Apps Script trackers
 * talk to a sheet, row by row and cell by cell, so the same jobs can run over it and their calls be counted.
 */
import { type sheets_v4, sheets } from "@googleapis/sheets";
import { OAuth2Client } from "google-auth-library";
import { alignRow, findTab, isBlankRow, planBatch, trimHeaders } from "../shared/adapters/batch-plan.js";
import { a1, quoteSheetName } from "../shared/adapters/google-grid.js";
import type { ApplyResult, ChangeBatch, RawTab, RawWorkbook, Workbook } from "../shared/adapters/workbook.js";
import { isEmptyBatch } from "../shared/adapters/workbook.js";
import type { Cell } from "../shared/core/types.js";

/** Tabs a tracker only appends to: it reads their header and asks for the last row, never their rows. */
const APPEND_ONLY = new Set(["audit"]);

const toCell = (value: unknown): Cell => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null);

/**
 * Reads: one call listing the tabs, then per tab one values.get for the header and one per row
 * until an empty row answers (a `while (row has values)` loop); append-only tabs cost a header
 * read and a last-row lookup. Writes: one values.update per changed cell, per cell of an appended
 * row and per cell of a new tab (after one addSheet). No re-read before writing, no guard: the
 * baseline is kinder than most trackers, which also read column by column and format cell by cell.
 */
export function createNaiveWorkbook(options: { spreadsheetId: string; rootUrl: string }): Workbook {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: "actionlog-bench" });
  const api = sheets({ version: "v4", auth, rootUrl: options.rootUrl, retry: false });
  const { spreadsheetId } = options;
  let known: RawWorkbook = { tabs: [] };

  const getRow = async (title: string, row: number): Promise<Cell[]> => {
    const answer = await api.spreadsheets.values.get({ spreadsheetId, range: `${quoteSheetName(title)}!${row}:${row}`, valueRenderOption: "UNFORMATTED_VALUE" });
    return (answer.data.values?.[0] ?? []).map(toCell);
  };

  const readTab = async (title: string): Promise<RawTab> => {
    const headers = trimHeaders((await getRow(title, 1)).map((cell) => (cell === null ? "" : String(cell))));
    const rows: RawTab["rows"] = [];
    if (APPEND_ONLY.has(title.toLowerCase())) {
      const column = await api.spreadsheets.values.get({ spreadsheetId, range: `${quoteSheetName(title)}!A:A` });
      const last = column.data.values?.length ?? 1;
      // The tracker knows where to append; the rows' contents stay unread, as placeholders.
      for (let row = 2; row <= last; row += 1) rows.push({ row, cells: alignRow(["(unread)"], headers.length) });
      return { name: title, headers, rows };
    }
    for (let row = 2; ; row += 1) {
      const cells = await getRow(title, row);
      if (isBlankRow(cells)) break;
      rows.push({ row, cells: alignRow(cells, headers.length) });
    }
    return { name: title, headers, rows };
  };

  const read = async (): Promise<RawWorkbook> => {
    const listing = await api.spreadsheets.get({ spreadsheetId, fields: "sheets.properties(sheetId,title)" });
    const titles = (listing.data.sheets ?? []).map((sheet) => sheet.properties?.title ?? "");
    const tabs: RawTab[] = [];
    for (const title of titles) tabs.push(await readTab(title));
    known = { tabs };
    return { tabs: tabs.map((tab) => ({ ...tab, rows: tab.rows.map((r) => ({ row: r.row, cells: [...r.cells] })) })) };
  };

  const writeCell = (title: string, row: number, column: number, value: Cell) =>
    api.spreadsheets.values.update({ spreadsheetId, range: a1(title, row, column), valueInputOption: "RAW", requestBody: { values: [[value ?? ""]] } });

  const apply = async (batch: ChangeBatch): Promise<ApplyResult> => {
    if (isEmptyBatch(batch)) return { applied: 0, skipped: [] };
    const plan = planBatch(known, batch);
    for (const tab of plan.tabs) {
      if (!findTab(known.tabs, tab.name)) {
        const request: sheets_v4.Schema$Request = { addSheet: { properties: { title: tab.name } } };
        await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: [request] } });
      }
      const rows = [tab.headers, ...tab.rows];
      for (const [r, cells] of rows.entries()) {
        for (const [c, value] of cells.entries()) if (value !== null && value !== "") await writeCell(tab.name, r + 1, c + 1, value);
      }
    }
    for (const write of plan.writes) await writeCell(write.tab, write.row, write.column, write.value);
    for (const append of plan.appends) {
      for (const [c, value] of append.cells.entries()) if (value !== null) await writeCell(append.tab, append.row, c + 1, value);
    }
    known = remember(known, plan);
    return { applied: plan.applied, skipped: plan.skipped };
  };

  return { label: `naive:${spreadsheetId}`, read, apply };
}

/** What the tracker believes the sheet holds after its own writes (it never reads again). */
function remember(book: RawWorkbook, plan: ReturnType<typeof planBatch>): RawWorkbook {
  const tabs = book.tabs.map((tab) => ({ ...tab, rows: tab.rows.map((r) => ({ row: r.row, cells: [...r.cells] })) }));
  for (const replaced of plan.tabs) {
    const fresh: RawTab = { name: replaced.name, headers: replaced.headers, rows: replaced.rows.map((cells, i) => ({ row: i + 2, cells })) };
    const existing = findTab(tabs, replaced.name);
    if (existing) tabs[tabs.indexOf(existing)] = fresh;
    else tabs.push(fresh);
  }
  for (const write of plan.writes) {
    const row = findTab(tabs, write.tab)?.rows.find((r) => r.row === write.row);
    if (row) row.cells[write.column - 1] = write.value;
  }
  for (const append of plan.appends) findTab(tabs, append.tab)?.rows.push({ row: append.row, cells: [...append.cells] });
  return { tabs };
}
