/** The owner's weekly digest and the due-soon reminders, as subject, plain text and email-safe HTML. */
import { type CommitteeDay, type DigestItem, needsDueDate } from "./digest-items.js";
import { formatLongDate } from "./dates.js";
import { COLOURS, type Html, heading, join, lines, page, paragraph, tone } from "./email-html.js";
import { itemTable, itemText, longDay, noWorkingDaysLeft, plural, shortDay } from "./email-items.js";
import { foldSpaces, listInWords } from "./text.js";

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

export const committeeTitle = (frame: Pick<MailFrame, "code" | "committeeName">): string =>
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

/**
 * Sheet text as a display name in From or To: cleaned as a Subject is, and dropped ("") when it
 * holds an @, since a name that reads as an address ("board@evil.example") would misstate who
 * sent or gets the mail.
 */
export const displayName = (text: string): string => {
  const clean = cleanSubject(text);
  return clean.includes("@") ? "" : clean;
};

export const weekOf = (frame: MailFrame): string => `week of ${formatLongDate(frame.day.weekStart)}`;

/** "due by Thu 19 Nov": the due-soon window as it is, reminder_working_days working days from today; only for "nothing due". */
const soonLabel = (frame: MailFrame): string => `due by ${shortDay(frame.day.soonUntil, frame.day.today)}`;

/** The digest's due-soon heading: "Due in the next 3 working days (by Thu 19 Nov)". */
const soonHeading = (frame: MailFrame): string => {
  const by = shortDay(frame.day.soonUntil, frame.day.today);
  return frame.reminderWorkingDays === 0 ? `Due by ${by}` : `Due in the next ${plural(frame.reminderWorkingDays, "working day")} (by ${by})`;
};

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
      note: `Write a date in the Due column (such as 13/10/${frame.day.today.slice(0, 4)}, ASAP, Next meeting or +10 WD); until then nobody is reminded when it falls due.`,
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

/**
 * The due-soon actions' own dates, never the window's end (an action due tomorrow must not read as
 * due on Tuesday): "Fri 13 Oct" for the one date they all share, else the first of them.
 */
function soonDates(items: readonly DigestItem[], frame: MailFrame): { first: string; same: boolean } | undefined {
  const dates = items.filter((i) => i.state === "due-soon" && i.dueDate !== "").map((i) => i.dueDate).sort();
  const first = dates[0];
  return first === undefined ? undefined : { first: shortDay(first, frame.day.today), same: first === dates.at(-1) };
}

/** "3 due soon (first Fri 13 Oct)", or "3 due Fri 13 Oct" when they share the date. */
function soonSubject(items: readonly DigestItem[], soon: number, frame: MailFrame): string {
  const dates = soonDates(items, frame);
  if (dates === undefined) return `${soon} ${soonLabel(frame)}`;
  return dates.same ? `${soon} due ${dates.first}` : `${soon} due soon (first ${dates.first})`;
}

/** "due soon, the first on Fri 13 Oct", or "due on Fri 13 Oct" when they share the date. */
function soonIntro(items: readonly DigestItem[], frame: MailFrame): string {
  const dates = soonDates(items, frame);
  if (dates === undefined) return soonLabel(frame);
  return dates.same ? `due on ${dates.first}` : `due soon, the first on ${dates.first}`;
}

/** `[DAG] 3 overdue, 2 due soon (first Thu 16 Nov) (week of 13 Nov 2023)`; zero counts are left out. */
export function digestSubject(items: readonly DigestItem[], frame: MailFrame): string {
  const { overdue, soon, undated } = tally(items);
  const parts = [overdue > 0 ? `${overdue} overdue` : "", soon > 0 ? soonSubject(items, soon, frame) : "", undated > 0 ? `${undated} with no due date` : ""].filter(Boolean);
  return cleanSubject(`${subjectPrefix(frame)} ${parts.join(", ") || `Nothing overdue or ${soonLabel(frame)}`} (${weekOf(frame)})`);
}

/** "You have 1 overdue action and 2 due soon, the first on Thu 16 Nov.", zero counts left out. */
function digestIntro(items: readonly DigestItem[], frame: MailFrame): string {
  const { overdue, soon, undated } = tally(items);
  const noDate = undated === 0 ? "" : ` ${undated === 1 ? "One action has" : `${undated} actions have`} no readable due date.`;
  if (overdue === 0 && soon === 0) return undated > 0 ? noDate.trim() : `Nothing of yours is overdue or ${soonLabel(frame)}.`;
  if (soon === 0) return `You have ${plural(overdue, "overdue action")}.${noDate}`;
  if (overdue === 0) return `You have ${plural(soon, "action")} ${soonIntro(items, frame)}.${noDate}`;
  return `You have ${plural(overdue, "overdue action")} and ${soon} ${soonIntro(items, frame)}.${noDate}`;
}

/** "Hello Paul Pettitt," or "Hello Paul Pettitt and Lee Cox,"; "Hello," when no name is known. */
export function greeting(names: readonly string[]): string {
  const known = names.filter((n) => n.trim() !== "");
  return known.length === 0 ? "Hello," : `Hello ${listInWords(known)},`;
}

/**
 * One person's digest; `items` are theirs, already in order (see itemOrder). `banner` is a line
 * above a preview only (never in a sent email), e.g. why this digest will not be sent.
 */
export function renderDigest(person: string, items: readonly DigestItem[], frame: MailFrame, banner = ""): RenderedMail {
  const subject = digestSubject(items, frame);
  const sections = digestSections(items, frame);
  const intro = digestIntro(items, frame);
  const title = `${committeeTitle(frame)}: your actions, ${weekOf(frame)}`;
  const end = footer(frame);
  const text = [
    ...(banner ? [banner, ""] : []),
    title,
    "",
    greeting([person]),
    intro,
    ...sections.flatMap((s) => ["", s.title.toUpperCase(), ...(s.note ? [s.note] : []), "", s.items.map((i) => itemText(i, frame.day)).join("\n\n")]),
    "",
    end.text,
    "",
  ].join("\n");
  const body = join([
    ...(banner ? [paragraph(tone(banner, COLOURS.overdue, true))] : []),
    heading(title),
    paragraph(lines([greeting([person]), intro])),
    ...sections.flatMap((s) => [heading(s.title, s.colour), ...(s.note ? [paragraph(s.note, true)] : []), itemTable(s.items, frame.day)]),
    end.html,
  ]);
  return { subject, text, html: page(subject, body) };
}

const dueWhen = (item: DigestItem): string => (item.dueDate === "" ? "soon" : `on ${formatLongDate(item.dueDate)}`);

/** `[DAG] Reminder: DAG29-01 is due on 16 Nov 2023`. */
export const reminderSubject = (item: DigestItem, frame: MailFrame): string => cleanSubject(`${subjectPrefix(frame)} Reminder: ${item.ref} is due ${dueWhen(item)}`);

/** The due-soon reminder, sent reminder_working_days working days ahead; `names` are the people it goes to. */
export function renderReminder(item: DigestItem, frame: MailFrame, names: readonly string[] = []): RenderedMail {
  const subject = reminderSubject(item, frame);
  const when =
    item.dueDate === frame.day.today
      ? `${dueWhen(item)}. It is due today.`
      : noWorkingDaysLeft(item, frame.day)
        ? `on ${longDay(item.dueDate)} (no working days left before it).`
        : `${dueWhen(item)}. That is ${plural(item.workingDaysLeft, "working day")} from today.`;
  const intro = `${item.ref} is due ${when} If it will be late, reply with an update for the PMO.`;
  const end = footer(frame);
  const text = [`${committeeTitle(frame)}: action due soon`, "", greeting(names), intro, "", itemText(item, frame.day, true), "", end.text, ""].join("\n");
  const body = join([heading(`${committeeTitle(frame)}: action due soon`), paragraph(lines([greeting(names), intro])), itemTable([item], frame.day, true), end.html]);
  return { subject, text, html: page(subject, body) };
}

/** `[DAG] Reminder: 3 actions due on 16 Nov 2023`, or `due soon (first Thu 16 Nov)` when their dates differ. */
export function remindersSubject(items: readonly DigestItem[], frame: MailFrame): string {
  const dates = [...new Set(items.map((i) => i.dueDate).filter(Boolean))].sort();
  const first = dates[0];
  // The first date, as the digest's subject gives it: the last would make the earliest action look later.
  const when = first === undefined ? "soon" : dates.length === 1 ? `on ${formatLongDate(first)}` : `soon (first ${shortDay(first, frame.day.today)})`;
  return cleanSubject(`${subjectPrefix(frame)} Reminder: ${plural(items.length, "action")} due ${when}`);
}

/**
 * Two or more due-soon reminders to one owner (`person`) on one day, as one email; `items` already
 * in order (see itemOrder).
 */
export function renderReminders(person: string, items: readonly DigestItem[], frame: MailFrame): RenderedMail {
  const subject = remindersSubject(items, frame);
  const title = `${committeeTitle(frame)}: actions due soon`;
  const intro = `You have ${plural(items.length, "action")} ${soonIntro(items, frame)}. If any will be late, reply with an update for the PMO.`;
  const end = footer(frame);
  const text = [title, "", greeting([person]), intro, "", items.map((i) => itemText(i, frame.day, true)).join("\n\n"), "", end.text, ""].join("\n");
  const body = join([heading(title), paragraph(lines([greeting([person]), intro])), itemTable(items, frame.day, true), end.html]);
  return { subject, text, html: page(subject, body) };
}
