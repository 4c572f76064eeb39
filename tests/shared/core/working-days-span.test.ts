/** workingDaysBetween counts (weekdays minus weekday bank holidays) instead of walking day by day; it must agree with the walk. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoFromSerial, isoToSerial } from "../../../shared/core/dates.js";
import { HOLIDAY_REGIONS, type HolidayRegion } from "../../../shared/core/types.js";
import { isWorkingDay, workingDaysBetween } from "../../../shared/core/working-days.js";

/** The definition, walked: working days after `a` up to and including `b`, negative when `b` is earlier. */
function walked(a: string, b: string, region: HolidayRegion): number {
  const [start, end] = [isoToSerial(a), isoToSerial(b)];
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let serial = low + 1; serial <= high; serial++) if (isWorkingDay(isoFromSerial(serial), region)) count++;
  return sign * count;
}

const FIRST = isoToSerial("1995-01-01");
const LAST = isoToSerial("2045-12-31");
const day = fc.integer({ min: FIRST, max: LAST }).map(isoFromSerial);

describe("workingDaysBetween", () => {
  it("agrees with walking the calendar, in either order, across years, in every region", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -1200, max: 1200 }), fc.constantFrom(...HOLIDAY_REGIONS), (a, span, region) => {
        const b = isoFromSerial(Math.min(LAST, Math.max(FIRST, isoToSerial(a) + span)));
        expect(workingDaysBetween(a, b, region)).toBe(walked(a, b, region));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["1995-01-01", "2045-12-31", "england-and-wales"],
    ["2045-12-31", "1995-01-01", "scotland"],
    ["2023-12-22", "2024-01-02", "northern-ireland"],
    ["2024-03-28", "2024-04-02", "england-and-wales"],
  ] as const)("from %s to %s in %s", (a, b, region) => {
    expect(workingDaysBetween(a, b, region)).toBe(walked(a, b, region));
  });
});
