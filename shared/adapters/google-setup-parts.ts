/** Shapes and small request builders shared by the Google Sheet setup planners; pure. */
import type { sheets_v4 } from "@googleapis/sheets";
import type { Cell } from "../core/types.js";
import { cellData, DEFAULT_COLUMNS, DEFAULT_ROWS } from "./google-grid.js";

export type SheetRequest = sheets_v4.Schema$Request;

/** One tab of the sheet as setup found it. */
export interface InventoryTab {
  sheetId: number;
  name: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  /** Shown values, row-major from row 1. */
  cells: Cell[][];
  /** The data-validation condition type on each cell of row 2, where there is one. */
  row2Validation: (string | undefined)[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  chartTitles: string[];
}

export interface SheetInventory {
  tabs: InventoryTab[];
}

/** A tab as it will be once the planned requests have run. */
export interface TabLayout {
  sheetId: number;
  name: string;
  headers: string[];
  rowCount: number;
  columnCount: number;
  /** What setup found, or undefined for a tab it adds. */
  found: InventoryTab | undefined;
}

/** The plan's output so far; each step adds requests and says what they do. */
export interface PlanSink {
  add(change: string, ...requests: SheetRequest[]): void;
}

export const boldRow = (sheetId: number): SheetRequest => ({
  repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: 1 }, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: "userEnteredFormat.textFormat.bold" },
});

export const addSheet = (sheetId: number, name: string, columns: number, frozenRows: number): SheetRequest => ({
  addSheet: {
    properties: { sheetId, title: name, gridProperties: { rowCount: DEFAULT_ROWS, columnCount: Math.max(DEFAULT_COLUMNS, columns), ...(frozenRows ? { frozenRowCount: frozenRows } : {}) } },
  },
});

export const writeRow = (sheetId: number, row: number, column: number, cells: readonly Cell[]): SheetRequest => ({
  updateCells: { start: { sheetId, rowIndex: row - 1, columnIndex: column - 1 }, rows: [{ values: cells.map(cellData) }], fields: "userEnteredValue" },
});
