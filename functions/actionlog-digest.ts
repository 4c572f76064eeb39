/** `actionlog digest` and `actionlog preview`: owners' digests, reminders and the PMO summary from the command line. */
import type { DateTime } from "luxon";
import type { Mailer } from "../shared/adapters/mailer.js";
import { createMemoryMailer } from "../shared/adapters/mailer.memory.js";
import { createOutboxMailer } from "../shared/adapters/mailer.outbox.js";
import { createSmtpMailer } from "../shared/adapters/mailer.smtp.js";
import { withFileLock } from "../shared/adapters/file-lock.js";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import type { Workbook } from "../shared/adapters/workbook.js";
import { type Config, loadConfig, smtpUrlProblem } from "../shared/config.js";
import { committeeToday, formatLongDate, isIsoDate, parseCommitteeTime } from "../shared/core/dates.js";
import { LONDON } from "../shared/core/london-zone.js";
import { ActionlogError } from "../shared/core/errors.js";
import { type DigestReport, runDigest } from "../shared/jobs/digest-job.js";
import { runPreview } from "../shared/jobs/preview-job.js";
import { type Command, NO_MAIL, type Values, checkOut, common, flag, print, required, text, writeOut } from "./actionlog-command.js";

/**
 * The committee clock for --today D: the real clock (or ACTIONLOG_NOW) when it falls on D in
 * London, else 09:00 London time on D, a typical morning run. Without --today, the clock itself.
 */
export function clockFor(today: string | undefined, config: Config): DateTime {
  const now = config.now();
  if (today === undefined) return now;
  if (!isIsoDate(today)) throw new ActionlogError("USAGE", `--today "${today}" is not a date; write it as YYYY-MM-DD, such as 2023-11-13`);
  if (committeeToday(now, LONDON) === today) return now;
  return parseCommitteeTime(`${today}T09:00:00`);
}

/** --outbox DIR, else --smtp URL, else ACTIONLOG_SMTP_URL; a dry run needs none of them. */
function chooseMailer(values: Values, config: Config): Mailer {
  const outbox = typeof values.outbox === "string" ? values.outbox : undefined;
  const smtp = typeof values.smtp === "string" ? values.smtp : undefined;
  if (outbox !== undefined && smtp !== undefined) throw new ActionlogError("USAGE", "give --outbox DIR or --smtp URL, not both");
  if (outbox !== undefined) return createOutboxMailer({ dir: outbox });
  if (smtp !== undefined) {
    const problem = smtpUrlProblem(smtp);
    if (problem !== undefined) throw new ActionlogError("USAGE", `--smtp ${problem}`);
    return createSmtpMailer({ url: smtp });
  }
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl });
  if (values["dry-run"] === true) return createMemoryMailer({ label: "dry run" });
  throw new ActionlogError("USAGE", "say where mail goes: --outbox DIR (writes .eml files), --smtp URL, or set ACTIONLOG_SMTP_URL");
}

/** The issue's stable JSON shape. */
export const digestJson = (report: DigestReport) => ({
  sent: report.sent.map((m) => ({ to: m.to, cc: m.cc, subject: m.subject, kind: m.kind, refs: m.refs })),
  skipped: report.skipped.map((s) => ({ owner: s.owner, reason: s.reason })),
  failed: report.failed.map((f) => ({ to: f.to, error: f.error })),
  ...(report.busy ? { busy: report.busy } : {}),
});

export function formatDigest(report: DigestReport): string {
  const verb = report.dryRun ? "Would send" : "Sent";
  const lines = [`${verb} ${report.sent.length} message${report.sent.length === 1 ? "" : "s"} for ${formatLongDate(report.today)} (${report.week}) via ${report.via}.`];
  if (report.busy) lines.push(report.busy);
  for (const m of report.sent) lines.push(`  ${m.kind.padEnd(8)} ${[...m.to, ...m.cc.map((c) => `cc ${c}`)].join(", ")}: ${m.subject}`);
  if (report.alreadySent.length > 0) lines.push("", `Already sent (in the Mail Log), not sent again: ${report.alreadySent.length}.`);
  // A reminder to co-owners folds once per owner, so its key can appear more than once.
  if (report.inDigest.length > 0) lines.push("", `Reminders folded into the same owner's digest (one email each): ${[...new Set(report.inDigest)].join(", ")}.`);
  const settings = report.skipped.filter((s) => s.setting !== undefined);
  const owners = report.skipped.filter((s) => s.setting === undefined);
  if (settings.length > 0) lines.push("", "Settings to fix:", ...settings.map((s) => `  ${s.owner}: ${s.reason}`));
  if (owners.length > 0) lines.push("", "Owners not mailed:", ...owners.map((s) => `  ${s.owner}: ${s.reason}`));
  if (report.failed.length > 0) {
    lines.push("", "Failed (logged as failed in the Mail Log; retried on the next run):", ...report.failed.map((f) => `  ${f.kind} to ${f.to}: ${f.error}`));
  }
  return lines.join("\n");
}

/**
 * For `actionlog demo`: writes every digest, due reminder and the PMO summary the workbook
 * holds at `now` as .eml files in `outboxDir`, whatever the weekday, and logs them in Mail Log.
 */
export async function writeDemoDigests(workbook: Workbook, outboxDir: string, now: DateTime): Promise<DigestReport> {
  const mailer = createOutboxMailer({ dir: outboxDir });
  try {
    return await runDigest(workbook, mailer, { now, weekly: "always" });
  } finally {
    await mailer.close();
  }
}

/** A run that crashed leaves its lock behind; past this age (or once its process is gone) the lock is ignored. */
const DIGEST_LOCK_STALE_MS = 2 * 60 * 60 * 1000;

/**
 * Two digest runs on one local workbook (a scheduled job and a PMO's manual run) would both read a
 * Mail Log without the other's sends and mail everyone twice, so the second refuses. Each save
 * still takes the workbook's own lock; this one spans the whole run. A Google Sheet is served by
 * one weeklyDigest instance at a time (deploy.sh --max-instances=1).
 */
async function oneRunAtATime<T>(sheet: string, run: () => Promise<T>): Promise<T> {
  if (sheet.startsWith("gsheet:")) return run();
  const lock = `${sheet}.digest.lock`;
  const busyMessage = `Another actionlog digest is running on ${sheet}, so this one sent nothing (running both would mail everyone twice). Run it again once the other has finished; if none is running, delete ${lock}.`;
  return withFileLock(lock, { timeoutMs: 2_000, staleMs: DIGEST_LOCK_STALE_MS, busyMessage }, run);
}

export const DIGEST_COMMANDS = {
  digest: {
    options: { ...common, today: text, outbox: text, smtp: text },
    async run(values, _positionals, io) {
      const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
      // ACTIONLOG_SMTP_URL matters only when nothing else says where mail goes and mail will go.
      const config = loadConfig(undefined, { smtpUrl: values.outbox === undefined && values.smtp === undefined && values["dry-run"] !== true });
      const now = clockFor(typeof values.today === "string" ? values.today : undefined, config);
      const mailer = chooseMailer(values, config);
      let report: DigestReport;
      try {
        report = await oneRunAtATime(sheet, () => runDigest(openWorkbook(sheet), mailer, { now, dryRun: values["dry-run"] === true, actor: "actionlog digest" }));
      } finally {
        await mailer.close();
      }
      print(io, values, digestJson(report), formatDigest(report));
      return report.failed.length > 0 || report.busy !== undefined ? 1 : 0;
    },
  },
  preview: {
    options: { sheet: text, today: text, person: text, out: text, help: flag },
    async run(values, _positionals, io) {
      const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
      const person = required(values, "person", 'a member\'s name, initials or alias, such as "Paul Pettitt"');
      if (typeof values.out === "string") checkOut(values.out, sheet, ["html", "htm"]);
      const now = clockFor(typeof values.today === "string" ? values.today : undefined, loadConfig(undefined, NO_MAIL));
      const preview = await runPreview(openWorkbook(sheet), { person, now });
      if (typeof values.out === "string") {
        await writeOut(values.out, preview.html);
        io.out(`Wrote ${values.out}: ${preview.person}'s digest, "${preview.subject}"`);
      } else io.out(preview.html);
      return 0;
    },
  },
} satisfies Record<string, Command>;

