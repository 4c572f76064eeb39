/** The validate use case: one read, the rules, one guarded write (unless a dry run). */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import type { Change, Problem } from "../core/types.js";
import { validateLog } from "../core/validate.js";
import { changesToBatch, withoutMergedTargets } from "./change-batch.js";
import { createRowLocator } from "./row-locator.js";

export interface ValidateReport {
  ok: boolean;
  rows: number;
  problems: Problem[];
  changes: Change[];
  /** Changes left for the next run because the sheet moved under the job. */
  skipped: number;
}

export async function runValidate(workbook: Workbook, options: { now: DateTime; dryRun: boolean; actor: string }): Promise<ValidateReport> {
  const raw = await workbook.read();
  const log = parseLog(raw);
  const result = validateLog(log, options.now);
  // A cell covered by a merge takes no value: say so rather than write and audit a change that cannot happen.
  const { changes, problems: merged } = withoutMergedTargets(raw, result.changes);
  let skipped = 0;
  if (!options.dryRun && changes.length > 0) {
    const batch = changesToBatch(changes, createRowLocator(log), { now: options.now, timezone: log.settings.timezone, actor: options.actor });
    skipped = (await workbook.apply(batch)).skipped.length;
  }
  const problems = merged.length === 0 ? result.problems : [...result.problems, ...merged];
  return { ok: result.ok && merged.length === 0, rows: result.rows, problems, changes, skipped };
}
