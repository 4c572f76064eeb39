/** The digest planner's recipients: the PMO summary's addressees and what it lists, and who may never receive mail. */
import { describe, expect, it } from "vitest";
import { londonAt, paul, plan } from "../../support/digest-plan-fixture.js";
import { MEMBERS, action } from "../../support/log-fixture.js";

describe("PMO summary", () => {
  const escalated = action({ Ref: "DAG27-01", Meeting: 27, Owner: "Lee Cox", Due: "13/09/2023" });

  it("goes to pmo_email with the chair in cc when an action is carried escalate_after_meetings times", () => {
    const result = plan({ actions: [escalated, ...paul(["15/11/2023"])], settings: { escalate_after_meetings: 2 } }, londonAt("2023-11-13"));
    const summary = result.messages.find((m) => m.kind === "summary");
    expect(summary).toMatchObject({ key: "summary:2023-W46", to: ["fraser@example.org"], cc: ["justin@example.org"] });
    expect(summary?.subject).toBe("[DAG] PMO summary: 2 open, 1 overdue, 1 due this week (week of 13 Nov 2023)");
    expect(summary?.render().text).toMatch(/ESCALATIONS \(1\)\nCarried 2 or more meetings \(escalate_after_meetings in Settings\)[\s\S]*DAG27-01[\s\S]*carried 2 meetings/);
  });

  it("has no cc without escalations, and lists unresolved owners and open problems", () => {
    const result = plan({ actions: [action({ Owner: "Nobody Known", Due: "31/02/2024" })] }, londonAt("2023-11-13"));
    const summary = result.messages.find((m) => m.kind === "summary");
    expect(summary?.cc).toEqual([]);
    expect(summary?.render().text).toContain("OWNERS WHO CANNOT BE EMAILED (1)\nNobody Known: not in Members");
    expect(summary?.render().text).toMatch(/OPEN VALIDATION PROBLEMS \(2\)\nActions row 2 \(DAG29-01\): Owner "Nobody Known" is not in Members/);
  });

  it("is skipped and reported when pmo_email is blank", () => {
    const result = plan({ actions: paul(["01/11/2023"]), settings: { pmo_email: "" } }, londonAt("2023-11-13"));
    expect(result.messages.map((m) => m.kind)).toEqual(["digest"]);
    expect(result.skipped).toContainEqual({ owner: "PMO", reason: expect.stringContaining("pmo_email is blank"), setting: "pmo_email" });
  });
});

describe("who may receive mail", () => {
  it("never mails an address typed into an Owner cell", () => {
    const result = plan({ actions: [action({ Owner: "stranger@elsewhere.example", Due: "01/11/2023" })] }, londonAt("2023-11-13"));
    const recipients = result.messages.flatMap((m) => [...m.to, ...m.cc]);
    expect(recipients).not.toContain("stranger@elsewhere.example");
    expect(recipients.every((r) => r.endsWith("@example.org"))).toBe(true);
    expect(result.skipped).toEqual([{ owner: "stranger@elsewhere.example", reason: expect.stringContaining("not in Members") }]);
  });

  it("drops members outside allowed_domains and says why", () => {
    const members = [...MEMBERS, { Name: "Ada Outside", Initials: "AO", Email: "ada@partner.example" }];
    const result = plan({ members, actions: [action({ Owner: "Ada Outside & Paul Pettitt", Due: "01/11/2023" })], settings: { allowed_domains: "example.org" } }, londonAt("2023-11-13"));
    expect(result.messages.filter((m) => m.kind === "digest").map((m) => m.to)).toEqual([["paul@example.org"]]);
    expect(result.skipped).toEqual([{ owner: "ada@partner.example", reason: expect.stringContaining("outside allowed_domains (example.org)") }]);
  });
});

describe("why an owner cannot be emailed, in validation's words (regression: misleading skip reasons)", () => {
  const twice = [...MEMBERS, { Name: "paul  pettitt", Initials: "PX", Email: "p.pettitt@example.org" }];
  it.each([
    [
      "a person on two Members rows with different Emails",
      { members: twice, actions: [action({ Owner: "Paul Pettitt", Due: "01/11/2023" })] },
      "Paul Pettitt",
      "matches Members rows 3 and 10, both named Paul Pettitt but with different Emails, so nobody is chased; if they are one person, keep one row (delete the other or mark it inactive), else make their Names different",
    ],
    ["TBC", { actions: [action({ Owner: "TBC", Due: "01/11/2023" })] }, "TBC", "names nobody; write the person who will do the action, as in Members"],
    ["All", { actions: [action({ Owner: "All", Due: "01/11/2023" })] }, "All", "names nobody; write the person who will do the action, as in Members"],
  ])("%s: the skip and the PMO summary say what validation says", (_case, spec, owner, reason) => {
    const result = plan(spec, londonAt("2023-11-13"));
    expect(result.skipped).toEqual([{ owner, reason: `${reason} (DAG29-01)` }]);
    const text = result.messages.find((m) => m.kind === "summary")?.render().text ?? "";
    expect(text).toContain(`OWNERS WHO CANNOT BE EMAILED (1)\n${owner}: ${reason} (DAG29-01)`);
    expect(text).toContain(`Actions row 2 (DAG29-01): Owner "${owner}" ${reason}\n`);
    expect(text).not.toMatch(/add them|write the full name/);
  });
});
