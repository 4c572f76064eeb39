/** Setup's conditional formatting on Actions and its warning-only protections over what the automation owns; pure. */
import type { sheets_v4 } from "@googleapis/sheets";
import { AUTOMATION_COLUMNS } from "../../sheets-schema/tabs.js";
import { columnIndex } from "./batch-plan.js";
import { columnLetter } from "../../sheets-schema/columns.js";
import type { PlanSink, SheetRequest, TabLayout } from "./google-setup-parts.js";

type Color = sheets_v4.Schema$Color;

/** Colours in whole 1/255 steps, since Google stores colours that way and reports them back rounded. */
const rgb = (red: number, green: number, blue: number): Color => ({ red: red / 255, green: green / 255, blue: blue / 255 });

/** Each rule is recognised by its colour, so a changed reminder setting does not add a second amber rule. */
export const RULE_COLORS = {
  checks: rgb(255, 242, 204),
  overdue: rgb(244, 204, 204),
  dueSoon: rgb(252, 229, 205),
} as const;

/** Google leaves zero components out of the colours it returns. */
const sameColor = (a: Color | null | undefined, b: Color): boolean =>
  a !== null && a !== undefined && (["red", "green", "blue"] as const).every((part) => Math.abs((a[part] ?? 0) - (b[part] ?? 0)) < 0.002);

const hasRule = (layout: TabLayout, color: Color): boolean =>
  (layout.found?.conditionalFormats ?? []).some((rule) => sameColor(rule.booleanRule?.format?.backgroundColor, color));

export const PROTECTION_PREFIX = "actionlog:";

const hasProtection = (layout: TabLayout, description: string): boolean =>
  (layout.found?.protectedRanges ?? []).some((range) => range.description === description);

/**
 * The row formulas for Actions. Due Date holds ISO text written by the automation (or a date a
 * member typed), so DATEVALUE reads the text and IFERROR falls back to a real date; a blank or
 * unreadable Due Date is not a number and colours nothing. Closed rows are never coloured.
 */
export const dueFormulas = (layout: TabLayout, reminderWorkingDays: number) => {
  const status = columnLetter(columnIndex(layout.headers, "Status") + 1);
  const due = columnLetter(columnIndex(layout.headers, "Due Date") + 1);
  const date = `IFERROR(DATEVALUE($${due}2),$${due}2)`;
  const open = `LOWER($${status}2)<>"closed",ISNUMBER(${date})`;
  return {
    overdue: `=AND(${open},${date}<TODAY())`,
    dueSoon: `=AND(${open},${date}>=TODAY(),${date}<=WORKDAY(TODAY(),${reminderWorkingDays}))`,
  };
};

const rule = (range: sheets_v4.Schema$GridRange, condition: sheets_v4.Schema$BooleanCondition, color: Color, index: number): SheetRequest => ({
  addConditionalFormatRule: { index, rule: { ranges: [range], booleanRule: { condition, format: { backgroundColor: color } } } },
});

/** Red for overdue rows, amber for rows due within the reminder window, yellow for a non-empty Checks cell. */
const addConditionalFormats = (actions: TabLayout, reminderWorkingDays: number, out: PlanSink): void => {
  const rows = { sheetId: actions.sheetId, startRowIndex: 1, endRowIndex: actions.rowCount };
  const checks = columnIndex(actions.headers, "Checks");
  const formulas = dueFormulas(actions, reminderWorkingDays);
  const formula = (value: string) => ({ type: "CUSTOM_FORMULA", values: [{ userEnteredValue: value }] });
  const wholeRows = { ...rows, startColumnIndex: 0, endColumnIndex: actions.headers.length };
  const wanted = [
    { color: RULE_COLORS.checks, change: "added yellow for a non-empty Checks cell", range: { ...rows, startColumnIndex: checks, endColumnIndex: checks + 1 }, condition: { type: "NOT_BLANK" } },
    { color: RULE_COLORS.overdue, change: "added red for overdue actions", range: wholeRows, condition: formula(formulas.overdue) },
    { color: RULE_COLORS.dueSoon, change: `added amber for actions due within ${reminderWorkingDays} working days`, range: wholeRows, condition: formula(formulas.dueSoon) },
  ];
  // The first matching rule wins: Checks first, so its yellow shows on the Checks cell of a red or amber row.
  // A rule put back goes in its place among ours, which stay at the top of the list.
  let count = actions.found?.conditionalFormats.length ?? 0;
  wanted.forEach((want, position) => {
    if (hasRule(actions, want.color)) return;
    out.add(want.change, rule(want.range, want.condition, want.color, Math.min(position, count)));
    count += 1;
  });
};

const protect = (range: sheets_v4.Schema$GridRange, description: string): SheetRequest => ({
  // Warning only: members can still edit after a prompt, and the automation is never blocked.
  addProtectedRange: { protectedRange: { range, description, warningOnly: true } },
});

/** What members see when they try to edit an automation column; the description also identifies the protection. */
const WHY_OWNED: Record<(typeof AUTOMATION_COLUMNS.Actions)[number], string> = {
  "Due Date": "is worked out from Due; change Due instead",
  Carried: "is counted by roll-forward",
  Checks: "lists the row's problems; fix the row and the next check clears it",
};

/** Warnings over Due Date, Carried and Checks on Actions, and over the whole Audit tab. */
const addProtections = (actions: TabLayout, audit: TabLayout, out: PlanSink): void => {
  for (const column of AUTOMATION_COLUMNS.Actions) {
    const index = columnIndex(actions.headers, column);
    const description = `${PROTECTION_PREFIX} ${column} ${WHY_OWNED[column]}`;
    if (index < 0 || hasProtection(actions, description)) continue;
    out.add(`protected ${actions.name} ${column} with a warning`, protect({ sheetId: actions.sheetId, startColumnIndex: index, endColumnIndex: index + 1 }, description));
  }
  const description = `${PROTECTION_PREFIX} the Audit tab is the automation's record of its changes`;
  if (!hasProtection(audit, description)) out.add(`protected the ${audit.name} tab with a warning`, protect({ sheetId: audit.sheetId }, description));
};

export const ruleRequests = (actions: TabLayout, audit: TabLayout, reminderWorkingDays: number, out: PlanSink): void => {
  addConditionalFormats(actions, reminderWorkingDays, out);
  addProtections(actions, audit, out);
};
