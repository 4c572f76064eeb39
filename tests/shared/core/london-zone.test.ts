/** The rule-based Europe/London zone gives ICU's answers without asking ICU. */
import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { committeeToday, sheetTime } from "../../../shared/core/dates.js";
import { LONDON, committeeZone } from "../../../shared/core/london-zone.js";

const zone = committeeZone(LONDON);
const icu = IANAZone.create(LONDON);
const MINUTE = 60_000;
const offsetAt = (ts: number): number => (typeof zone === "string" ? Number.NaN : zone.offset(ts));

describe("committeeZone(Europe/London)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is a luxon zone object for Europe/London, and ICU's zone name for any other", () => {
    expect(typeof zone).toBe("object");
    expect(committeeZone("Europe/Paris")).toBe("Europe/Paris");
  });

  it("matches ICU's offset either side of every clock change, 1996 to 2060", () => {
    let changes = 0;
    for (let year = 1996; year <= 2060; year += 1) {
      for (const month of [2, 9]) {
        // Every Sunday of March and October at 01:00 UTC, a minute before, at and after: the change is on exactly one.
        for (let day = 1; day <= 31; day += 1) {
          const at = Date.UTC(year, month, day, 1);
          if (new Date(at).getUTCDay() !== 0 || new Date(at).getUTCMonth() !== month) continue;
          for (const ts of [at - MINUTE, at - 1, at, at + MINUTE]) expect(offsetAt(ts), new Date(ts).toISOString()).toBe(icu.offset(ts));
          if (icu.offset(at - 1) !== icu.offset(at)) changes += 1;
        }
      }
    }
    expect(changes).toBe(2 * 65);
  });

  it("matches ICU's offset at any instant from 1980 to 2100, the years before 1996 through ICU itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ts) => {
        expect(offsetAt(ts)).toBe(icu.offset(ts));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes sheet times and committee dates exactly as ICU's zone does", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2060, 0, 1) }), (ts) => {
        const now = DateTime.fromMillis(ts, { zone: "utc" });
        expect(sheetTime(now, LONDON)).toBe(now.setZone(icu).startOf("second").toISO({ suppressMilliseconds: true }));
        expect(committeeToday(now, LONDON)).toBe(now.setZone(icu).toISODate());
      }),
      { numRuns: 500 },
    );
    // 30 Mar 2025 01:00 UTC: clocks went forward, so 00:59:59 UTC is 00:59:59 GMT and 01:00 UTC is 02:00 BST.
    expect(sheetTime(DateTime.fromISO("2025-03-30T00:59:59Z"), LONDON)).toBe("2025-03-30T00:59:59+00:00");
    expect(sheetTime(DateTime.fromISO("2025-03-30T01:00:00Z"), LONDON)).toBe("2025-03-30T02:00:00+01:00");
    expect(DateTime.fromISO("2025-07-01T12:00:00Z").setZone(zone).toFormat("ZZZZ ZZZZZ ZZ Z ZZZ")).toBe("BST British Summer Time +01:00 +1 +0100");
    expect(DateTime.fromISO("2025-12-01T12:00:00Z").setZone(zone).toFormat("ZZZZ ZZZZZ ZZ Z ZZZ")).toBe("GMT Greenwich Mean Time +00:00 +0 +0000");
  });

  it("reads London wall-clock times, the skipped and repeated hours included, as ICU's zone does", () => {
    for (const wall of ["2025-03-30T00:30", "2025-03-30T01:30", "2025-03-30T02:30", "2025-10-26T00:30", "2025-10-26T01:30", "2025-10-26T02:30", "2025-06-15T09:00"]) {
      expect(DateTime.fromISO(wall, { zone }).toMillis(), wall).toBe(DateTime.fromISO(wall, { zone: icu }).toMillis());
    }
  });

  it("never asks Intl after 1995, which is the point: the first Intl call of a cold start costs ~10 ms", () => {
    // luxon's IANA zones keep one DateTimeFormat per zone and ask it for the parts of every instant.
    const asked = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    const constructed = vi.spyOn(Intl, "DateTimeFormat");
    const now = DateTime.fromMillis(Date.UTC(2024, 9, 27, 0, 30), { locale: "en-GB", zone: "utc" });
    expect(committeeToday(now, LONDON)).toBe("2024-10-27");
    expect(sheetTime(now, LONDON)).toBe("2024-10-27T01:30:00+01:00");
    expect(constructed).not.toHaveBeenCalled();
    expect(asked).not.toHaveBeenCalled();
    // The same spy sees ICU's zone at work, and the rule-based one's years before 1996.
    expect(now.setZone(icu).offset).toBe(60);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(offsetAt(Date.UTC(1990, 6, 1))).toBe(60);
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
