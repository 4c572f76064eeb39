/** Working days: worked examples per region, and properties checked against a luxon day-by-day walk. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isBankHoliday } from "../../../shared/core/bank-holidays.js";
import { isoFromSerial, isoToSerial } from "../../../shared/core/dates.js";
import { HOLIDAY_REGIONS, type HolidayRegion } from "../../../shared/core/types.js";
import {
  addWorkingDays,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
} from "../../../shared/core/working-days.js";

const EW = "england-and-wales";
const SC = "scotland";
const NI = "northern-ireland";

describe("isWorkingDay", () => {
  it.each([
    ["2023-10-13", EW, true, "an ordinary Friday"],
    ["2023-10-14", EW, false, "Saturday"],
    ["2023-10-15", SC, false, "Sunday"],
    ["2024-03-29", EW, false, "Good Friday 2024"],
    ["2024-03-29", SC, false, "Good Friday 2024 in Scotland too"],
    ["2024-04-01", EW, false, "Easter Monday 2024"],
    ["2024-04-01", NI, false, "Easter Monday 2024 in NI"],
    ["2024-04-01", SC, true, "Easter Monday is worked in Scotland"],
    ["2024-01-02", SC, false, "Scotland's 2 January"],
    ["2024-01-02", EW, true, "2 January is worked in England"],
    ["2024-08-05", SC, false, "Scotland's first-Monday summer holiday"],
    ["2024-08-26", SC, true, "England's summer holiday is worked in Scotland"],
    ["2024-08-26", EW, false, "England's last-Monday summer holiday"],
    ["2024-12-02", SC, false, "St Andrew's Day substitute"],
    ["2024-03-18", NI, false, "St Patrick's Day substitute"],
    ["2025-07-14", NI, false, "Battle of the Boyne substitute"],
    ["2021-12-27", EW, false, "Christmas Day substitute 2021"],
    ["2022-12-27", EW, false, "Christmas Day substitute 2022"],
    ["2020-12-28", EW, false, "Boxing Day substitute 2020"],
    ["2022-01-03", EW, false, "New Year's Day substitute 2022"],
    ["2022-06-03", NI, false, "Platinum Jubilee"],
    ["2022-05-30", EW, true, "the spring holiday that moved in 2022"],
  ] as const)("%s in %s is %s (%s)", (date, region, expected, _why) => {
    expect(isWorkingDay(date, region)).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2023-10-11", 5, EW, "2023-10-18", "Wed + 5 is the next Wed"],
    ["2023-10-11", 0, EW, "2023-10-11", "+ 0 on a working day is that day"],
    ["2023-10-14", 0, EW, "2023-10-16", "+ 0 on a Saturday is Monday"],
    ["2023-10-14", 1, EW, "2023-10-16", "+ 1 from a Saturday is Monday"],
    ["2024-03-28", 1, EW, "2024-04-02", "Easter 2024 skips Good Friday and Easter Monday"],
    ["2024-03-28", 1, NI, "2024-04-02", "NI keeps Easter Monday"],
    ["2024-03-28", 1, SC, "2024-04-01", "Scotland works Easter Monday"],
    ["2024-03-29", 0, EW, "2024-04-02", "+ 0 on Good Friday"],
    ["2021-12-24", 1, EW, "2021-12-29", "Christmas and Boxing Day substitutes 2021"],
    ["2022-12-23", 1, EW, "2022-12-28", "Boxing Day and Christmas substitute 2022"],
    ["2021-12-31", 1, EW, "2022-01-04", "New Year substitute 2022"],
    ["2021-12-31", 1, SC, "2022-01-05", "Scotland's New Year and 2 January substitutes 2022"],
    ["2023-12-29", 1, EW, "2024-01-02", "2 January is worked in England"],
    ["2023-12-29", 1, SC, "2024-01-03", "Scotland's 2 January"],
    ["2024-11-29", 1, SC, "2024-12-03", "St Andrew's Day substitute"],
    ["2025-07-11", 1, NI, "2025-07-15", "Battle of the Boyne substitute"],
    ["2023-10-11", 20, EW, "2023-11-08", "four weeks"],
    ["2024-03-30", 1, EW, "2024-04-02", "from the Saturday before the spring DST switch"],
    ["2024-03-31", 0, EW, "2024-04-02", "the spring DST switch day itself (Easter Sunday 2024)"],
    ["2024-10-25", 1, EW, "2024-10-28", "across the autumn DST switch"],
    ["2024-10-27", 0, SC, "2024-10-28", "the autumn DST switch day itself"],
    ["2025-03-28", 1, EW, "2025-03-31", "across the spring DST switch 2025"],
  ] as const)("%s + %i in %s is %s (%s)", (from, n, region, expected, _why) => {
    expect(addWorkingDays(from, n, region)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])("rejects a count of %s", (n) => {
    expect(() => addWorkingDays("2023-10-11", n, EW)).toThrow(RangeError);
  });

  it("rejects text that is not an ISO date", () => {
    expect(() => addWorkingDays("13/10/2023", 1, EW)).toThrow(RangeError);
  });
});

describe("subtractWorkingDays and workingDaysBetween", () => {
  it.each([
    ["2023-10-18", 5, EW, "2023-10-11"],
    ["2024-04-02", 1, EW, "2024-03-28"],
    ["2024-04-02", 1, SC, "2024-04-01"],
    ["2024-01-03", 1, SC, "2023-12-29"],
    ["2023-10-15", 0, EW, "2023-10-13"],
    ["2023-10-13", 0, EW, "2023-10-13"],
    ["2024-10-28", 1, EW, "2024-10-25"],
  ] as const)("%s - %i in %s is %s", (to, n, region, expected) => {
    expect(subtractWorkingDays(to, n, region)).toBe(expected);
  });

  it.each([
    ["2023-10-11", "2023-10-18", EW, 5],
    ["2023-10-18", "2023-10-11", EW, -5],
    ["2023-10-11", "2023-10-11", EW, 0],
    ["2024-03-28", "2024-04-02", EW, 1],
    ["2024-03-28", "2024-04-02", SC, 2],
    ["2024-10-25", "2024-10-28", NI, 1],
  ] as const)("from %s to %s in %s is %i", (a, b, region, expected) => {
    expect(workingDaysBetween(a, b, region)).toBe(expected);
  });
});

/** Reference: step through London midnights with luxon, so DST days are walked as real days. */
const referenceAdd = (from: string, n: number, region: HolidayRegion): string => {
  const works = (day: DateTime): boolean => day.weekday <= 5 && !isBankHoliday(day.toISODate() ?? "", region);
  let day = DateTime.fromISO(from, { zone: "Europe/London" });
  if (n === 0) {
    while (!works(day)) day = day.plus({ days: 1 });
    return day.toISODate() ?? "";
  }
  for (let left = n; left > 0; ) {
    day = day.plus({ days: 1 });
    if (works(day)) left--;
  }
  return day.toISODate() ?? "";
};

const dateIn = (from: string, to: string) =>
  fc.integer({ min: isoToSerial(from), max: isoToSerial(to) }).map(isoFromSerial);
const anyDate = dateIn("2015-01-01", "2035-12-31");
const region = fc.constantFrom(...HOLIDAY_REGIONS);
const count = fc.integer({ min: 0, max: 300 });

describe("properties", () => {
  it("never lands on a weekend or bank holiday for n ≥ 1", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), region, (from, n, r) => {
        const result = addWorkingDays(from, n, r);
        expect(DateTime.fromISO(result).weekday).toBeLessThanOrEqual(5);
        expect(isBankHoliday(result, r)).toBe(false);
        expect(result > from).toBe(true);
      }),
    );
  });

  it("is monotonic in n, strictly once n ≥ 1", () => {
    fc.assert(
      fc.property(anyDate, count, count, region, (from, x, y, r) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const [early, late] = [addWorkingDays(from, a, r), addWorkingDays(from, b, r)];
        expect(early <= late).toBe(true);
        if (a >= 1 && a < b) expect(early < late).toBe(true);
      }),
    );
  });

  it("adding a then b equals adding a + b (a ≥ 1, or starting on a working day)", () => {
    fc.assert(
      fc.property(anyDate, count, count, region, (from, a, b, r) => {
        fc.pre(a >= 1 || isWorkingDay(from, r));
        expect(addWorkingDays(addWorkingDays(from, a, r), b, r)).toBe(addWorkingDays(from, a + b, r));
      }),
    );
  });

  it("+0 from a non-working day already moves to the next working day, so it counts as one step", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), region, (from, b, r) => {
        fc.pre(!isWorkingDay(from, r));
        expect(addWorkingDays(addWorkingDays(from, 0, r), b, r)).toBe(addWorkingDays(from, b + 1, r));
      }),
    );
  });

  it("is undone by subtractWorkingDays and measured by workingDaysBetween", () => {
    fc.assert(
      fc.property(anyDate, count, region, (from, n, r) => {
        const to = addWorkingDays(from, n, r);
        if (isWorkingDay(from, r)) expect(subtractWorkingDays(to, n, r)).toBe(from);
        if (n >= 1) expect(workingDaysBetween(from, to, r)).toBe(n);
      }),
    );
  });

  it.each([
    ["2024-03-31", "spring 2024"],
    ["2024-10-27", "autumn 2024"],
    ["2025-03-30", "spring 2025"],
    ["2025-10-26", "autumn 2025"],
    ["2031-03-30", "spring 2031 (rules, not snapshot)"],
  ])("matches a luxon Europe/London walk around the DST switch of %s (%s)", (switchDay) => {
    const serial = isoToSerial(switchDay);
    const near = dateIn(isoFromSerial(serial - 20), isoFromSerial(serial + 2));
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 25 }), region, (from, n, r) => {
        expect(addWorkingDays(from, n, r)).toBe(referenceAdd(from, n, r));
      }),
    );
  });
});
