import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { validateLog } from "../../../shared/core/validate.js";
import { runRollover } from "../../../shared/jobs/rollover-job.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

// 20 Oct 2023, 10:00 in London (BST).
const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");

const validate = (spec: LogSpec) => validateLog(parseLog(buildLog(spec)), NOW);
const only = (spec: LogSpec) => {
  const result = validate(spec);
  return { result, messages: result.problems.map((p) => `${p.column}: ${p.message}`) };
};
const changeTo = (spec: LogSpec, column: string) =>
  validate(spec).changes.find((c) => c.tab === "Actions" && c.column === column)?.new;

describe("Due Date from the Due column", () => {
  it.each([
    ["13/10/2023", "2023-10-13"],
    ["13/10/23", "2023-10-13"],
    ["13 Oct 2023", "2023-10-13"],
    ["2023-10-13", "2023-10-13"],
    [45212, "2023-10-13"],
    ["ASAP", "2023-10-18"], // meeting 29 on Wed 11 Oct + 5 working days
    ["Next meeting", "2023-11-08"], // the next Scheduled meeting after 29 is 30
    ["+10 WD", "2023-10-25"],
    ["10 working days", "2023-10-25"],
  ])("Due %j gives Due Date %s", (due, expected) => {
    expect(changeTo({ actions: [action({ Due: due })] }, "Due Date")).toBe(expected);
  });

  it("Next meeting of an action from meeting 28 points at 30 once 29 is Held", () => {
    expect(changeTo({ actions: [action({ Ref: "DAG28-04", Meeting: 28, Due: "Next meeting" })] }, "Due Date")).toBe("2023-11-08");
  });

  it("gives a date cell's reason in Audit as the date, not its serial number", () => {
    const change = validate({ actions: [action({ Due: 45226 })] }).changes.find((c) => c.column === "Due Date");
    expect(change).toMatchObject({ new: "2023-10-27", reason: "computed from the date cell 27/10/2023 in Due" });
  });

  it("leaves Due Date alone when it is already right (idempotent)", () => {
    expect(validate({ actions: [action({ "Due Date": "2023-10-13" })] }).changes).toEqual([]);
  });

  it("names the row, column and fix for an impossible date, and blanks the Due Date the member replaced", () => {
    const { result } = only({ actions: [action({ Due: "31/02/2024", "Due Date": "2023-10-13" })] });
    expect(result.problems).toEqual([
      { tab: "Actions", row: 2, ref: "DAG29-01", column: "Due", message: 'Due "31/02/2024" is not a date; write it as 13/10/2023, ASAP, Next meeting or +10 WD' },
    ]);
    expect(result.changes.filter((c) => c.column === "Due Date")).toEqual([
      expect.objectContaining({ old: "2023-10-13", new: "", reason: "Due cannot be read; Due Date is blank until Due is fixed" }),
    ]);
    expect(validate({ actions: [action({ Due: "31/02/2024", "Due Date": "", Checks: result.problems[0]?.message ?? "" })] }).changes).toEqual([]);
    expect(result.changes.find((c) => c.column === "Checks")?.new).toBe(result.problems[0]?.message);
  });
});

describe("problems in the Checks column", () => {
  it.each<[string, NonNullable<LogSpec["actions"]>, string]>([
    ["unknown owner", [action({ Owner: "Programme (Matt McKeon)" })], "Owner: "],
    ["initials shared by two members", [action({ Owner: "SC" })], "Owner: "],
    ["owner without an email", [action({ Owner: "Consumer Representative (Caroline Farquhar)" })], "Owner: "],
    ["unknown status", [action({ Status: "Done and dusted" })], 'Status: Status "Done and dusted" is not a status; write Open, Ongoing, Proposed Closed or Closed'],
    ["Closed without an Update", [action({ Status: "Closed" })], "Update: Update is blank but Status is Closed"],
    ["reopened but still dated Closed On", [action({ Status: "Open", "Closed On": "2023-10-11" })], "Closed On: Closed On is 2023-10-11 but Status is Open; if the action was reopened, clear Closed On, else set Status to Closed"],
    ["reopened, Closed On a date cell", [action({ Status: "Ongoing", "Closed On": 45210 })], "Closed On: Closed On is 11/10/2023 but Status is Ongoing;"],
    ["ref for another meeting", [action({ Ref: "DAG28-01" })], 'Ref: Ref "DAG28-01" is for meeting 28 but Meeting says 29'],
    ["malformed ref", [action({ Ref: "DAG29/1" })], 'Ref: Ref "DAG29/1" is not an action ref; write it as DAG29-01'],
    ["ref of another committee", [action({ Ref: "PSG29-01" })], 'Ref: Ref "PSG29-01" is not an action ref'],
    ["blank meeting", [action({ Meeting: null })], "Meeting: Meeting is blank or not a number"],
    ["blank action text", [action({ Action: "" })], "Action: Action is blank"],
    ["blank due", [action({ Due: null })], "Due: Due is blank"],
    ["duplicate ref", [action(), action({ Action: "Another" })], "Ref: Ref DAG29-01 is also on row 3"],
  ])("%s", (_name, actions, expected) => {
    const { messages } = only({ actions });
    expect(messages.some((m) => m.startsWith(expected))).toBe(true);
  });

  it("asks for the name when initials are shared", () => {
    const { messages } = only({ actions: [action({ Owner: "SC" })] });
    expect(messages.join("\n")).toMatch(/Seth Chapman.*Sean Cooper|Sean Cooper.*Seth Chapman/);
  });

  it("clears Checks once the problem is fixed, and says so in the audit reason", () => {
    const change = validate({ actions: [action({ Checks: "Owner old problem", "Due Date": "2023-10-13" })] }).changes;
    expect(change).toEqual([expect.objectContaining({ column: "Checks", old: "Owner old problem", new: "", reason: "problems fixed" })]);
  });

  it("does not chase owners or due dates of Closed actions", () => {
    const { messages } = only({ actions: [action({ Status: "Closed", Update: "Done", Owner: "Nobody", Due: "whenever" })] });
    expect(messages).toEqual([]);
  });

  it("reports a blank committee_code once, on Settings", () => {
    const { result } = only({ settings: { committee_code: "" }, actions: [action({ Ref: "" })] });
    expect(result.problems.filter((p) => p.tab === "Settings")).toHaveLength(1);
    expect(result.changes.some((c) => c.column === "Ref")).toBe(false);
  });

  it("reports a committee_code that is not letters as that, not as blank", () => {
    const settings = validate({ settings: { committee_code: "DAG2" } }).problems.filter((p) => p.tab === "Settings");
    expect(settings).toHaveLength(1);
    expect(settings[0]?.message).not.toContain("is blank");
  });
});

describe("Members emails that change who gets mail", () => {
  const withEmail = (name: string, Email: string) => MEMBERS.map((m) => (m.Name === name ? { ...m, Email } : m));

  it("flags a mailbox on two active Members rows, naming the first, and ignores an inactive one", () => {
    const members = [...MEMBERS, { Name: "Nina Dup", Initials: "ND", Email: "PAUL@example.org" }];
    const problems = validate({ members }).problems.filter((p) => p.tab === "Members");
    expect(problems).toEqual([
      expect.objectContaining({ row: MEMBERS.length + 2, column: "Email", message: expect.stringContaining("is also Paul Pettitt's (row 3)") }),
    ]);
    const inactive = [...MEMBERS, { Name: "Nina Dup", Initials: "ND", Email: "paul@example.org", Active: "No" }];
    expect(validate({ members: inactive }).problems.filter((p) => p.tab === "Members")).toEqual([]);
  });

  it("flags an address outside allowed_domains, which would never be mailed", () => {
    const problems = validate({ settings: { allowed_domains: "example.org" }, members: withEmail("Paul Pettitt", "paul@other.net") }).problems;
    expect(problems.filter((p) => p.tab === "Members").map((p) => p.message)).toEqual([
      "Email paul@other.net is outside allowed_domains (example.org), so Paul Pettitt gets no email; give an address in those domains, or add its domain to allowed_domains in Settings",
    ]);
  });
});

describe("a mistyped Email in Members", () => {
  it("is a problem on the Members row, and the member's actions name the address, not a missing member", () => {
    const members = MEMBERS.map((m) => (m.Name === "Paul Pettitt" ? { ...m, Email: "paul@example" } : m));
    const { result } = only({ members, actions: [action({ Owner: "Programme (Paul Pettitt)" })] });
    expect(result.problems.find((p) => p.tab === "Members")).toEqual({
      tab: "Members",
      row: 3,
      ref: "",
      column: "Email",
      message: 'Email "paul@example" is not an email address; write one address, such as name@example.org (until then Paul Pettitt gets no email)',
    });
    const owner = result.problems.find((p) => p.tab === "Actions" && p.column === "Owner");
    expect(owner?.message).toContain("Paul Pettitt");
    expect(owner?.message).not.toContain("not in Members");
  });
});

describe("normalisations written back", () => {
  it.each([
    ["ongoing", "Ongoing", "canonical spelling of the status"],
    ["PROPOSED CLOSED", "Proposed Closed", "canonical spelling of the status"],
    ["", "Open", "blank status: a new action is Open"],
    ["Done", "Closed", "canonical spelling of the status"],
    [" finished ", "Closed", "canonical spelling of the status"],
    ["In Progress", "Ongoing", "canonical spelling of the status"],
  ])("Status %j becomes %s", (status, expected, reason) => {
    const change = validate({ actions: [action({ Status: status })] }).changes.find((c) => c.column === "Status");
    expect(change).toMatchObject({ new: expected, reason });
  });

  it("assigns the next free ref for the action's meeting", () => {
    const result = validate({ actions: [action(), action({ Ref: "DAG29-07" }), action({ Ref: "", Action: "New one" }), action({ Ref: "", Meeting: 30, Action: "Later" })] });
    expect(result.changes.filter((c) => c.column === "Ref").map((c) => [c.row, c.new])).toEqual([[4, "DAG29-08"], [5, "DAG30-01"]]);
  });

  it("continues a blank area from the row above within the same meeting only", () => {
    const result = validate({
      actions: [action({ Area: "UTC vs Clock Times" }), action({ Ref: "DAG29-02", Area: "" }), action({ Ref: "DAG30-01", Meeting: 30, Area: "" })],
    });
    expect(result.changes.filter((c) => c.column === "Area").map((c) => [c.row, c.new])).toEqual([[3, "UTC vs Clock Times"]]);
  });

  it("fills Closed On with the committee's date when an action is Closed", () => {
    // 23:30 UTC on 31 Oct 2023 is still 31 Oct in London (GMT since 29 Oct).
    const late = validateLog(parseLog(buildLog({ actions: [action({ Status: "Closed", Update: "Done" })] })), DateTime.fromISO("2023-10-31T23:30:00Z"));
    expect(late.changes.find((c) => c.column === "Closed On")?.new).toBe("2023-10-31");
    // 23:30 UTC on 20 Oct 2023 is 00:30 on 21 Oct in London (BST).
    const bst = validateLog(parseLog(buildLog({ actions: [action({ Status: "Closed", Update: "Done" })] })), DateTime.fromISO("2023-10-20T23:30:00Z"));
    expect(bst.changes.find((c) => c.column === "Closed On")?.new).toBe("2023-10-21");
  });

  it("assigns decision refs after the highest and continues decision areas", () => {
    const result = validate({
      decisions: [
        { Ref: "DAG-DEC76", Meeting: 29, Area: "CR032", Decision: "Issued to IA" },
        { Ref: "", Meeting: 29, Area: "", Decision: "CoCo approved" },
      ],
    });
    expect(result.changes.map((c) => [c.tab, c.row, c.column, c.new])).toEqual([
      ["Decisions", 3, "Ref", "DAG-DEC77"],
      ["Decisions", 3, "Area", "CR032"],
    ]);
  });
});

describe("refs that differ only by leading zeros (QA 4)", () => {
  const refChanges = (spec: LogSpec) =>
    validate(spec).changes.filter((c) => c.column === "Ref").map((c) => [c.row, c.old, c.new, c.reason]);
  const refProblems = (spec: LogSpec) => validate(spec).problems.filter((p) => p.column === "Ref").map((p) => [p.row, p.message]);

  it.each<[string, string, number | null, string]>([
    ["one digit", "DAG29-3", 29, "DAG29-03"],
    ["extra leading zeros", "DAG29-003", 29, "DAG29-03"],
    ["a zero before the meeting", "DAG029-03", 29, "DAG29-03"],
    ["both", "DAG029-7", 29, "DAG29-07"],
  ])("%s: %s (meeting %s) is written back as %s, audited", (_name, ref, meeting, canonical) => {
    expect(refChanges({ actions: [action({ Ref: ref, Meeting: meeting })] })).toEqual([[2, ref, canonical, "canonical spelling of the ref"]]);
    expect(refProblems({ actions: [action({ Ref: ref, Meeting: meeting })] })).toEqual([]);
  });

  it.each(["DAG29-03", "DAG29-10", "DAG29-100", "DAG29-123"])("leaves the canonical %s alone", (ref) => {
    expect(refChanges({ actions: [action({ Ref: ref })] })).toEqual([]);
  });

  it.each<[string, string[], [number, string][]]>([
    [
      "DAG29-03 and DAG29-3",
      ["DAG29-03", "DAG29-3"],
      [
        [2, "Ref DAG29-03 is also on row 3 (as DAG29-3, the same ref); give one of them another ref, or clear it to have one assigned"],
        [3, "Ref DAG29-3 is also on row 2 (as DAG29-03, the same ref); give one of them another ref, or clear it to have one assigned"],
      ],
    ],
    [
      "DAG29-3 and DAG29-003, neither canonical",
      ["DAG29-3", "DAG29-003"],
      [
        [2, "Ref DAG29-3 is also on row 3 (as DAG29-003, the same ref); give one of them another ref, or clear it to have one assigned"],
        [3, "Ref DAG29-003 is also on row 2 (as DAG29-3, the same ref); give one of them another ref, or clear it to have one assigned"],
      ],
    ],
    [
      "the same spelling twice and another",
      ["DAG29-6", "DAG29-6", "DAG29-06"],
      [
        [2, "Ref DAG29-6 is also on row 3, 4 (as DAG29-06, the same ref); give one of them another ref, or clear it to have one assigned"],
        [3, "Ref DAG29-6 is also on row 2, 4 (as DAG29-06, the same ref); give one of them another ref, or clear it to have one assigned"],
        [4, "Ref DAG29-06 is also on row 2 (as DAG29-6, the same ref), 3 (as DAG29-6, the same ref); give one of them another ref, or clear it to have one assigned"],
      ],
    ],
  ])("%s are one action written twice: a duplicate, never respelled", (_name, refs, problems) => {
    const spec = { actions: refs.map((Ref, i) => action({ Ref, Action: `Action ${i}` })) };
    expect(refProblems(spec)).toEqual(problems);
    expect(refChanges(spec)).toEqual([]);
  });

  it("only the first of the pair goes on the register", () => {
    const { actions } = validate({ actions: [action({ Ref: "DAG29-3" }), action({ Ref: "DAG29-03", Action: "Another" })] });
    expect(actions.map((a) => a.placeable)).toEqual([true, false]);
  });

  it("does not respell a ref that is wrong for another reason", () => {
    const spec = { actions: [action({ Ref: "DAG28-3", Meeting: 29 }), action({ Ref: "PSG29-3", Action: "Other committee" })] };
    expect(refChanges(spec)).toEqual([]);
    expect(refProblems(spec).map(([row]) => row)).toEqual([2, 3]);
  });

  it("the respelled row's other writes still land in the same run (validate and rollover)", async () => {
    const log = () => buildLog({ actions: [action({ Ref: "DAG29-3", Status: "open" }), action({ Ref: "DAG29-02", Action: "Second" })] });
    const options = { now: NOW, dryRun: false, actor: "test" };
    const book = createMemoryWorkbook(log());
    const first = await runValidate(book, options);
    expect(first.skipped).toBe(0);
    expect(first.changes.filter((c) => c.row === 2).map((c) => c.column)).toEqual(["Ref", "Status", "Due Date"]);
    expect((await runValidate(book, options)).changes).toEqual([]);
    const rollover = await runRollover(createMemoryWorkbook(log()), { ...options, meeting: 29 });
    expect(rollover.skipped).toBe(0);
    expect(rollover.register.map((r) => r.ref)).toContain("DAG29-03");
  });
});

describe("owners spelled as Word writes them (QA 8, 12)", () => {
  const siobhan = { Name: "Siobhán O'Neill", Initials: "SON", Email: "siobhan@example.org" };
  it.each(["Siobhán O\u2019Neill", "Siobhan O'Neill", "Programme (SIOBHÁN O\u2018NEILL)", "SON"])("Owner %j is the member Siobhán O'Neill", (owner) => {
    const { messages } = only({ members: [...MEMBERS, siobhan], actions: [action({ Owner: owner })] });
    expect(messages.filter((m) => m.startsWith("Owner"))).toEqual([]);
  });

  it("leaves the Owner cell as the member typed it", () => {
    const result = validate({ members: [...MEMBERS, siobhan], actions: [action({ Owner: "Siobhán O\u2019Neill" })] });
    expect(result.changes.filter((c) => c.column === "Owner")).toEqual([]);
    expect(result.actions[0]?.owner).toBe("Siobhán O\u2019Neill");
  });

  it("names two unknown owners one by one", () => {
    const { messages } = only({ members: [MEMBERS[0] ?? {}], actions: [action({ Owner: "Programme (Paul Pettitt & Lee Cox)" })] });
    expect(messages.filter((m) => m.startsWith("Owner"))).toEqual([
      "Owner: Owner names Paul Pettitt and Lee Cox, who are not in Members; add them to Members (or fix the spelling)",
    ]);
  });
});
