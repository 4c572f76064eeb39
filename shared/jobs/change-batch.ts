/** Turns the rules' changes into one guarded batch, with one Audit row per applied change. */
import type { DateTime } from "luxon";
import { TAB } from "../../sheets-schema/tabs.js";
import type { ChangeBatch, CellUpdate, RowAppend } from "../adapters/workbook.js";
import type { Change } from "../core/types.js";

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
    Time: audit.now.setZone(audit.timezone).toISO({ suppressMilliseconds: true }) ?? "",
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
