/** The Due column language: a date, a sheet serial, ASAP, Next meeting or +N WD, resolved to a calendar date. */
import { formatUkDate, parseUkDate, serialToIso } from "./dates.js";
import { ActionlogError } from "./errors.js";
import { foldSpaces } from "./text.js";
import type { HolidayRegion, IsoDate } from "./types.js";
import { addWorkingDays } from "./working-days.js";

/** Which form of the Due language produced the date. */
export type DueRule = "date" | "serial" | "asap" | "next-meeting" | "working-days";

/** What a Due cell is resolved against: the action's meeting and the committee's settings. */
export interface DueContext {
  /** Date of the meeting the action came from; null when Meetings has no date for it. */
  meetingDate: IsoDate | null;
  /** Date of the next Scheduled meeting after that one; null when there is none. */
  nextMeetingDate: IsoDate | null;
  /** Working days that ASAP means (Settings). */
  asapWorkingDays: number;
  region: HolidayRegion;
}

/** A resolved date and the form that gave it, or a message for the member. */
export type DueResult = { ok: true; date: IsoDate; rule: DueRule } | { ok: false; message: string };

const FIX = "write it as 13/10/2023, ASAP, Next meeting or +10 WD";

// Typed due dates outside this century are slips (a bare 10 in a date cell is 09/01/1900),
// so they are reported rather than silently making an action decades overdue. Dates that
// come from Meetings are that tab's business and are not second-guessed here.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
/** About four years of working days: anything longer is a slip, and it bounds the day-by-day count. */
const MAX_WORKING_DAYS = 1000;

const ASAP = /^asap$/;
const NEXT_MEETING = /^next ?(?:meeting|mtg)(?: ?date)?$/;
const WORKING_DAYS = /^\+? ?(\d+) ?(?:wds?|working ?days?)$/;
const NUMERIC = /^\d+(?:\.\d+)?$/;

const fail = (message: string): DueResult => ({ ok: false, message });

const inWindow = (date: IsoDate, shown: string, rule: DueRule): DueResult => {
  const year = Number(date.slice(0, 4));
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return { ok: true, date, rule };
  return fail(`"${shown}" reads as ${formatUkDate(date)}; due dates must fall in ${FIRST_YEAR}–${LAST_YEAR}, so ${FIX}`);
};

const fromSerial = (serial: number, shown: string): DueResult => {
  const date = serialToIso(serial);
  if (date === null) return fail(`"${shown}" is not a date; ${FIX}`);
  return inWindow(date, shown, "serial");
};

const noMeetingDate = (shown: string): DueResult =>
  fail(
    `"${shown}" counts working days from the meeting's date, but this meeting has no date in Meetings; ` +
      "add the meeting's date there, or write a date such as 13/10/2023",
  );

const afterMeeting = (n: number, shown: string, rule: DueRule, context: DueContext): DueResult => {
  if (context.meetingDate === null) return noMeetingDate(shown);
  return { ok: true, date: addWorkingDays(context.meetingDate, n, context.region), rule };
};

/**
 * Resolves one Due cell. Expected problems come back as `{ ok: false, message }` in words a
 * member can act on (the caller adds tab, row and column); only a broken Settings value throws.
 */
// Members write "A.S.A.P.", "Next Mtg." or "+10 W.D."; a dot after a letter never changes
// the meaning (a dot between digits does: "+1.5 WD" must not become "+15 WD").
const keyOf = (shown: string): string => shown.toLowerCase().replace(/(?<=[a-z])\./g, "").trim();

/** True when the Due text means "the next meeting", whose date only the log's Meetings can give. */
export const meansNextMeeting = (due: string): boolean => NEXT_MEETING.test(keyOf(foldSpaces(due)));

export const resolveDue = (due: string | number, context: DueContext): DueResult => {
  if (typeof due === "number") return fromSerial(due, String(due));
  const shown = foldSpaces(due);
  if (shown === "") return fail("Due is blank; write a date such as 13/10/2023, ASAP, Next meeting or +10 WD");
  const key = keyOf(shown);

  if (NUMERIC.test(shown)) return fromSerial(Number(shown), shown);
  if (ASAP.test(key.replace(/ /g, ""))) {
    const n = context.asapWorkingDays;
    if (!Number.isInteger(n) || n < 0) {
      throw new ActionlogError("CONFIG", `The ASAP working days setting must be a whole number of 0 or more, not ${n}`);
    }
    return afterMeeting(n, shown, "asap", context);
  }
  if (NEXT_MEETING.test(key)) {
    if (context.nextMeetingDate === null) {
      return fail(
        `"${shown}" needs the next meeting's date, but there is no Scheduled meeting after this one in Meetings; ` +
          "add the next meeting's date there, or write a date such as 13/10/2023",
      );
    }
    return { ok: true, date: context.nextMeetingDate, rule: "next-meeting" };
  }
  const workingDays = WORKING_DAYS.exec(key);
  if (workingDays) {
    const n = Number(workingDays[1]);
    if (n > MAX_WORKING_DAYS) {
      return fail(`"${shown}" is more than ${MAX_WORKING_DAYS} working days after the meeting; ${FIX}`);
    }
    return afterMeeting(n, shown, "working-days", context);
  }
  const date = parseUkDate(shown);
  if (date === null) return fail(`"${shown}" is not a date; ${FIX}`);
  return inWindow(date, shown, "date");
};
