import { describe, expect, it } from "vitest";
import { meetingsToRollForward } from "../../../shared/core/auto-rollover.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { buildLog } from "../../support/log-fixture.js";

type Status = "Held" | "Scheduled" | "Cancelled";
const logWith = (statuses: Record<number, Status>) =>
  parseLog(buildLog({ meetings: Object.entries(statuses).map(([n, Status]) => ({ Meeting: Number(n), Date: `0${n.slice(-1)}/11/2023`, Status })) }));

describe("meetingsToRollForward", () => {
  it.each<[string, Record<number, Status>, string[], number[], string[]]>([
    ["the newest Held meeting, next one Scheduled", { 28: "Held", 29: "Held", 30: "Scheduled" }, [], [29], []],
    ["nothing once its register exists (any case)", { 29: "Held", 30: "Scheduled" }, ["register dag30"], [], []],
    ["nothing for history whose next meeting is Held", { 27: "Held", 28: "Held" }, [], [], ["Meeting 28 is Held but meeting 29 is not in the Meetings tab; add it (Meeting 29, Date, Status Scheduled) so its register can be built"]],
    ["nothing before any meeting is Held", { 29: "Scheduled", 30: "Scheduled" }, [], [], []],
    ["a note when the next meeting is Cancelled", { 29: "Held", 30: "Cancelled" }, [], [], ["Meeting 30 is Cancelled; renumber the calendar or set its Status to Scheduled so meeting 29's actions can be rolled forward"]],
    ["each Held meeting followed by a Scheduled one", { 27: "Held", 28: "Scheduled", 29: "Held", 30: "Scheduled" }, ["Register DAG28"], [29], []],
  ])("%s", (_name, statuses, tabs, meetings, notes) => {
    expect(meetingsToRollForward(logWith(statuses), ["Settings", "Actions", ...tabs])).toEqual({ meetings, notes });
  });
});
