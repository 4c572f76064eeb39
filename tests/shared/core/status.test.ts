/** Status spellings: what reads as a status, what is kept as written, and the advice for words that are not statuses. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { hasStatusComment, normaliseStatus, statusAdvice, statusProblem } from "../../../shared/core/status.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");

describe("normaliseStatus", () => {
  it.each([
    ["Open", "Open"],
    ["ongoing", "Ongoing"],
    ["In Progress", "Ongoing"],
    ["proposed closed", "Proposed Closed"],
    ["Done", "Closed"],
    // QA messy 12.1: hyphens and trailing punctuation.
    ["in-progress", "Ongoing"],
    ["In\u2013Progress", "Ongoing"], // an en dash pasted from Word
    ["On-going", "Ongoing"],
    ["on going", "Ongoing"],
    ["Complete.", "Closed"],
    ["Closed!", "Closed"],
    ["Proposed-Closed", "Proposed Closed"],
    // QA messy 3: WIP.
    ["WIP", "Ongoing"],
    ["wip.", "Ongoing"],
    ["Work in progress", "Ongoing"],
    // A leading status with a comment after it.
    ["closed - see minutes", "Closed"],
    ["Closed \u2013 see minutes", "Closed"],
    ["Open: awaiting CR", "Open"],
    ["Ongoing (see update)", "Ongoing"],
    ["Ongoing(see update)", "Ongoing"],
    ["Open - ongoing", "Open"],
    ["Closed; superseded by CR041", "Closed"],
    ["Proposed Closed, pending the chair", "Proposed Closed"],
    ["In-progress: draft out", "Ongoing"],
    // Not statuses.
    ["Blocked", null],
    ["Cancelled", null],
    ["On hold", null],
    ["Not closed: waiting", null],
    ["closed-see minutes", null],
    ["Open ongoing", null],
    [": Open", null],
    ["(Closed)", null],
  ])("%j reads as %s", (text, expected) => {
    expect(normaliseStatus(text)).toBe(expected);
  });
});

describe("hasStatusComment", () => {
  it.each([
    ["closed - see minutes", true],
    ["Ongoing (see update)", true],
    ["in-progress", false],
    ["Complete.", false],
    ["WIP", false],
    ["Blocked", false],
  ])("%j: %s", (text, expected) => {
    expect(hasStatusComment(text)).toBe(expected);
  });
});

describe("advice for a Status that is not a status", () => {
  it.each([
    ["Cancelled", "write Closed and say why in Update"],
    ["withdrawn", "write Closed and say why in Update"],
    ["Superseded.", "write Closed and say why in Update"],
    ["Cancelled - see CR041", "write Closed and say why in Update"],
    ["On hold", "write Ongoing and say why in Update"],
    ["On-hold", "write Ongoing and say why in Update"],
    ["on hold (budget)", "write Ongoing and say why in Update"],
    ["Blocked", "write Open, Ongoing, Proposed Closed or Closed"],
    ["Parked", "write Open, Ongoing, Proposed Closed or Closed"],
  ])("%j: %s", (text, advice) => {
    expect(statusAdvice(text)).toBe(advice);
    expect(statusProblem(text)).toBe(`Status "${text}" is not a status; ${advice}`);
  });

  it("keeps the message on one line whatever the cell holds (QA messy 12.2)", () => {
    expect(statusProblem("Open\nBlocked")).toBe('Status "Open Blocked" is not a status; write Open, Ongoing, Proposed Closed or Closed');
  });
});

describe("validate and the Status column", () => {
  const validate = (Status: string) => validateLog(parseLog(buildLog({ actions: [action({ Status, Update: "As minuted" })] })), NOW);

  it.each([
    // spelling, what validate writes (undefined: the cell is kept), the status the rules use
    ["in-progress", "Ongoing", "Ongoing"],
    ["WIP", "Ongoing", "Ongoing"],
    ["Complete.", "Closed", "Closed"],
    ["closed - see minutes", undefined, "Closed"], // the member's comment is not dropped
    ["Open: awaiting CR", undefined, "Open"],
    ["Ongoing (see update)", undefined, "Ongoing"],
  ])("%j: written as %s, read as %s, with no Status problem", (status, written, read) => {
    const result = validate(status);
    expect(result.changes.find((c) => c.column === "Status")?.new).toBe(written);
    expect(result.actions[0]?.canonicalStatus).toBe(read);
    expect(result.problems.filter((p) => p.column === "Status")).toEqual([]);
  });

  it.each([
    ["Cancelled", 'Status "Cancelled" is not a status; write Closed and say why in Update'],
    ["Withdrawn", 'Status "Withdrawn" is not a status; write Closed and say why in Update'],
    ["On hold", 'Status "On hold" is not a status; write Ongoing and say why in Update'],
  ])("%j is a problem with advice", (status, message) => {
    expect(validate(status).problems).toContainEqual(expect.objectContaining({ column: "Status", message }));
  });
});
