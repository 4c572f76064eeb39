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
    ["Proposed-Closed", "Proposed Closed"],
    // QA messy 3: WIP.
    ["WIP", "Ongoing"],
    ["wip.", "Ongoing"],
    ["Work in progress", "Ongoing"],
    // Open or Ongoing with a comment after it: the action stays chased whatever the comment says.
    ["Open: awaiting CR", "Open"],
    ["Ongoing (see update)", "Ongoing"],
    ["Ongoing(see update)", "Ongoing"],
    ["Open - ongoing", "Open"],
    ["In-progress: draft out", "Ongoing"],
    // A closure with a doubt or a comment is not read: the comment may take it back (QA re-verification R1).
    ["closed - see minutes", null],
    ["Closed \u2013 see minutes", null],
    ["Closed; superseded by CR041", null],
    ["Proposed Closed, pending the chair", null],
    ["Closed?", null],
    ["Done?", null],
    ["Closed!!", null],
    ["Closed!", null],
    ["Closed (tbc)", null],
    ["Closed - reopened 5/11", null],
    ["Complete - not yet", null],
    ["Closed: pending chair sign-off", null],
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
    ["Open: awaiting CR", true],
    ["Ongoing (see update)", true],
    ["closed - see minutes", false],
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
    ["Closed?", "if it is finished, write Closed (or Proposed Closed for the committee to confirm) and put the note in Update; if not, write Ongoing"],
    ["Complete - not yet", "if it is finished, write Closed (or Proposed Closed for the committee to confirm) and put the note in Update; if not, write Ongoing"],
    ["Proposed Closed, pending the chair", "if it is finished, write Closed (or Proposed Closed for the committee to confirm) and put the note in Update; if not, write Ongoing"],
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
