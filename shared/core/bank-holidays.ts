/** UK bank holidays per region: the validated GOV.UK snapshot, with a rule-based fallback for other years. */
import * as z from "../../sheets-schema/zod.js";
import { BANK_HOLIDAYS_SNAPSHOT } from "./bank-holidays.snapshot.js";
import { daysInMonth, isIsoDate, isoFromSerial, partsFromSerial, serialFromParts, weekdayOfSerial } from "./dates.js";
import { ActionlogError } from "./errors.js";
import { HOLIDAY_REGIONS, type HolidayRegion, type IsoDate } from "./types.js";

/** Serial of a date already known to be valid (skips isoToSerial's re-validation). */
const serialOf = (date: IsoDate): number =>
  serialFromParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/** The GOV.UK document's schema, built when a snapshot is validated (tests, a refresh), never on a cold start. */
const snapshotSchema = () => {
  const eventSchema = z.object({
    title: z.string().min(1),
    date: z.string().refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD" }),
    notes: z.string(),
    bunting: z.boolean(),
  });
  const divisionSchema = (region: HolidayRegion) =>
    z.object({ division: z.literal(region), events: z.array(eventSchema).min(1) }).superRefine((division, ctx) => {
      const seen = new Set<string>();
      division.events.forEach((event, index) => {
        // GOV.UK lists observed days only, so a weekend or a repeat means a transcription slip.
        if (seen.has(event.date)) {
          ctx.addIssue({ code: "custom", path: ["events", index, "date"], message: `${event.date} is listed twice` });
        }
        seen.add(event.date);
        if (isIsoDate(event.date) && weekdayOfSerial(serialOf(event.date)) >= 6) {
          ctx.addIssue({ code: "custom", path: ["events", index, "date"], message: `${event.date} is a weekend` });
        }
      });
    });
  return z.object({
    "england-and-wales": divisionSchema("england-and-wales"),
    scotland: divisionSchema("scotland"),
    "northern-ireland": divisionSchema("northern-ireland"),
  });
};

/** The snapshot's parsed shape (GOV.UK bank-holidays.json). */
export type BankHolidaySnapshot = z.infer<ReturnType<typeof snapshotSchema>>;

/** Validates a GOV.UK bank-holidays.json document; throws a CONFIG ActionlogError saying what is wrong. */
export const parseBankHolidaySnapshot = (data: unknown): BankHolidaySnapshot => {
  const result = snapshotSchema().safeParse(data);
  if (!result.success) {
    throw new ActionlogError(
      "CONFIG",
      `The bank holiday snapshot (shared/core/bank-holidays.snapshot.ts) is malformed:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
};

/** Per region, the snapshot's sorted dates grouped by year: built on first use, so a cold start that never counts working days does not pay for it. */
let snapshotByYear: Record<HolidayRegion, Map<number, IsoDate[]>> | undefined;
const snapshotIndex = (): Record<HolidayRegion, Map<number, IsoDate[]>> => (snapshotByYear ??= indexSnapshot());

const indexSnapshot = (): Record<HolidayRegion, Map<number, IsoDate[]>> => {
  const byRegion = {} as Record<HolidayRegion, Map<number, IsoDate[]>>;
  for (const region of HOLIDAY_REGIONS) {
    const years = new Map<number, IsoDate[]>();
    for (const { date } of BANK_HOLIDAYS_SNAPSHOT[region].events) {
      const year = Number(date.slice(0, 4));
      years.set(year, [...(years.get(year) ?? []), date]);
    }
    for (const dates of years.values()) dates.sort();
    byRegion[region] = years;
  }
  return byRegion;
};

/** Years the snapshot covers for `region`, ascending. */
export const snapshotYears = (region: HolidayRegion): number[] =>
  [...snapshotIndex()[region].keys()].sort((a, b) => a - b);

/** Easter Sunday's serial (anonymous Gregorian computus). */
const easterSunday = (year: number): number => {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCorrection = Math.floor(century / 4);
  const moonCorrection = Math.floor((century + 8) / 25);
  const epactShift = Math.floor((century - moonCorrection + 1) / 3);
  const epact = (19 * golden + century - leapCorrection - epactShift + 15) % 30;
  const weekdayShift = (32 + 2 * (century % 4) + 2 * Math.floor(yearOfCentury / 4) - epact - (yearOfCentury % 4)) % 7;
  const lateCorrection = Math.floor((golden + 11 * epact + 22 * weekdayShift) / 451);
  const marchDays = epact + weekdayShift - 7 * lateCorrection + 114;
  return serialFromParts(year, Math.floor(marchDays / 31), (marchDays % 31) + 1);
};

const firstMonday = (year: number, month: number): number => {
  const first = serialFromParts(year, month, 1);
  return first + ((8 - weekdayOfSerial(first)) % 7);
};

const lastMonday = (year: number, month: number): number => {
  const last = serialFromParts(year, month, daysInMonth(year, month));
  return last - (weekdayOfSerial(last) - 1);
};

/** Fixed-date holidays per region as [month, day], in calendar order. */
const FIXED: Record<HolidayRegion, ReadonlyArray<readonly [number, number]>> = {
  "england-and-wales": [[1, 1], [12, 25], [12, 26]],
  scotland: [[1, 1], [1, 2], [11, 30], [12, 25], [12, 26]],
  "northern-ireland": [[1, 1], [3, 17], [7, 12], [12, 25], [12, 26]],
};

/**
 * The bank holidays the standing rules give for `region` in `year`, without one-off days
 * (jubilees, coronations, state funerals, moved holidays such as VE day 2020).
 * A fixed-date holiday at a weekend moves to the next weekday that is not already a holiday,
 * which yields the GOV.UK substitutes (Christmas on Saturday → Monday 27, Boxing Day → Tuesday 28).
 */
export const generatedBankHolidays = (region: HolidayRegion, year: number): IsoDate[] => {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`Bank holidays are only worked out for whole years 1900–9999, not ${year}`);
  }
  const easter = easterSunday(year);
  const days = new Set<number>([easter - 2, firstMonday(year, 5), lastMonday(year, 5)]);
  if (region === "scotland") {
    days.add(firstMonday(year, 8));
  } else {
    days.add(easter + 1);
    days.add(lastMonday(year, 8));
  }
  const fixed = FIXED[region].map(([month, day]) => serialFromParts(year, month, day));
  // Weekday holidays keep their day first, so a weekend one never takes a day that is already a holiday.
  for (const day of fixed) if (weekdayOfSerial(day) <= 5) days.add(day);
  for (const day of fixed) {
    if (weekdayOfSerial(day) <= 5) continue;
    let substitute = day + 1;
    while (weekdayOfSerial(substitute) >= 6 || days.has(substitute)) substitute++;
    days.add(substitute);
  }
  return [...days].sort((a, b) => a - b).map(isoFromSerial);
};

/** The bank holidays in `region` during `year`, ascending: the GOV.UK snapshot when it covers the year, else the rules. */
export const bankHolidays = (region: HolidayRegion, year: number): IsoDate[] => {
  const fromSnapshot = snapshotIndex()[region].get(year);
  return fromSnapshot ? [...fromSnapshot] : generatedBankHolidays(region, year);
};

const byRegionYear: Record<HolidayRegion, Map<number, ReadonlySet<IsoDate>>> = {
  "england-and-wales": new Map(),
  scotland: new Map(),
  "northern-ireland": new Map(),
};

/** True when `date` (YYYY-MM-DD) is a bank holiday in `region`; cached per region and year. */
export const isBankHoliday = (date: IsoDate, region: HolidayRegion): boolean => {
  const year = Number(date.slice(0, 4));
  const cache = byRegionYear[region];
  let days = cache.get(year);
  if (days === undefined) {
    days = new Set(bankHolidays(region, year));
    cache.set(year, days);
  }
  return days.has(date);
};

/**
 * Serial-number index for the working-day hot path: all holidays of a contiguous span of years,
 * so a lookup is one range check and one Set probe, with no string work.
 */
interface SerialIndex {
  firstYear: number;
  lastYear: number;
  /** First serial of firstYear and first serial after lastYear. */
  from: number;
  to: number;
  days: Set<number>;
}

const serialIndexes = new Map<HolidayRegion, SerialIndex>();

const addYear = (index: SerialIndex, region: HolidayRegion, year: number): void => {
  for (const date of bankHolidays(region, year)) index.days.add(serialOf(date));
};

const coverSerial = (region: HolidayRegion, serial: number): SerialIndex => {
  const { year } = partsFromSerial(serial);
  let index = serialIndexes.get(region);
  if (index === undefined) {
    index = { firstYear: year, lastYear: year, from: 0, to: 0, days: new Set() };
    addYear(index, region, year);
    serialIndexes.set(region, index);
  }
  while (index.firstYear > year) addYear(index, region, --index.firstYear);
  while (index.lastYear < year) addYear(index, region, ++index.lastYear);
  index.from = serialFromParts(index.firstYear, 1, 1);
  index.to = serialFromParts(index.lastYear + 1, 1, 1);
  return index;
};

/** True when the day with this sheet serial number is a bank holiday in `region`. */
export const isBankHolidaySerial = (serial: number, region: HolidayRegion): boolean => {
  let index = serialIndexes.get(region);
  if (index === undefined || serial < index.from || serial >= index.to) index = coverSerial(region, serial);
  return index.days.has(serial);
};
