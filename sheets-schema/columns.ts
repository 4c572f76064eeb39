/** Finds columns by header name (ignoring case and surrounding spaces), never by position. */
import type { RawTab, SheetRow } from "../shared/adapters/workbook.js";
import type { Cell, Problem } from "../shared/core/types.js";
import { headerKey } from "./tabs.js";

export interface TabColumns {
  tab: string;
  /** headerKey(header) → zero-based column index; the first occurrence wins. */
  index: ReadonlyMap<string, number>;
}

export interface LocatedTab {
  columns: TabColumns;
  /** Missing required headers and duplicated headers, as problems on row 1. */
  problems: Problem[];
}

export function locateColumns(tab: RawTab, required: readonly string[]): LocatedTab {
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  tab.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (key === "") return;
    if (index.has(key)) {
      problems.push(headerProblem(tab.name, header, `Header "${header.trim()}" appears twice; rename or delete the second one so each column has one meaning`));
      return;
    }
    index.set(key, i);
  });
  for (const header of required) {
    if (!index.has(headerKey(header))) {
      problems.push(headerProblem(tab.name, header, `Header "${header}" is missing from row 1 of the ${tab.name} tab; add it back (the automation finds columns by header name)`));
    }
  }
  return { columns: { tab: tab.name, index }, problems };
}

const headerProblem = (tab: string, column: string, message: string): Problem => ({
  tab,
  row: 1,
  ref: "",
  column,
  message,
});

/** The cell under `header` in `row`, or null when the column or cell is absent. */
export const cellAt = (row: SheetRow, columns: TabColumns, header: string): Cell => {
  const i = columns.index.get(headerKey(header));
  return i === undefined ? null : (row.cells[i] ?? null);
};

/**
 * Picks the cells of `headers` out of each row, keyed by header as written in HEADERS. The
 * columns are found once for the tab, not once per cell: a 100k-row tab has over a million cells.
 */
export const cellPicker = <H extends string>(columns: TabColumns, headers: readonly H[]): ((row: SheetRow) => Record<H, Cell>) => {
  const indexes = headers.map((header) => columns.index.get(headerKey(header)));
  return (row) => {
    const out = {} as Record<H, Cell>;
    for (let h = 0; h < headers.length; h++) {
      const i = indexes[h];
      out[headers[h] as H] = i === undefined ? null : (row.cells[i] ?? null);
    }
    return out;
  };
};
