/** Working-day arithmetic on calendar dates: weekdays that are not bank holidays in the committee's region. */
import { bankHolidays, isBankHolidaySerial } from "./bank-holidays.js";
import { isoFromSerial, isoToSerial, partsFromSerial } from "./dates.js";
import type { HolidayRegion, IsoDate } from "./types.js";

// Everything runs on sheet serial numbers (whole days), never on luxon or Date: this is
// called for every action on every run, and calendar dates have no time zone to get wrong.

/** True when the day with this serial is Monday–Friday and not a bank holiday in `region`. */
export const isWorkingSerial = (serial: number, region: HolidayRegion): boolean => {
  // Serial 0 (1899-12-30) was a Saturday, so remainders 0 and 1 are Saturday and Sunday.
  const weekday = serial % 7;
  return weekday !== 0 && weekday !== 1 && !isBankHolidaySerial(serial, region);
};

/** True when `date` is Monday–Friday and not a bank holiday in `region`. */
export const isWorkingDay = (date: IsoDate, region: HolidayRegion): boolean =>
  isWorkingSerial(isoToSerial(date), region);

const checkCount = (n: number): void => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A working-day count must be a whole number ≥ 0, not ${n}`);
};

/**
 * The date `n` working days after `from` (Wed 2023-10-11 + 5 → Wed 2023-10-18). `from` itself
 * never counts; with n = 0 the answer is `from` when it is a working day, else the next one.
 * So add(add(d, a), b) = add(d, a + b) whenever a ≥ 1 or d is a working day.
 */
export const addWorkingDays = (from: IsoDate, n: number, region: HolidayRegion): IsoDate => {
  checkCount(n);
  let serial = isoToSerial(from);
  if (n === 0) {
    while (!isWorkingSerial(serial, region)) serial++;
    return isoFromSerial(serial);
  }
  for (let left = n; left > 0; ) {
    serial++;
    if (isWorkingSerial(serial, region)) left--;
  }
  return isoFromSerial(serial);
};

/**
 * The working day `n` working days before `to` (the mirror of addWorkingDays): with n = 0,
 * `to` when it is a working day, else the working day before it. Used to send reminders.
 */
export const subtractWorkingDays = (to: IsoDate, n: number, region: HolidayRegion): IsoDate => {
  checkCount(n);
  let serial = isoToSerial(to);
  if (n === 0) {
    while (!isWorkingSerial(serial, region)) serial--;
    return isoFromSerial(serial);
  }
  for (let left = n; left > 0; ) {
    serial--;
    if (isWorkingSerial(serial, region)) left--;
  }
  return isoFromSerial(serial);
};

/**
 * Working days after `a` up to and including `b`; negative when `b` is before `a`.
 * For a working day b after a, addWorkingDays(a, workingDaysBetween(a, b)) is b.
 */
export const workingDaysBetween = (a: IsoDate, b: IsoDate, region: HolidayRegion): number => {
  const start = isoToSerial(a);
  const end = isoToSerial(b);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  // Counted, not walked: a digest asks this for every open action, some due years ahead.
  const holidays = weekdayHolidaysCovering(region, low, high);
  const count = weekdaysThrough(high) - weekdaysThrough(low) - (holidaysThrough(holidays, high) - holidaysThrough(holidays, low));
  return sign * count;
};

/** Monday–Friday days among serials 0..serial (negative for serials before 0), so a difference counts any span. */
const weekdaysThrough = (serial: number): number => {
  const days = serial + 1;
  const weeks = Math.floor(days / 7);
  // The rest of a week starts on a Saturday (serial 0), so its first two days are the weekend.
  return weeks * 5 + Math.max(0, days - weeks * 7 - 2);
};

/** Bank holidays falling Monday–Friday over a contiguous span of years, ascending serials. */
interface HolidaySpan {
  firstYear: number;
  lastYear: number;
  serials: number[];
}

const holidaySpans = new Map<HolidayRegion, HolidaySpan>();

const weekdayHolidaysCovering = (region: HolidayRegion, low: number, high: number): number[] => {
  const first = partsFromSerial(low).year;
  const last = partsFromSerial(high).year;
  const known = holidaySpans.get(region);
  if (known && known.firstYear <= first && known.lastYear >= last) return known.serials;
  const span: HolidaySpan = { firstYear: Math.min(first, known?.firstYear ?? first), lastYear: Math.max(last, known?.lastYear ?? last), serials: [] };
  for (let year = span.firstYear; year <= span.lastYear; year++) {
    for (const date of bankHolidays(region, year)) {
      const serial = isoToSerial(date);
      if (serial % 7 !== 0 && serial % 7 !== 1) span.serials.push(serial);
    }
  }
  holidaySpans.set(region, span);
  return span.serials;
};

/** How many of the ascending `serials` are at most `serial`: a binary search. */
const holidaysThrough = (serials: readonly number[], serial: number): number => {
  let lo = 0;
  let hi = serials.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((serials[mid] ?? 0) <= serial) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
