/** Plans a run's mail: owners' weekly digests, due-soon reminders and the PMO summary, as data. */
import type { DateTime } from "luxon";
import { isoToSerial, weekdayOfSerial } from "./dates.js";
import { type CommitteeDay, type DigestItem, classifyAction, committeeDay, itemOrder } from "./digest-items.js";
import { type MailFrame, type RenderedMail, digestSubject, renderDigest, renderReminder, reminderSubject } from "./email-render.js";
import { type OwnerResolution, buildMemberDirectory, resolveOwner } from "./owners.js";
import { buildAllowlist, domainOf } from "./recipients.js";
import { foldRemindersIntoDigests } from "./reminder-fold.js";
import { type ResolvedItem, summariseLog, unresolvedReason } from "./summary-plan.js";
import { renderSummary, summarySubject } from "./summary-render.js";
import { matchKey } from "./text.js";
import type { LogData, Member } from "./types.js";
import type { ValidationResult } from "./validate.js";
import { isWorkingDay, subtractWorkingDays } from "./working-days.js";

export type MailKind = "digest" | "reminder" | "summary";

/** A message's bodies: plain text and email-safe HTML. */
export type MailBody = Pick<RenderedMail, "text" | "html">;

/**
 * One message to send; `key` makes it idempotent (see the Mail Log). Planning decides who gets
 * what; the bodies are rendered only when the message is sent, since at a large committee they
 * are tens of millions of characters in all and most weeks many were already sent.
 */
export interface PlannedMail {
  kind: MailKind;
  /** digest:<person>:<ISO week>, reminder:<ref>:<due date> or summary:<ISO week>. */
  key: string;
  to: string[];
  cc: string[];
  refs: string[];
  subject: string;
  /** Renders the bodies now; pure, so every call for the same plan gives the same text and HTML. */
  render(): MailBody;
  /**
   * Reminders only: the digests, one per recipient, that list this action today. When the job
   * sends all of them in this run the reminder is folded in, so an owner gets one email.
   */
  coveredBy?: string[];
}

/** An owner who should have had mail this run but cannot, and why. */
export interface SkippedOwner {
  owner: string;
  reason: string;
}

/** Envelope facts shared by every message; empty strings mean "not set". */
export interface MailEnvelope {
  /** from_email, else pmo_email. */
  from: string;
  replyTo: string;
  /** List-Id header value, e.g. `DAG actions <dag.actionlog.example.org>`. */
  listId: string;
}

export interface MailPlan {
  day: CommitteeDay;
  envelope: MailEnvelope;
  messages: PlannedMail[];
  skipped: SkippedOwner[];
}

export interface PlanOptions {
  /**
   * "scheduled": digests and the summary are due from digest_weekday to the end of that ISO
   * week (the Mail Log sends each once, so a failed Monday is retried on Tuesday);
   * "always": due whatever the day (the demo, a preview); "never": reminders only.
   */
  weekly: "scheduled" | "always" | "never";
  /** Due-soon reminders, sent on working days only. */
  reminders: boolean;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** True from the digest weekday to the Sunday of the same ISO week. */
export const weeklyDue = (day: CommitteeDay, digestWeekday: string): boolean =>
  weekdayOfSerial(isoToSerial(day.today)) >= WEEKDAYS.indexOf(digestWeekday) + 1;

export function mailEnvelope(log: LogData): MailEnvelope {
  const { settings } = log;
  const from = settings.fromEmail || settings.pmoEmail;
  const code = (settings.committeeCode || "actionlog").toLowerCase();
  return { from, replyTo: settings.pmoEmail, listId: `${code.toUpperCase()} actions <${code}.actionlog.${domainOf(from) || "localhost"}>` };
}

export function mailFrame(log: LogData, day: CommitteeDay): MailFrame {
  const s = log.settings;
  return { code: s.committeeCode, committeeName: s.committeeName, day, reminderWorkingDays: s.reminderWorkingDays, escalateAfterMeetings: s.escalateAfterMeetings, pmoEmail: s.pmoEmail };
}

/**
 * Every outstanding action with its owners, resolved exactly as validation resolves them.
 * Actions with the same Owner cell share one resolution (owner cells repeat heavily, and a copy
 * each costs megabytes at 100k actions), so nothing downstream may change a resolution.
 */
export function resolveItems(log: LogData, validation: ValidationResult, day: CommitteeDay): ResolvedItem[] {
  const directory = buildMemberDirectory(log.members);
  const byOwner = new Map<string, OwnerResolution>();
  const resolved: ResolvedItem[] = [];
  for (const action of validation.actions) {
    const item = classifyAction(action, day, log);
    if (!item) continue;
    let resolution = byOwner.get(action.owner);
    if (resolution === undefined) {
      resolution = resolveOwner(action.owner, directory);
      byOwner.set(action.owner, resolution);
    }
    resolved.push({ item, resolution });
  }
  return resolved;
}

/** Drops the subject, which the plan already holds, so a render returns only what it rendered. */
const bodyOf = ({ text, html }: RenderedMail): MailBody => ({ text, html });

/** Collects skipped owners once each, with the refs that needed them. */
function skipCollector() {
  // Refs kept in order and as a set: an owner nobody can mail may hold thousands of actions.
  const entries = new Map<string, { owner: string; why: string; refs: string[]; seen: Set<string> }>();
  return {
    add(owner: string, why: string, ref: string) {
      const key = `${matchKey(owner)}\u0000${why}`;
      const entry = entries.get(key) ?? { owner, why, refs: [], seen: new Set<string>() };
      if (ref !== "" && !entry.seen.has(ref)) {
        entry.seen.add(ref);
        entry.refs.push(ref);
      }
      entries.set(key, entry);
    },
    list: (): SkippedOwner[] =>
      [...entries.values()].map((e) => ({ owner: e.owner, reason: e.refs.length ? `${e.why} (${e.refs.join(", ")})` : e.why })),
  };
}
type Skips = ReturnType<typeof skipCollector>;

/** Reachable owners of an item; the others are reported as skipped. */
function reachableOwners({ item, resolution }: ResolvedItem, skips: Skips): Member[] {
  for (const issue of resolution.issues) {
    const why = unresolvedReason(issue);
    const owner = issue.kind === "blank" ? "(blank)" : issue.kind === "inactive" || issue.kind === "no-email" ? issue.member : issue.name;
    if (why) skips.add(owner, why, item.ref);
  }
  return resolution.reachable;
}

function planDigests(resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips): PlannedMail[] {
  const people = new Map<Member, DigestItem[]>();
  for (const entry of resolved) {
    if (entry.item.state === "open") continue;
    // Owners who cannot be mailed are reported only when something asks them to act.
    const members = entry.item.state === "awaiting" ? entry.resolution.reachable : reachableOwners(entry, skips);
    for (const member of members) {
      // Pushed, not copied: an owner with thousands of actions must not cost a copy per action.
      const items = people.get(member);
      if (items) items.push(entry.item);
      else people.set(member, [entry.item]);
    }
  }
  const messages: PlannedMail[] = [];
  for (const [member, items] of people) {
    // Proposed Closed actions alone ask nothing of the owner, so they never trigger a digest.
    if (!items.some((i) => i.state === "overdue" || i.state === "due-soon")) continue;
    const sorted = items.sort(itemOrder); // the list is this member's alone
    messages.push({
      kind: "digest",
      key: `digest:${matchKey(member.name)}:${frame.day.week}`,
      to: [member.email.trim()],
      cc: [],
      refs: sorted.map((i) => i.ref).filter(Boolean),
      subject: digestSubject(sorted, frame),
      render: () => bodyOf(renderDigest(member.name, sorted, frame)),
    });
  }
  return messages.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * A reminder is due from the working day reminder_working_days before the due date until the
 * due date, so a run missed on the day (or a due date moved into the window) still reminds once.
 * Proposed Closed actions get none: they only await confirmation. Rows whose Ref is not yet in
 * the sheet get none either, since their key would not be stable.
 */
function planReminders(log: LogData, resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips): PlannedMail[] {
  const { today } = frame.day;
  const { reminderWorkingDays, holidayRegion } = log.settings;
  if (!isWorkingDay(today, holidayRegion)) return [];
  // Due dates repeat across actions; each window is worked out once.
  const windowStarts = new Map<string, string>();
  const windowStart = (due: string): string => {
    const known = windowStarts.get(due);
    if (known !== undefined) return known;
    const start = subtractWorkingDays(due, reminderWorkingDays, holidayRegion);
    windowStarts.set(due, start);
    return start;
  };
  const due = resolved.filter(({ item }) => item.state === "due-soon" && item.dueDate !== "" && windowStart(item.dueDate) <= today);
  // Whether a ref is already in the sheet is asked only for these few, not kept for every action.
  const wanted = new Set(due.map(({ item }) => item.ref));
  const written = new Set(log.actions.filter((a) => a.ref !== "" && wanted.has(a.ref)).map((a) => a.ref));
  const messages: PlannedMail[] = [];
  for (const entry of due) {
    const { item } = entry;
    if (!written.has(item.ref)) continue;
    const to = [...new Set(reachableOwners(entry, skips).map((m) => m.email.trim()))];
    if (to.length === 0) continue;
    messages.push({
      kind: "reminder",
      key: `reminder:${item.ref}:${item.dueDate}`,
      to,
      cc: [],
      refs: [item.ref],
      subject: reminderSubject(item, frame),
      render: () => bodyOf(renderReminder(item, frame)),
    });
  }
  return messages.sort((a, b) => a.key.localeCompare(b.key));
}

function planSummary(log: LogData, validation: ValidationResult, resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips): PlannedMail[] {
  const { settings } = log;
  if (settings.pmoEmail === "") {
    skips.add("PMO", "pmo_email is blank in Settings, so the weekly summary has nowhere to go; add the PMO's address", "");
    return [];
  }
  const data = summariseLog(resolved, validation.actions, validation.problems, frame.day, settings.escalateAfterMeetings);
  const chair = settings.chairEmail;
  const cc = data.escalations.length > 0 && chair !== "" && matchKey(chair) !== matchKey(settings.pmoEmail) ? [chair] : [];
  const refs = [...new Set([...data.owners.flatMap((o) => o.items.filter((i) => i.state === "overdue")), ...data.escalations].map((i) => i.ref).filter(Boolean))].sort();
  const subject = summarySubject(data, frame);
  return [{ kind: "summary", key: `summary:${frame.day.week}`, to: [settings.pmoEmail], cc, refs, subject, render: () => bodyOf(renderSummary(data, frame)) }];
}

/** Drops addresses off the allowlist, reporting each; a message left with no To is not sent. */
function enforceAllowlist(log: LogData, messages: PlannedMail[], skips: Skips): PlannedMail[] {
  const allowlist = buildAllowlist(log);
  const keep = (address: string, ref: string) => {
    const refusal = allowlist.refusal(address);
    if (refusal) skips.add(address, refusal, ref);
    return refusal === null;
  };
  return messages.flatMap((m) => {
    const ref = m.kind === "reminder" ? (m.refs[0] ?? "") : "";
    const to = m.to.filter((a) => keep(a, ref));
    return to.length === 0 ? [] : [{ ...m, to, cc: m.cc.filter((a) => keep(a, ref)) }];
  });
}

/**
 * The mail due on the committee's day at `now`: digests, reminders and the summary, each with
 * its idempotency key, plus the owners who could not be mailed. Pure: the job decides what was
 * already sent (Mail Log) and does the sending.
 */
export function planMail(log: LogData, validation: ValidationResult, now: DateTime, options: PlanOptions): MailPlan {
  const day = committeeDay(log, now);
  const frame = mailFrame(log, day);
  const resolved = resolveItems(log, validation, day);
  const skips = skipCollector();
  const weekly = options.weekly === "always" || (options.weekly === "scheduled" && weeklyDue(day, log.settings.digestWeekday));
  const messages = [
    ...(weekly ? planDigests(resolved, frame, skips) : []),
    ...(options.reminders ? planReminders(log, resolved, frame, skips) : []),
    ...(weekly ? planSummary(log, validation, resolved, frame, skips) : []),
  ];
  const allowed = enforceAllowlist(log, foldRemindersIntoDigests(messages), skips);
  return { day, envelope: mailEnvelope(log), messages: allowed, skipped: skips.list() };
}

/** One member's digest whatever is due, for `actionlog preview` and the sheet's Preview digest. */
export function previewDigest(log: LogData, validation: ValidationResult, now: DateTime, member: Member): RenderedMail {
  const day = committeeDay(log, now);
  const items = resolveItems(log, validation, day)
    .filter((r) => r.item.state !== "open" && r.resolution.members.some((m) => m.name === member.name))
    .map((r) => r.item)
    .sort(itemOrder);
  return renderDigest(member.name, items, mailFrame(log, day));
}
