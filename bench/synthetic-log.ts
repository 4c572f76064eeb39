/** A large, realistic action log for benchmarks: the seed's shapes repeated over many meetings. */
import type { RawTab, RawWorkbook } from "../shared/adapters/workbook.js";
import { isoToSerial } from "../shared/core/dates.js";
import type { Cell } from "../shared/core/types.js";
import { defaultSettingRows } from "../sheets-schema/settings.js";
import { HEADERS } from "../sheets-schema/tabs.js";

export interface SyntheticOptions {
  /** Members on the committee; actions cycle through them as owners. Default 50. */
  members?: number;
  /** Every member has an email; by default every 17th has none, so some owners are skipped. */
  allEmails?: boolean;
  /** Date of meeting 1; meetings follow every 28 days. Default 2015-01-14. */
  firstMeeting?: string;
  /** Settings values by key, over the defaults (e.g. pmo_email for the digest). */
  settings?: Record<string, Cell>;
}

const person = (i: number, allEmails: boolean) => ({
  name: `Member ${String.fromCharCode(65 + (i % 26))}${i} Surname${i}`,
  initials: `M${i}`,
  email: !allEmails && i % 17 === 0 ? "" : `member${i}@example.org`,
});

const DUES: Cell[] = ["ASAP", "Next meeting", "+10 WD", "13/10/2023", "10 working days", 45212, "08 Nov 2023"];
const STATUSES = ["Open", "Ongoing", "open", "Proposed Closed", "Closed", ""];

const tab = (name: keyof typeof HEADERS, rows: Cell[][]): RawTab => ({
  name,
  headers: [...HEADERS[name]],
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

/** `actions` rows spread over meetings of 100 actions each, all but the last meeting Held. */
export function syntheticLog(actions: number, options: SyntheticOptions = {}): RawWorkbook {
  const people = Array.from({ length: options.members ?? 50 }, (_, i) => person(i, options.allEmails === true));
  const meetings = Math.max(2, Math.ceil(actions / 100) + 1);
  const first = isoToSerial(options.firstMeeting ?? "2015-01-14");
  const meetingRows = Array.from({ length: meetings }, (_, i) => [i + 1, first + i * 28, "10:00", i < meetings - 1 ? "Held" : "Scheduled", ""]);
  const actionRows = Array.from({ length: actions }, (_, i) => {
    const meeting = Math.floor(i / 100) + 1;
    const owner = people[i % people.length] as ReturnType<typeof person>;
    const other = people[(i + 3) % people.length] as ReturnType<typeof person>;
    const written = i % 5 === 0 ? owner.initials : i % 7 === 0 ? `Programme (${owner.name} & ${other.name})` : `Programme (${owner.name})`;
    const status = STATUSES[i % STATUSES.length] ?? "Open";
    return [
      i % 50 === 49 ? "" : `BEN${meeting}-${String((i % 100) + 1).padStart(2, "0")}`,
      meeting,
      i % 3 === 0 ? "" : `Area ${i % 40}`,
      `Programme to follow up item ${i} with the working group and report back`,
      written,
      DUES[i % DUES.length] ?? "ASAP",
      null,
      status,
      status === "Closed" ? "Closed at the meeting" : "",
      null,
      null,
      null,
    ];
  });
  const settings = defaultSettingRows("BEN", "Benchmark Board").map(([key, value]) => [key, options.settings && key in options.settings ? (options.settings[key] ?? null) : value]);
  return {
    tabs: [
      tab("Settings", settings),
      tab("Members", people.map((p) => [p.name, p.initials, "Org", "Role", p.email, "", "Yes"])),
      tab("Meetings", meetingRows),
      tab("Actions", actionRows),
      tab("Decisions", []),
      tab("Audit", []),
    ],
  };
}
