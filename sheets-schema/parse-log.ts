/** Parses a whole raw workbook into the typed log the rules work on; problems are values. */
import type { RawTab, RawWorkbook } from "../shared/adapters/workbook.js";
import { parseUkDate, serialToIso } from "../shared/core/dates.js";
import { ActionlogError } from "../shared/core/errors.js";
import { cellText } from "../shared/core/text.js";
import type { Action, Cell, Decision, LogData, Meeting, Member, Problem } from "../shared/core/types.js";
import { cellPicker, locateColumns, type TabColumns } from "./columns.js";
import { actionRow, decisionRow, firstIssue, isEmailAddress, meetingRow, memberRow } from "./rows.js";
import { parseSettingRows } from "./settings.js";
import { HEADERS, INFORMATIONAL_COLUMNS, TAB, tabNamed } from "./tabs.js";

/** The tabs every job needs; a workbook without one of them is not an action log. */
const REQUIRED_TABS = [TAB.settings, TAB.members, TAB.meetings, TAB.actions, TAB.decisions, TAB.audit];

export const findTab = (workbook: RawWorkbook, name: string): RawTab | undefined => tabNamed(workbook.tabs, name);

/**
 * Throws a SCHEMA error for a missing tab, or a required header that is missing or on two
 * columns, since no job can run safely without knowing where its columns are (a repeated one
 * would have it write over, or mail from, a member's own column). A repeated informational header
 * (INFORMATIONAL_COLUMNS) and everything else come back as problems.
 */
export function parseLog(workbook: RawWorkbook): LogData {
  const problems: Problem[] = [];
  // Each tab's columns are located once: its header problems are reported once, and its rows read in them.
  const tabs = new Map<TabName, LocatedColumns>();
  for (const name of REQUIRED_TABS) {
    const tab = findTab(workbook, name);
    if (!tab) {
      throw new ActionlogError("SCHEMA", `The ${name} tab is missing; add a tab named ${name} with headers ${HEADERS[name].join(", ")}`);
    }
    const { columns, problems: headerProblems, blocking } = locateColumns(tab, HEADERS[name], INFORMATIONAL_COLUMNS[name]);
    if (blocking[0]) throw new ActionlogError("SCHEMA", `${name}: ${blocking[0].message}`);
    problems.push(...headerProblems);
    tabs.set(name, { name, tab, columns });
  }
  const located = (name: TabName): LocatedColumns => tabs.get(name) as LocatedColumns;
  const settings = parseSettingRows(located(TAB.settings));
  problems.push(...settings.problems);
  const members = parseRows(located(TAB.members), memberRow, problems, (r, row): Member => ({
    row,
    name: r.Name,
    initials: r.Initials,
    organisation: r.Organisation,
    role: r.Role,
    email: memberEmail(r.Email, r.Name, row, problems),
    aliases: r.Aliases,
    active: r.Active,
  }));
  const meetings = parseRows(located(TAB.meetings), meetingRow, problems, (r, row): Meeting => ({
    row,
    number: r.Meeting as number,
    date: meetingDate(r.Date, row, problems),
    time: cellText(r.Time),
    status: r.Status,
    notes: r.Notes,
  }));
  const actions = parseRows(located(TAB.actions), actionRow, problems, (r, row): Action => ({
    row,
    ref: r.Ref,
    meeting: r.Meeting,
    area: r.Area,
    action: r.Action,
    owner: r.Owner,
    due: r.Due,
    dueDate: r["Due Date"],
    status: r.Status,
    update: r.Update,
    closedOn: r["Closed On"],
    carried: r.Carried,
    checks: r.Checks,
  }));
  const decisions = parseRows(located(TAB.decisions), decisionRow, problems, (r, row): Decision => ({
    row,
    ref: r.Ref,
    meeting: r.Meeting,
    area: r.Area,
    decision: r.Decision,
  }));
  return { settings: settings.settings, members, meetings, actions, decisions, problems };
}

interface RowSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof firstIssue>[0] };
}

type TabName = keyof typeof HEADERS;

/** A required tab, as found (its name may differ in case), with its columns. */
interface LocatedColumns {
  name: TabName;
  tab: RawTab;
  columns: TabColumns;
}

function parseRows<T, R>({ name, tab, columns }: LocatedColumns, schemaFor: (rows: number) => RowSchema<T>, problems: Problem[], build: (parsed: T, row: number) => R): R[] {
  const headers = HEADERS[name];
  const schema = schemaFor(tab.rows.length);
  const cellsOf = cellPicker(columns, headers);
  const out: R[] = [];
  for (const row of tab.rows) {
    const cells = cellsOf(row);
    if (headers.every((header) => cellText(cells[header]) === "")) continue;
    const parsed = schema.safeParse(cells);
    if (parsed.success) {
      out.push(build(parsed.data, row.row));
    } else {
      const { column, message } = firstIssue(parsed.error);
      problems.push({ tab: name, row: row.row, ref: cellText(cells.Ref ?? null), column, message });
    }
  }
  return out;
}

/** A mistyped Email is a problem on its Members row and counts as no address, so no mail goes astray. */
function memberEmail(email: string, name: string, row: number, problems: Problem[]): string {
  if (email === "" || isEmailAddress(email)) return email;
  problems.push({
    tab: TAB.members,
    row,
    ref: "",
    column: "Email",
    message: `Email "${email}" is not an email address; write one address, such as name@example.org (until then ${name || "this member"} gets no email)`,
  });
  return "";
}

function meetingDate(value: Cell, row: number, problems: Problem[]): string | null {
  if (cellText(value) === "") return null;
  const date = typeof value === "number" ? serialToIso(value) : parseUkDate(cellText(value));
  if (date === null) {
    problems.push({ tab: TAB.meetings, row, ref: "", column: "Date", message: `Date "${cellText(value)}" is not a date; write it as 08/11/2023` });
  }
  return date;
}
