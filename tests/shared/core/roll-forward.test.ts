import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type RollForwardResult, rollForward } from "../../../shared/core/roll-forward.js";
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
    [MEETINGS.map((m) => (m.Meeting === 30 ? { ...m, Status: "Cancelled" } : m)), 29, "Meeting 30 is Cancelled"],
  ])("%#", (meetings, meeting, message) => {
    const result = roll({ meetings, actions: SEED_ACTIONS }, meeting);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
