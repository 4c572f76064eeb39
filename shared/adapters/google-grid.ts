/** Converts between Sheets API grid data and the port's cells, and turns a batch plan into the one write request. */
import { columnLetter } from "../../sheets-schema/columns.js";
import type { sheets_v4 } from "@googleapis/sheets";
import type { Cell } from "../core/types.js";
import type { BatchPlan } from "./batch-plan.js";
import { alignRow, findTab, isBlankRow, trimHeaders } from "./batch-plan.js";
import { rangeName, withMerges } from "./merged-cells.js";
import type { RawTab } from "./workbook.js";

/** One sheet's identity and grid size, as the adapter last saw them. */
export interface SheetInfo {
  sheetId: number;
  /** The tab's title, under the name the port's helpers (findTab) look for. */
  name: string;
  rowCount: number;
  columnCount: number;
  /** True when the sheet has merged cells, which a rebuild of the whole tab must undo first. */
  merged?: boolean;
}

/** Google's error cells, as UNFORMATTED_VALUE reports them. */
const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: "#NULL!",
  DIVIDE_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  REF: "#REF!",
  NAME: "#NAME?",
  NUM: "#NUM!",
  N_A: "#N/A",
  LOADING: "Loading...",
};

/** New sheets start at Google's default size; smaller ones look broken to members. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** Sheet ids for new tabs: the smallest unused, since Google numbers members' tabs at random up to 2^31. */
export const sheetIdAllocator = (taken: Iterable<number>) => {
  const used = new Set(taken);
  return (): number => {
    let id = 1;
    while (used.has(id)) id += 1;
    used.add(id);
    return id;
  };
};

/** `'Register DAG30'`, `'Bob''s tab'`: always quoted, since names with spaces, digits or apostrophes need it. */
export const quoteSheetName = (title: string): string => `'${title.replaceAll("'", "''")}'`;

/** `'Actions'!L14` for 1-based row and column, or a row span `'Audit'!A9:H9`. */
export const a1 = (title: string, row: number, column: number, lastColumn = column): string =>
  `${quoteSheetName(title)}!${columnLetter(column)}${row}${lastColumn > column ? `:${columnLetter(lastColumn)}${row}` : ""}`;

/** A cell's shown value: dates come as serial numbers, formulas as their results, errors as #N/A and friends. */
export const cellFromValue = (value: sheets_v4.Schema$ExtendedValue | null | undefined): Cell => {
  if (!value) return null;
  if (typeof value.stringValue === "string") return value.stringValue === "" ? null : value.stringValue;
  if (typeof value.numberValue === "number") return value.numberValue;
  if (typeof value.boolValue === "boolean") return value.boolValue;
  if (value.errorValue) return ERROR_TEXT[value.errorValue.type ?? ""] ?? "#ERROR!";
  return null;
};

/** What the adapter writes: strings stay text (never parsed as formulas or dates), blanks clear the cell. */
export const cellData = (cell: Cell): sheets_v4.Schema$CellData => {
  if (cell === null || cell === "") return {};
  if (typeof cell === "string") return { userEnteredValue: { stringValue: cell } };
  if (typeof cell === "number") return { userEnteredValue: { numberValue: cell } };
  return { userEnteredValue: { boolValue: cell } };
};

/** Field mask for reading grids: sheet identities, merges and shown values, nothing else. */
export const GRID_FIELDS =
  "sheets(properties(sheetId,title,index,sheetType,gridProperties(rowCount,columnCount)),merges,data(startRow,startColumn,rowData(values(effectiveValue))))";

export const sheetInfo = (sheet: sheets_v4.Schema$Sheet): SheetInfo => ({
  sheetId: sheet.properties?.sheetId ?? 0,
  name: sheet.properties?.title ?? "",
  rowCount: sheet.properties?.gridProperties?.rowCount ?? DEFAULT_ROWS,
  columnCount: sheet.properties?.gridProperties?.columnCount ?? DEFAULT_COLUMNS,
  ...((sheet.merges ?? []).length > 0 ? { merged: true } : {}),
});

/** A merge's GridRange (0-based, end exclusive) as the port's A1 range, e.g. "C14:C16". */
const mergeRange = (range: sheets_v4.Schema$GridRange): string => {
  const top = (range.startRowIndex ?? 0) + 1;
  const left = (range.startColumnIndex ?? 0) + 1;
  return rangeName({ top, left, bottom: Math.max(top, range.endRowIndex ?? top), right: Math.max(left, range.endColumnIndex ?? left) });
};

/** Chart sheets and connected-data sheets have no cells to read or write. */
export const isGridSheet = (sheet: sheets_v4.Schema$Sheet): boolean => (sheet.properties?.sheetType ?? "GRID") === "GRID";

/** One sheet's grid data (read whole, from row 1) as the port's tab: headers from row 1, non-blank rows after it. */
export const tabFromSheet = (sheet: sheets_v4.Schema$Sheet): RawTab => {
  const data = sheet.data?.[0];
  const top = data?.startRow ?? 0;
  const rowCells = (row: sheets_v4.Schema$RowData | undefined): Cell[] => (row?.values ?? []).map((value) => cellFromValue(value?.effectiveValue));
  const rowData = data?.rowData ?? [];
  const headerCells = top === 0 ? rowCells(rowData[0]) : [];
  const headers = trimHeaders(headerCells.map((cell) => (cell === null ? "" : String(cell))));
  const rows: RawTab["rows"] = [];
  rowData.forEach((row, index) => {
    const number = top + index + 1;
    if (number < 2) return;
    const cells = rowCells(row);
    if (!isBlankRow(cells)) rows.push({ row: number, cells: alignRow(cells, headers.length) });
  });
  // Every cell of a merge reads as the value shown in it, as Excel's merges do in the xlsx adapter.
  return withMerges({ name: sheet.properties?.title ?? "", headers, rows }, (sheet.merges ?? []).map(mergeRange));
};

/** The plan's cell writes and appended rows as fixed ranges for one values.batchUpdate (RAW, so text stays text). */
export const valueRanges = (plan: Pick<BatchPlan, "writes" | "appends">): sheets_v4.Schema$ValueRange[] => [
  // An empty string clears a cell; null (used in appended rows) leaves it as it is.
  ...plan.writes.map((write) => ({ range: a1(write.tab, write.row, write.column), values: [[write.value ?? ""]] })),
  ...plan.appends.map((append) => ({ range: a1(append.tab, append.row, 1, Math.max(1, append.cells.length)), values: [append.cells] })),
];

interface Growth {
  rows: number;
  columns: number;
}

/**
 * The plan as one spreadsheets.batchUpdate, for batches that create or replace tabs: new tabs are
 * added with ids chosen here so later requests in the same call can name them; replaced tabs are
 * rewritten whole (cells beyond the new rows cleared, formatting kept); grids grow where writes need it.
 */
export const spreadsheetRequests = (plan: BatchPlan, directory: readonly SheetInfo[], newSheetId: () => number): sheets_v4.Schema$Request[] => {
  const known = directory.map((sheet) => ({ ...sheet }));
  const added = new Set<number>();
  const needs = new Map<number, Growth>();
  const need = (sheetId: number, rows: number, columns: number) => {
    const current = needs.get(sheetId) ?? { rows: 0, columns: 0 };
    needs.set(sheetId, { rows: Math.max(current.rows, rows), columns: Math.max(current.columns, columns) });
  };
  const sheetFor = (name: string): SheetInfo => {
    const found = findTab(known, name);
    if (found) return found;
    const sheet = { sheetId: newSheetId(), name, rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS };
    known.push(sheet);
    added.add(sheet.sheetId);
    return sheet;
  };

  const writes: sheets_v4.Schema$Request[] = [];
  const renames: sheets_v4.Schema$Request[] = [];
  for (const tab of plan.tabs) {
    const sheet = sheetFor(tab.name);
    if (!added.has(sheet.sheetId) && sheet.name !== tab.name) {
      renames.push({ updateSheetProperties: { properties: { sheetId: sheet.sheetId, title: tab.name }, fields: "title" } });
      sheet.name = tab.name;
    }
    const rows = [tab.headers, ...tab.rows];
    need(sheet.sheetId, rows.length, Math.max(...rows.map((row) => row.length)));
    // A member's merges in a generated tab would hide the rebuilt rows' cells; Excel's rebuilt sheet has none either.
    if (sheet.merged) writes.push({ unmergeCells: { range: { sheetId: sheet.sheetId } } });
    writes.push({ updateCells: { range: { sheetId: sheet.sheetId }, rows: rows.map((row) => ({ values: row.map(cellData) })), fields: "userEnteredValue" } });
  }
  const cellsAt = (name: string, row: number, column: number, cells: Cell[]) => {
    const sheet = sheetFor(name);
    need(sheet.sheetId, row, column - 1 + cells.length);
    writes.push({
      updateCells: { start: { sheetId: sheet.sheetId, rowIndex: row - 1, columnIndex: column - 1 }, rows: [{ values: cells.map(cellData) }], fields: "userEnteredValue" },
    });
  };
  for (const write of plan.writes) cellsAt(write.tab, write.row, write.column, [write.value]);
  for (const append of plan.appends) cellsAt(append.tab, append.row, 1, append.cells);

  const sizing: sheets_v4.Schema$Request[] = [];
  for (const sheet of known) {
    const wanted = needs.get(sheet.sheetId);
    if (added.has(sheet.sheetId)) {
      sizing.push(
        {
          addSheet: {
            properties: {
              sheetId: sheet.sheetId,
              title: sheet.name,
              gridProperties: { rowCount: Math.max(DEFAULT_ROWS, wanted?.rows ?? 0), columnCount: Math.max(DEFAULT_COLUMNS, wanted?.columns ?? 0), frozenRowCount: 1 },
            },
          },
        },
        { repeatCell: { range: { sheetId: sheet.sheetId, startRowIndex: 0, endRowIndex: 1 }, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: "userEnteredFormat.textFormat.bold" } },
      );
      continue;
    }
    if (wanted && wanted.rows > sheet.rowCount) sizing.push({ appendDimension: { sheetId: sheet.sheetId, dimension: "ROWS", length: wanted.rows - sheet.rowCount } });
    if (wanted && wanted.columns > sheet.columnCount) {
      sizing.push({ appendDimension: { sheetId: sheet.sheetId, dimension: "COLUMNS", length: wanted.columns - sheet.columnCount } });
    }
  }
  return [...sizing, ...renames, ...writes];
};
