/** The Due column language: a date, a sheet serial, ASAP, Next meeting or +N WD, resolved to a calendar date. */
import { daysInMonth, formatUkDate, isoFromParts, monthOf, parseUkDate, serialToIso } from "./dates.js";
import { ActionlogError } from "./errors.js";
import { foldSpaces, withoutInvisible } from "./text.js";
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
  /**
   * The committee's today: a two-digit year is the one within 50 years of it (else of the
   * meeting's date); with neither, a two-digit year is refused.
   */
  today?: IsoDate | null;
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

// Members write "A.S.A.P.", "Next Mtg." or "+10 W.D."; a dot after a letter never changes
// the meaning (a dot between digits does: "+1.5 WD" must not become "+15 WD").
const keyOf = (shown: string): string => shown.toLowerCase().replace(/(?<=[a-z])\./g, "").trim();

/** Due as a member sees it: a zero-width space pasted before "ASAP" shows nothing, so it must change nothing. */
const readable = (due: string): string => foldSpaces(withoutInvisible(due));

/** True when the Due text means "the next meeting", whose date only the log's Meetings can give. */
export const meansNextMeeting = (due: string): boolean => NEXT_MEETING.test(keyOf(readable(due)));

/**
 * Resolves one Due cell. Expected problems come back as `{ ok: false, message }` in words a
 * member can act on (the caller adds tab, row and column); only a broken Settings value throws.
 */
export const resolveDue = (due: string | number, context: DueContext): DueResult => {
  if (typeof due === "number") return fromSerial(due, String(due));
  const shown = readable(due);
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
  return fromText(shown, context);
};

/** Spreadsheet error values: a formula in Due whose cells were deleted or mistyped. */
const ERROR_VALUE = /^#(?:ref!|value!|n\/a|name\?|div\/0!|num!|null!|error!?|spill!|calc!|getting_data|field!|blocked!|connect!|busy!|unknown!)$/i;
/** A time after the date, as a pasted date-time cell shows it: `14:30`, `10am`, `at 10.30 am`. */
const WITH_TIME = /^(.*\d)[ ,]+(?:at +)?(?:\d{1,2}[:.]\d{2}(?::\d{2})? *(?:[ap]\.?m\.?)?|\d{1,2} *[ap]\.?m\.?)$/i;
/** Longer text is not a date and a time, and the time pattern never runs over a pasted paragraph. */
const MAX_DATE_TIME = 40;
const NO_YEAR_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})$/;
const NO_YEAR_WORDED = /^(?:[a-z]+\.?,? +)?(\d{1,2})(?:st|nd|rd|th)?[ -]+([a-z]+)\.?$/i;
const TWO_DIGIT_YEAR = /[/.\- ]\d{2}$/;

/** The year two-digit years are placed near: the committee's today, else the meeting's date. */
const pivotYearOf = (context: DueContext): number | null => {
  const from = context.today ?? context.meetingDate;
  return from ? Number(from.slice(0, 4)) : null;
};

/** Day and month written without a year (`13 Oct`, `13/10`), or null. */
function dayAndMonth(text: string): { day: number; month: number } | null {
  const numeric = NO_YEAR_NUMERIC.exec(text);
  const worded = numeric ? null : NO_YEAR_WORDED.exec(text);
  const day = Number((numeric ?? worded)?.[1]);
  const month = numeric ? Number(numeric[2]) : worded ? monthOf(worded[2] ?? "") : undefined;
  if (month === undefined || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(2024, month))) return null;
  return { day, month };
}

/** The first date with that day and month on or after the meeting (else today), as the example to write. */
function withYear({ day, month }: { day: number; month: number }, context: DueContext): string {
  const from = context.meetingDate ?? context.today ?? null;
  const start = from ? Number(from.slice(0, 4)) : 2024;
  for (let year = start; year < start + 8; year++) {
    const date = isoFromParts(year, month, day);
    if (date !== null && (from === null || date >= from)) return formatUkDate(date);
  }
  return formatUkDate(isoFromParts(2024, month, day) ?? "2024-01-01");
}

/** A written date, a time after it ignored; else the message that says what to fix. */
function fromText(shown: string, context: DueContext): DueResult {
  if (ERROR_VALUE.test(shown)) return fail(`"${shown}" is a broken formula, not a date: retype the date; ${FIX}`);
  // "13/10/2023." as much as "next meeting.": a full stop at the end never changes a date.
  const text = shown.replace(/(?<=\d)\.$/, "");
  const dateText = (text.length <= MAX_DATE_TIME ? WITH_TIME.exec(text)?.[1] : undefined) ?? text;
  const twoDigitYear = TWO_DIGIT_YEAR.test(dateText);
  const date = parseUkDate(dateText, pivotYearOf(context));
  if (date !== null) {
    const result = inWindow(date, shown, "date");
    if (result.ok || !twoDigitYear) return result;
    return fail(`"${shown}" reads as ${formatUkDate(date)}; due dates must fall in ${FIRST_YEAR}–${LAST_YEAR}, so write the year in full`);
  }
  const undated = dayAndMonth(dateText);
  if (undated !== null) return fail(`"${shown}" has no year; add the year, such as ${withYear(undated, context)}`);
  // A two-digit year nothing can place: 73 in 2023 is as near 1973 as 2073.
  const thisCentury = twoDigitYear ? parseUkDate(dateText) : null;
  if (thisCentury) {
    const year = Number(thisCentury.slice(0, 4));
    return fail(`"${shown}" could be ${year - 100} or ${year}; write the year in full, such as ${formatUkDate(thisCentury)}`);
  }
  return fail(`"${shown}" is not a date; ${FIX}`);
}
