/** The workbook port: read every tab once, apply one batch of changes once. */
import type { Cell } from "../core/types.js";

export interface SheetRow {
  /** Sheet row number, 1-based; the header is row 1, so data starts at 2. */
  row: number;
  cells: Cell[];
}

export interface RawTab {
  name: string;
  /** Header cells of row 1 exactly as written (users may add their own columns). */
  headers: string[];
  /** Data rows in sheet order; rows with no values at all may be omitted. */
  rows: SheetRow[];
  /**
   * Merged cells as A1 ranges ("C14:C16"), present only when the tab has some. Every cell of a
   * merge reads as the value shown in it, its top-left cell's; only that cell can be written.
   */
  merges?: string[];
}

export interface RawWorkbook {
  tabs: RawTab[];
}

/**
 * A guarded write to one cell. The adapter finds the column by header name and
 * the row by `ref` (in the tab's Ref column) when `ref` is set, else by `row`.
 * It writes only if the cell still holds `expected`; otherwise it skips the update.
 */
export interface CellUpdate {
  tab: string;
  row: number;
  ref: string;
  column: string;
  expected: Cell;
  value: Cell;
  /**
   * Extra guard for rows found by number (no usable ref): the row must still hold `value`
   * in `column`, so a row that moved is skipped instead of written.
   */
  match?: { column: string; value: Cell };
}

export interface RowAppend {
  tab: string;
  /** Values by header name; headers the tab lacks are ignored, other columns left blank. */
  values: Record<string, Cell>;
  /** Indexes into the batch's updates that must all have been applied, else the row is not added (audit rows). */
  requires?: number[];
}

export interface TabReplacement {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface ChangeBatch {
  /** Tabs created, or overwritten whole (generated tabs such as registers only). */
  tabs: TabReplacement[];
  updates: CellUpdate[];
  appends: RowAppend[];
}

export interface ApplyResult {
  applied: number;
  /** Updates left for the next run because the sheet moved under the job. */
  skipped: CellUpdate[];
}

export interface ReadOptions {
  /**
   * Only these tabs are needed (names ignoring case). An adapter that can read less does so; any
   * may return more tabs, and a named tab that does not exist is simply absent.
   */
  tabs?: readonly string[];
}

export interface Workbook {
  /** A short description for messages, e.g. the file path; never a secret. */
  readonly label: string;
  read(options?: ReadOptions): Promise<RawWorkbook>;
  apply(batch: ChangeBatch): Promise<ApplyResult>;
}

export const emptyBatch = (): ChangeBatch => ({ tabs: [], updates: [], appends: [] });

export const isEmptyBatch = (batch: ChangeBatch): boolean =>
  batch.tabs.length === 0 && batch.updates.length === 0 && batch.appends.length === 0;
