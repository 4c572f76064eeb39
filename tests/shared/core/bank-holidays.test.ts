/** Bank holidays: the snapshot validates, the rules reproduce it, and both agree with date-holidays. */
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  bankHolidays,
  generatedBankHolidays,
  isBankHoliday,
  isBankHolidaySerial,
  parseBankHolidaySnapshot,
  snapshotYears,
} from "../../../shared/core/bank-holidays.js";
import { BANK_HOLIDAYS_SNAPSHOT, SNAPSHOT_DATE } from "../../../shared/core/bank-holidays.snapshot.js";
import { isIsoDate, isoToSerial, weekdayOfSerial } from "../../../shared/core/dates.js";
import { ActionlogError } from "../../../shared/core/errors.js";
import { HOLIDAY_REGIONS, type HolidayRegion } from "../../../shared/core/types.js";

const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
type Doc = Record<string, { division: string; events: Record<string, unknown>[] }>;
const clone = (): Doc => structuredClone(BANK_HOLIDAYS_SNAPSHOT) as Doc;
const scotland = (doc: Doc): Doc[string] => {
  const division = doc.scotland;
  if (division === undefined) throw new Error("the snapshot has no scotland division");
  return division;
};
const scottishEvent = (doc: Doc, index: number): Record<string, unknown> => {
  const event = scotland(doc).events[index];
  if (event === undefined) throw new Error(`the snapshot has no scottish event ${index}`);
  return event;
};
const isWeekend = (date: string): boolean => weekdayOfSerial(isoToSerial(date)) >= 6;

/**
 * The one-off changes GOV.UK made by proclamation, which no standing rule produces.
 * `added` are in the snapshot only; `removed` are what the rules give instead.
 */
const ONE_OFFS: Record<number, { added: string[]; removed: string[] }> = {
  // Early May bank holiday moved from Monday 4 May to Friday 8 May for the 75th anniversary of VE day.
  2020: { added: ["2020-05-08"], removed: ["2020-05-04"] },
  // Spring bank holiday moved from Monday 30 May to Thursday 2 June, plus Platinum Jubilee Friday 3 June;
  // and the State Funeral of Queen Elizabeth II on Monday 19 September.
  2022: { added: ["2022-06-02", "2022-06-03", "2022-09-19"], removed: ["2022-05-30"] },
  // Coronation of King Charles III, Monday 8 May, in addition to the Early May bank holiday.
  2023: { added: ["2023-05-08"], removed: [] },
};

describe("the snapshot", () => {
  it("validates and covers 2018–2028 in every region", () => {
    expect(() => parseBankHolidaySnapshot(BANK_HOLIDAYS_SNAPSHOT)).not.toThrow();
    expect(isIsoDate(SNAPSHOT_DATE)).toBe(true);
    for (const region of HOLIDAY_REGIONS) expect(snapshotYears(region)).toEqual(years(2018, 2028));
  });

  it.each([
    ["england-and-wales", ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2020-12-28"]],
    ["scotland", ["2020-05-08", "2022-06-03", "2022-09-19", "2023-05-08", "2024-01-02", "2024-08-05", "2023-11-30", "2024-12-02", "2022-01-04", "2021-01-04"]],
    ["northern-ireland", ["2020-05-08", "2022-06-03", "2022-09-19", "2023-05-08", "2023-03-17", "2024-03-18", "2023-07-12", "2025-07-14", "2020-07-13"]],
  ] as const)("has the one-off, regional and substitute days for %s", (region, dates) => {
    for (const date of dates) expect(isBankHoliday(date, region), date).toBe(true);
  });

  it.each([
    ["a date that does not exist", (doc: Doc) => { scottishEvent(doc, 0).date = "2023-02-30"; }, /real date/],
    ["a weekend date", (doc: Doc) => { scottishEvent(doc, 0).date = "2023-10-14"; }, /2023-10-14 is a weekend/],
    ["a repeated date", (doc: Doc) => { scottishEvent(doc, 1).date = "2018-01-01"; }, /2018-01-01 is listed twice/],
    ["a mislabelled division", (doc: Doc) => { scotland(doc).division = "england-and-wales"; }, /scotland/],
    ["a missing region", (doc: Doc) => { delete doc["northern-ireland"]; }, /northern-ireland/],
    ["a missing field", (doc: Doc) => { delete scottishEvent(doc, 2).bunting; }, /bunting/],
  ])("rejects %s with a clear error", (_name, spoil, message) => {
    const snapshot = clone();
    spoil(snapshot);
    expect(() => parseBankHolidaySnapshot(snapshot)).toThrow(ActionlogError);
    expect(() => parseBankHolidaySnapshot(snapshot)).toThrow(/bank holiday snapshot .* is malformed/);
    expect(() => parseBankHolidaySnapshot(snapshot)).toThrow(message);
  });
});

describe("the rule-based generator", () => {
  it.each(HOLIDAY_REGIONS.flatMap((region) => years(2018, 2028).map((year) => [region, year] as const)))(
    "matches the snapshot for %s %i except the documented one-offs",
    (region, year) => {
      const snapshot = bankHolidays(region, year);
      const generated = generatedBankHolidays(region, year);
      const added = snapshot.filter((date) => !generated.includes(date));
      const removed = generated.filter((date) => !snapshot.includes(date));
      expect({ added, removed }).toEqual(ONE_OFFS[year] ?? { added: [], removed: [] });
    },
  );

  it.each([
    // Latest and earliest possible Easters, and a century year that is not a leap year.
    [2038, ["2038-04-23", "2038-04-26"]],
    [2285, ["2285-03-20", "2285-03-23"]],
    [2100, ["2100-03-26", "2100-03-29"]],
  ] as const)("works out Good Friday and Easter Monday for %i", (year, [goodFriday, easterMonday]) => {
    expect(generatedBankHolidays("england-and-wales", year)).toEqual(expect.arrayContaining([goodFriday, easterMonday]));
    expect(generatedBankHolidays("scotland", year)).toContain(goodFriday);
    expect(generatedBankHolidays("scotland", year)).not.toContain(easterMonday);
  });

  it("is used for years outside the snapshot", () => {
    expect(bankHolidays("scotland", 2030)).toEqual(generatedBankHolidays("scotland", 2030));
    expect(bankHolidays("scotland", 2030)).toContain("2030-12-02"); // St Andrew's on a Saturday
    expect(isBankHoliday("2017-12-25", "england-and-wales")).toBe(true);
  });

  it("rejects years it cannot work out", () => {
    expect(() => generatedBankHolidays("scotland", 1899)).toThrow(RangeError);
    expect(() => generatedBankHolidays("scotland", 2024.5)).toThrow(RangeError);
  });

  it("hands out copies, so callers cannot change the cache", () => {
    bankHolidays("england-and-wales", 2024).push("2024-10-14");
    expect(bankHolidays("england-and-wales", 2024)).not.toContain("2024-10-14");
  });

  it("answers the serial lookup the same as the date lookup, across years in both directions", () => {
    for (const region of HOLIDAY_REGIONS) {
      for (const year of [2024, 2019, 2035, 2001]) {
        for (let serial = isoToSerial(`${year}-01-01`); serial < isoToSerial(`${year + 1}-01-01`); serial++) {
          // Independent conversion: serial 25569 is 1970-01-01.
          const date = DateTime.fromMillis((serial - 25_569) * 86_400_000, { zone: "utc" }).toISODate() ?? "";
          expect(isBankHolidaySerial(serial, region)).toBe(isBankHoliday(date, region));
        }
      }
    }
  });
});

describe("cross-check with date-holidays", () => {
  const STATES: Record<HolidayRegion, string> = {
    "england-and-wales": "ENG",
    scotland: "SCT",
    "northern-ireland": "NIR",
  };

  /**
   * date-holidays lists a fixed-date holiday on its own day even at a weekend, next to its
   * substitute; GOV.UK lists only the observed (substitute) day. These are all such days in
   * 2018–2030: every one is a Saturday or Sunday, so none changes which days are worked.
   */
  const WEEKEND_ORIGINALS: Record<HolidayRegion, string[]> = {
    "england-and-wales": [
      "2020-12-26", "2021-12-25", "2021-12-26", "2022-01-01", "2022-12-25", "2023-01-01",
      "2026-12-26", "2027-12-25", "2027-12-26", "2028-01-01",
    ],
    scotland: [
      "2019-11-30", "2020-12-26", "2021-01-02", "2021-12-25", "2021-12-26", "2022-01-01", "2022-01-02",
      "2022-12-25", "2023-01-01", "2024-11-30", "2025-11-30", "2026-12-26", "2027-01-02", "2027-12-25",
      "2027-12-26", "2028-01-01", "2028-01-02", "2030-11-30",
    ],
    "northern-ireland": [
      "2018-03-17", "2019-03-17", "2020-07-12", "2020-12-26", "2021-12-25", "2021-12-26", "2022-01-01",
      "2022-12-25", "2023-01-01", "2024-03-17", "2025-07-12", "2026-07-12", "2026-12-26", "2027-12-25",
      "2027-12-26", "2028-01-01", "2029-03-17", "2030-03-17",
    ],
  };
  const FIXED_DAYS = ["01-01", "01-02", "03-17", "07-12", "11-30", "12-25", "12-26"];

  const publicHolidays = (region: HolidayRegion, year: number): string[] =>
    new Holidays("GB", STATES[region])
      .getHolidays(year)
      .filter((holiday) => holiday.type === "public" || holiday.type === "bank")
      .map((holiday) => holiday.date.slice(0, 10));

  it("returns only public and observance days for GB, so public is the bank holiday type", () => {
    for (const region of HOLIDAY_REGIONS) {
      const types = new Set(new Holidays("GB", STATES[region]).getHolidays(2024).map((holiday) => holiday.type));
      expect([...types].sort()).toEqual(["observance", "public"]);
    }
  });

  it("differs only by weekend originals, each a fixed-date holiday with its substitute listed", () => {
    for (const region of HOLIDAY_REGIONS) {
      for (const date of WEEKEND_ORIGINALS[region]) {
        expect(isWeekend(date), date).toBe(true);
        expect(FIXED_DAYS, date).toContain(date.slice(5));
      }
    }
  });

  it.each(HOLIDAY_REGIONS.flatMap((region) => years(2018, 2030).map((year) => [region, year] as const)))(
    "agrees for %s %i (snapshot, or the rules after 2028)",
    (region, year) => {
      const theirs = publicHolidays(region, year);
      const ours = bankHolidays(region, year);
      expect(ours.filter((date) => !theirs.includes(date))).toEqual([]);
      expect(theirs.filter((date) => !ours.includes(date)).sort()).toEqual(
        WEEKEND_ORIGINALS[region].filter((date) => date.startsWith(`${year}-`)),
      );
    },
  );

  it("agrees with the rules on every working day for 2031–2080", () => {
    for (const region of HOLIDAY_REGIONS) {
      for (const year of years(2031, 2080)) {
        const theirs = publicHolidays(region, year);
        const ours = generatedBankHolidays(region, year);
        expect(ours.filter((date) => !theirs.includes(date)), `${region} ${year}`).toEqual([]);
        // Beyond the listed years the weekend originals are checked by kind rather than by name.
        for (const extra of theirs.filter((date) => !ours.includes(date))) {
          expect(isWeekend(extra) && FIXED_DAYS.includes(extra.slice(5)), `${region} ${extra}`).toBe(true);
        }
      }
    }
  });
});
