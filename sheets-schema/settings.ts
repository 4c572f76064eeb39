/** The Settings tab: Key/Value rows parsed into typed settings, with defaults and clear problems. */
import * as z from "./zod.js";
import type { RawTab } from "../shared/adapters/workbook.js";
import { cellText } from "../shared/core/text.js";
import { HOLIDAY_REGIONS, type Problem, type Settings } from "../shared/core/types.js";
import { cellAt, locateColumns, type TabColumns } from "./columns.js";
import { HEADERS, TAB } from "./tabs.js";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Day names as people type them ("Fri", "Weds", "thurs."), folded to the full name. */
const WEEKDAY_SPELLINGS = new Map<string, string>([
  ["mon", "Monday"], ["tue", "Tuesday"], ["tues", "Tuesday"], ["wed", "Wednesday"], ["weds", "Wednesday"],
  ["thu", "Thursday"], ["thur", "Thursday"], ["thurs", "Thursday"], ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"],
  ...WEEKDAYS.map((day): [string, string] => [day.toLowerCase(), day]),
]);

/** The full day name for a spelling, ignoring case and a trailing dot; the text unchanged when it names no day. */
const weekdayName = (value: string): string => WEEKDAY_SPELLINGS.get(value.trim().toLowerCase().replace(/\.$/, "")) ?? value;

const whole = (min: number, max: number) =>
  z.coerce
    .number({ message: `write a whole number from ${min} to ${max}` })
    .int(`write a whole number from ${min} to ${max}`)
    .min(min, `write a whole number from ${min} to ${max}`)
    .max(max, `write a whole number from ${min} to ${max}`);

const email = z.union([z.literal(""), z.email("write one email address, such as pmo@example.org")]);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/**
 * The forms people mean as a domain: `@example.org`, `*.example.org` and `.example.org` (subdomains
 * are included anyway), and a fully qualified `example.gov.uk.` with its trailing dot.
 */
const domainOf = (entry: string): string => entry.toLowerCase().replace(/^(?:@|\*\.|\.)/, "").replace(/\.$/, "");
const splitDomains = (value: string): string[] => value.split(/[\s,;]+/).map(domainOf).filter(Boolean);
// Anything else is refused as a whole: the allowlist then mails pmo_email alone (see recipients.ts).
const domainList = z
  .string()
  .refine(
    (value) => splitDomains(value).every((d) => DOMAIN.test(d)),
    "write mail domains separated by commas, such as example.org, example.gov.uk; until then only pmo_email gets mail",
  )
  .transform(splitDomains);

/** One entry per key: its schema and the default used when the row is absent or blank. */
export const SETTING_SCHEMAS = {
  // Blank is allowed here; the rules report it where refs need it.
  committee_code: { field: "committeeCode", schema: z.union([z.literal(""), z.string().regex(/^[A-Z][A-Z]{0,11}$/, "write the committee's ref prefix in letters, such as DAG")]), default: "" },
  committee_name: { field: "committeeName", schema: z.string(), default: "" },
  timezone: { field: "timezone", schema: z.literal("Europe/London", "only Europe/London is supported; write Europe/London"), default: "Europe/London" },
  holiday_region: { field: "holidayRegion", schema: z.enum(HOLIDAY_REGIONS, `write one of ${HOLIDAY_REGIONS.join(", ")}`), default: "england-and-wales" },
  asap_working_days: { field: "asapWorkingDays", schema: whole(0, 60), default: "5" },
  reminder_working_days: { field: "reminderWorkingDays", schema: whole(0, 60), default: "3" },
  escalate_after_meetings: { field: "escalateAfterMeetings", schema: whole(1, 99), default: "3" },
  pmo_email: { field: "pmoEmail", schema: email, default: "" },
  chair_email: { field: "chairEmail", schema: email, default: "" },
  from_email: { field: "fromEmail", schema: email, default: "" },
  digest_weekday: { field: "digestWeekday", schema: z.enum(WEEKDAYS, "write a day of the week, such as Monday or Mon"), default: "Monday" },
  // Keeps mail to these domains (Members, pmo_email and chair_email alike); blank means no narrowing.
  allowed_domains: { field: "allowedDomains", schema: domainList, default: "" },
} as const satisfies Record<string, { field: keyof Settings; schema: z.ZodType; default: string }>;

export type SettingKey = keyof typeof SETTING_SCHEMAS;

/** The Settings rows a new workbook starts with. */
export const defaultSettingRows = (code: string, name: string): [SettingKey, string][] =>
  (Object.keys(SETTING_SCHEMAS) as SettingKey[]).map((key) => {
    if (key === "committee_code") return [key, code];
    if (key === "committee_name") return [key, name];
    return [key, SETTING_SCHEMAS[key].default];
  });

/** Case-insensitive values that people type for a setting, folded to the canonical spelling. */
const canonical = (key: SettingKey, value: string): string => {
  if (key === "committee_code") return value.toUpperCase();
  if (key === "holiday_region") return value.toLowerCase().replace(/\s+/g, "-");
  if (key === "digest_weekday") return weekdayName(value);
  return value;
};

/** A Settings row's value as written, with its row number. */
interface WrittenSetting {
  value: string;
  row: number;
}

// Own keys only: a Key of "constructor" names no setting.
const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_SCHEMAS, key);

/** Every row of each known key, in sheet order. */
function writtenSettings(tab: RawTab, columns: TabColumns): Map<SettingKey, WrittenSetting[]> {
  const written = new Map<SettingKey, WrittenSetting[]>();
  for (const row of tab.rows) {
    const key = cellText(cellAt(row, columns, "Key")).toLowerCase();
    if (!isSettingKey(key)) continue;
    written.set(key, [...(written.get(key) ?? []), { value: cellText(cellAt(row, columns, "Value")), row: row.row }]);
  }
  return written;
}

/**
 * A key on a later row than its first. Only one value can apply; the first non-blank one does,
 * so a blank repeat never erases a setting (a blank second allowed_domains would lift the domain limit).
 */
function repeatedKey(key: SettingKey, first: WrittenSetting, repeat: WrittenSetting, used: WrittenSetting | undefined): Problem {
  const which =
    used === undefined
      ? "its Value is blank on every row, so the default is used"
      : used === repeat
        ? `this row's value "${repeat.value}" is used, since row ${first.row}'s is blank`
        : repeat.value === ""
          ? `row ${used.row}'s value "${used.value}" is used and this blank one is ignored`
          : repeat.value === used.value
            ? `row ${used.row} gives the same value "${used.value}"`
            : `row ${used.row}'s value "${used.value}" is used, not this row's "${repeat.value}"`;
  // No ref: readers of a key's Settings problem (recipients.ts, mail-skips.ts) take it for an unreadable value.
  return { tab: TAB.settings, row: repeat.row, ref: "", column: "Key", message: `Key ${key} is also on row ${first.row}; ${which}; delete one of the two rows` };
}

/** Parses the Settings tab (defaults when there is none), its header problems first. */
export function parseSettings(tab: RawTab | undefined): ParsedSettings {
  if (!tab) return settingsOf(new Map());
  const { columns, problems } = locateColumns(tab, HEADERS.Settings);
  const parsed = settingsOf(writtenSettings(tab, columns));
  return { settings: parsed.settings, problems: [...problems, ...parsed.problems] };
}

/** Parses the Settings rows in columns already located: parseLog locates every tab's columns, and reports their header problems, once. */
export const parseSettingRows = ({ tab, columns }: { tab: RawTab; columns: TabColumns }): ParsedSettings =>
  settingsOf(writtenSettings(tab, columns));

interface ParsedSettings {
  settings: Settings;
  problems: Problem[];
}

function settingsOf(written: ReadonlyMap<SettingKey, readonly WrittenSetting[]>): ParsedSettings {
  const problems: Problem[] = [];
  const settings = {} as Record<keyof Settings, unknown>;
  for (const key of Object.keys(SETTING_SCHEMAS) as SettingKey[]) {
    const { field, schema, default: fallback } = SETTING_SCHEMAS[key];
    const rows = written.get(key) ?? [];
    const given = rows.find((r) => r.value !== "") ?? rows[0];
    const [first, ...repeats] = rows;
    if (first) for (const repeat of repeats) problems.push(repeatedKey(key, first, repeat, given?.value === "" ? undefined : given));
    const raw = given && given.value !== "" ? canonical(key, given.value) : fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      settings[field] = parsed.data;
      continue;
    }
    settings[field] = schema.parse(fallback);
    problems.push({
      tab: TAB.settings,
      row: given?.row ?? 0,
      ref: key,
      column: "Value",
      message: given
        ? `Value "${given.value}" is not valid for ${key}; ${parsed.error.issues[0]?.message ?? "see the README"}`
        : `${key} is not set; add a row with Key ${key} and ${parsed.error.issues[0]?.message ?? "a value"}`,
    });
  }
  return { settings: settings as unknown as Settings, problems };
}
