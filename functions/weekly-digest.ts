/** weeklyDigest (CloudEvent, daily from Cloud Scheduler): digests on digest_weekday, due-soon reminders every working day. */
import { type CloudEvent, cloudEvent } from "@google-cloud/functions-framework";
import { plural } from "../shared/core/email-items.js";
import { runDigest } from "../shared/jobs/digest-job.js";
import { eachSheet, logSheets } from "./each-sheet.js";
import type { Mailer } from "../shared/adapters/mailer.js";
import { logStartupFailure, scheduledRuntime } from "./function-runtime.js";

/**
 * The Mail Log decides what is already sent, so a redelivered event sends nothing new, and a
 * message that failed yesterday is retried today. One SMTP pool serves every sheet.
 */
export async function weeklyDigest(event: CloudEvent<unknown>): Promise<void> {
  const runtime = scheduledRuntime("weeklyDigest");
  let mailer: Mailer;
  try {
    mailer = runtime.openMailer();
  } catch (error) {
    logStartupFailure("weeklyDigest", error);
    throw error;
  }
  const now = runtime.now();
  try {
    const results = await eachSheet(runtime, async (workbook) => {
      const report = await runDigest(workbook, mailer, { now, actor: "actionlog weeklyDigest" });
      // Settings that stop or move mail (digest_weekday not a day, pmo_email blank) are named, not only counted.
      const settings = report.skipped.filter((s) => s.setting !== undefined).map((s) => `${s.owner}: ${s.reason}`);
      return {
        sent: report.sent.length,
        alreadySent: report.alreadySent.length,
        skipped: report.skipped.length,
        failed: report.failed.length,
        ...(settings.length > 0 ? { settings } : {}),
        ...(report.busy ? { busy: report.busy } : {}),
      };
    });
    const busy = results.filter((r) => r.outcome.ok && r.outcome.busy !== undefined).length;
    const sent = results.reduce((sum, r) => sum + Number(r.outcome.ok ? r.outcome.sent : 0), 0);
    const failed = results.reduce((sum, r) => sum + Number(r.outcome.ok ? r.outcome.failed : 0), 0);
    // An SMTP outage or a lapsed password fails every message: that must alert like a failed sheet.
    // A run that yielded to another sent nothing: worth a look, since two runs at once means two schedules.
    const concern = failed > 0 && sent === 0 ? "ERROR" : failed > 0 || busy > 0 ? "WARNING" : "INFO";
    const yielded = busy > 0 ? `; another digest run was sending on ${plural(busy, "sheet")}, so this one sent nothing there` : "";
    logSheets(runtime, "weeklyDigest", event.id, results, `sent ${sent} messages${failed > 0 ? `, ${failed} failed (retried on the next run)` : ""}${yielded}`, concern);
  } finally {
    await mailer.close();
  }
}

cloudEvent("weeklyDigest", weeklyDigest);
