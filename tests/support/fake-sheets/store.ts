/** The fake Sheets API's model of a spreadsheet: sheets as grids of cells, seeded from and snapshotted to the port's shapes. */
import type { sheets_v4 } from "@googleapis/sheets";
import { alignRow, isBlankRow, trimHeaders } from "../../../shared/adapters/batch-plan.js";
import { mergeBoxes, rangeName, withMerges } from "../../../shared/adapters/merged-cells.js";
import type { RawTab, RawWorkbook } from "../../../shared/adapters/workbook.js";
import type { Cell } from "../../../shared/core/types.js";
import { A1Error, parseA1 } from "./a1.js";

export interface FakeCell {
  value?: sheets_v4.Schema$ExtendedValue;
  dataValidation?: sheets_v4.Schema$DataValidationRule;
}

export interface FakeSheet {
  properties: {
    sheetId: number;
    title: string;
    index: number;
    sheetType: "GRID";
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number };
  };
  /** Row-major, 0-based; holes are blank cells. */
  cells: (FakeCell | undefined)[][];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  charts: sheets_v4.Schema$EmbeddedChart[];
  /** Merged cells, 0-based and end-exclusive as the API gives them; only a merge's top-left cell shows or takes a value. */
  merges: sheets_v4.Schema$GridRange[];
}

export interface FakeSpreadsheet {
  spreadsheetId: string;
  title: string;
  sheets: FakeSheet[];
  /** Ids handed out for sheets, charts and protected ranges the caller did not number. */
  nextId: number;
}

/** An error the fake answers with, in Google's JSON error shape. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

export const errorBody = (status: number, message: string) => ({
  error: { code: status, message, status: STATUS_NAMES[status] ?? "UNKNOWN" },
});

export const toExtended = (cell: Cell): sheets_v4.Schema$ExtendedValue | undefined => {
  if (cell === null || cell === "") return undefined;
  if (typeof cell === "string") return { stringValue: cell };
  if (typeof cell === "number") return { numberValue: cell };
  return { boolValue: cell };
};

/** What a cell shows; the fake evaluates no formulas, so a formula cell reads as blank. */
export const effectiveCell = (value: sheets_v4.Schema$ExtendedValue | undefined): Cell => {
  if (!value) return null;
  if (typeof value.stringValue === "string") return value.stringValue === "" ? null : value.stringValue;
  if (typeof value.numberValue === "number") return value.numberValue;
  if (typeof value.boolValue === "boolean") return value.boolValue;
  return null;
};

export const newSheet = (book: FakeSpreadsheet, title: string, sheetId?: number): FakeSheet => {
  if (book.sheets.some((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase())) {
    throw new FakeApiError(400, `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  const id = sheetId ?? book.nextId++;
  if (book.sheets.some((sheet) => sheet.properties.sheetId === id)) throw new FakeApiError(400, `Invalid requests[0].addSheet: Sheet ID ${id} is already in use.`);
  return {
    properties: { sheetId: id, title, index: book.sheets.length, sheetType: "GRID", gridProperties: { rowCount: 1000, columnCount: 26 } },
    cells: [],
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
    merges: [],
  };
};

/** True for a cell (0-based) inside a merge other than its top-left one: Sheets shows nothing there and ignores writes to it. */
export const isCovered = (sheet: FakeSheet, row: number, column: number): boolean =>
  sheet.merges.some(
    (m) =>
      row >= (m.startRowIndex ?? 0) && row < (m.endRowIndex ?? 0) && column >= (m.startColumnIndex ?? 0) && column < (m.endColumnIndex ?? 0) &&
      (row !== (m.startRowIndex ?? 0) || column !== (m.startColumnIndex ?? 0)),
  );

/** Builds a spreadsheet holding exactly `tabs`, header in row 1 and each row at its row number. */
export const seedSpreadsheet = (spreadsheetId: string, tabs: readonly RawTab[], title = "Action log"): FakeSpreadsheet => {
  const book: FakeSpreadsheet = { spreadsheetId, title, sheets: [], nextId: 1 };
  for (const tab of tabs) {
    const sheet = newSheet(book, tab.name);
    const stored = (cells: readonly Cell[]): FakeCell[] => cells.map((cell) => {
      const value = toExtended(cell);
      return value ? { value } : {};
    });
    sheet.cells[0] = stored(tab.headers);
    for (const row of tab.rows) sheet.cells[row.row - 1] = stored(row.cells);
    const width = Math.max(26, tab.headers.length, ...tab.rows.map((row) => row.cells.length));
    const height = Math.max(1000, ...tab.rows.map((row) => row.row));
    sheet.properties.gridProperties = { rowCount: height, columnCount: width };
    sheet.merges = mergeBoxes(tab.merges).map((box) => ({
      sheetId: sheet.properties.sheetId,
      startRowIndex: box.top - 1,
      endRowIndex: box.bottom,
      startColumnIndex: box.left - 1,
      endColumnIndex: box.right,
    }));
    book.sheets.push(sheet);
  }
  return book;
};

const rowCells = (sheet: FakeSheet, row: number): Cell[] =>
  (sheet.cells[row] ?? []).map((cell, column) => (isCovered(sheet, row, column) ? null : effectiveCell(cell?.value)));

const mergeNames = (sheet: FakeSheet): string[] =>
  sheet.merges.map((m) => rangeName({ top: (m.startRowIndex ?? 0) + 1, left: (m.startColumnIndex ?? 0) + 1, bottom: m.endRowIndex ?? 1, right: m.endColumnIndex ?? 1 }));

/** A sheet as the port reports it, for comparing against what the adapter read. */
export const snapshotSheet = (sheet: FakeSheet): RawTab => {
  const headers = trimHeaders(rowCells(sheet, 0).map((cell) => (cell === null ? "" : String(cell))));
  const rows: RawTab["rows"] = [];
  for (let index = 1; index < sheet.cells.length; index += 1) {
    const cells = rowCells(sheet, index);
    if (!isBlankRow(cells)) rows.push({ row: index + 1, cells: alignRow(cells, headers.length) });
  }
  return withMerges({ name: sheet.properties.title, headers, rows }, mergeNames(sheet));
};

export const snapshotSpreadsheet = (book: FakeSpreadsheet): RawWorkbook => ({ tabs: book.sheets.map(snapshotSheet) });

export const sheetByTitle = (book: FakeSpreadsheet, title: string): FakeSheet => {
  const sheet = book.sheets.find((s) => s.properties.title === title);
  if (!sheet) throw new FakeApiError(400, `Unable to parse range: ${title}`);
  return sheet;
};

export const sheetById = (book: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet => {
  const sheet = book.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  if (!sheet) throw new FakeApiError(400, `No grid with id: ${sheetId}`);
  return sheet;
};

/** Resolves an A1 range against the book, as a 400 when the sheet does not exist or the range is garbled. */
export const resolveRange = (book: FakeSpreadsheet, range: string) => {
  try {
    const parsed = parseA1(range);
    return { sheet: sheetByTitle(book, parsed.title), parsed };
  } catch (error) {
    if (error instanceof A1Error) throw new FakeApiError(400, error.message);
    throw error;
  }
};

const gridCell = (cell: FakeCell | undefined): sheets_v4.Schema$CellData => {
  const data: sheets_v4.Schema$CellData = {};
  if (cell?.value) {
    data.userEnteredValue = { ...cell.value };
    if (cell.value.formulaValue === undefined) data.effectiveValue = { ...cell.value };
  }
  if (cell?.dataValidation) data.dataValidation = structuredClone(cell.dataValidation);
  return data;
};

/** Grid data for rows [startRow, endRow) and columns [startColumn, endColumn), trimmed as Google trims it. */
const gridData = (sheet: FakeSheet, startRow = 0, endRow = Number.POSITIVE_INFINITY, startColumn = 0, endColumn = Number.POSITIVE_INFINITY) => {
  const rowData: sheets_v4.Schema$RowData[] = [];
  const lastRow = Math.min(endRow, sheet.cells.length);
  for (let row = startRow; row < lastRow; row += 1) {
    const values = Array.from((sheet.cells[row] ?? []).slice(startColumn, endColumn), (cell, i) => gridCell(isCovered(sheet, row, startColumn + i) ? undefined : cell));
    while (values.length > 0 && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && rowData[rowData.length - 1]?.values === undefined) rowData.pop();
  return { startRow, startColumn, rowData };
};

const sheetJson = (sheet: FakeSheet, withData: boolean, withMerges: boolean, ranges?: ReturnType<typeof parseA1>[]) => {
  const json: sheets_v4.Schema$Sheet = {
    properties: structuredClone(sheet.properties),
    conditionalFormats: structuredClone(sheet.conditionalFormats),
    protectedRanges: structuredClone(sheet.protectedRanges),
    charts: structuredClone(sheet.charts),
  };
  if (withMerges && sheet.merges.length > 0) json.merges = structuredClone(sheet.merges);
  if (withData) {
    json.data = ranges
      ? ranges.map((r) => gridData(sheet, r.startRow, r.endRow, r.startColumn, r.endColumn))
      : [gridData(sheet)];
  }
  return json;
};

/**
 * spreadsheets.get: grid data when asked for (includeGridData, or a field mask naming data), merges when the mask names them, and only
 * the sheets the ranges touch when ranges are given, as the real API does. Other field masks are ignored.
 */
export const getSpreadsheet = (book: FakeSpreadsheet, query: URLSearchParams): sheets_v4.Schema$Spreadsheet => {
  const fields = query.get("fields") ?? "";
  const withData = query.get("includeGridData") === "true" || /(^|[,(.])data[(.,)]|data$/.test(fields);
  // Merges only when the field mask names them (or there is no mask), so a reader that forgets to ask gets none, as from Google.
  const withMerges = fields === "" || /(^|[,(.])merges([(.,)]|$)/.test(fields);
  const ranges = query.getAll("ranges");
  const base = { spreadsheetId: book.spreadsheetId, properties: { title: book.title } };
  if (ranges.length === 0) return { ...base, sheets: book.sheets.map((sheet) => sheetJson(sheet, withData, withMerges)) };
  const resolved = ranges.map((range) => resolveRange(book, range));
  const sheets = book.sheets.filter((sheet) => resolved.some((r) => r.sheet === sheet));
  return {
    ...base,
    sheets: sheets.map((sheet) => sheetJson(sheet, withData, withMerges, resolved.filter((r) => r.sheet === sheet).map((r) => r.parsed))),
  };
};
