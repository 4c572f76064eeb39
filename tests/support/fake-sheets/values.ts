/** The fake's single-range values API, values.get and values.update: what cell-by-cell trackers call, for the bench's naive baseline. */
import type { sheets_v4 } from "@googleapis/sheets";
import { valuesBatchUpdate } from "./batch-update.js";
import type { FakeSpreadsheet } from "./store.js";
import { effectiveCell, resolveRange } from "./store.js";

/** values.get: the range's shown values as rows, trailing blank cells and rows trimmed as Google trims them. */
export const valuesGet = (book: FakeSpreadsheet, range: string): sheets_v4.Schema$ValueRange => {
  const { sheet, parsed } = resolveRange(book, range);
  const top = parsed.startRow ?? 0;
  const bottom = Math.min(parsed.endRow ?? sheet.cells.length, sheet.cells.length);
  const left = parsed.startColumn ?? 0;
  const values: unknown[][] = [];
  for (let row = top; row < bottom; row += 1) {
    const cells = (sheet.cells[row] ?? []).slice(left, parsed.endColumn).map((cell) => effectiveCell(cell?.value) ?? "");
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    values.push(cells);
  }
  while (values.length > 0 && values[values.length - 1]?.length === 0) values.pop();
  return { range, majorDimension: "ROWS", ...(values.length > 0 ? { values } : {}) };
};

/** values.update: one range written, with the same RAW rules as values.batchUpdate. */
export const valuesUpdate = (book: FakeSpreadsheet, range: string, query: URLSearchParams, body: sheets_v4.Schema$ValueRange): FakeSpreadsheet =>
  valuesBatchUpdate(book, { valueInputOption: query.get("valueInputOption") ?? "", data: [{ range, values: body.values ?? [] }] });
