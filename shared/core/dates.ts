/** Calendar-date helpers: ISO dates, sheet serial numbers, UK date text and the committee's today. */
import { DateTime } from "luxon";
import { ActionlogError } from "./errors.js";
import { LONDON, committeeZone } from "./london-zone.js";
import { foldSpaces } from "./text.js";
import type { IsoDate } from "./types.js";

// Sheet serial numbers count days from 1899-12-30 (Google Sheets; Excel after 1 March 1900).
// The same count doubles as the day number for working-day arithmetic, so the hot paths
// never touch luxon or Date.
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** Days from 0000-03-01 (the start of the proleptic Gregorian "March year") to 1899-12-30. */
const SERIAL_EPOCH = 693_899;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** True for a leap year in the Gregorian calendar. */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** The ISO date for year/month/day, or null when that day does not exist or is outside 1900–9999. */
export const isoFromParts = (year: number, month: number, day: number): IsoDate | null => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
};

/** Value of the digit at `index`, or NaN when it is not 0–9 (NaN then fails every range check). */
const digitAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/**
 * Parts of a real YYYY-MM-DD date (years 1900–9999), or null. Reads character codes rather
 * than slicing and re-formatting, because it runs for every working-day lookup.
 */
const isoParts = (text: string): { year: number; month: number; day: number } | null => {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  const valid =
    year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return valid ? { year, month, day } : null;
};

/** True when `text` is a real calendar date written exactly as YYYY-MM-DD (years 1900–9999). */
export const isIsoDate = (text: string): boolean => isoParts(text) !== null;

/** Serial number of a valid year/month/day (no validation: callers have checked the parts). */
export const serialFromParts = (year: number, month: number, day: number): number => {
  // Count from March so that the leap day is the last day of the counting year.
  const y = month <= 2 ? year - 1 : year;
  const monthFromMarch = month <= 2 ? month + 9 : month - 3;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const days = 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + dayOfYear;
  return days - SERIAL_EPOCH;
};

/** Serial number of an ISO date; throws RangeError for text that is not a real YYYY-MM-DD date. */
export const isoToSerial = (date: IsoDate): number => {
  const parts = isoParts(date);
  if (parts === null) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${date}"`);
  return serialFromParts(parts.year, parts.month, parts.day);
};

/** Year, month (1–12) and day of a serial number. */
export const partsFromSerial = (serial: number): { year: number; month: number; day: number } => {
  const days = Math.floor(serial) + SERIAL_EPOCH;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
  return { year, month, day };
};

/**
 * The ISO date of a sheet serial number; the fractional part (time of day) is ignored.
 * Null for non-finite numbers and for dates outside 1900–9999.
 */
export const serialToIso = (serial: number): IsoDate | null => {
  if (!Number.isFinite(serial)) return null;
  const { year, month, day } = partsFromSerial(serial);
  return isoFromParts(year, month, day);
};

/** Like serialToIso for serials the code computed itself; throws RangeError when out of range. */
export const isoFromSerial = (serial: number): IsoDate => {
  const iso = serialToIso(serial);
  if (iso === null) throw new RangeError(`Day number ${serial} is outside the years 1900–9999`);
  return iso;
};

/** ISO weekday of a serial: 1 = Monday … 7 = Sunday (serial 0 was a Saturday). */
export const weekdayOfSerial = (serial: number): number => ((((serial + 5) % 7) + 7) % 7) + 1;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

const NUMERIC_UK = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NUMERIC_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDED = /^(?:([a-z]+)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?[\s,-]+(\d{4}|\d{2})$/;

/** The month (1–12) a word names: `oct`, `October`, `sept`; undefined for any other word. */
export const monthOf = (word: string): number | undefined => {
  const key = word.toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
};

/** A two-digit year is placed within this many years of a pivot (the committee's today). */
const TWO_DIGIT_YEAR_SPAN = 50;

/**
 * The full year for two digits: the one within 50 years of `pivotYear` (99 is 1999 in 2023,
 * not 2099), or null when two are equally near (73 in 2023), since then either could be meant.
 */
export const nearYear = (digits: number, pivotYear: number): number | null => {
  const century = Math.floor(pivotYear / 100) * 100;
  const near = [century - 100, century, century + 100].map((c) => c + digits).filter((y) => Math.abs(y - pivotYear) <= TWO_DIGIT_YEAR_SPAN);
  return near.length === 1 ? (near[0] ?? null) : null;
};

/**
 * The year as written. Two digits: near `pivotYear` when given; this century when the pivot is
 * undefined (Meetings and minutes dates, read with no today); null (not a date) when the pivot is null.
 */
const fullYear = (digits: string, pivotYear: number | null | undefined): number | null => {
  if (digits.length !== 2) return Number(digits);
  if (pivotYear === undefined) return 2000 + Number(digits);
  return pivotYear === null ? null : nearYear(Number(digits), pivotYear);
};

/**
 * Reads a date as a UK member types it, day first: 13/10/2023, 13/10/23, 13-10-2023,
 * 13.10.2023, 13 Oct 2023, 13th October 2023, Fri 13 Oct 2023 or 2023-10-13.
 * Null for anything else, for days that do not exist (31/02/2024), and for a weekday
 * that does not match the date (Thu 13 Oct 2023), since then either could be meant.
 * `pivotYear` places a two-digit year (see {@link nearYear}); null refuses one.
 */
export const parseUkDate = (text: string, pivotYear?: number | null): IsoDate | null => {
  const folded = foldSpaces(text).toLowerCase();
  const iso = NUMERIC_ISO.exec(folded);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC_UK.exec(folded);
  if (numeric) {
    const year = fullYear(numeric[4] ?? "", pivotYear);
    return year === null ? null : isoFromParts(year, Number(numeric[3]), Number(numeric[1]));
  }
  const worded = WORDED.exec(folded);
  if (!worded) return null;
  const month = monthOf(worded[3] ?? "");
  if (month === undefined) return null;
  const year = fullYear(worded[4] ?? "", pivotYear);
  if (year === null) return null;
  const day = Number(worded[2]);
  const date = isoFromParts(year, month, day);
  if (date === null || worded[1] === undefined) return date;
  const weekday = WEEKDAYS[worded[1]];
  if (weekday === undefined || weekday !== weekdayOfSerial(serialFromParts(year, month, day))) return null;
  return date;
};

/** The calendar date at `now` in the committee's time zone (e.g. Europe/London). */
export const committeeToday = (now: DateTime, timezone: string): IsoDate => {
  const local = now.setZone(committeeZone(timezone));
  const date = local.isValid ? local.toISODate() : null;
  if (date === null) {
    throw new ActionlogError("CONFIG", `"${timezone}" is not a time zone; use one such as Europe/London`);
  }
  return date;
};

/**
 * An action due on day D is overdue from 00:00 on D+1 in the committee's zone, so the
 * comparison is between calendar dates there, never between UTC instants.
 */
export const isOverdue = (dueDate: IsoDate, now: DateTime, timezone: string): boolean =>
  committeeToday(now, timezone) > dueDate;

/** 2023-10-13 → 13/10/2023. */
export const formatUkDate = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** 2023-10-13 → 13 Oct 2023 (no leading zero on the day, as UK prose writes it). */
export const formatLongDate = (date: IsoDate): string =>
  `${Number(date.slice(8, 10))} ${SHORT_MONTHS[Number(date.slice(5, 7)) - 1] ?? "?"} ${date.slice(0, 4)}`;

/** When a job wrote a row of Audit or the Mail Log: ISO 8601 to the second, in the committee's zone, as a member reads it. */
export const sheetTime = (now: DateTime, timezone: string): string =>
  now.setZone(committeeZone(timezone)).startOf("second").toISO({ suppressMilliseconds: true }) ?? "";

/** A time written in ISO 8601 (ACTIONLOG_NOW, --today's 09:00, a Mail Log row): in its own offset, or in London's when it has none. */
export const parseCommitteeTime = (text: string): DateTime => DateTime.fromISO(text, { zone: committeeZone(LONDON), setZone: true, locale: "en-GB" });
