/** The owner's weekly digest and the due-soon reminders, as subject, plain text and email-safe HTML. */
import { type CommitteeDay, type DigestItem, needsDueDate } from "./digest-items.js";
import { formatLongDate, formatUkDate, isoToSerial, weekdayOfSerial } from "./dates.js";
import { COLOURS, type Html, escapeLines, heading, join, lines, page, paragraph, raw, table, tone, unbroken } from "./email-html.js";
import { statusAdvice } from "./status.js";
import { foldSpaces } from "./text.js";

/** What every message of a run shares: the committee, the day and the settings the words depend on. */
export interface MailFrame {
  code: string;
  committeeName: string;
  day: CommitteeDay;
  reminderWorkingDays: number;
  escalateAfterMeetings: number;
  pmoEmail: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export const committeeTitle = (frame: MailFrame): string =>
  frame.committeeName ? `${frame.committeeName} (${frame.code})` : frame.code || "Action log";

export const subjectPrefix = (frame: MailFrame): string => `[${frame.code || "actionlog"}]`;

/**
 * Control characters (Cc) and format characters (Cf: the bidirectional controls, U+202E showing
 * the rest of a line reversed, zero-width spaces and joiners, soft hyphens, the BOM): sheet text
 * must never reorder or hide part of a Subject.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** A Subject as mail clients should show it: controls and invisible characters removed, on one line. */
export const cleanSubject = (subject: string): string => foldSpaces(subject.replace(/[\r\n\t]/g, " ").replace(INVISIBLE, ""));

export const weekOf = (frame: MailFrame): string => `week of ${formatLongDate(frame.day.weekStart)}`;

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const dayName = (date: string): string => DAY_NAMES[weekdayOfSerial(isoToSerial(date)) - 1] ?? "";

/** "Sunday 25 Oct 2026". */
export const longDay = (date: string): string => `${dayName(date)} ${formatLongDate(date)}`;

/** "Thu 19 Nov", with the year only when it is not today's year ("Mon 4 Jan 2027"). */
export const shortDay = (date: string, today: string): string => {
  const long = formatLongDate(date);
  return `${dayName(date).slice(0, 3)} ${date.slice(0, 4) === today.slice(0, 4) ? long.slice(0, -5) : long}`;
};

/** "due by Thu 19 Nov": the due-soon window as it is, reminder_working_days working days from today. */
export const soonLabel = (frame: MailFrame): string => `due by ${shortDay(frame.day.soonUntil, frame.day.today)}`;

/** The digest's due-soon heading: "Due in the next 3 working days (by Thu 19 Nov)". */
export const soonHeading = (frame: MailFrame): string => {
  const by = shortDay(frame.day.soonUntil, frame.day.today);
  return frame.reminderWorkingDays === 0 ? `Due by ${by}` : `Due in the next ${plural(frame.reminderWorkingDays, "working day")} (by ${by})`;
};

/** True when the due date is ahead but falls after the last working day before it: a weekend or bank holiday. */
const noWorkingDaysLeft = (item: DigestItem, day: CommitteeDay): boolean =>
  item.dueDate !== "" && item.dueDate > day.today && item.state !== "overdue" && item.workingDaysLeft === 0;

/** What the owner wrote in Due, shortened: enough to recognise it, never a pasted paragraph. */
const DUE_LIMIT = 80;
const clip = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** "13/10/2023, 4 days overdue", "16/11/2023, 3 working days left", "13/11/2023, due today", "25/10/2026 (Sunday), no working days left before it". */
export function dueText(item: DigestItem, day: CommitteeDay): string {
  if (item.dueDate === "") return item.dueWritten === "" ? "no readable due date (Due is blank)" : `no readable due date (Due says "${clip(item.dueWritten, DUE_LIMIT)}")`;
  const date = formatUkDate(item.dueDate);
  if (item.state === "overdue" || (item.status === "Proposed Closed" && item.daysOverdue > 0)) {
    return `${date}, ${plural(item.daysOverdue, "day")} overdue`;
  }
  if (item.dueDate === day.today) return `${date}, due today`;
  if (noWorkingDaysLeft(item, day)) return `${date} (${dayName(item.dueDate)}), no working days left before it`;
  return `${date}, ${plural(item.workingDaysLeft, "working day")} left`;
}

export const carriedText = (item: DigestItem): string => (item.carried === 0 ? "not carried" : `carried ${plural(item.carried, "meeting")}`);

const UPDATE_LIMIT = 500;
/** The Update cell, shortened: a pasted essay must not bury the rest of the email. */
export const latestUpdate = (item: DigestItem): string => {
  const text = item.update.trim();
  if (text === "") return "none yet";
  return text.length > UPDATE_LIMIT ? `${text.slice(0, UPDATE_LIMIT - 1)}…` : text;
};

const dueCell = (item: DigestItem, day: CommitteeDay): Html => {
  const colour = item.state === "overdue" ? COLOURS.overdue : item.state === "due-soon" ? COLOURS.soon : COLOURS.muted;
  return tone(dueText(item, day), colour, item.state === "overdue");
};

/** The Status as the sheet should hold it, or what was written there and what to write instead. */
const statusShown = (item: DigestItem): string =>
  item.statusWritten === undefined ? item.status : `"${foldSpaces(item.statusWritten)}" is not a status: ${statusAdvice(item.statusWritten)}`;

/** The area, small and grey, above the action: a column of its own would squeeze the action in a 680px email. */
const actionCell = (item: DigestItem): Html =>
  item.area.trim() === "" ? raw(escapeLines(item.action)) : raw(`<span style="color:${COLOURS.muted};font-size:12px">${escapeLines(item.area)}</span><br>${escapeLines(item.action)}`);

/** One table row per action; the owner column is for the PMO's tables, where several owners mix. */
export function itemTable(items: readonly DigestItem[], day: CommitteeDay, withOwner = false): Html {
  const headers = ["Ref", "Action", ...(withOwner ? ["Owner"] : []), "Due", "Status", "Carried", "Latest update"];
  const rows = items.map((item) => [
    unbroken(item.ref), actionCell(item), ...(withOwner ? [item.owner] : []),
    dueCell(item, day), statusShown(item), String(item.carried), latestUpdate(item),
  ]);
  // The action is what the reader came for: it keeps the widest share however long the update.
  const widths = headers.map((h) => (h === "Action" ? (withOwner ? 32 : 40) : h === "Latest update" ? (withOwner ? 20 : 24) : undefined));
  return table(headers, rows, widths);
}

/** The plain-text block for one action. */
export const itemText = (item: DigestItem, day: CommitteeDay, withOwner = false): string =>
  [
    `* ${item.ref || `(row ${item.row}, no ref yet)`}${item.area ? ` (${item.area})` : ""}`,
    `  ${item.action.replace(/\s*\n\s*/g, " ")}`,
    ...(withOwner ? [`  Owner: ${item.owner.replace(/\s*\n\s*/g, " ")}`] : []),
    `  Due: ${dueText(item, day)}`,
    `  Status: ${statusShown(item)}; ${carriedText(item)}`,
    `  Latest update: ${latestUpdate(item).replace(/\s*\n\s*/g, " / ")}`,
  ].join("\n");

const footer = (frame: MailFrame): { text: string; html: Html } => {
  const reply = frame.pmoEmail ? `Reply to this email to reach the PMO (${frame.pmoEmail}).` : "";
  const sent = `Sent by actionlog for ${committeeTitle(frame)} on ${formatLongDate(frame.day.today)}.`;
  return { text: ["--", reply, sent].filter(Boolean).join("\n"), html: paragraph([reply, sent].filter(Boolean).join(" "), true) };
};

interface Section {
  title: string;
  colour: string;
  note?: string;
  items: DigestItem[];
}

/** The digest's sections: overdue (oldest first), due soon, then Proposed Closed awaiting the meeting. */
function digestSections(items: readonly DigestItem[], frame: MailFrame): Section[] {
  const next = frame.day.nextMeeting;
  const meeting = next?.date ? `meeting ${next.number} on ${formatLongDate(next.date)}` : "the next meeting";
  return [
    { title: "Overdue (oldest first)", colour: COLOURS.overdue, items: items.filter((i) => i.state === "overdue") },
    { title: soonHeading(frame), colour: COLOURS.soon, items: items.filter((i) => i.state === "due-soon") },
    {
      title: "No readable due date",
      colour: COLOURS.soon,
      note: "Write a date in the Due column (such as 13/10/2023, ASAP, Next meeting or +10 WD); until then nobody is reminded when it falls due.",
      items: items.filter(needsDueDate),
    },
    {
      title: "Awaiting confirmation at the next meeting",
      colour: COLOURS.muted,
      note: `Proposed Closed: the committee confirms the closure at ${meeting}. Nothing to do unless the action is not finished.`,
      items: items.filter((i) => i.state === "awaiting"),
    },
  ].filter((section) => section.items.length > 0);
}

const tally = (items: readonly DigestItem[]) => ({
  overdue: items.filter((i) => i.state === "overdue").length,
  soon: items.filter((i) => i.state === "due-soon").length,
  undated: items.filter(needsDueDate).length,
});

/** `[DAG] 3 overdue, 2 due by Thu 16 Nov (week of 13 Nov 2023)`; zero counts are left out. */
export function digestSubject(items: readonly DigestItem[], frame: MailFrame): string {
  const { overdue, soon, undated } = tally(items);
  const parts = [overdue > 0 ? `${overdue} overdue` : "", soon > 0 ? `${soon} ${soonLabel(frame)}` : "", undated > 0 ? `${undated} with no due date` : ""].filter(Boolean);
  return cleanSubject(`${subjectPrefix(frame)} ${parts.join(", ") || `nothing overdue or ${soonLabel(frame)}`} (${weekOf(frame)})`);
}

/** "You have 1 overdue action and 2 due by Thu 16 Nov.", zero counts left out. */
function digestIntro(items: readonly DigestItem[], frame: MailFrame): string {
  const { overdue, soon, undated } = tally(items);
  const noDate = undated === 0 ? "" : ` ${undated === 1 ? "One action has" : `${undated} actions have`} no readable due date.`;
  if (overdue === 0 && soon === 0) return undated > 0 ? noDate.trim() : `Nothing of yours is overdue or ${soonLabel(frame)}.`;
  if (soon === 0) return `You have ${plural(overdue, "overdue action")}.${noDate}`;
  if (overdue === 0) return `You have ${plural(soon, "action")} ${soonLabel(frame)}.${noDate}`;
  return `You have ${plural(overdue, "overdue action")} and ${soon} ${soonLabel(frame)}.${noDate}`;
}

/** A line above a preview only (never in a sent email), e.g. why this digest will not be sent. */
export interface PreviewBanner {
  banner: string;
}

/** One person's digest; `items` are theirs, already in order (see itemOrder). */
export function renderDigest(person: string, items: readonly DigestItem[], frame: MailFrame, preview?: PreviewBanner): RenderedMail {
  const subject = digestSubject(items, frame);
  const sections = digestSections(items, frame);
  const intro = digestIntro(items, frame);
  const title = `${committeeTitle(frame)}: your actions, ${weekOf(frame)}`;
  const end = footer(frame);
  const text = [
    ...(preview ? [preview.banner, ""] : []),
    title,
    "",
    `Hello ${person},`,
    intro,
    ...sections.flatMap((s) => ["", s.title.toUpperCase(), ...(s.note ? [s.note] : []), "", s.items.map((i) => itemText(i, frame.day)).join("\n\n")]),
    "",
    end.text,
    "",
  ].join("\n");
  const body = join([
    ...(preview ? [paragraph(tone(preview.banner, COLOURS.overdue, true))] : []),
    heading(title),
    paragraph(lines([`Hello ${person},`, intro])),
    ...sections.flatMap((s) => [heading(s.title, s.colour), ...(s.note ? [paragraph(s.note, true)] : []), itemTable(s.items, frame.day)]),
    end.html,
  ]);
  return { subject, text, html: page(subject, body) };
}

const dueWhen = (item: DigestItem): string => (item.dueDate === "" ? "soon" : `on ${formatLongDate(item.dueDate)}`);

/** `[DAG] Reminder: DAG29-01 is due on 16 Nov 2023`. */
export const reminderSubject = (item: DigestItem, frame: MailFrame): string => cleanSubject(`${subjectPrefix(frame)} Reminder: ${item.ref} is due ${dueWhen(item)}`);

/** The due-soon reminder, sent reminder_working_days working days ahead. */
export function renderReminder(item: DigestItem, frame: MailFrame): RenderedMail {
  const subject = reminderSubject(item, frame);
  const when =
    item.dueDate === frame.day.today
      ? `${dueWhen(item)}. It is due today.`
      : noWorkingDaysLeft(item, frame.day)
        ? `on ${longDay(item.dueDate)} (no working days left before it).`
        : `${dueWhen(item)}. That is ${plural(item.workingDaysLeft, "working day")} from today.`;
  const intro = `${item.ref} is due ${when} If it will be late, reply with an update for the PMO.`;
  const end = footer(frame);
  const text = [`${committeeTitle(frame)}: action due soon`, "", intro, "", itemText(item, frame.day, true), "", end.text, ""].join("\n");
  const body = join([heading(`${committeeTitle(frame)}: action due soon`), paragraph(intro), itemTable([item], frame.day, true), end.html]);
  return { subject, text, html: page(subject, body) };
}

/** `[DAG] Reminder: 3 actions due on 16 Nov 2023`, or `due by` the latest of their dates when they differ. */
export function remindersSubject(items: readonly DigestItem[], frame: MailFrame): string {
  const dates = [...new Set(items.map((i) => i.dueDate).filter(Boolean))].sort();
  const last = dates.at(-1);
  const when = last === undefined ? "soon" : `${dates.length === 1 ? "on" : "by"} ${formatLongDate(last)}`;
  return cleanSubject(`${subjectPrefix(frame)} Reminder: ${plural(items.length, "action")} due ${when}`);
}

/** Two or more due-soon reminders to one owner on one day, as one email; `items` already in order (see itemOrder). */
export function renderReminders(items: readonly DigestItem[], frame: MailFrame): RenderedMail {
  const subject = remindersSubject(items, frame);
  const title = `${committeeTitle(frame)}: actions due soon`;
  const intro = `${items.length} of your actions are due soon. If any will be late, reply with an update for the PMO.`;
  const end = footer(frame);
  const text = [title, "", intro, "", items.map((i) => itemText(i, frame.day, true)).join("\n\n"), "", end.text, ""].join("\n");
  const body = join([heading(title), paragraph(intro), itemTable(items, frame.day, true), end.html]);
  return { subject, text, html: page(subject, body) };
}
