/** Finds columns by header name (ignoring case and surrounding spaces), never by position. */
import type { RawTab, SheetRow } from "../shared/adapters/workbook.js";
import { listInWords } from "../shared/core/text.js";
import type { Cell, Problem } from "../shared/core/types.js";
import { headerKey } from "./tabs.js";

export interface TabColumns {
  tab: string;
  /** headerKey(header) → zero-based column index; the first occurrence (a repeated required header blocks every job, unless informational). */
  index: ReadonlyMap<string, number>;
}

export interface LocatedTab {
  columns: TabColumns;
  /** Missing required headers and duplicated headers, as problems on row 1. */
  problems: Problem[];
  /**
   * The header problems no job may run with, missing ones first: a required header that is
   * missing, or written over two columns (jobs would read and write whichever came first,
   * overwriting a member's own column that happens to share the name). An informational
   * header on two columns is not among them: nothing is written there or decided from it.
   */
  blocking: Problem[];
}

/** `G` for column 7, `AA` for column 27 (1-based), as a member sees it above the column. */
export const columnLetter = (column: number): string => {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/**
 * Finds the tab's columns. `informational` lists required headers that actionlog only keeps for
 * people (Meetings Notes): a repeat of one is a problem on row 1, and its first column is used.
 */
export function locateColumns(tab: RawTab, required: readonly string[], informational: readonly string[] = []): LocatedTab {
  const index = new Map<string, number>();
  const places = new Map<string, number[]>();
  const problems: Problem[] = [];
  tab.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (key === "") return;
    places.set(key, [...(places.get(key) ?? []), i]);
    if (index.has(key)) return;
    index.set(key, i);
  });
  const missing: Problem[] = [];
  const repeated: Problem[] = [];
  const shown: Problem[] = [];
  const onlyShown = new Set(informational.map(headerKey));
  for (const header of required) {
    const at = places.get(headerKey(header));
    if (!at) {
      missing.push(headerProblem(tab.name, header, `Header "${header}" is missing from row 1 of the ${tab.name} tab; add it back (the automation finds columns by header name)`));
    } else if (at.length > 1 && onlyShown.has(headerKey(header))) {
      shown.push(headerProblem(tab.name, header, `${repeatedColumns(tab, header, at)}; actionlog neither writes ${header} nor decides anything from it, so it carries on, but rename your own column (for example to "My ${header}") so each column has one meaning`));
    } else if (at.length > 1) {
      repeated.push(headerProblem(tab.name, header, repeatedMessage(tab, header, at)));
    }
  }
  const wanted = new Set(required.map(headerKey));
  for (const [key, at] of places) {
    if (at.length < 2 || wanted.has(key)) continue;
    const header = (tab.headers[at[1] ?? 0] ?? key).trim();
    problems.push(headerProblem(tab.name, header, `Header "${header}" appears twice; rename or delete the second one so each column has one meaning`));
  }
  problems.push(...shown, ...repeated, ...missing);
  return { columns: { tab: tab.name, index }, problems, blocking: [...missing, ...repeated] };
}

/** Names every column holding the header, as written there, since the member must find their own among them. */
function repeatedColumns(tab: RawTab, header: string, at: readonly number[]): string {
  const columns = at.map((i) => `${columnLetter(i + 1)} ("${(tab.headers[i] ?? "").trim()}")`);
  return `Header "${header}" is on ${at.length === 2 ? "both" : at.length} columns ${listInWords(columns)} (headers match ignoring case)`;
}

const repeatedMessage = (tab: RawTab, header: string, at: readonly number[]): string =>
  `${repeatedColumns(tab, header, at)}, so actionlog cannot tell which is its ${header} column ` +
  `and stops without writing or sending anything; rename your own column (for example to "My ${header}") and run again`;

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
