/** Turns the rules' changes into one guarded batch, with one Audit row per applied change. */
import type { DateTime } from "luxon";
import { findTab } from "../../sheets-schema/parse-log.js";
import { TAB } from "../../sheets-schema/tabs.js";
import { columnIndex } from "../adapters/batch-plan.js";
import { cellName, coveringMerge, type MergeBox, mergeBoxes, rangeName } from "../adapters/merged-cells.js";
import type { ChangeBatch, CellUpdate, RawWorkbook, RowAppend } from "../adapters/workbook.js";
import { sheetTime } from "../core/dates.js";
import type { Change, Problem } from "../core/types.js";

export interface AuditContext {
  now: DateTime;
  timezone: string;
  /** Who made the change, e.g. "actionlog validate". */
  actor: string;
}

/** What one Audit row records; a change to a cell, or a row or tab added (old null, column blank). */
export type AuditEntry = Pick<Change, "tab" | "ref" | "column" | "old" | "new" | "reason">;

/** The Audit row for one automated change, timed on the committee's clock. */
export const auditRow = (audit: AuditContext, entry: AuditEntry): RowAppend => ({
  tab: TAB.audit,
  values: {
    Time: sheetTime(audit.now, audit.timezone),
    Actor: audit.actor,
    Tab: entry.tab,
    Ref: entry.ref,
    Column: entry.column,
    Old: entry.old,
    New: entry.new,
    Reason: entry.reason,
  },
});

/**
 * Each change becomes a compare-and-set update located by its row's ref (refs survive
 * sorting); rows without a usable ref are located by row number and guarded by their
 * Action or Decision text, so a moved row is skipped rather than overwritten.
 */
export function changesToBatch(
  changes: readonly Change[],
  located: (change: Change) => Pick<CellUpdate, "ref" | "match">,
  audit: AuditContext,
  batch: ChangeBatch = { tabs: [], updates: [], appends: [] },
): ChangeBatch {
  for (const change of changes) {
    const index = batch.updates.length;
    batch.updates.push({
      tab: change.tab,
      row: change.row,
      column: change.column,
      expected: change.old,
      value: change.new,
      ...located(change),
    });
    // A row with no ref is still findable in Audit afterwards, by the row it was on then.
    batch.appends.push({ ...auditRow(audit, { ...change, ref: change.ref || `row ${change.row}` }), requires: [index] });
  }
  return batch;
}

/**
 * Sets apart the changes aimed at a cell inside merged cells other than their top-left one: Excel
 * and Sheets ignore a value written there, so writing and auditing it would record a change that
 * never happened. Each becomes a problem saying which merge to undo.
 */
export function withoutMergedTargets(raw: RawWorkbook, changes: Change[]): { changes: Change[]; problems: Problem[] } {
  if (!raw.tabs.some((tab) => (tab.merges ?? []).length > 0)) return { changes, problems: [] };
  const writable: Change[] = [];
  const problems: Problem[] = [];
  const boxes = new Map<string, MergeBox[]>();
  for (const change of changes) {
    const tab = findTab(raw, change.tab);
    const column = tab ? columnIndex(tab.headers, change.column) + 1 : 0;
    if (tab && !boxes.has(tab.name)) boxes.set(tab.name, mergeBoxes(tab.merges));
    const merge = tab && column > 0 ? coveringMerge(boxes.get(tab.name) ?? [], change.row, column) : undefined;
    if (!merge) {
      writable.push(change);
      continue;
    }
    const range = rangeName(merge);
    const wanted = change.new === null || change.new === "" ? "it would have been cleared" : `it would have become "${change.new}"`;
    problems.push({
      tab: change.tab,
      row: change.row,
      ref: change.ref,
      column: change.column,
      message: `${change.column} was not written: ${cellName(change.row, column)} is inside the merged cells ${range}, where only ${cellName(merge.top, merge.left)} can hold a value (${wanted}); unmerge ${range} so each row has its own ${change.column}`,
    });
  }
  return { changes: writable, problems };
}
