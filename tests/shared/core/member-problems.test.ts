/** Members rows that change who gets mail are flagged on the row itself (messy QA 6), with hidden characters named (sec QA 8). */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { planMail } from "../../../shared/core/digest-plan.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const membersProblems = (spec: LogSpec) =>
  validateLog(parseLog(buildLog(spec)), NOW)
    .problems.filter((p) => p.tab === "Members")
    .map((p) => [p.row, p.column, p.message]);

const paul = { Name: "Paul Pettitt", Initials: "PP", Email: "paul@example.org" };

describe("the same person on two Members rows", () => {
  it.each<[string, NonNullable<LogSpec["members"]>, [number, string, unknown][]]>([
    [
      "same Name in another case, different Email",
      [paul, { Name: "paul pettitt", Initials: "PP", Email: "paul.p@example.org" }],
      [[3, "Name", `Name "paul pettitt" is also on row 2 (Paul Pettitt), with a different Email, so actions owned by this name reach neither; delete one of the two rows or mark one inactive (if they are two people, make their Names different)`]],
    ],
    [
      "same Name and Email (the mailbox is not reported twice)",
      [paul, { Name: "PAUL  PETTITT", Email: "Paul@Example.org" }],
      [[3, "Name", `Name "PAUL  PETTITT" is also on row 2 (Paul Pettitt), with the same Email, so the two rows are read as one member; delete one of the two rows or mark one inactive`]],
    ],
    ["one row marked inactive: fixed", [paul, { Name: "Paul Pettitt", Email: "old@example.org", Active: "No" }], []],
    [
      "different Names, one mailbox: two digests, as before",
      [paul, { Name: "Paul P", Email: "paul@example.org" }],
      [[3, "Email", "Email paul@example.org is also Paul Pettitt's (row 2), so that mailbox gets two digests a week; if they are one person, keep one row and list the other name under Aliases"]],
    ],
    [
      "three rows: each repeat names the first",
      [paul, { Name: "Paul Pettitt", Email: "p2@example.org" }, { Name: "paul pettitt", Email: "p3@example.org" }],
      [
        [3, "Name", expect.stringContaining(`Name "Paul Pettitt" is also on row 2 (Paul Pettitt), with a different Email`)],
        [4, "Name", expect.stringContaining(`Name "paul pettitt" is also on row 2 (Paul Pettitt), with a different Email`)],
      ],
    ],
  ])("%s", (_name, members, expected) => {
    expect(membersProblems({ members, actions: [] })).toEqual(expected);
  });

  it("still mails the owner when both rows have one Email, and says why not when they differ", () => {
    const digest = (second: Record<string, string>) => {
      const log = parseLog(buildLog({ settings: { pmo_email: "pmo@example.org" }, members: [paul, second], actions: [action({ Owner: "Paul Pettitt", Due: "13/10/2023" })] }));
      const plan = planMail(log, validateLog(log, NOW), NOW, { weekly: "always", reminders: false });
      return { to: plan.messages.filter((m) => m.kind === "digest").flatMap((m) => m.to), skipped: plan.skipped.map((s) => s.owner) };
    };
    expect(digest({ Name: "paul pettitt", Email: "PAUL@example.org" })).toEqual({ to: ["paul@example.org"], skipped: [] });
    expect(digest({ Name: "paul pettitt", Email: "paul.p@example.org" })).toMatchObject({ to: [], skipped: ["Paul Pettitt"] });
  });
});

describe("invisible characters in Members cells", () => {
  it.each<[Record<string, string>, [number, string, string][]]>([
    [{ Name: "Simon\u200b Carter", Email: "simon@example.org" }, [[2, "Name", `Name "Simon Carter" has an invisible character (U+200B, zero-width space) after "Simon"; delete it`]]],
    [{ Name: "Simon Carter", Initials: "S\u200eC", Email: "simon@example.org" }, [[2, "Initials", `Initials "SC" has an invisible character (U+200E, left-to-right mark) after "S"; delete it`]]],
    [{ Name: "Simon Carter", Aliases: "PMO; Pro\u202egramme (PMO)", Email: "simon@example.org" }, [[2, "Aliases", `Alias "Programme (PMO)" in Aliases has an invisible character (U+202E, right-to-left override) after "Pro"; delete it`]]],
    [{ Name: "Simon Carter", Email: "simon@example.org" }, []],
  ])("%j", (member, expected) => {
    expect(membersProblems({ members: [member], actions: [] })).toEqual(expected);
  });

  it("matches the owner anyway", () => {
    const log = parseLog(buildLog({ members: [...MEMBERS, { Name: "Simon\u200b Carter", Initials: "SCa", Email: "simon@example.org" }], actions: [action({ Owner: "Simon Carter" })] }));
    expect(validateLog(log, NOW).problems.filter((p) => p.tab === "Actions" && p.column === "Owner")).toEqual([]);
  });
});
