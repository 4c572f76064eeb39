/** The digest planner's weekly digest: what each owner's digest lists, in which order, and which owners are skipped. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { digestFor, londonAt, paul, plan } from "../../support/digest-plan-fixture.js";
import { MEMBERS, action } from "../../support/log-fixture.js";

describe("a due date on a weekend", () => {
  it("is reminded about from the day the digest first lists it, so the two fold into one email", () => {
    // Sunday 25 Oct 2026, three working days: Tuesday's digest already lists it as due soon.
    const tuesday = plan({ actions: paul(["25/10/2026"]) }, londonAt("2026-10-20"));
    const reminder = tuesday.messages.find((m) => m.kind === "reminder");
    expect(reminder?.key).toBe("reminder:DAG29-01:2026-10-25");
    expect(reminder?.coveredBy).toEqual([digestFor(tuesday, "paul@example.org")?.key]);
    expect(plan({ actions: paul(["25/10/2026"]) }, londonAt("2026-10-19")).messages.some((m) => m.kind === "reminder")).toBe(false);
  });
});

describe("weekly digest", () => {
  it("chases an action whose Status cannot be read as Open, showing what was written and what to write", () => {
    const result = plan({ actions: paul(["01/11/2023"], { Status: "Blocked" }) }, londonAt("2023-11-13"));
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.subject).toBe("[DAG] 1 overdue (week of 13 Nov 2023)");
    expect(digest?.render().text).toContain('Status: "Blocked" is not a status: write Open, Ongoing, Proposed Closed or Closed;');
    expect(digest?.render().html).toContain("&quot;Blocked&quot; is not a status");
  });

  it("asks an owner for a due date that is blank or cannot be read, rather than leaving the action unchased", () => {
    const result = plan({ actions: paul(["end of Nov", "", "01/11/2023"]) }, londonAt("2023-11-13"));
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.refs).toEqual(["DAG29-03", "DAG29-01", "DAG29-02"]);
    expect(digest?.subject).toBe("[DAG] 1 overdue, 2 with no due date (week of 13 Nov 2023)");
    const text = digest?.render().text ?? "";
    expect(text).toContain("You have 1 overdue action. 2 actions have no readable due date.");
    expect(text).toMatch(/NO READABLE DUE DATE\nWrite a date in the Due column[^\n]*\n\n[\s\S]*DAG29-01[\s\S]*DAG29-02/);
    const alone = digestFor(plan({ actions: paul(["end of Nov"]) }, londonAt("2023-11-13")), "paul@example.org");
    expect(alone?.subject).toBe("[DAG] 1 with no due date (week of 13 Nov 2023)");
    expect(digestFor(plan({ actions: paul(["end of Nov"], { Status: "Proposed Closed" }) }, londonAt("2023-11-13")), "paul@example.org")).toBeUndefined();
  });

  it("keys a member's digest by the name as written, accents kept, so a change in name matching never resends a week", () => {
    const members = [...MEMBERS, { Name: "Zoë  O’Brien", Initials: "ZO", Email: "zoe@example.org" }];
    const result = plan({ members, actions: [action({ Owner: "Zoe O'Brien", Due: "01/11/2023" })] }, londonAt("2023-11-13"));
    expect(digestFor(result, "zoe@example.org")?.key).toBe("digest:zoë o’brien:2023-W46");
  });

  it("lists overdue actions first, oldest first, then those due soon", () => {
    const result = plan({ actions: paul(["01/11/2023", "15/11/2023", "13/10/2023", "10/11/2023"]) }, londonAt("2023-11-13"));
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.refs).toEqual(["DAG29-03", "DAG29-01", "DAG29-04", "DAG29-02"]);
    expect(digest?.key).toBe("digest:paul pettitt:2023-W46");
    expect(digest?.subject).toBe("[DAG] 3 overdue, 1 due Wed 15 Nov (week of 13 Nov 2023)");
    expect(digest?.render().text).toMatch(/OVERDUE \(OLDEST FIRST\)[\s\S]*DAG29-03[\s\S]*31 days overdue[\s\S]*DUE IN THE NEXT 3 WORKING DAYS \(BY THU 16 NOV\)[\s\S]*DAG29-02[\s\S]*2 working days left/);
  });

  it.each([
    // today, due, reminder_working_days, listed?
    ["2023-11-13", "16/11/2023", 3, true], // Thu is 3 working days after Mon
    ["2023-11-13", "17/11/2023", 3, false],
    ["2023-11-16", "19/11/2023", 1, true], // a Sunday is one working day (Friday) away from Thursday
    ["2023-11-16", "20/11/2023", 1, false],
    ["2023-11-16", "20/11/2023", 2, true], // Fri, Mon
    ["2023-11-16", "21/11/2023", 2, false],
    ["2023-12-21", "26/12/2023", 1, true], // due on Boxing Day: Friday 22nd is the only working day before it
    ["2023-12-21", "28/12/2023", 3, true], // just after Christmas and Boxing Day: Fri 22, Wed 27, Thu 28
    ["2023-12-21", "29/12/2023", 3, false],
    ["2023-11-13", "13/11/2023", 0, true], // due today
  ] as const)("on %s an action due %s is due soon with reminder_working_days %i: %s", (today, due, days, listed) => {
    const result = plan({ actions: paul([due]), settings: { reminder_working_days: days } }, londonAt(today));
    expect(digestFor(result, "paul@example.org") !== undefined).toBe(listed);
  });

  it.each([
    // now (instant), due, expected days overdue (0: not overdue), ISO week
    ["2023-10-27T22:59:00Z", "27/10/2023", 0, "2023-W43"], // 23:59 BST on the due day
    ["2023-10-27T23:30:00Z", "27/10/2023", 1, "2023-W43"], // 00:30 BST Saturday: UTC still says the 27th
    ["2023-10-29T00:30:00Z", "27/10/2023", 2, "2023-W43"], // 01:30 BST, half an hour before the clocks go back
    ["2023-10-29T23:30:00Z", "27/10/2023", 2, "2023-W43"], // 23:30 GMT on the Sunday of the change
    ["2023-10-30T00:30:00Z", "27/10/2023", 3, "2023-W44"], // Monday after the change
    ["2023-10-30T23:59:00Z", "30/10/2023", 0, "2023-W44"], // due today, last minute of it in GMT
  ] as const)("in the week of the October clock change, at %s an action due %s is %i days overdue (%s)", (instant, due, days, week) => {
    const now = DateTime.fromISO(instant, { zone: "utc" });
    const result = plan({ actions: paul([due]), settings: { reminder_working_days: 0 } }, now);
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.key).toBe(`digest:paul pettitt:${week}`);
    if (days === 0) expect(digest?.render().text).toContain("due today");
    else expect(digest?.render().text).toContain(`${days} day${days === 1 ? "" : "s"} overdue`);
  });

  it("never lists a Closed action, however overdue", () => {
    const result = plan({ actions: [...paul(["13/10/2023"], { Status: "Closed", Update: "Done" }), action({ Ref: "DAG29-09", Owner: "Lee Cox", Due: "13/10/2023" })] }, londonAt("2023-11-13"));
    expect(digestFor(result, "paul@example.org")).toBeUndefined();
    expect(result.messages.flatMap((m) => m.refs)).not.toContain("DAG29-01");
    expect(result.messages.find((m) => m.kind === "summary")?.render().text).not.toContain("DAG29-01");
  });

  it("shows Proposed Closed actions only as awaiting confirmation at the next meeting, and never for them alone", () => {
    const proposed = action({ Ref: "DAG29-05", Owner: "Paul Pettitt", Due: "13/10/2023", Status: "proposed closed" });
    const alone = plan({ actions: [proposed] }, londonAt("2023-11-13"));
    expect(digestFor(alone, "paul@example.org")).toBeUndefined();
    const withOther = plan({ actions: [proposed, ...paul(["01/11/2023"])] }, londonAt("2023-11-13"));
    const digest = digestFor(withOther, "paul@example.org");
    expect(digest?.subject).toBe("[DAG] 1 overdue (week of 13 Nov 2023)");
    const text = digest?.render().text ?? "";
    expect(text).toMatch(/AWAITING CONFIRMATION AT THE NEXT MEETING\nProposed Closed: the committee confirms the closure at meeting 31 on 13 Dec 2023/);
    expect(text.indexOf("DAG29-05")).toBeGreaterThan(text.indexOf("AWAITING"));
  });

  it("sends an action with several owners to each of them, once each", () => {
    const result = plan({ actions: [action({ Owner: "Programme (Paul Pettitt &\nLee Cox) & PMO", Due: "01/11/2023" })] }, londonAt("2023-11-13"));
    const digests = result.messages.filter((m) => m.kind === "digest");
    expect(digests.map((d) => d.to)).toEqual([["fraser@example.org"], ["lee@example.org"], ["paul@example.org"]]);
    expect(digests.every((d) => d.refs.join() === "DAG29-01")).toBe(true);
  });

  it("skips and reports inactive owners and owners with no email; the others still get theirs", () => {
    const members = [...MEMBERS, { Name: "Olive Gone", Initials: "OG", Email: "olive@example.org", Active: "No" }];
    const result = plan(
      {
        members,
        actions: [
          action({ Ref: "DAG29-01", Owner: "Caroline Farquhar & Paul Pettitt", Due: "01/11/2023" }),
          action({ Ref: "DAG29-02", Owner: "Olive Gone", Due: "01/11/2023" }),
          action({ Ref: "DAG29-03", Owner: "Nobody Known", Due: "01/11/2023" }),
        ],
      },
      londonAt("2023-11-13"),
    );
    expect(result.messages.filter((m) => m.kind === "digest").map((m) => m.to)).toEqual([["paul@example.org"]]);
    expect(result.skipped).toEqual([
      { owner: "Caroline Farquhar", reason: "has no Email in Members; add one (DAG29-01)" },
      { owner: "Olive Gone", reason: "marked inactive in Members; give the action to an active member (DAG29-02)" },
      { owner: "Nobody Known", reason: "not in Members; add them, or add this spelling to a member's Aliases (DAG29-03)" },
    ]);
  });

  it("names the window's last day in the heading when it runs past Sunday, and the action's own date in the subject", () => {
    const result = plan({ actions: paul(["22/11/2023"]), settings: { reminder_working_days: 10 } }, londonAt("2023-11-13"));
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.subject).toBe("[DAG] 1 due Wed 22 Nov (week of 13 Nov 2023)");
    expect(digest?.render().text).toContain("DUE IN THE NEXT 10 WORKING DAYS (BY MON 27 NOV)");
  });
});
