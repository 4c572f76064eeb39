/**
 * The committee clock's zone, Europe/London, worked out from the UK's clock-change rule rather
 * than through ICU. Luxon's IANA zones ask Intl.DateTimeFormat for every offset, and the first
 * Intl call of a process costs about 10 ms: a twentieth of a cloud function's cold start, spent on
 * a rule that fits in two lines. Instants before 1996, when the rule was different, still go to ICU.
 */
import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

export const LONDON = "Europe/London";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Since 1996 UK clocks go forward and back on the EU's dates; tzdata carries the rule forward unchanged. */
const RULE_FROM = Date.UTC(1996, 0, 1);

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`: the moment UK clocks change. */
const lastSundayAtOneUtc = (year: number, month: number): number => {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
};

class LondonZone extends Zone {
  #icu: IANAZone | undefined;
  /** ICU's own Europe/London, for the years before the rule; created only if such an instant comes up. */
  get #before1996(): IANAZone {
    this.#icu ??= IANAZone.create(LONDON);
    return this.#icu;
  }

  override get type(): string {
    return "iana";
  }
  override get name(): string {
    return LONDON;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return true;
  }

  /** Minutes ahead of UTC at `ts`: 60 in British Summer Time, else 0. */
  override offset(ts: number): number {
    if (Number.isNaN(ts)) return Number.NaN;
    if (ts < RULE_FROM) return this.#before1996.offset(ts);
    const year = new Date(ts).getUTCFullYear();
    return ts >= lastSundayAtOneUtc(year, 2) && ts < lastSundayAtOneUtc(year, 9) ? 60 : 0;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    if (ts < RULE_FROM) return this.#before1996.offsetName(ts, options);
    const summer = this.offset(ts) === 60;
    if (options.format === "long") return summer ? "British Summer Time" : "Greenwich Mean Time";
    return summer ? "BST" : "GMT";
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    if (ts < RULE_FROM) return this.#before1996.formatOffset(ts, format);
    const hours = this.offset(ts) / 60;
    if (format === "narrow") return `+${hours}`;
    return format === "techie" ? `+0${hours}00` : `+0${hours}:00`;
  }

  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === LONDON;
  }
}

const london = new LondonZone();

/** The luxon zone for a committee's time zone setting: the rule-based one for Europe/London, ICU's for any other. */
export const committeeZone = (timezone: string): Zone | string => (timezone === LONDON ? london : timezone);
