/** Where each outstanding action stands on the committee's day: overdue, due soon, awaiting confirmation or open. */
import type { DateTime } from "luxon";
import { committeeToday, isoFromSerial, isoToSerial, partsFromSerial, weekdayOfSerial } from "./dates.js";
import { type MeetingCalendar, createMeetingCalendar } from "./meetings.js";
import { foldSpaces } from "./text.js";
import type { IsoDate, LogData, Meeting, Status } from "./types.js";
import type { CheckedAction } from "./validate-actions.js";
import { addWorkingDays, isWorkingSerial, workingDaysBetween } from "./working-days.js";

export type ItemState = "overdue" | "due-soon" | "awaiting" | "open";

/** One outstanding action as the emails show it. */
export interface DigestItem {
  row: number;
  ref: string;
  area: string;
  action: string;
  owner: string;
  status: Status;
  /** The Status as written when it is not a status ("Blocked"): the action is chased as Open, and the email says what to write. */
  statusWritten?: string | undefined;
  /** "" when the Due cell could not be read: the action is listed but never counted as overdue. */
  dueDate: IsoDate | "";
  /** The Due as written when it gives no date ("13 Oct"), so the email shows the owner what to fix; "" otherwise. */
  dueWritten: string;
  state: ItemState;
  /** Calendar days past the due date; 0 unless overdue. */
  daysOverdue: number;
  /** Working days from today to the due date, 0 on the day itself; 0 when overdue or undated. */
  workingDaysLeft: number;
  /** Registers that have listed it under Previous Meeting(s), counted as rollover counts them. */
  carried: number;
  update: string;
}

/** The calendar facts every message of one run shares. */
export interface CommitteeDay {
  today: IsoDate;
  /** ISO week of today, e.g. 2023-W46: part of the digest and summary keys. */
  week: string;
  /** Monday and Sunday of that week. */
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** The last day of the due-soon window: due dates at most reminder_working_days working days away. */
  soonUntil: IsoDate;
  /**
   * The day this week's digests and PMO summary are due from: digest_weekday, or the first
   * working day after it in the same ISO week when it is a bank holiday; null when none is left.
   */
  weeklyFrom: IsoDate | null;
  /** The highest-numbered Held meeting: the one the current register was rolled from. */
  lastHeld: Meeting | undefined;
  /** The first Scheduled meeting dated today or later, where Proposed Closed actions are confirmed. */
  nextMeeting: Meeting | undefined;
  calendar: MeetingCalendar;
}

/** ISO week of a serial day: the week belongs to the year of its Thursday. */
export function isoWeekOf(serial: number): string {
  const thursday = serial - weekdayOfSerial(serial) + 4;
  const { year } = partsFromSerial(thursday);
  const week = Math.floor((thursday - isoToSerial(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${week < 10 ? `0${week}` : week}`;
}

/** Day names by ISO weekday less one: Monday first, as digest_weekday holds them. */
export const WEEKDAY_NAMES: readonly string[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * digest_weekday in the week starting `monday`, moved past bank holidays (Easter Monday, Christmas
 * Day) to the next working day of the same ISO week, or null when the rest of the week is not
 * working days. A Saturday or Sunday digest_weekday was chosen as such, so it stands.
 */
function weeklyFromOf(monday: number, settings: LogData["settings"]): IsoDate | null {
  const weekday = Math.max(0, WEEKDAY_NAMES.indexOf(settings.digestWeekday));
  if (weekday >= 5) return isoFromSerial(monday + weekday);
  for (let serial = monday + weekday; serial < monday + 7; serial++) {
    if (isWorkingSerial(serial, settings.holidayRegion)) return isoFromSerial(serial);
  }
  return null;
}

export function committeeDay(log: LogData, now: DateTime): CommitteeDay {
  const today = committeeToday(now, log.settings.timezone);
  const serial = isoToSerial(today);
  const monday = serial - weekdayOfSerial(serial) + 1;
  const calendar = createMeetingCalendar(log.meetings);
  const held = log.meetings.filter((m) => m.status === "Held").sort((a, b) => b.number - a.number);
  const upcoming = log.meetings
    .filter((m): m is Meeting & { date: IsoDate } => m.status === "Scheduled" && m.date !== null && m.date >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number));
  return {
    today,
    week: isoWeekOf(serial),
    weekStart: isoFromSerial(monday),
    weekEnd: isoFromSerial(monday + 6),
    // The day before the (n+1)th working day: a due date on a weekend or bank holiday right
    // after the nth working day is still only n working days away.
    soonUntil: isoFromSerial(isoToSerial(addWorkingDays(today, log.settings.reminderWorkingDays + 1, log.settings.holidayRegion)) - 1),
    weeklyFrom: weeklyFromOf(monday, log.settings),
    lastHeld: held[0],
    nextMeeting: upcoming[0],
    calendar,
  };
}

/** As rollover counts it for the register after the last Held meeting (Cancelled meetings do not count). */
const carriedOf = (action: CheckedAction, day: CommitteeDay): number => {
  const last = day.lastHeld?.number;
  if (action.raisedAt === null || last === undefined || action.raisedAt >= last) return 0;
  return Math.max(0, day.calendar.countHeldOrScheduled(action.raisedAt, last + 1) - 1);
};

const isDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The Due cell on one line, as the owner sees it in the sheet. */
const dueShown = (due: string | number): string => (typeof due === "number" ? String(due) : foldSpaces(due));

/**
 * The action as the emails see it, or null when it is Closed. A Status that cannot be read
 * ("Blocked") is chased as Open, with the words shown, rather than dropped from every email.
 * Overdue compares committee calendar dates, so an action due on D is overdue from 00:00
 * London time on D+1, summer or winter.
 */
export function classifyAction(action: CheckedAction, day: CommitteeDay, log: LogData): DigestItem | null {
  const status = action.canonicalStatus ?? "Open";
  if (status === "Closed") return null;
  const dueDate = isDate(action.dueDate) ? action.dueDate : "";
  const overdue = dueDate !== "" && dueDate < day.today;
  const soon = dueDate !== "" && !overdue && dueDate <= day.soonUntil;
  const state: ItemState =
    status === "Proposed Closed" ? (overdue || soon ? "awaiting" : "open") : overdue ? "overdue" : soon ? "due-soon" : "open";
  return {
    row: action.row,
    ref: action.ref,
    area: action.area,
    action: action.action,
    owner: action.owner,
    status,
    // Always present, if undefined: one object shape for every item keeps 100k of them fast.
    statusWritten: action.canonicalStatus === null ? action.status : undefined,
    dueDate,
    dueWritten: dueDate === "" ? dueShown(action.due) : "",
    state,
    daysOverdue: overdue ? isoToSerial(day.today) - isoToSerial(dueDate) : 0,
    workingDaysLeft: dueDate === "" || overdue ? 0 : workingDaysBetween(day.today, dueDate, log.settings.holidayRegion),
    carried: carriedOf(action, day),
    update: action.update,
  };
}

/**
 * An open action with no date to chase by: Due blank, or written so it cannot be read (validate
 * blanks its Due Date then). Its owner is asked for one, so it is never silently unchased.
 */
export const needsDueDate = (item: DigestItem): boolean => item.state === "open" && item.dueDate === "" && item.status !== "Proposed Closed";

/** Listed in its owners' digest (and the preview): everything but an open action with a date still ahead of the window. */
export const inDigest = (item: DigestItem): boolean => item.state !== "open" || needsDueDate(item);

/** Overdue first, oldest due date first; then by due date; undated last; ties by ref. */
export function itemOrder(a: DigestItem, b: DigestItem): number {
  const rank = (item: DigestItem) => (item.state === "overdue" ? 0 : 1);
  const due = (item: DigestItem) => (item.dueDate === "" ? "9999-12-31" : item.dueDate);
  return rank(a) - rank(b) || (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0) || a.ref.localeCompare(b.ref);
}
