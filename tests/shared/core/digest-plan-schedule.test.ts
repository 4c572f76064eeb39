/** The digest planner's timing: on which day the weekly mail goes, when due-soon reminders go, and only for valid refs. */
import { describe, expect, it } from "vitest";
import { londonAt, paul, plan } from "../../support/digest-plan-fixture.js";
import { action } from "../../support/log-fixture.js";

describe("when the weekly mail is due", () => {
  it.each([
    // digest_weekday, today, weekly messages planned?
    ["Wednesday", "2023-11-14", false], // Tuesday, before the digest day
    ["Wednesday", "2023-11-15", true],
    ["Wednesday", "2023-11-19", true], // Sunday: a failed Wednesday is still retried this week
    ["Monday", "2023-11-13", true],
    ["Friday", "2023-11-13", false],
    // Regression (QA finding 5): weekly mail went out on bank holidays. It moves to the next working day of the same ISO week.
    ["Monday", "2027-03-29", false], // Easter Monday
    ["Monday", "2027-03-30", true],
    ["Monday", "2026-12-28", false], // the substitute Boxing Day
    ["Monday", "2026-12-29", true],
    ["Friday", "2026-12-25", false], // Christmas Day: no working day is left that week
    ["Friday", "2026-12-27", false],
    ["Friday", "2027-01-01", false], // New Year's Day
    ["Friday", "2027-01-08", true],
    ["Thu", "2026-12-24", true], // an abbreviation is the day it names
  ] as const)("with digest_weekday %s, on %s digests and the summary are planned: %s", (weekday, today, due) => {
    const result = plan({ actions: paul(["01/11/2023"]), settings: { digest_weekday: weekday } }, londonAt(today), { weekly: "scheduled" });
    expect(result.messages.some((m) => m.kind === "digest")).toBe(due);
    expect(result.messages.some((m) => m.kind === "summary")).toBe(due);
  });

  it("says when digest_weekday is not a weekday, and which day the mail goes on (QA finding 4)", () => {
    const result = plan({ actions: paul(["01/11/2023"]), settings: { digest_weekday: "Fryday" } }, londonAt("2023-11-13"), { weekly: "scheduled" });
    expect(result.messages.some((m) => m.kind === "digest")).toBe(true);
    expect(result.skipped).toContainEqual({
      owner: "Settings digest_weekday",
      reason: `"Fryday" is not a weekday, so digests and the PMO summary go on Monday (the default); write a day such as Friday or Fri`,
      setting: "digest_weekday",
    });
  });

  it("plans reminders only when weekly mail is switched off", () => {
    const result = plan({ actions: paul(["16/11/2023"]) }, londonAt("2023-11-13"), { weekly: "never" });
    expect(result.messages.map((m) => m.kind)).toEqual(["reminder"]);
  });
});

describe("due-soon reminders", () => {
  it.each([
    // today, reminder expected (due Thu 28 Dec 2023, reminder_working_days 3: Thu 21 Dec, before the bank holidays)
    ["2023-12-20", false],
    ["2023-12-21", true],
    ["2023-12-25", false], // Christmas Day is not a working day
    ["2023-12-27", true], // a run missed on the 21st still reminds before the due date
    ["2023-12-28", true],
    ["2023-12-29", false], // overdue: the digest chases it now
  ] as const)("on %s: %s", (today, expected) => {
    const result = plan({ actions: paul(["28/12/2023"]) }, londonAt(today), { weekly: "never" });
    const reminders = result.messages.filter((m) => m.kind === "reminder");
    expect(reminders.map((r) => r.key)).toEqual(expected ? ["reminder:DAG29-01:2023-12-28"] : []);
  });

  it("goes to every reachable owner in one message, and a moved due date makes a new key", () => {
    const owners = "Paul Pettitt & Lee Cox";
    const first = plan({ actions: [action({ Owner: owners, Due: "16/11/2023" })] }, londonAt("2023-11-13"), { weekly: "never" });
    expect(first.messages.map((m) => [m.key, m.to])).toEqual([["reminder:DAG29-01:2023-11-16", ["paul@example.org", "lee@example.org"]]]);
    expect(first.messages[0]?.subject).toBe("[DAG] Reminder: DAG29-01 is due on 16 Nov 2023");
    const moved = plan({ actions: [action({ Owner: owners, Due: "17/11/2023" })] }, londonAt("2023-11-14"), { weekly: "never" });
    expect(moved.messages.map((m) => m.key)).toEqual(["reminder:DAG29-01:2023-11-17"]);
  });

  it("is folded owner by owner: a co-owner whose digest lists the action gets a part of their own (QA finding 3)", () => {
    const result = plan({ actions: [action({ Owner: "Paul Pettitt & Lee Cox", Due: "16/11/2023" }), action({ Ref: "DAG29-02", Owner: "Seth Chapman", Due: "16/11/2023" })] }, londonAt("2023-11-13"));
    const reminders = result.messages.filter((m) => m.kind === "reminder").map((m) => [m.key, m.to, m.coveredBy]);
    expect(reminders).toEqual([
      ["reminder:DAG29-01:2023-11-16", ["paul@example.org"], ["digest:paul pettitt:2023-W46"]],
      ["reminder:DAG29-01:2023-11-16", ["lee@example.org"], ["digest:lee cox:2023-W46"]],
      ["reminder:DAG29-02:2023-11-16", ["seth@example.org"], ["digest:seth chapman:2023-W46"]],
    ]);
    // Before the digest day there is no digest to fold into: one reminder to both.
    const early = plan({ actions: [action({ Owner: "Paul Pettitt & Lee Cox", Due: "16/11/2023" })], settings: { digest_weekday: "Friday" } }, londonAt("2023-11-13"), { weekly: "scheduled" });
    expect(early.messages.map((m) => [m.to, m.coveredBy])).toEqual([[["paul@example.org", "lee@example.org"], undefined]]);
  });

  it("is not sent for Proposed Closed actions, nor for rows whose Ref is not yet written", () => {
    const result = plan(
      { actions: [action({ Owner: "Paul Pettitt", Due: "16/11/2023", Status: "Proposed Closed" }), action({ Ref: "", Owner: "Lee Cox", Due: "16/11/2023" })] },
      londonAt("2023-11-13"),
      { weekly: "never" },
    );
    expect(result.messages).toEqual([]);
  });
});

describe("reminders only for valid refs (QA sec 6)", () => {
  it.each([
    ["free text", "Ask Paul about it"],
    ["a right-to-left override", "DAG29-14\u202E"],
    ["a zero-width space", "DAG29\u200B-15"],
    ["a line break and a header", "DAG29-13\nBcc: evil@x.org"],
    ["two refs in one cell", "DAG29-01 / DAG29-02"],
    ["another committee's ref", "PSG29-01"],
  ])("a Ref with %s gets no reminder and no Mail Log key", (_name, ref) => {
    const result = plan({ actions: [action({ Ref: ref, Owner: "Paul Pettitt", Due: "16/11/2023" })] }, londonAt("2023-11-13"), { weekly: "never" });
    expect(result.messages).toEqual([]);
  });

  it("still reminds for a valid ref on the same day", () => {
    const result = plan({ actions: [action({ Ref: "DAG29-07", Owner: "Paul Pettitt", Due: "16/11/2023" })] }, londonAt("2023-11-13"), { weekly: "never" });
    expect(result.messages.map((m) => [m.key, m.subject])).toEqual([["reminder:DAG29-07:2023-11-16", "[DAG] Reminder: DAG29-07 is due on 16 Nov 2023"]]);
  });
});
