/** Plans a run's mail: owners' weekly digests, due-soon reminders and the PMO summary, as data. */
import type { DateTime } from "luxon";
import { type CommitteeDay, type DigestItem, classifyAction, committeeDay, inDigest, itemOrder, needsDueDate } from "./digest-items.js";
import { type MailFrame, type RenderedMail, digestSubject, displayName, renderDigest, renderReminder, reminderSubject } from "./email-render.js";
import { type AddressRole, type SkippedOwner, type Skips, badEmailMembers, noteAllowedDomains, noteDigestWeekday, notePmoEmail, noteRefusal, reachableOwners, skipCollector } from "./mail-skips.js";
import { type OwnerResolution, buildMemberDirectory, resolveOwner } from "./owners.js";
import { buildAllowlist, domainOf } from "./recipients.js";
import { actionRefProblem } from "./refs.js";
import { foldRemindersIntoDigests } from "./reminder-fold.js";
import { type ResolvedItem, summariseLog } from "./summary-plan.js";
import { renderSummary, summarySubject } from "./summary-render.js";
import { foldSpaces, matchKey } from "./text.js";
import type { LogData, Member } from "./types.js";
import type { ValidationResult } from "./validate.js";
import { isWorkingDay } from "./working-days.js";

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
  /** digest:<person>:<ISO week>, reminder:<ref>:<due date> or summary:<ISO week> (reminders:<address>:<day> for a bundle). */
  key: string;
  /** Bare addresses, as the allowlist checks them and the Mail Log records them. */
  to: string[];
  cc: string[];
  /** Display names by address for the To header (`"Paul Pettitt" <paul@…>`); an address with none goes bare. */
  names?: Readonly<Record<string, string>>;
  refs: string[];
  subject: string;
  /**
   * Renders the bodies now, for this message's own `to` (a copy narrowed to one co-owner greets that
   * one), so call it on the message itself. Pure: the same message always renders the same.
   */
  render(this: Addressed): MailBody;
  /**
   * Reminders only: the digest of this part's one recipient that lists the action today (see
   * reminder-fold.ts). When the job sends it in this run the part is folded in, so that owner
   * gets one email; co-owners without such a digest get the reminder alone.
   */
  coveredBy?: string[];
  /** Reminders only: the action, so a run can bundle one owner's reminders into one message. */
  item?: DigestItem;
  /**
   * A bundle of one owner's reminders (see reminder-bundle.ts): the reminders it carries, each
   * logged a row of its own in the Mail Log, under its own key, with this message's id.
   */
  carries?: PlannedMail[];
}

/** Whom a planned message goes to, which is all its render may depend on beyond the plan. */
export type Addressed = Pick<PlannedMail, "to" | "names">;

/** The display name planned for `address`, or "" for none. */
export const nameFor = (mail: Addressed, address: string): string =>
  mail.names !== undefined && Object.hasOwn(mail.names, address) ? (mail.names[address] ?? "") : "";

export type { SkippedOwner };

/** Envelope facts shared by every message; empty strings mean "not set". */
export interface MailEnvelope {
  /** from_email, else pmo_email. */
  from: string;
  /** From's display name: `Design Advisory Group (DAG)`, the code alone without a usable committee_name, "" without either. */
  fromName: string;
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
   * "scheduled": digests and the summary are due from digest_weekday (moved past bank holidays,
   * see CommitteeDay.weeklyFrom) to the end of that ISO week (the Mail Log sends each once, so a
   * failed Monday is retried on Tuesday);
   * "always": due whatever the day (the demo, a preview); "never": reminders only.
   */
  weekly: "scheduled" | "always" | "never";
  /** Due-soon reminders, sent on working days only. */
  reminders: boolean;
}

/** True from the week's digest day (the first working day on or after digest_weekday) to its Sunday. */
export const weeklyDue = (day: CommitteeDay): boolean => day.weeklyFrom !== null && day.today >= day.weeklyFrom;

export function mailEnvelope(log: LogData): MailEnvelope {
  const { settings } = log;
  const from = settings.fromEmail || settings.pmoEmail;
  const code = (settings.committeeCode || "actionlog").toLowerCase();
  const [name, shortName] = [displayName(settings.committeeName), displayName(settings.committeeCode)];
  const fromName = name && shortName ? `${name} (${shortName})` : name || shortName;
  return { from, fromName, replyTo: settings.pmoEmail, listId: `${code.toUpperCase()} actions <${code}.actionlog.${domainOf(from) || "localhost"}>` };
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

function planDigests(resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips, badEmails: ReadonlySet<string>): PlannedMail[] {
  const people = new Map<Member, DigestItem[]>();
  for (const entry of resolved) {
    if (!inDigest(entry.item)) continue;
    // Owners who cannot be mailed are reported only when something asks them to act.
    const members = entry.item.state === "awaiting" ? entry.resolution.reachable : reachableOwners(entry, skips, badEmails);
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
    if (!items.some((i) => i.state === "overdue" || i.state === "due-soon" || needsDueDate(i))) continue;
    const sorted = items.sort(itemOrder); // the list is this member's alone
    messages.push({
      kind: "digest",
      // Not matchKey: that folds accents for matching, and a key must never change once a week's digest is logged.
      key: `digest:${foldSpaces(member.name).toLowerCase()}:${frame.day.week}`,
      to: [member.email.trim()],
      cc: [],
      names: { [member.email.trim()]: displayName(member.name) },
      refs: sorted.map((i) => i.ref).filter(Boolean),
      subject: digestSubject(sorted, frame),
      render: () => bodyOf(renderDigest(member.name, sorted, frame)),
    });
  }
  return messages.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * A reminder is due while the action is due soon, in the digest's own window (reminder_working_days
 * working days ahead, and a weekend or holiday due date just beyond them), until the due date, so a
 * run missed on the day (or a due date moved into the window) still reminds once, and a digest that
 * lists the action never comes the day before a separate reminder about it.
 * Proposed Closed actions get none: they only await confirmation. Rows whose Ref is not yet in
 * the sheet get none either, since their key would not be stable, nor rows whose Ref is not an
 * action ref (validate reports it): free text would go into the Subject, the key and the Mail Log.
 */
function planReminders(log: LogData, resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips, badEmails: ReadonlySet<string>): PlannedMail[] {
  const { today } = frame.day;
  const { holidayRegion } = log.settings;
  if (!isWorkingDay(today, holidayRegion)) return [];
  // The digest's own due-soon window: a due date on a weekend or holiday enters it with the working
  // days before it, so the reminder never lands the day after a digest that already listed the action.
  const code = log.settings.committeeCode;
  const due = resolved.filter(({ item }) => item.state === "due-soon" && item.dueDate !== "" && actionRefProblem(item.ref, code, null) === null);
  // Whether a ref is already in the sheet is asked only for these few, not kept for every action.
  const wanted = new Set(due.map(({ item }) => item.ref));
  const written = new Set(log.actions.filter((a) => a.ref !== "" && wanted.has(a.ref)).map((a) => a.ref));
  const messages: PlannedMail[] = [];
  for (const entry of due) {
    const { item } = entry;
    if (!written.has(item.ref)) continue;
    const owners = reachableOwners(entry, skips, badEmails);
    const to = [...new Set(owners.map((m) => m.email.trim()))];
    if (to.length === 0) continue;
    // Two members sharing one address: the first named in the Owner cell names it.
    const names = Object.fromEntries([...owners].reverse().map((m) => [m.email.trim(), displayName(m.name)]));
    messages.push({
      kind: "reminder",
      key: `reminder:${item.ref}:${item.dueDate}`,
      to,
      cc: [],
      names,
      refs: [item.ref],
      item,
      subject: reminderSubject(item, frame),
      render() {
        return bodyOf(renderReminder(item, frame, this.to.map((address) => nameFor(this, address))));
      },
    });
  }
  return messages.sort((a, b) => a.key.localeCompare(b.key));
}

function planSummary(log: LogData, validation: ValidationResult, resolved: readonly ResolvedItem[], frame: MailFrame, skips: Skips, badEmails: ReadonlySet<string>): PlannedMail[] {
  const { settings } = log;
  if (settings.pmoEmail === "") {
    notePmoEmail(log, skips);
    return [];
  }
  const data = summariseLog(resolved, validation.actions, validation.problems, frame.day, settings.escalateAfterMeetings, badEmails);
  const chair = settings.chairEmail;
  const cc = data.escalations.length > 0 && chair !== "" && matchKey(chair) !== matchKey(settings.pmoEmail) ? [chair] : [];
  const refs = [...new Set([...data.owners.flatMap((o) => o.items.filter((i) => i.state === "overdue")), ...data.escalations].map((i) => i.ref).filter(Boolean))].sort();
  const subject = summarySubject(data, frame);
  return [{ kind: "summary", key: `summary:${frame.day.week}`, to: [settings.pmoEmail], cc, refs, subject, render: () => bodyOf(renderSummary(data, frame)) }];
}

/** Drops addresses off the allowlist, reporting each; a message left with no To is not sent. */
function enforceAllowlist(log: LogData, messages: PlannedMail[], skips: Skips): PlannedMail[] {
  const allowlist = buildAllowlist(log);
  const keep = (address: string, ref: string, role: AddressRole) => {
    const refusal = allowlist.refusal(address);
    if (refusal) noteRefusal(skips, address, refusal, ref, role);
    return refusal === null;
  };
  return messages.flatMap((m) => {
    const ref = m.kind === "reminder" ? (m.refs[0] ?? "") : "";
    // The summary's To is pmo_email and its only cc is chair_email.
    const summary = m.kind === "summary";
    const to = m.to.filter((a) => keep(a, ref, summary ? "pmo" : "owner"));
    return to.length === 0 ? [] : [{ ...m, to, cc: m.cc.filter((a) => keep(a, ref, summary ? "chair" : "owner")) }];
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
  const badEmails = badEmailMembers(log);
  if (options.weekly === "scheduled") noteDigestWeekday(log, skips);
  noteAllowedDomains(log, skips);
  const weekly = options.weekly === "always" || (options.weekly === "scheduled" && weeklyDue(day));
  const messages = [
    ...(weekly ? planDigests(resolved, frame, skips, badEmails) : []),
    ...(options.reminders ? planReminders(log, resolved, frame, skips, badEmails) : []),
    ...(weekly ? planSummary(log, validation, resolved, frame, skips, badEmails) : []),
  ];
  const allowed = enforceAllowlist(log, foldRemindersIntoDigests(messages), skips);
  return { day, envelope: mailEnvelope(log), messages: allowed, skipped: skips.list() };
}

/** Why `member`'s digest would never be sent, as a preview's banner; "" when it would be. */
function notSentBecause(log: LogData, member: Member): string {
  if (!member.active) return `Not sent: ${member.name} is marked inactive in Members`;
  if (member.email.trim() === "") {
    return badEmailMembers(log).has(member.name)
      ? `Not sent: ${member.name}'s Email in Members is not a valid address`
      : `Not sent: ${member.name} has no Email in Members`;
  }
  const refusal = buildAllowlist(log).refusal(member.email.trim());
  return refusal === null ? "" : `Not sent: ${refusal}`;
}

/**
 * One member's digest whatever is due, for `actionlog preview` and the sheet's Preview digest;
 * for a member who cannot be mailed, a banner above it (never in a sent email) says why.
 */
export function previewDigest(log: LogData, validation: ValidationResult, now: DateTime, member: Member): RenderedMail {
  const day = committeeDay(log, now);
  const items = resolveItems(log, validation, day)
    .filter((r) => inDigest(r.item) && r.resolution.members.some((m) => m.name === member.name))
    .map((r) => r.item)
    .sort(itemOrder);
  return renderDigest(member.name, items, mailFrame(log, day), notSentBecause(log, member));
}
