import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type RollForwardResult, rollForward, rollForwardTo } from "../../../shared/core/roll-forward.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEETINGS, action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");

function roll(spec: LogSpec, meeting = 29): RollForwardResult {
  const log = parseLog(buildLog(spec));
  return rollForward(log, validateLog(log, NOW).actions, meeting, "2023-10-20");
}

const ok = (result: RollForwardResult) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

const SEED_ACTIONS = [
  action({ Ref: "DAG29-02", Area: "UTC vs Clock Times", Due: "08/11/2023" }),
  action({ Ref: "DAG29-01", Due: "13/10/2023" }),
  action({ Ref: "DAG29-07", Area: "Top Programme Risks", Due: "ASAP", Owner: "Programme (PMO)" }),
  action({ Ref: "DAG29-03", Status: "Closed", Update: "Raised at FTIG" }),
  action({ Ref: "DAG28-04", Meeting: 28, Due: "08/11/2023", Status: "Ongoing", Owner: "Programme (Paul Pettitt)" }),
  action({ Ref: "DAG28-12", Meeting: 28, Due: "Next meeting", Owner: "Programme (Paul Pettitt)" }),
  action({ Ref: "DAG28-02", Meeting: 28, Status: "Closed", Update: "Action closed." }),
  action({ Ref: "DAG27-08", Meeting: 27, Due: "08/11/2023", Status: "Proposed Closed", Owner: "Programme (Lee Cox)" }),
];

describe("the register for meeting N+1", () => {
  it("lists new actions first by number, then earlier ones newest meeting first, without Closed", () => {
    const result = ok(roll({ actions: SEED_ACTIONS }));
    expect(result.register.map((e) => [e.section, e.ref])).toEqual([
      ["new", "DAG29-01"],
      ["new", "DAG29-02"],
      ["new", "DAG29-07"],
      ["previous", "DAG28-04"],
      ["previous", "DAG28-12"],
      ["previous", "DAG27-08"],
    ]);
    expect(result.next).toBe(30);
    expect(result.nextDate).toBe("2023-11-08");
  });

  it("computes Carried from meeting numbers: raised at 28 shows 1 on 30's register, at 27 shows 2", () => {
    const carried = Object.fromEntries(ok(roll({ actions: SEED_ACTIONS })).register.map((e) => [e.ref, e.carried]));
    expect(carried).toMatchObject({ "DAG29-01": 0, "DAG28-04": 1, "DAG27-08": 2 });
  });

  it("does not count Cancelled meetings in Carried", () => {
    const meetings = MEETINGS.map((m) => (m.Meeting === 28 ? { ...m, Status: "Cancelled" } : m));
    const result = ok(roll({ meetings, actions: [action({ Ref: "DAG27-08", Meeting: 27, Due: "08/11/2023" })] }));
    expect(result.register[0]?.carried).toBe(1);
  });

  it("points Next meeting at N+1's date and prints ASAP as ASAP", () => {
    const due = Object.fromEntries(ok(roll({ actions: SEED_ACTIONS })).register.map((e) => [e.ref, [e.due, e.dueDate]]));
    expect(due["DAG28-12"]).toEqual(["08/11/2023", "2023-11-08"]);
    expect(due["DAG29-07"]).toEqual(["ASAP", "2023-10-18"]);
  });

  it("flags overdue fixed dates and escalates actions carried escalate_after_meetings times", () => {
    const result = ok(roll({ settings: { escalate_after_meetings: 2 }, actions: SEED_ACTIONS }));
    expect(result.warnings).toContain("DAG29-01 was due 13/10/2023 and is overdue");
    expect(result.warnings.filter((w) => w.includes("escalate"))).toEqual([
      "DAG27-08 has been carried to 2 meetings; escalate it (escalate_after_meetings is 2)",
    ]);
  });

  it("writes Carried back only where it differs", () => {
    const result = ok(roll({ actions: [action({ Ref: "DAG28-04", Meeting: 28, Carried: 1 }), action({ Ref: "DAG27-08", Meeting: 27, Carried: 5 })] }));
    expect(result.changes).toEqual([expect.objectContaining({ ref: "DAG27-08", column: "Carried", old: "5", new: 2 })]);
  });

  it("places the rows it can and warns about the rest", () => {
    const result = ok(roll({ actions: [action(), action({ Ref: "DAG29-02", Status: "Parked" }), action({ Ref: "bad ref" })] }));
    expect(result.register.map((e) => e.ref)).toEqual(["DAG29-01"]);
    expect(result.warnings).toEqual([
      "DAG29-01 was due 13/10/2023 and is overdue",
      'Actions row 3 (DAG29-02) is not on the register: Status "Parked" is not a status; write Open, Ongoing, Proposed Closed or Closed',
      'Actions row 4 (bad ref) is not on the register: Ref "bad ref" is not an action ref; write it as DAG29-01 (committee code, meeting number, dash, number), or leave it blank to have one assigned',
    ]);
  });

  it("keeps each warning on one line when the Ref cell holds a line break (QA re-verification R3)", () => {
    const result = ok(roll({ actions: [action(), action({ Ref: "DAG29\n02 bad", Status: "Parked" })] }));
    const warning = result.warnings.find((w) => w.startsWith("Actions row 3"));
    expect(warning).toMatch(/^Actions row 3 \(DAG29 02 bad\) is not on the register: /);
    expect(warning).not.toContain("\n");
  });

  it("places only the first of two rows sharing a ref", () => {
    const result = ok(roll({ actions: [action(), action({ Action: "Copy" })] }));
    expect(result.register.map((e) => e.action)).toEqual(["NGESO to amend CR032 and resubmit"]);
  });
});

describe("clear errors instead of a register", () => {
  it.each([
    [MEETINGS.filter((m) => m.Meeting !== 30), 29, "Meeting 30 is not in the Meetings tab; add a row for it"],
    [MEETINGS, 30, "Meeting 30 is Scheduled in Meetings; set its Status to Held"],
    [MEETINGS, 40, "Meeting 40 is not in the Meetings tab"],
  ])("%#", (meetings, meeting, message) => {
    const result = roll({ meetings, actions: SEED_ACTIONS }, meeting);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("a Cancelled meeting is passed over (qa-year finding 2: no meeting papers after a cancelled meeting)", () => {
  const withStatus = (statuses: Record<number, string>, meetings = MEETINGS) => meetings.map((m) => ({ ...m, Status: statuses[m.Meeting as number] ?? m.Status ?? null }));
  const CANCELLED_30 = withStatus({ 30: "Cancelled" });
  const rollTo = (spec: LogSpec, target: number): RollForwardResult => {
    const log = parseLog(buildLog(spec));
    return rollForwardTo(log, validateLog(log, NOW).actions, target, "2023-10-20");
  };

  it("rolls Held meeting 29 forward to meeting 31 when 30 is Cancelled: 29's actions are New, Carried skips 30", () => {
    const result = ok(roll({ meetings: CANCELLED_30, actions: SEED_ACTIONS }));
    expect([result.meeting, result.next, result.nextDate, result.cancelled]).toEqual([29, 31, "2023-12-13", [30]]);
    expect(result.register.map((e) => `${e.section} ${e.ref} ${e.carried}`)).toEqual([
      "new DAG29-01 0",
      "new DAG29-02 0",
      "new DAG29-07 0",
      "previous DAG28-04 1",
      "previous DAG28-12 1",
      "previous DAG27-08 2",
    ]);
    expect(result.changes.map((c) => c.reason)).toContain("on the register for meeting 31");
  });

  it("passes over several Cancelled meetings in a row", () => {
    const meetings = withStatus({ 30: "Cancelled", 31: "Cancelled" }, [...MEETINGS, { Meeting: 32, Date: "10/01/2024", Status: "Scheduled" }]);
    const result = ok(roll({ meetings, actions: [action({ Ref: "DAG28-04", Meeting: 28 })] }));
    expect([result.next, result.cancelled, result.register[0]?.carried]).toEqual([32, [30, 31], 1]);
  });

  it("builds meeting 31's papers from meeting 29, the same register rollover builds", () => {
    expect(rollTo({ meetings: CANCELLED_30, actions: SEED_ACTIONS }, 31)).toEqual(roll({ meetings: CANCELLED_30, actions: SEED_ACTIONS }));
    expect(rollTo({ actions: SEED_ACTIONS }, 30)).toEqual(roll({ actions: SEED_ACTIONS }));
  });

  it.each<[string, Record<number, string>, "from" | "to", number, string]>([
    ["rolling forward from the Cancelled meeting", { 30: "Cancelled" }, "from", 30, "Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31; roll forward meeting 29 to build it"],
    ["the Cancelled meeting's papers", { 30: "Cancelled" }, "to", 30, "Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31"],
    ["from the Cancelled meeting when the one before was not marked Held", { 29: "Scheduled", 30: "Cancelled" }, "from", 30, "Meeting 30 is Cancelled in Meetings, so it has no register and the actions of the last Held meeting before it go on the register for meeting 31; mark the last meeting before it that took place Held, and roll that meeting forward"],
    ["papers after it when the one before was not marked Held", { 29: "Scheduled", 30: "Cancelled" }, "to", 31, "Meeting 29 is Scheduled in Meetings; set its Status to Held once it has taken place, then roll forward"],
    ["papers for a meeting not in Meetings", {}, "to", 40, "Meeting 40 is not in the Meetings tab; add a row for it (Meeting 40, Date, Status Scheduled) so its register can be built"],
    ["papers for the first meeting in Meetings", {}, "to", 27, "Meeting 26 is not in the Meetings tab; add it (Meeting 26, its Date, Status Held)"],
  ])("%s", (_name, statuses, direction, meeting, message) => {
    const spec = { meetings: withStatus(statuses), actions: SEED_ACTIONS };
    expect(direction === "from" ? roll(spec, meeting) : rollTo(spec, meeting)).toEqual({ ok: false, message });
  });

  it("names the Cancelled meeting when the meeting after it is missing from Meetings", () => {
    const meetings = CANCELLED_30.filter((m) => m.Meeting !== 31);
    expect(roll({ meetings, actions: SEED_ACTIONS })).toEqual({
      ok: false,
      message: "Meeting 31 is not in the Meetings tab; add a row for it (Meeting 31, Date, Status Scheduled) so its register can be built (meeting 30 is Cancelled)",
    });
    expect(rollTo({ meetings, actions: SEED_ACTIONS }, 30)).toEqual({
      ok: false,
      message: "Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31 once it is in Meetings (add it with its Date and Status Scheduled)",
    });
  });

  it("over any calendar, never builds a Cancelled meeting's register, rollover and papers agree, and no advice contradicts a cancellation", () => {
    const status = fc.constantFrom("Held", "Scheduled", "Cancelled");
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 8 }), fc.integer({ min: 25, max: 36 }), (statuses, meeting) => {
        const meetings = statuses.map((Status, i) => ({ Meeting: 27 + i, Date: `${String(10 + i).padStart(2, "0")}/10/2023`, Status }));
        const statusOf = (n: number) => statuses[n - 27];
        const spec = { meetings, actions: [action({ Ref: "DAG27-01", Meeting: 27 })] };
        const result = roll(spec, meeting);
        if (result.ok) {
          expect(statusOf(result.next)).not.toBe("Cancelled");
          for (let n = meeting + 1; n < result.next; n++) expect(statusOf(n)).toBe("Cancelled");
          expect(rollTo(spec, result.next)).toEqual(result);
        } else {
          expect(result.message).not.toMatch(/renumber|Cancelled in Meetings; set its Status/);
          if (statusOf(meeting) === "Cancelled") expect(result.message).toMatch(new RegExp(`^Meeting ${meeting} is Cancelled in Meetings, so it has no register and `));
        }
        const papers = rollTo(spec, meeting);
        if (statusOf(meeting) === "Cancelled") expect(papers.ok).toBe(false);
      }),
    );
  });
});
