/** `init` on a Google Sheet, through the real client against the fake Sheets API: everything added once, nothing the second time. */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGoogleSheetSetup } from "../../../shared/adapters/google-sheet-setup.js";
import { RULE_COLORS } from "../../../shared/adapters/google-setup-rules.js";
import { createGoogleWorkbook } from "../../../shared/adapters/workbook.google.js";
import type { RawTab } from "../../../shared/adapters/workbook.js";
import { setupGoogleSheet } from "../../../shared/jobs/setup-google-sheet-job.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { HEADERS } from "../../../sheets-schema/tabs.js";
import { fakeGoogleAuth } from "../../support/fake-sheets/auth.js";
import type { FakeSheet } from "../../support/fake-sheets/store.js";
import { type FakeSheets, startFakeSheets } from "../../support/fake-sheets-server.js";
import { MEETINGS, MEMBERS } from "../../support/log-fixture.js";

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

const OPTIONS = { committeeCode: "DAG", committeeName: "Design Advisory Group" };
let next = 0;
const nextNumber = () => {
  next += 1;
  return next;
};

const sheetWith = (tabs: RawTab[]) => {
  const spreadsheetId = `setup-sheet-${nextNumber()}`;
  fake.seed(spreadsheetId, tabs);
  const options = { spreadsheetId, rootUrl: fake.url, auth: fakeGoogleAuth() };
  const mark = fake.calls.length;
  const calls = () => fake.calls.slice(mark).filter((c) => c.path.includes(spreadsheetId)).map((c) => c.api);
  return { spreadsheetId, setup: () => setupGoogleSheet(createGoogleSheetSetup(options), OPTIONS), workbook: createGoogleWorkbook(options), calls };
};

const sheetNamed = (spreadsheetId: string, name: string): FakeSheet => {
  const found = fake.spreadsheet(spreadsheetId).sheets.find((s) => s.properties.title === name);
  if (!found) throw new Error(`no ${name} tab`);
  return found;
};

const blank: RawTab = { name: "Sheet1", headers: [], rows: [] };

describe("setupGoogleSheet", () => {
  it("adds every tab with frozen bold headers, default Settings, drop-downs, rules, protections and the Dashboard in one write", async () => {
    const { spreadsheetId, setup, calls } = sheetWith([blank]);
    const report = await setup();
    expect(calls()).toEqual(["spreadsheets.get", "spreadsheets.batchUpdate"]);
    const book = fake.snapshot(spreadsheetId);
    expect(book.tabs.map((t) => t.name)).toEqual(["Sheet1", ...Object.keys(HEADERS), "Dashboard"]);
    for (const [name, headers] of Object.entries(HEADERS)) {
      expect(book.tabs.find((t) => t.name === name)?.headers).toEqual(headers);
      expect(sheetNamed(spreadsheetId, name).properties.gridProperties.frozenRowCount).toBe(1);
    }
    const settings = book.tabs.find((t) => t.name === "Settings")?.rows.map((r) => r.cells) ?? [];
    expect(settings).toContainEqual(["committee_code", "DAG"]);
    expect(settings).toContainEqual(["committee_name", "Design Advisory Group"]);

    const actions = sheetNamed(spreadsheetId, "Actions");
    const status = HEADERS.Actions.indexOf("Status");
    expect(actions.cells[1]?.[status]?.dataValidation?.condition?.values?.map((v) => v.userEnteredValue)).toEqual(["Open", "Ongoing", "Proposed Closed", "Closed"]);
    expect(actions.cells[999]?.[status]?.dataValidation?.condition?.type).toBe("ONE_OF_LIST");
    expect(sheetNamed(spreadsheetId, "Meetings").cells[1]?.[3]?.dataValidation?.condition?.values?.map((v) => v.userEnteredValue)).toEqual(["Scheduled", "Held", "Cancelled"]);

    const rules = actions.conditionalFormats.map((r) => r.booleanRule?.condition);
    expect(rules.map((c) => c?.type)).toEqual(["NOT_BLANK", "CUSTOM_FORMULA", "CUSTOM_FORMULA"]);
    expect(rules[1]?.values?.[0]?.userEnteredValue).toBe('=AND(LOWER($H2)<>"closed",ISNUMBER(IFERROR(DATEVALUE($G2),$G2)),IFERROR(DATEVALUE($G2),$G2)<TODAY())');
    expect(rules[2]?.values?.[0]?.userEnteredValue).toContain("WORKDAY(TODAY(),3)");
    expect(actions.conditionalFormats[0]?.ranges?.[0]).toMatchObject({ startColumnIndex: 11, endColumnIndex: 12, startRowIndex: 1 });

    const protectedColumns = actions.protectedRanges.map((p) => [p.range?.startColumnIndex, p.warningOnly]);
    expect(protectedColumns).toEqual([[6, true], [10, true], [11, true]]);
    expect(sheetNamed(spreadsheetId, "Audit").protectedRanges.map((p) => [p.range, p.warningOnly])).toEqual([[{ sheetId: sheetNamed(spreadsheetId, "Audit").properties.sheetId }, true]]);

    const dashboard = sheetNamed(spreadsheetId, "Dashboard");
    expect(dashboard.charts.map((c) => [c.spec?.title, c.spec?.basicChart?.series?.length])).toEqual([
      ["Open and overdue actions by owner", 2],
      ["Open and overdue actions by area", 2],
    ]);
    expect(dashboard.cells[2]?.[0]?.value?.formulaValue).toBe(`=IFERROR(SORT(UNIQUE(FILTER('Actions'!E2:E,'Actions'!E2:E<>"",LOWER('Actions'!H2:H)<>"closed"))),"")`);
    expect(dashboard.cells[2]?.[5]?.value?.formulaValue).toMatch(/^=BYROW\(E3:E,LAMBDA\(k,.*COUNTIFS\('Actions'!C2:C,k,'Actions'!H2:H,"<>Closed"\)/);
    expect(report.changes).toContain("added the Actions tab with its headers");
    expect(report.changes).toContain('added the chart "Open and overdue actions by area"');
  });

  it("changes nothing when run twice: one read, no write", async () => {
    const { spreadsheetId, setup, calls } = sheetWith([blank]);
    await setup();
    const before = structuredClone(fake.spreadsheet(spreadsheetId));
    const writes = calls().length;
    expect(await setup()).toEqual({ changes: [], kept: [] });
    expect(calls().slice(writes)).toEqual(["spreadsheets.get"]);
    expect(fake.spreadsheet(spreadsheetId)).toEqual(before);
  });

  it("completes a log a committee already keeps: missing headers after theirs, their Settings kept, rules on their columns", async () => {
    const actions: RawTab = {
      name: "Actions",
      headers: ["Ref", "Meeting", "Owner", "Action", "Status", "Area", "Due", "Due Date", "Update", "Closed On", "Carried", "Notes"],
      rows: [{ row: 2, cells: ["XYZ29-01", 29, "PP", "Draft", "Open", "Design", "13/10/2023", null, null, null, null, "keep me"] }],
    };
    const settings: RawTab = { name: "Settings", headers: ["Key", "Value"], rows: [{ row: 2, cells: ["committee_code", "XYZ"] }, { row: 3, cells: ["reminder_working_days", 5] }] };
    const { spreadsheetId, setup, workbook } = sheetWith([settings, actions]);
    await setup();
    const book = fake.snapshot(spreadsheetId);
    const after = book.tabs.find((t) => t.name === "Actions");
    expect(after?.headers).toEqual([...actions.headers, "Checks"]);
    expect(after?.rows).toEqual([{ row: 2, cells: [...(actions.rows[0]?.cells ?? []), null] }]);
    const keys = book.tabs.find((t) => t.name === "Settings")?.rows.map((r) => r.cells) ?? [];
    expect(keys.slice(0, 3)).toEqual([["committee_code", "XYZ"], ["reminder_working_days", 5], ["committee_name", "Design Advisory Group"]]);
    expect(keys.filter(([key]) => key === "committee_code")).toHaveLength(1);
    const formulas = sheetNamed(spreadsheetId, "Actions").conditionalFormats.map((r) => r.booleanRule?.condition?.values?.[0]?.userEnteredValue);
    expect(formulas[1]).toContain('LOWER($E2)<>"closed"');
    expect(formulas[1]).toContain("DATEVALUE($H2)");
    expect(formulas[2]).toContain("WORKDAY(TODAY(),5)");
    expect(sheetNamed(spreadsheetId, "Actions").protectedRanges.map((p) => p.range?.startColumnIndex)).toEqual([7, 10, 12]);

    // The set-up sheet is a log the jobs can run on straight away.
    const members = { name: "Members", headers: [...HEADERS.Members], rows: MEMBERS.map((m, i) => ({ row: i + 2, cells: HEADERS.Members.map((h) => m[h] ?? null) })) };
    const meetings = { name: "Meetings", headers: [...HEADERS.Meetings], rows: MEETINGS.map((m, i) => ({ row: i + 2, cells: HEADERS.Meetings.map((h) => m[h] ?? null) })) };
    await workbook.apply({ tabs: [members, meetings].map((t) => ({ ...t, rows: t.rows.map((r) => r.cells) })), updates: [], appends: [] });
    const report = await runValidate(workbook, { now: DateTime.fromISO("2023-10-20T09:00:00Z"), dryRun: false, actor: "test" });
    expect(report.changes.map((c) => c.column)).toContain("Due Date");
  });

  it("puts back only what a member removed", async () => {
    const { spreadsheetId, setup } = sheetWith([blank]);
    await setup();
    sheetNamed(spreadsheetId, "Dashboard").charts.splice(0, 1);
    sheetNamed(spreadsheetId, "Actions").conditionalFormats.splice(1, 1);
    sheetNamed(spreadsheetId, "Members").properties.gridProperties.frozenRowCount = 0;
    expect((await setup()).changes).toEqual([
      "froze the header row of Members",
      "added red for overdue actions",
      'added the chart "Open and overdue actions by owner"',
    ]);
    const colors = sheetNamed(spreadsheetId, "Actions").conditionalFormats.map((r) => r.booleanRule?.format?.backgroundColor);
    expect(colors).toEqual([RULE_COLORS.checks, RULE_COLORS.overdue, RULE_COLORS.dueSoon]);
    expect((await setup()).changes).toEqual([]);
  });
});
