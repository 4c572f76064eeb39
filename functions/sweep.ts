/** sweep (CloudEvent, Pub/Sub from Cloud Scheduler): validates every configured sheet, catching edits no nudge reported. */
import { type CloudEvent, cloudEvent } from "@google-cloud/functions-framework";
import { runValidate } from "../shared/jobs/validate-job.js";
import { eachSheet, logSheets } from "./each-sheet.js";
import { scheduledRuntime } from "./function-runtime.js";

/**
 * API writes fire no onEdit and a copied sheet loses its triggers; this makes up for both.
 * A redelivered event validates again and finds nothing left to write, so it has one effect.
 */
export async function sweep(event: CloudEvent<unknown>): Promise<void> {
  const runtime = scheduledRuntime("sweep");
  const now = runtime.now();
  const results = await eachSheet(runtime, async (workbook) => {
    const report = await runValidate(workbook, { now, dryRun: false, actor: "actionlog sweep" });
    return { rows: report.rows, problems: report.problems.length, changes: report.changes.length, skipped: report.skipped };
  });
  const validated = results.filter((r) => r.outcome.ok);
  const changes = validated.reduce((sum, r) => sum + Number(r.outcome.ok && r.outcome.changes), 0);
  logSheets(runtime, "sweep", event.id, results, `validated ${validated.length} sheets, ${changes} changes`);
}

cloudEvent("sweep", sweep);
