/** Merged cells: every cell of a merge reads as the value shown in it (its top-left cell's), and only that cell can be written. */
import { columnLetter } from "../../sheets-schema/columns.js";
import type { Cell } from "../core/types.js";
import type { RawTab } from "./workbook.js";

/** A merge's cells, 1-based and inclusive, as exceljs and a member's A1 ranges count them. */
export interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const columnNumber = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** `C14`, for messages. */
export const cellName = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/** `C14:C16`, the form RawTab.merges holds. */
export const rangeName = (box: MergeBox): string => `${cellName(box.top, box.left)}:${cellName(box.bottom, box.right)}`;

/** Parses `C14:C16` (or a lone `C14`); undefined for anything else, which no adapter produces. */
export const parseRange = (range: string): MergeBox | undefined => {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.toUpperCase());
  if (!match) return undefined;
  const [top, left] = [Number(match[2]), columnNumber(match[1] ?? "")];
  const [bottom, right] = match[3] === undefined ? [top, left] : [Number(match[4]), columnNumber(match[3])];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
};

export const mergeBoxes = (merges: readonly string[] | undefined): MergeBox[] =>
  (merges ?? []).flatMap((range) => {
    const box = parseRange(range);
    return box ? [box] : [];
  });

/** The merge that covers the cell without starting at it: a write there changes nothing a member sees. */
export const coveringMerge = (boxes: readonly MergeBox[], row: number, column: number): MergeBox | undefined =>
  boxes.find((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right && (row !== b.top || column !== b.left));

/**
 * The tab as a member sees it: each covered cell shows its merge's top-left value, whatever it
 * held before the merge. A row whose only content is a merge reaching down from above still reads
 * as blank, as it looks in the sheet; merges are filled only across the columns the tab uses, so
 * a merge over a whole row stays cheap.
 */
export const withMerges = (tab: RawTab, merges: readonly string[]): RawTab => {
  // In sheet order, so every adapter lists them alike.
  const boxes = mergeBoxes(merges).sort((a, b) => a.top - b.top || a.left - b.left);
  if (boxes.length === 0) return tab;
  const headers = [...tab.headers];
  // A loop, not Math.max(...rows): spreading 100k rows into arguments overflows the stack.
  let width = headers.length;
  for (const row of tab.rows) width = Math.max(width, row.cells.length);
  const covered = (row: number, visit: (column: number, box: MergeBox) => void) => {
    for (const box of boxes) {
      if (row < box.top || row > box.bottom) continue;
      for (let column = box.left; column <= Math.min(box.right, width); column += 1) if (row !== box.top || column !== box.left) visit(column, box);
    }
  };
  const rows = tab.rows.flatMap((row) => {
    const cells = [...row.cells];
    covered(row.row, (column) => {
      if (column <= cells.length) cells[column - 1] = null;
    });
    return cells.some((cell) => cell !== null && cell !== "") ? [{ row: row.row, cells }] : [];
  });
  const original = new Map(tab.rows.map((row) => [row.row, row.cells]));
  const topLeft = (box: MergeBox): Cell => (box.top === 1 ? (tab.headers[box.left - 1] ?? null) : (original.get(box.top)?.[box.left - 1] ?? null));
  const values = new Map(boxes.map((box) => [box, topLeft(box)]));
  covered(1, (column, box) => {
    headers[column - 1] = String(values.get(box) ?? "");
  });
  for (const row of rows) {
    covered(row.row, (column, box) => {
      row.cells[column - 1] = values.get(box) ?? null;
    });
  }
  const shownHeaders = trimmed(Array.from(headers, (header) => header ?? ""));
  // As every adapter aligns rows: blanks as null, as wide as the headers or the last used cell.
  for (const row of rows) {
    let used = row.cells.length;
    while (used > 0 && (row.cells[used - 1] ?? null) === null) used -= 1;
    row.cells = Array.from({ length: Math.max(shownHeaders.length, used) }, (_, i) => row.cells[i] ?? null);
  }
  return { ...tab, headers: shownHeaders, rows, merges: boxes.map(rangeName) };
};

const trimmed = (headers: string[]): string[] => {
  let end = headers.length;
  while (end > 0 && (headers[end - 1] ?? "").trim() === "") end -= 1;
  return headers.slice(0, end);
};
