/** Plans a ChangeBatch against a workbook's current contents: the compare-and-set rules every adapter shares. */
import { headerKey, tabNamed as findTab } from "../../sheets-schema/tabs.js";
import { ActionlogError } from "../core/errors.js";
import { cellText } from "../core/text.js";
import type { Cell } from "../core/types.js";
import { coveringMerge, type MergeBox, mergeBoxes } from "./merged-cells.js";
import type { CellUpdate, ChangeBatch, RawTab, RawWorkbook, TabReplacement } from "./workbook.js";

/** One cell to write; `column` is 1-based, `tab` is the tab's name as the workbook spells it. */
export interface CellWrite {
  tab: string;
  row: number;
  column: number;
  value: Cell;
}

/** One appended row; `cells[i]` belongs in column i + 1, null means leave the cell blank. */
export interface RowWrite {
  tab: string;
  row: number;
  cells: Cell[];
}

/** What an adapter must do, in order: replace tabs, write cells, append rows. */
export interface BatchPlan {
  tabs: TabReplacement[];
  writes: CellWrite[];
  appends: RowWrite[];
  skipped: CellUpdate[];
  applied: number;
}

interface PlanTab {
  name: string;
  headers: string[];
  rows: Map<number, Cell[]>;
  /** Ref → rows holding it, built on first use so 10k updates stay linear. */
  refs?: Map<string, number[]> | undefined;
  /** Merged cells: a write to any but a merge's top-left cell would change nothing a member sees. */
  merges: MergeBox[];
}

/** Every adapter reports blanks as null, so the empty string is normalised away on the way in and out. */
export const normaliseCell = (cell: Cell | undefined): Cell => (cell === undefined || cell === "" ? null : cell);

/**
 * Compare-and-set equality, by what the member sees: jobs read cells as trimmed text (a Carried of
 * 2 the last run wrote is "2"; a Status typed " open " is "open"), so a strict test would call
 * those cells changed and skip the write on every run. Blank, null and spaces are one value; a
 * different text is a member's edit.
 */
export const sameCell = (a: Cell | undefined, b: Cell | undefined): boolean => a === b || cellText(a) === cellText(b);

export const isBlankRow = (cells: readonly Cell[]): boolean => cells.every((cell) => normaliseCell(cell) === null);

/** Tab names are unique ignoring case in both Excel and Google Sheets; an exact match wins. */
export { findTab };

/** Index of the first header matching `name` ignoring case and surrounding spaces, or -1. */
export const columnIndex = (headers: readonly string[], name: string): number => {
  const key = headerKey(name);
  return headers.findIndex((header) => headerKey(header) === key);
};

/** Headers as read: trailing blank header cells are not columns. */
export const trimHeaders = (headers: readonly string[]): string[] => {
  let end = headers.length;
  while (end > 0 && (headers[end - 1] ?? "").trim() === "") end -= 1;
  return headers.slice(0, end);
};

/** A data row as read: blanks as null, as long as the headers or the last used cell, whichever is longer. */
export const alignRow = (cells: readonly (Cell | undefined)[], headerCount: number): Cell[] => {
  const normalised = cells.map(normaliseCell);
  let used = normalised.length;
  while (used > 0 && normalised[used - 1] === null) used -= 1;
  const length = Math.max(headerCount, used);
  return Array.from({ length }, (_, index) => normalised[index] ?? null);
};

const toPlanTab = (tab: RawTab): PlanTab => ({
  name: tab.name,
  headers: [...tab.headers],
  rows: new Map(tab.rows.map((row) => [row.row, [...row.cells]])),
  merges: mergeBoxes(tab.merges),
});

const fromReplacement = (tab: TabReplacement): PlanTab => ({
  name: tab.name,
  headers: [...tab.headers],
  rows: new Map(tab.rows.map((cells, index) => [index + 2, [...cells]])),
  merges: [],
});

const refIndex = (tab: PlanTab): Map<string, number[]> => {
  if (tab.refs) return tab.refs;
  const refs = new Map<string, number[]>();
  const refColumn = columnIndex(tab.headers, "Ref");
  if (refColumn >= 0) {
    for (const [row, cells] of tab.rows) {
      const ref = cellText(cells[refColumn]);
      if (ref !== "") refs.set(ref, [...(refs.get(ref) ?? []), row]);
    }
  }
  tab.refs = refs;
  return refs;
};

/** The single row holding `ref` in the Ref column, or undefined when it is missing or duplicated. */
const rowForRef = (tab: PlanTab, ref: string): number | undefined => {
  const rows = refIndex(tab).get(ref.trim());
  return rows?.length === 1 ? rows[0] : undefined;
};

/** A row found by number must still hold the guard value, else it has moved. */
const matchesGuard = (tab: PlanTab, cells: readonly Cell[], match: CellUpdate["match"]): boolean => {
  if (!match) return true;
  const column = columnIndex(tab.headers, match.column);
  return column >= 0 && sameCell(cells[column], match.value);
};

const lastUsedRow = (tab: PlanTab): number => {
  let last = 1;
  for (const [row, cells] of tab.rows) if (row > last && !isBlankRow(cells)) last = row;
  return last;
};

/**
 * Works through the batch in port order against a private copy of `current`, so later
 * steps see earlier ones (an update to a tab replaced in the same batch sees the new rows).
 * Throws before anything is written if an append names a missing tab.
 */
export const planBatch = (current: RawWorkbook, batch: ChangeBatch): BatchPlan => {
  const tabs = current.tabs.map(toPlanTab);
  const plan: BatchPlan = { tabs: [], writes: [], appends: [], skipped: [], applied: 0 };

  for (const replacement of batch.tabs) {
    const fresh = fromReplacement(replacement);
    const existing = findTab(tabs, replacement.name);
    if (existing) tabs.splice(tabs.indexOf(existing), 1, fresh);
    else tabs.push(fresh);
    plan.tabs.push({ name: replacement.name, headers: [...replacement.headers], rows: replacement.rows.map((r) => [...r]) });
    plan.applied += 1;
  }

  const applied = new Set<number>();
  for (const [index, update] of batch.updates.entries()) {
    const tab = findTab(tabs, update.tab);
    const column = tab ? columnIndex(tab.headers, update.column) : -1;
    const row = !tab ? undefined : update.ref.trim() !== "" ? rowForRef(tab, update.ref) : update.row;
    // A cell inside merged cells, other than the top-left one, takes no value in Excel or Sheets: skipped, never audited as written.
    if (!tab || column < 0 || row === undefined || !Number.isInteger(row) || row < 2 || coveringMerge(tab.merges, row, column + 1)) {
      plan.skipped.push({ ...update });
      continue;
    }
    const cells = tab.rows.get(row) ?? [];
    if (!sameCell(cells[column], update.expected) || (update.ref.trim() === "" && !matchesGuard(tab, cells, update.match))) {
      plan.skipped.push({ ...update });
      continue;
    }
    while (cells.length <= column) cells.push(null);
    cells[column] = normaliseCell(update.value);
    tab.rows.set(row, cells);
    // A ref assigned in this batch must be findable by later updates of the batch.
    if (column === columnIndex(tab.headers, "Ref")) tab.refs = undefined;
    applied.add(index);
    plan.writes.push({ tab: tab.name, row, column: column + 1, value: normaliseCell(update.value) });
    plan.applied += 1;
  }

  for (const append of batch.appends) {
    const tab = findTab(tabs, append.tab);
    if (append.requires && !append.requires.every((index) => applied.has(index))) continue;
    if (!tab) throw new ActionlogError("SCHEMA", `Cannot add a row to tab "${append.tab}": the workbook has no such tab.`);
    const cells: Cell[] = tab.headers.map(() => null);
    for (const [name, value] of Object.entries(append.values)) {
      const column = columnIndex(tab.headers, name);
      if (column >= 0) cells[column] = normaliseCell(value);
    }
    const row = lastUsedRow(tab) + 1;
    tab.rows.set(row, cells);
    plan.appends.push({ tab: tab.name, row, cells });
    plan.applied += 1;
  }

  return plan;
};
