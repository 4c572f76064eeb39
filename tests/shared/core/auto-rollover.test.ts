import { describe, expect, it } from "vitest";
import { meetingsToRollForward } from "../../../shared/core/auto-rollover.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { buildLog } from "../../support/log-fixture.js";

type Status = "Held" | "Scheduled" | "Cancelled";
const logWith = (statuses: Record<number, Status>) =>
  parseLog(buildLog({ meetings: Object.entries(statuses).map(([n, Status]) => ({ Meeting: Number(n), Date: `0${n.slice(-1)}/11/2023`, Status })) }));

const LEFT_30 =
  "The tab Register DAG30 is out of date, and nothing updates it. Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31. Delete Register DAG30 once nobody needs it (actionlog never deletes a tab)";

describe("meetingsToRollForward", () => {
  it.each<[string, Record<number, Status>, string[], number[], string[], boolean]>([
    ["the newest Held meeting, next one Scheduled", { 28: "Held", 29: "Held", 30: "Scheduled" }, [], [29], [], false],
    ["nothing once its register exists (any case)", { 29: "Held", 30: "Scheduled" }, ["register dag30"], [], [], false],
    ["nothing for history whose next meeting is Held", { 27: "Held", 28: "Held" }, [], [], ["Meeting 28 is Held but meeting 29 is not in the Meetings tab; add a row for it (Meeting 29, Date, Status Scheduled) so its register can be built"], false],
    ["nothing before any meeting is Held", { 29: "Scheduled", 30: "Scheduled" }, [], [], [], false],
    ["each Held meeting followed by a Scheduled one", { 27: "Held", 28: "Scheduled", 29: "Held", 30: "Scheduled" }, ["Register DAG28"], [29], [], false],
    // qa-year finding 2: a Cancelled next meeting stopped every register after it.
    ["the meeting after a Cancelled one", { 29: "Held", 30: "Cancelled", 31: "Scheduled" }, [], [29], [], false],
    ["nothing once that meeting's register exists", { 29: "Held", 30: "Cancelled", 31: "Scheduled" }, ["Register DAG31"], [], [], false],
    ["a note, not a warning, when no meeting after the Cancelled one is planned yet", { 29: "Held", 30: "Cancelled" }, [], [], ["Meeting 29 is Held but meeting 31 is not in the Meetings tab; add a row for it (Meeting 31, Date, Status Scheduled) so its register can be built (meeting 30 is Cancelled)"], false],
    ["a warning when a planned meeting's papers cannot be built for a missing number", { 29: "Held", 30: "Cancelled", 32: "Scheduled" }, [], [], ["Meeting 29 is Held but meeting 31 is not in the Meetings tab; add a row for it (Meeting 31, Date, Status Scheduled) so its register can be built (meeting 30 is Cancelled)"], true],
    ["a warning for a register tab left for a Cancelled meeting (kept, never deleted)", { 29: "Held", 30: "Cancelled", 31: "Scheduled" }, ["Register DAG30"], [29], [LEFT_30], true],
    ["that warning again once the register for the meeting after exists", { 29: "Held", 30: "Cancelled", 31: "Scheduled" }, ["REGISTER DAG30 ", "Register DAG31"], [], [LEFT_30.replaceAll("Register DAG30", "REGISTER DAG30 ")], true],
  ])("%s", (_name, statuses, tabs, meetings, notes, attention) => {
    expect(meetingsToRollForward(logWith(statuses), ["Settings", "Actions", ...tabs])).toEqual({ meetings, notes, attention });
  });
});
