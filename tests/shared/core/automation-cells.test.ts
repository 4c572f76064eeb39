/** The cells actionlog fills on Actions rows: a row a member emptied, and text a member typed where actionlog writes. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import type { Change } from "../../../shared/core/types.js";
import { validateLog } from "../../../shared/core/validate.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const validate = (spec: LogSpec) => validateLog(parseLog(buildLog(spec)), NOW);
const EMPTIED = "row emptied by a member (Ref, Meeting, Area, Action, Owner, Due, Status and Update are blank), so the cells actionlog filled are cleared too";

/** DAG29-03 with Ref to Closed On cleared, as in the QA report: Due Date, Carried and Checks left behind. */
const emptied = { "Due Date": "2023-10-13", Carried: "1", Checks: "Owner old problem", "Closed On": "2023-10-11" };

describe("a row a member emptied (regression: it came back as a new Open action with four problems)", () => {
  it("clears only what actionlog filled, with one reason, and is neither checked nor listed", () => {
    const result = validate({ actions: [action({ "Due Date": "2023-10-13" }), emptied, action({ Ref: "DAG29-02", Area: null, Action: "After", "Due Date": "2023-10-13" })] });
    expect(result.changes.filter((c) => c.row === 3)).toEqual(
      (["Due Date", "Closed On", "Carried", "Checks"] as const).map((column): Change => ({ tab: "Actions", row: 3, ref: "", column, old: emptied[column], new: "", reason: EMPTIED })),
    );
    // The row after it continues the area of the row before it, as after a blank row.
    expect(result.changes.filter((c) => c.row === 4).map((c) => [c.column, c.new])).toEqual([["Area", "CR032 Impact Assessment"]]);
    expect(result.problems).toEqual([]);
    expect(result.actions.map((a) => [a.row, a.area])).toEqual([[2, "CR032 Impact Assessment"], [4, "CR032 Impact Assessment"]]);
    expect(result.rows).toBe(2);
  });

  it("is cleared once, audited by its row, and after that reads as a blank row", async () => {
    const book = createMemoryWorkbook({ tabs: buildLog({ actions: [action({ "Due Date": "2023-10-13" }), action({ Ref: "DAG29-02", "Due Date": "2023-10-13" }), emptied] }).tabs });
    const first = await runValidate(book, { now: NOW, dryRun: false, actor: "test" });
    expect(first.changes).toHaveLength(4);
    const after = book.snapshot();
    expect(after.tabs.find((t) => t.name === "Actions")?.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(after.tabs.find((t) => t.name === "Audit")?.rows.map((r) => [r.cells[3], r.cells[7]])).toEqual(Array(4).fill(["row 4", EMPTIED]));
    const second = await runValidate(book, { now: NOW, dryRun: false, actor: "test" });
    expect([second.changes, second.problems]).toEqual([[], []]);
  });

  it.each<[string, NonNullable<LogSpec["actions"]>]>([
    ["a Meeting", [{ ...emptied, Meeting: 29 }]],
    ["an Update", [{ ...emptied, Update: "see minutes" }]],
    ["a Due", [{ ...emptied, Due: "ASAP" }]],
  ])("a row that still has %s is an action, and checked", (_name, actions) => {
    expect(validate({ actions }).problems.length).toBeGreaterThan(0);
  });
});

describe("Due Date when Due gives no date", () => {
  it.each([
    ["", "Due is blank; Due Date is blank until a Due is written"],
    ["31/02/2024", "Due cannot be read; Due Date is blank until Due is fixed"],
  ])("Due %j blanks Due Date saying why", (due, reason) => {
    const change = validate({ actions: [action({ Due: due, "Due Date": "2023-10-13" })] }).changes.find((c) => c.column === "Due Date");
    expect(change).toMatchObject({ old: "2023-10-13", new: "", reason });
  });
});

describe("text a member typed in a cell actionlog fills (the cell is still written as before; the reason says where to write)", () => {
  const CHECKS_ADVICE = "; Checks is filled by actionlog with the row's problems, so the text typed there is replaced: write notes in Update";
  const DUE_DATE_ADVICE = "; Due Date is filled by actionlog from Due, so the date typed there is replaced: write the date in Due";
  it.each<[string, NonNullable<LogSpec["actions"]>, string, string, string]>([
    ["a note in Checks", [action({ "Due Date": "2023-10-13", Checks: "PP says this is fine - do not chase" })], "Checks", "", `problems fixed${CHECKS_ADVICE}`],
    ["a note beside a problem", [action({ "Due Date": "2023-10-13", Action: "", Checks: "Action is blank; write what is to be done\nchased by phone" })], "Checks", "Action is blank; write what is to be done", `problems found${CHECKS_ADVICE}`],
    ["actionlog's own old problem", [action({ "Due Date": "2023-10-13", Checks: "Owner old problem" })], "Checks", "", "problems fixed"],
    ["a date typed in Due Date", [action({ Due: "08/11/2023", "Due Date": "14/11/2023" })], "Due Date", "2023-11-08", `computed from Due "08/11/2023" (date)${DUE_DATE_ADVICE}`],
    ["a date cell in Due Date", [action({ Due: "08/11/2023", "Due Date": 45244 })], "Due Date", "2023-11-08", `computed from Due "08/11/2023" (date)${DUE_DATE_ADVICE}`],
    ["a typed date under an unreadable Due", [action({ Due: "end of Nov", "Due Date": "30/11/2023" })], "Due Date", "", `Due cannot be read; Due Date is blank until Due is fixed${DUE_DATE_ADVICE}`],
    ["actionlog's own older date", [action({ Due: "08/11/2023", "Due Date": "2023-11-01" })], "Due Date", "2023-11-08", 'computed from Due "08/11/2023" (date)'],
  ])("%s", (_name, actions, column, written, reason) => {
    const change = validate({ actions }).changes.find((c) => c.column === column);
    expect(change).toMatchObject({ new: written, reason });
  });
});
