/** The Google Sheets workbook: one read per job, and one guarded write that re-reads the touched tabs first. */
import type { sheets_v4 } from "@googleapis/sheets";
import { findTab, planBatch } from "./batch-plan.js";
import { createSheetsApi, type SheetsApiOptions } from "./google-sheets-api.js";
import { sheetsStatus } from "./google-sheets-errors.js";
import {
  GRID_FIELDS,
  isGridSheet,
  quoteSheetName,
  type SheetInfo,
  sheetIdAllocator,
  sheetInfo,
  spreadsheetRequests,
  tabFromSheet,
  valueRanges,
} from "./google-grid.js";
import type { ApplyResult, ChangeBatch, RawWorkbook, ReadOptions, Workbook } from "./workbook.js";
import { isEmptyBatch } from "./workbook.js";

/**
 * Options for {@link createGoogleWorkbook}: the spreadsheet id, and for tests the fake server's
 * rootUrl, credentials, retry policy and per-request timeout (see SheetsApiOptions).
 */
export type GoogleWorkbookOptions = SheetsApiOptions;

interface Grid {
  workbook: RawWorkbook;
  directory: SheetInfo[];
}

/**
 * Why spreadsheets.get and not values.batchGet: batchGet needs every tab's name in advance, and the
 * register tabs (`Register DAG30`) are named by the meetings, so it would cost a second call to list
 * them. One spreadsheets.get with a field mask returns the tab list and every tab's shown values
 * (effectiveValue: dates as serial numbers and formula results, as UNFORMATTED_VALUE + SERIAL_NUMBER
 * would give) in a single call, which is what the one-call edit nudge needs.
 */
export function createGoogleWorkbook(options: GoogleWorkbookOptions): Workbook {
  const api = createSheetsApi(options);
  /** Tab ids and sizes from the last read, so the re-read before a write can ask for just the touched tabs. */
  let directory: SheetInfo[] | undefined;

  const fetchGrid = async (ranges: string[] | undefined, purpose: string): Promise<Grid> => {
    const spreadsheet = await api.get({ fields: GRID_FIELDS, ...(ranges ? { ranges } : {}) }, purpose);
    const sheets = (spreadsheet.sheets ?? []).filter(isGridSheet);
    return { workbook: { tabs: sheets.map(tabFromSheet) }, directory: sheets.map(sheetInfo) };
  };

  /**
   * The given sheets read whole, with the directory's entries for them refreshed; everything when
   * one was renamed or deleted since the directory was read (400, "Unable to parse range").
   */
  const fetchSheets = async (known: SheetInfo[], sheets: SheetInfo[], purpose: string): Promise<Grid> => {
    try {
      const grid = await fetchGrid(sheets.map((sheet) => quoteSheetName(sheet.name)), purpose);
      const fresh = new Map(grid.directory.map((sheet) => [sheet.sheetId, sheet]));
      return { workbook: grid.workbook, directory: known.map((sheet) => fresh.get(sheet.sheetId) ?? sheet) };
    } catch (error) {
      if (sheetsStatus(error) === 400) return fetchGrid(undefined, purpose);
      throw error;
    }
  };

  /** Sheets in the directory named by `names`, each once; undefined for a name it does not hold. */
  const sheetsNamed = (known: SheetInfo[], names: readonly string[]): (SheetInfo | undefined)[] => [...new Set(names.map((name) => findTab(known, name)))];

  /** Only the named tabs when the directory knows every one (a lease check reads just the Mail Log); otherwise everything. */
  const read = async (options: ReadOptions = {}): Promise<RawWorkbook> => {
    const known = directory;
    const named = known ? sheetsNamed(known, options.tabs ?? []) : [];
    const sheets = named.filter((sheet) => sheet !== undefined);
    const grid = known && sheets.length > 0 && sheets.length === named.length ? await fetchSheets(known, sheets, "read") : await fetchGrid(undefined, "read");
    directory = grid.directory;
    return grid.workbook;
  };

  /**
   * The state a write is planned against: the touched tabs read whole, just before writing. Whole
   * rows, not only the key columns, because columns are found by header (a member may have moved
   * them) and an append goes after the last non-empty row, which any column can make non-empty.
   * Falls back to reading everything when there is no earlier read or a touched tab was renamed.
   */
  const reread = async (batch: ChangeBatch): Promise<Grid> => {
    const known = directory;
    if (!known) return fetchGrid(undefined, "re-read before writing to");
    const names = [...batch.tabs.map((t) => t.name), ...batch.updates.map((u) => u.tab), ...batch.appends.map((a) => a.tab)];
    const touched = sheetsNamed(known, names).filter((sheet) => sheet !== undefined);
    if (touched.length === 0) return { workbook: { tabs: [] }, directory: known };
    return fetchSheets(known, touched, "re-read before writing to");
  };

  const apply = async (batch: ChangeBatch): Promise<ApplyResult> => {
    if (isEmptyBatch(batch)) return { applied: 0, skipped: [] };
    const current = await reread(batch);
    // The same planner as every other adapter: rows found again by Ref, cells written only if unchanged.
    const plan = planBatch(current.workbook, batch);
    if (plan.applied === 0) return { applied: 0, skipped: plan.skipped };
    if (plan.tabs.length === 0) {
      await api.valuesBatchUpdate(valueRanges(plan), "write to");
    } else {
      const requests: sheets_v4.Schema$Request[] = spreadsheetRequests(plan, current.directory, sheetIdAllocator(current.directory.map((sheet) => sheet.sheetId)));
      await api.batchUpdate(requests, "write to");
      // New tabs have ids the next write must learn by reading again.
      directory = undefined;
    }
    return { applied: plan.applied, skipped: plan.skipped };
  };

  return { label: `gsheet:${options.spreadsheetId}`, read, apply };
}
