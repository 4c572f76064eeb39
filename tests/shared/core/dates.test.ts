/** Calendar dates: UK date text, sheet serials, the committee's today and when an action becomes overdue. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  committeeToday,
  formatLongDate,
  formatUkDate,
  isIsoDate,
  isoToSerial,
  isOverdue,
  nearYear,
  parseCommitteeTime,
  parseUkDate,
  serialToIso,
  sheetTime,
} from "../../../shared/core/dates.js";
import { ActionlogError } from "../../../shared/core/errors.js";

const LONDON = "Europe/London";
const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: "utc" });

describe("parseUkDate", () => {
  it.each([
    ["13/10/2023", "2023-10-13"],
    ["13/10/23", "2023-10-13"],
    ["1/2/24", "2024-02-01"],
    ["13-10-2023", "2023-10-13"],
    ["13.10.2023", "2023-10-13"],
    ["13 Oct 2023", "2023-10-13"],
    ["13 October 2023", "2023-10-13"],
    ["13th October 2023", "2023-10-13"],
    ["1st Sept 2023", "2023-09-01"],
    ["2nd Jan 2024", "2024-01-02"],
    ["Fri 13 Oct 2023", "2023-10-13"],
    ["Friday, 13th October 2023", "2023-10-13"],
    ["fri 13 oct 2023", "2023-10-13"],
    ["FRI 13 OCT 2023", "2023-10-13"],
    ["13-Oct-2023", "2023-10-13"],
    ["13 Oct. 2023", "2023-10-13"],
    ["13 October, 2023", "2023-10-13"],
    ["  13 \u00a0Oct   2023 ", "2023-10-13"],
    ["2023-10-13", "2023-10-13"],
    ["29/02/2024", "2024-02-29"],
    ["31/12/9999", "9999-12-31"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseUkDate(text)).toBe(expected);
  });

  it.each([
    ["31/02/2024", "no 31 February"],
    ["29/02/2023", "2023 is not a leap year"],
    ["29/02/2100", "2100 is not a leap year"],
    ["13/13/2023", "no month 13"],
    ["10/13/2023", "US order is not read"],
    ["00/10/2023", "no day 0"],
    ["32 Oct 2023", "no 32 October"],
    ["13/10-2023", "mixed separators"],
    ["2023/10/13", "year first with slashes"],
    ["13/10/2023x", "trailing text"],
    ["13 Foo 2023", "no such month"],
    ["13 October", "no year"],
    ["13/10/5", "one-digit year"],
    ["Thu 13 Oct 2023", "weekday does not match (13 Oct 2023 was a Friday)"],
    ["Fry 13 Oct 2023", "not a weekday"],
    ["13/10/1899", "before 1900"],
    ["", "blank"],
    ["   ", "spaces"],
    ["next week", "words"],
    ["45212", "a serial number is not date text"],
  ])("rejects %j (%s)", (text) => {
    expect(parseUkDate(text)).toBeNull();
  });

  it("reads back whatever formatUkDate and formatLongDate write", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2_958_465 }), (serial) => {
        const date = serialToIso(serial) ?? "";
        expect(parseUkDate(formatUkDate(date))).toBe(date);
        expect(parseUkDate(formatLongDate(date))).toBe(date);
      }),
    );
  });
});

describe("sheet serial numbers", () => {
  it.each([
    [45_212, "2023-10-13"],
    [45_212.75, "2023-10-13"],
    [45_212.999_99, "2023-10-13"],
    [2, "1900-01-01"],
    [60, "1900-02-28"],
    [61, "1900-03-01"],
    [25_569, "1970-01-01"],
    [36_526, "2000-01-01"],
    [2_958_465, "9999-12-31"],
    [1, null],
    [0, null],
    [-1, null],
    [2_958_466, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NEGATIVE_INFINITY, null],
  ])("serial %s is %s", (serial, expected) => {
    expect(serialToIso(serial)).toBe(expected);
  });

  it("round-trips every serial, ignoring the time of day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2_958_465 }), fc.double({ min: 0, max: 0.999_99, noNaN: true }), (serial, time) => {
        const date = serialToIso(serial + time);
        expect(date).not.toBeNull();
        expect(isoToSerial(date ?? "")).toBe(serial);
      }),
    );
  });

  it("agrees with luxon's day count from 1899-12-30", () => {
    const epoch = DateTime.fromISO("1899-12-30", { zone: "utc" });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2_958_465 }), (serial) => {
        const iso = epoch.plus({ days: serial }).toISODate() ?? "";
        expect(serialToIso(serial)).toBe(iso);
        expect(isoToSerial(iso)).toBe(serial);
      }),
    );
  });

  it.each(["2023-02-29", "2023-10-1", "13/10/2023", "", "2023-13-01"])("isoToSerial rejects %j", (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => isoToSerial(text)).toThrow(RangeError);
  });
});

describe("committeeToday and isOverdue", () => {
  it.each([
    ["2023-10-13T22:59:59Z", "2023-10-13", "BST: 23:59:59 in London"],
    ["2023-10-13T23:00:00Z", "2023-10-14", "BST: midnight in London is 23:00 UTC"],
    ["2023-12-13T23:30:00Z", "2023-12-13", "GMT: 23:30 in London"],
    ["2023-12-14T00:00:00Z", "2023-12-14", "GMT: midnight"],
  ])("at %s London's date is %s (%s)", (instant, expected) => {
    expect(committeeToday(utc(instant), LONDON)).toBe(expected);
  });

  it.each([
    // BST (UTC+1): London's midnight is 23:00 UTC the evening before.
    ["2023-10-13", "2023-10-13T22:59:59.999Z", false],
    ["2023-10-13", "2023-10-13T23:00:00Z", true],
    ["2023-10-13", "2023-10-13T23:30:00Z", true],
    ["2023-10-13", "2023-10-13T12:00:00Z", false],
    ["2023-10-13", "2023-10-12T23:30:00Z", false],
    // GMT (UTC+0).
    ["2023-12-13", "2023-12-13T23:30:00Z", false],
    ["2023-12-13", "2023-12-13T23:59:59.999Z", false],
    ["2023-12-13", "2023-12-14T00:00:00Z", true],
    // Spring switch, Sunday 2024-03-31: clocks go forward at 01:00 UTC.
    ["2024-03-30", "2024-03-30T23:59:59Z", false],
    ["2024-03-30", "2024-03-31T00:00:00Z", true],
    ["2024-03-31", "2024-03-31T01:30:00Z", false],
    ["2024-03-31", "2024-03-31T22:59:59Z", false],
    ["2024-03-31", "2024-03-31T23:00:00Z", true],
    // Autumn switch, Sunday 2024-10-27: clocks go back at 01:00 UTC.
    ["2024-10-26", "2024-10-26T22:59:59Z", false],
    ["2024-10-26", "2024-10-26T23:00:00Z", true],
    ["2024-10-27", "2024-10-27T00:30:00Z", false],
    ["2024-10-27", "2024-10-27T01:30:00Z", false],
    ["2024-10-27", "2024-10-27T23:59:59Z", false],
    ["2024-10-27", "2024-10-28T00:00:00Z", true],
  ])("due %s at %s: overdue %s", (due, instant, expected) => {
    expect(isOverdue(due, utc(instant), LONDON)).toBe(expected);
  });

  it("uses the zone it is given", () => {
    expect(isOverdue("2023-10-13", utc("2023-10-14T03:00:00Z"), "America/New_York")).toBe(false);
    expect(isOverdue("2023-10-13", utc("2023-10-14T04:00:00Z"), "America/New_York")).toBe(true);
  });

  it("reports a zone that does not exist as a settings problem", () => {
    expect(() => committeeToday(utc("2023-10-13T12:00:00Z"), "Europe/Londn")).toThrow(ActionlogError);
    expect(() => committeeToday(utc("2023-10-13T12:00:00Z"), "Europe/Londn")).toThrow(/Europe\/Londn/);
  });
});

describe("formatting", () => {
  it.each([
    ["2023-10-13", "13/10/2023", "13 Oct 2023"],
    ["2024-01-05", "05/01/2024", "5 Jan 2024"],
    ["2024-12-31", "31/12/2024", "31 Dec 2024"],
  ])("%s is %s and %s", (date, uk, long) => {
    expect(formatUkDate(date)).toBe(uk);
    expect(formatLongDate(date)).toBe(long);
  });
});

describe("two-digit years near a pivot (QA messy 11: 1/1/99 was 2099)", () => {
  it.each([
    // digits, pivot year, full year (null: equally near two centuries)
    [23, 2023, 2023],
    [99, 2023, 1999],
    [72, 2023, 2072],
    [73, 2023, null],
    [74, 2023, 1974],
    [1, 2099, 2101],
    [50, 2000, null],
  ])("%i near %i is %s", (digits, pivot, year) => {
    expect(nearYear(digits, pivot)).toBe(year);
  });

  it.each([
    ["1/1/99", 2023, "1999-01-01"],
    ["1/1/99", undefined, "2099-01-01"], // no pivot: this century, as Meetings and minutes dates are read
    ["1/1/99", null, null],
    ["13 Oct 23", 2023, "2023-10-13"],
    ["13 Oct 73", 2023, null],
    ["13/10/2023", null, "2023-10-13"], // four digits never need one
  ] as const)("parseUkDate(%j, %s) is %s", (text, pivot, date) => {
    expect(parseUkDate(text, pivot)).toBe(date);
  });
});

describe("sheetTime and parseCommitteeTime", () => {
  it("writes Audit and Mail Log times to the whole second, as the real clock's milliseconds would otherwise show", () => {
    expect(sheetTime(utc("2026-11-28T23:33:19.577Z"), LONDON)).toBe("2026-11-28T23:33:19+00:00");
    expect(sheetTime(utc("2026-06-28T23:33:19.999Z"), LONDON)).toBe("2026-06-29T00:33:19+01:00");
  });

  it("reads a time without an offset as London time, and one with an offset as written", () => {
    // 23:30 on 1 June in London is 22:30 UTC: still 1 June, whatever the machine's zone.
    expect(committeeToday(parseCommitteeTime("2024-06-01T23:30:00"), LONDON)).toBe("2024-06-01");
    expect(parseCommitteeTime("2024-06-01T23:30:00").toUTC().toISO()).toBe("2024-06-01T22:30:00.000Z");
    expect(parseCommitteeTime("2024-12-01T23:30:00").toUTC().toISO()).toBe("2024-12-01T23:30:00.000Z");
    expect(parseCommitteeTime("2024-06-01T23:30:00Z").toUTC().toISO()).toBe("2024-06-01T23:30:00.000Z");
    expect(parseCommitteeTime("2024-06-01T23:30:00+02:00").toUTC().toISO()).toBe("2024-06-01T21:30:00.000Z");
    expect(sheetTime(parseCommitteeTime("2024-06-01T23:30:00"), LONDON)).toBe("2024-06-01T23:30:00+01:00");
    expect(parseCommitteeTime("yesterday").isValid).toBe(false);
  });
});
