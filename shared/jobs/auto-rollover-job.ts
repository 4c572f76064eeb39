/** The daily rollover: one read, then roll forward every Held meeting whose next register is missing. */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import { meetingsToRollForward } from "../core/auto-rollover.js";
import { isActionlogError } from "../core/errors.js";
import { type RolloverReport, runRollover } from "./rollover-job.js";

export interface AutoRolloverReport {
  rolled: RolloverReport[];
  notes: string[];
  /** True when a note needs the PMO (papers due that cannot be built, a register tab for a Cancelled meeting). */
  attention: boolean;
}

/**
 * Idempotent by construction: once a register tab exists its meeting is no longer due, so a
 * second run (a redelivered event, the menu after the schedule) finds nothing to do. Two runs at
 * once (Pub/Sub redelivering while the first still works) can both plan the same new tab; the
 * loser's write is refused whole (CONFLICT), and it starts again from a fresh read, where the
 * winner's register is already there.
 */
export async function runAutoRollover(workbook: Workbook, options: { now: DateTime; actor: string; dryRun?: boolean }): Promise<AutoRolloverReport> {
  const rolled: RolloverReport[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      return { rolled, ...(await rollDueMeetings(workbook, options, rolled)) };
    } catch (error) {
      if (attempt >= 2 || !isActionlogError(error) || error.code !== "CONFLICT") throw error;
    }
  }
}

/** Rolls each due meeting from one read, adding each report to `rolled` as it is written; returns the selection's notes. */
async function rollDueMeetings(
  workbook: Workbook,
  options: { now: DateTime; actor: string; dryRun?: boolean },
  rolled: RolloverReport[],
): Promise<{ notes: string[]; attention: boolean }> {
  const raw = await workbook.read();
  const selection = meetingsToRollForward(parseLog(raw), raw.tabs.map((tab) => tab.name));
  // Each roll reuses the one read; a later one's stale cells are caught by the compare-and-set.
  for (const meeting of selection.meetings) {
    const report = await runRollover(workbook, { meeting, now: options.now, dryRun: options.dryRun === true, actor: options.actor, raw });
    // A register tab left for a Cancelled meeting is in the selection's notes already: said once, not per register.
    rolled.push({ ...report, warnings: report.warnings.filter((warning) => !selection.notes.includes(warning)) });
  }
  return { notes: selection.notes, attention: selection.attention };
}
