/** rollover (CloudEvent, daily): rolls forward each meeting marked Held whose next register does not exist yet. */
import { type CloudEvent, cloudEvent } from "@google-cloud/functions-framework";
import { runAutoRollover } from "../shared/jobs/auto-rollover-job.js";
import { leftForRebuild } from "../shared/jobs/rollover-job.js";
import { eachSheet, logSheets } from "./each-sheet.js";
import { scheduledRuntime } from "./function-runtime.js";

/** A redelivered event finds the register tabs the first delivery wrote and does nothing. */
export async function rollover(event: CloudEvent<unknown>): Promise<void> {
  const runtime = scheduledRuntime("rollover");
  const now = runtime.now();
  const results = await eachSheet(runtime, async (workbook) => {
    const report = await runAutoRollover(workbook, { now, actor: "actionlog rollover" });
    return { registers: report.rolled.map((r) => r.tab), notes: report.notes, attention: report.attention, skipped: report.rolled.reduce((sum, r) => sum + r.skipped, 0) };
  });
  const built = results.flatMap((r) => (r.outcome.ok ? (r.outcome.registers as string[]) : []));
  // Left only when a member edited those rows mid-run; tomorrow's run finds the register built and will not retry.
  const skipped = results.reduce((sum, r) => sum + Number(r.outcome.ok ? r.outcome.skipped : 0), 0);
  // Papers due that cannot be built, or a register tab for a Cancelled meeting: the PMO must act, so an alert can match it.
  const attention = results.filter((r) => r.outcome.ok && r.outcome.attention === true).length;
  const summary = [
    built.length === 0 ? "no register due" : `built ${built.join(", ")}`,
    ...(skipped > 0 ? [leftForRebuild(skipped)] : []),
    ...(attention > 0 ? [`${attention} ${attention === 1 ? "sheet needs" : "sheets need"} the PMO; see its notes`] : []),
  ].join("; ");
  logSheets(runtime, "rollover", event.id, results, summary, skipped > 0 || attention > 0 ? "WARNING" : "INFO");
}

cloudEvent("rollover", rollover);
