/** Builds raw workbooks for tests from short row specs, with the real headers. */
import type { RawTab, RawWorkbook } from "../../shared/adapters/workbook.js";
import type { Cell } from "../../shared/core/types.js";
import { defaultSettingRows } from "../../sheets-schema/settings.js";
import { HEADERS } from "../../sheets-schema/tabs.js";

type Row<T extends keyof typeof HEADERS> = Partial<Record<(typeof HEADERS)[T][number], Cell>>;

export interface LogSpec {
  settings?: Record<string, Cell>;
  members?: Row<"Members">[];
  meetings?: Row<"Meetings">[];
  actions?: Row<"Actions">[];
  decisions?: Row<"Decisions">[];
}

export const MEMBERS: Row<"Members">[] = [
  { Name: "Justin Andrews", Initials: "JA", Role: "Chair", Email: "justin@example.org" },
  { Name: "Paul Pettitt", Initials: "PP", Role: "Design Lead", Email: "paul@example.org" },
  { Name: "Lee Cox", Initials: "LC", Role: "Test Lead", Email: "lee@example.org" },
  { Name: "Fraser Mathieson", Initials: "FM", Role: "PMO", Email: "fraser@example.org", Aliases: "Programme (PMO); PMO" },
  { Name: "Daniel Arrowsmith", Initials: "DA", Role: "NGESO", Email: "daniel@example.org" },
  { Name: "Seth Chapman", Initials: "SC", Email: "seth@example.org" },
  { Name: "Sean Cooper", Initials: "SC", Email: "sean@example.org" },
  { Name: "Caroline Farquhar", Initials: "CF", Email: "" },
];

/** DAG meetings 27–31 on the seed's calendar: 29 held on 11 Oct 2023, 30 on 8 Nov 2023. */
export const MEETINGS: Row<"Meetings">[] = [
  { Meeting: 27, Date: "09/08/2023", Status: "Held" },
  { Meeting: 28, Date: "13/09/2023", Status: "Held" },
  { Meeting: 29, Date: "11/10/2023", Status: "Held" },
  { Meeting: 30, Date: "08/11/2023", Status: "Scheduled" },
  { Meeting: 31, Date: "13/12/2023", Status: "Scheduled" },
];

const tab = <T extends keyof typeof HEADERS>(name: T, rows: Row<T>[]): RawTab => ({
  name,
  headers: [...HEADERS[name]],
  rows: rows.map((values, i) => ({
    row: i + 2,
    cells: HEADERS[name].map((h) => (values as Record<string, Cell>)[h] ?? null),
  })),
});

export function buildLog(spec: LogSpec = {}): RawWorkbook {
  const settings = defaultSettingRows("DAG", "Design Advisory Group").map(([key, value]) => ({
    Key: key,
    Value: spec.settings && key in spec.settings ? (spec.settings[key] ?? null) : value,
  }));
  return {
    tabs: [
      tab("Settings", settings),
      tab("Members", spec.members ?? MEMBERS),
      tab("Meetings", spec.meetings ?? MEETINGS),
      tab("Actions", spec.actions ?? []),
      tab("Decisions", spec.decisions ?? []),
      tab("Audit", []),
    ],
  };
}

/** A valid open action raised at meeting 29, overridable per field. */
export const action = (fields: Row<"Actions"> = {}): Row<"Actions"> => ({
  Ref: "DAG29-01",
  Meeting: 29,
  Area: "CR032 Impact Assessment",
  Action: "NGESO to amend CR032 and resubmit",
  Owner: "NGESO Representative (Daniel Arrowsmith)",
  Due: "13/10/2023",
  Status: "Open",
  ...fields,
});
