/** The validate use case: one read, the rules, one guarded write (unless a dry run). */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import type { Change, Problem } from "../core/types.js";
import { validateLog } from "../core/validate.js";
import { changesToBatch } from "./change-batch.js";
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
  const log = parseLog(await workbook.read());
  const result = validateLog(log, options.now);
  let skipped = 0;
  if (!options.dryRun && result.changes.length > 0) {
    const batch = changesToBatch(result.changes, createRowLocator(log), { now: options.now, timezone: log.settings.timezone, actor: options.actor });
    skipped = (await workbook.apply(batch)).skipped.length;
  }
  return { ok: result.ok, rows: result.rows, problems: result.problems, changes: result.changes, skipped };
}
