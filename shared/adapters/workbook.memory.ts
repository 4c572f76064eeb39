/** The in-memory workbook: the reference adapter the contract tests and the core tests run against. */
import type { Cell } from "../core/types.js";
import type { CellWrite, RowWrite } from "./batch-plan.js";
import { alignRow, findTab, isBlankRow, normaliseCell, planBatch, trimHeaders } from "./batch-plan.js";
import { withMerges } from "./merged-cells.js";
import type { ApplyResult, ChangeBatch, RawTab, RawWorkbook, Workbook } from "./workbook.js";

export interface MemoryWorkbookOptions {
  tabs?: RawTab[];
  label?: string;
}

export interface MemoryWorkbook extends Workbook {
  /** The current contents, exactly as `read()` would return them, without awaiting. */
  snapshot(): RawWorkbook;
}

/** A tab as stored: header cells as written and data rows by sheet row number. */
interface StoredTab {
  name: string;
  headers: string[];
  rows: Map<number, Cell[]>;
  /** Merged cells as seeded; a replaced tab has none, as in a rebuilt sheet. */
  merges: string[];
}

const defaults: Required<MemoryWorkbookOptions> = { tabs: [], label: "memory workbook" };

const store = (tab: RawTab): StoredTab => ({
  name: tab.name,
  headers: [...tab.headers],
  rows: new Map(tab.rows.map((row) => [row.row, row.cells.map(normaliseCell)])),
  merges: [...(tab.merges ?? [])],
});

/** Copies out, so nothing a caller does to the result can reach the stored state. */
const present = (tab: StoredTab): RawTab => {
  const headers = trimHeaders(tab.headers);
  const rows = [...tab.rows]
    .filter(([, cells]) => !isBlankRow(cells))
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => ({ row, cells: alignRow(cells, headers.length) }));
  return withMerges({ name: tab.name, headers, rows }, tab.merges);
};

/** An appended row as single-cell writes, leaving blank cells alone just as a sheet append would. */
const toWrites = (append: RowWrite): CellWrite[] =>
  append.cells.flatMap((value, index) =>
    value === null ? [] : [{ tab: append.tab, row: append.row, column: index + 1, value }],
  );

export const createMemoryWorkbook = (options: MemoryWorkbookOptions = {}): MemoryWorkbook => {
  const settings = { ...defaults, ...options };
  const tabs: StoredTab[] = settings.tabs.map(store);

  const snapshot = (): RawWorkbook => ({ tabs: tabs.map(present) });

  const apply = async (batch: ChangeBatch): Promise<ApplyResult> => {
    // Planning first means a bad append throws before any state changes, like a file that is never saved.
    const plan = planBatch(snapshot(), batch);
    for (const replacement of plan.tabs) {
      const fresh: StoredTab = {
        name: replacement.name,
        headers: [...replacement.headers],
        rows: new Map(replacement.rows.map((cells, index) => [index + 2, cells.map(normaliseCell)])),
        merges: [],
      };
      const existing = findTab(tabs, replacement.name);
      if (existing) tabs.splice(tabs.indexOf(existing), 1, fresh);
      else tabs.push(fresh);
    }
    for (const write of [...plan.writes, ...plan.appends.flatMap(toWrites)]) {
      const tab = findTab(tabs, write.tab);
      if (!tab) continue;
      const cells = tab.rows.get(write.row) ?? [];
      while (cells.length < write.column) cells.push(null);
      cells[write.column - 1] = write.value;
      tab.rows.set(write.row, cells);
    }
    return { applied: plan.applied, skipped: plan.skipped };
  };

  return {
    label: settings.label,
    // Only the tabs asked for, so a job that reads less cannot lean on tabs it did not ask for.
    read: async ({ tabs: names } = {}) => (names ? { tabs: tabs.filter((tab) => names.some((name) => findTab([tab], name))).map(present) } : snapshot()),
    apply,
    snapshot,
  };
};
