/** The digest use case: read once, plan the day's mail, send what the Mail Log has not seen, log each send. */
import type { DateTime } from "luxon";
import { MAIL_LOG_TAB, type MailLogState, readMailLog } from "../../sheets-schema/mail-log.js";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { type Mailer, type OutgoingMail, type SendOutcome, recipientsOf } from "../adapters/mailer.js";
import type { Workbook } from "../adapters/workbook.js";
import { type MailKind, type MailPlan, type PlanOptions, type PlannedMail, type SkippedOwner, mailFrame, planMail } from "../core/digest-plan.js";
import { ActionlogError } from "../core/errors.js";
import { type Allowlist, buildAllowlist } from "../core/recipients.js";
import { bundleReminders } from "../core/reminder-bundle.js";
import type { IsoDate, LogData } from "../core/types.js";
import { validateLog } from "../core/validate.js";
import { takeDigestLease } from "./digest-lease.js";
import { type LogEntry, mailLogValues, messageIdOf, toOutgoing } from "./outgoing-mail.js";

export interface DigestOptions {
  now: DateTime;
  /** Plan and report, send nothing, write nothing. */
  dryRun?: boolean;
  /** Default "scheduled": digests and the summary from digest_weekday on; see PlanOptions. */
  weekly?: PlanOptions["weekly"];
  /** Default true. */
  reminders?: boolean;
  /** Who runs it, for the Mail Log's lease row, e.g. `actionlog weeklyDigest`. */
  actor?: string;
}

export interface DeliverOptions {
  now: DateTime;
  dryRun: boolean;
  actor?: string;
}

export interface SentMail {
  kind: MailKind;
  key: string;
  to: string[];
  cc: string[];
  subject: string;
  refs: string[];
  messageId: string;
}

export interface FailedMail {
  kind: MailKind;
  key: string;
  /** The recipients that did not get it, comma-separated. */
  to: string;
  subject: string;
  error: string;
}

export interface DigestReport {
  today: IsoDate;
  week: string;
  dryRun: boolean;
  /** Sent this run (in a dry run: what would be sent). */
  sent: SentMail[];
  /** Keys due today that the Mail Log already records as sent. */
  alreadySent: string[];
  skipped: SkippedOwner[];
  failed: FailedMail[];
  /** Reminders folded into a digest sent in this run, so their owners got one email. */
  inDigest: string[];
  /** The mailer used, e.g. `outbox ./out` (never a secret). */
  via: string;
  /** Set when another run held the Mail Log's lease, so this one sent nothing: why, for the PMO. */
  busy?: string;
}

const describeFailure = (outcome: Extract<SendOutcome, { ok: false }>): string =>
  outcome.failure.accepted.length > 0
    ? `${outcome.failure.message} (delivered to ${outcome.failure.accepted.join(", ")}; all recipients get it again on the retry)`
    : outcome.failure.message;

/**
 * Runs digests, reminders and the PMO summary for the committee day at `now`. Each message is
 * logged right after its send, so a crash between the server accepting one message and its
 * Mail Log row can duplicate that one message on the next run, and never loses one. A failed
 * send is logged as failed and retried on the next run; it never stops the others.
 * A cloud function calls this with its Workbook, a Mailer and the event's time.
 */
export async function runDigest(workbook: Workbook, mailer: Mailer, options: DigestOptions): Promise<DigestReport> {
  const { now } = options;
  const raw = await workbook.read();
  const log = parseLog(raw);
  const mailLog = readMailLog(raw);
  const plan = planMail(log, validateLog(log, now), now, { weekly: options.weekly ?? "scheduled", reminders: options.reminders ?? true });
  return deliverPlan(workbook, mailer, { log, plan, mailLog }, { now, dryRun: options.dryRun === true, ...(options.actor ? { actor: options.actor } : {}) });
}

/** What runDigest's one read and its plan give the sending step. */
export interface PlannedRun {
  log: LogData;
  plan: MailPlan;
  mailLog: MailLogState;
}

/**
 * Sends the plan's messages the Mail Log has not seen, one at a time, rendering each body just
 * before its send: already-sent and folded messages, and every message of a dry run, are never
 * rendered, and no more than one message's bodies are held at once. Sending runs hold the Mail
 * Log's lease (digest-lease.ts), so two that start together never both send; the one that
 * yields reports `busy` and sends nothing.
 */
export async function deliverPlan(workbook: Workbook, mailer: Mailer, run: PlannedRun, options: DeliverOptions): Promise<DigestReport> {
  const { log, plan, mailLog } = run;
  const pending = unsentParts(plan, mailLog);
  const report: DigestReport = {
    today: plan.day.today,
    week: plan.day.week,
    dryRun: options.dryRun,
    sent: [],
    alreadySent: alreadySent(plan, mailLog),
    skipped: plan.skipped,
    failed: [],
    inDigest: [],
    via: mailer.label,
  };
  if (report.dryRun) {
    const ofKind = (kind: MailKind) => pending.filter((m) => m.kind === kind);
    const { folded, alone } = foldable(ofKind("reminder"), new Set(ofKind("digest").map((m) => m.key)));
    report.inDigest.push(...folded.map((m) => m.key));
    for (const m of [...ofKind("digest"), ...bundleReminders(alone, mailFrame(log, plan.day)), ...ofKind("summary")]) {
      report.sent.push(sentEntry(m, messageIdOf(m, log.settings.committeeCode, plan.envelope.from)));
    }
    return report;
  }
  if (pending.length === 0) return report;
  if (plan.envelope.from === "") {
    throw new ActionlogError("CONFIG", "Settings: from_email and pmo_email are both blank, so mail has no sender; add from_email (the address digests come from) to the Settings tab");
  }
  // The lease row is written before the first send (creating the Mail Log if need be), so a workbook that cannot be written stops the run before anyone is mailed.
  const lease = await takeDigestLease(workbook, { now: options.now, timezone: log.settings.timezone, actor: options.actor ?? "actionlog digest", createTab: !mailLog.tab });
  if (!lease.held) return { ...report, busy: lease.message };
  let failed = true;
  try {
    // The Mail Log as it is now: a run that finished just before this one took the lease sent its share.
    const current = readMailLog(lease.workbook);
    report.alreadySent = alreadySent(plan, current);
    await sendPending(workbook, mailer, run, unsentParts(plan, current), report, options.now);
    failed = false;
  } finally {
    // A lease left running expires (LEASE_MINUTES); an error already on its way matters more than that.
    await lease.release().catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
  return report;
}

const unsentParts = (plan: MailPlan, mailLog: MailLogState): PlannedMail[] => plan.messages.flatMap((m) => unsentPart(m, mailLog) ?? []);
const alreadySent = (plan: MailPlan, mailLog: MailLogState): string[] => plan.messages.filter((m) => unsentPart(m, mailLog) === undefined).map((m) => m.key);

/** Digests first, then the reminders (folded into a digest just sent, or bundled per owner), then the summary. */
async function sendPending(workbook: Workbook, mailer: Mailer, run: PlannedRun, pending: readonly PlannedMail[], report: DigestReport, now: DateTime): Promise<void> {
  const { log, plan } = run;
  const code = log.settings.committeeCode;
  const ofKind = (kind: MailKind) => pending.filter((m) => m.kind === kind);
  const allowlist = buildAllowlist(log);
  const { timezone } = log.settings;
  const sentNow = new Set<string>();
  const send = async (mail: PlannedMail) => {
    const outgoing = toOutgoing(mail, plan.envelope, code, now);
    const outcome = await sendAllowed(allowlist, mailer, outgoing);
    const status = outcome.ok ? "sent" : "failed";
    const error = outcome.ok ? "" : describeFailure(outcome);
    // A bundle is logged a row per reminder it carries, so each is judged on its own next run.
    const rows = (mail.carries ?? [mail]).map((part) => ({ mail: { ...part, subject: mail.subject }, status, messageId: outgoing.messageId, error }) as const);
    await logMail(workbook, rows, now, timezone);
    if (outcome.ok) sentNow.add(mail.key);
    if (outcome.ok) report.sent.push(sentEntry(mail, outgoing.messageId));
    else report.failed.push({ kind: mail.kind, key: mail.key, to: outcome.failure.recipients.join(", "), subject: mail.subject, error });
  };
  for (const mail of ofKind("digest")) await send(mail);
  // Folding is known only now: a reminder goes inside its owner's digest only if that digest was just sent.
  const { folded, alone } = foldable(ofKind("reminder"), sentNow);
  for (const mail of folded) {
    await logMail(workbook, [{ mail, status: "in digest", messageId: "", error: "" }], now, timezone);
    report.inDigest.push(mail.key);
  }
  for (const mail of bundleReminders(alone, mailFrame(log, plan.day))) await send(mail);
  for (const mail of ofKind("summary")) await send(mail);
}

/** Reminder parts whose digest goes in this run (folded into it) and the rest, to be sent alone. */
function foldable(reminders: readonly PlannedMail[], digests: ReadonlySet<string>): { folded: PlannedMail[]; alone: PlannedMail[] } {
  const folded = reminders.filter((m) => m.coveredBy?.every((key) => digests.has(key)));
  return { folded, alone: reminders.filter((m) => !folded.includes(m)) };
}

/**
 * What of a planned message is still to send: all of it unless the Mail Log records its key as
 * sent. A reminder split between co-owners is logged a row per part, so each part is judged by
 * the owners it has reached: a part that failed is retried, to its owners alone, while the
 * owners another part reached are not mailed again.
 */
function unsentPart(mail: PlannedMail, mailLog: MailLogState): PlannedMail | undefined {
  if (mail.kind !== "reminder") return mailLog.sent.has(mail.key) ? undefined : mail;
  const reached = mailLog.reached.get(mail.key);
  if (!reached) return mail;
  const to = mail.to.filter((address) => !reached.has(address.trim().toLowerCase()));
  if (to.length === 0) return undefined;
  return to.length === mail.to.length ? mail : { ...mail, to };
}

const logMail = (workbook: Workbook, entries: readonly LogEntry[], now: DateTime, timezone: string) =>
  workbook.apply({ tabs: [], updates: [], appends: entries.map((entry) => ({ tab: MAIL_LOG_TAB, values: mailLogValues(entry, now, timezone) })) });

/** The plan already keeps to the allowlist; checking again at the wire means no future planner bug can mail a stranger. */
async function sendAllowed(allowlist: Allowlist, mailer: Mailer, outgoing: OutgoingMail): Promise<SendOutcome> {
  const refused = recipientsOf(outgoing).filter((address) => allowlist.refusal(address) !== null);
  if (refused.length > 0) {
    return { ok: false, failure: { kind: "rejected", recipients: refused, accepted: [], message: `not sent: ${refused.join(", ")} not on the allowlist (Members, pmo_email, chair_email)` } };
  }
  return mailer.send(outgoing);
}

const sentEntry = (mail: PlannedMail, messageId: string): SentMail => ({
  kind: mail.kind,
  key: mail.key,
  to: mail.to,
  cc: mail.cc,
  subject: mail.subject,
  refs: mail.refs,
  messageId,
});
