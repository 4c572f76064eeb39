/** Working-day arithmetic on calendar dates: weekdays that are not bank holidays in the committee's region. */
import { isBankHolidaySerial } from "./bank-holidays.js";
import { isoFromSerial, isoToSerial } from "./dates.js";
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
  let count = 0;
  for (let serial = low + 1; serial <= high; serial++) if (isWorkingSerial(serial, region)) count++;
  return sign * count;
};
