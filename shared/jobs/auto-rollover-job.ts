/** The daily rollover: one read, then roll forward every Held meeting whose next register is missing. */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import { meetingsToRollForward } from "../core/auto-rollover.js";
import { type RolloverReport, runRollover } from "./rollover-job.js";

export interface AutoRolloverReport {
  rolled: RolloverReport[];
  notes: string[];
}

/**
 * Idempotent by construction: once a register tab exists its meeting is no longer due, so a
 * second run (a redelivered event, the menu after the schedule) finds nothing to do.
 */
export async function runAutoRollover(workbook: Workbook, options: { now: DateTime; actor: string; dryRun?: boolean }): Promise<AutoRolloverReport> {
  const raw = await workbook.read();
  const selection = meetingsToRollForward(parseLog(raw), raw.tabs.map((tab) => tab.name));
  const rolled: RolloverReport[] = [];
  // Each roll reuses the one read; a later one's stale cells are caught by the compare-and-set.
  for (const meeting of selection.meetings) {
    rolled.push(await runRollover(workbook, { meeting, now: options.now, dryRun: options.dryRun === true, actor: options.actor, raw }));
  }
  return { rolled, notes: selection.notes };
}
