/** The digest planner's rules: who gets what, when, in which order, and who is skipped. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../shared/core/types.js";
import { type PlanOptions, planMail } from "../../../shared/core/digest-plan.js";
import { escapeHtml } from "../../../shared/core/email-html.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

const SETTINGS = { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org" };

const londonAt = (date: string, time = "09:00") => DateTime.fromISO(`${date}T${time}:00`, { zone: "Europe/London" });

function plan(spec: LogSpec, now: DateTime, options: Partial<PlanOptions> = {}) {
  const log = parseLog(buildLog({ ...spec, settings: { ...SETTINGS, ...spec.settings } }));
  return planMail(log, validateLog(log, now), now, { weekly: "always", reminders: true, ...options });
}

const digestFor = (result: ReturnType<typeof plan>, address: string) =>
  result.messages.find((m) => m.kind === "digest" && m.to.includes(address));

/** Paul Pettitt's actions, due on the given dates (Due as typed), refs DAG29-01.. */
const paul = (dues: string[], fields: Record<string, Cell> = {}) =>
  dues.map((due, i) => action({ Ref: `DAG29-${String(i + 1).padStart(2, "0")}`, Owner: "Paul Pettitt", Due: due, ...fields }));

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
    expect(digest?.subject).toBe("[DAG] 3 overdue, 1 due by Thu 16 Nov (week of 13 Nov 2023)");
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

  it("names the window's last day when it runs past Sunday", () => {
    const result = plan({ actions: paul(["22/11/2023"]), settings: { reminder_working_days: 10 } }, londonAt("2023-11-13"));
    const digest = digestFor(result, "paul@example.org");
    expect(digest?.subject).toBe("[DAG] 1 due by Mon 27 Nov (week of 13 Nov 2023)");
    expect(digest?.render().text).toContain("DUE IN THE NEXT 10 WORKING DAYS (BY MON 27 NOV)");
  });
});

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

describe("PMO summary", () => {
  const escalated = action({ Ref: "DAG27-01", Meeting: 27, Owner: "Lee Cox", Due: "13/09/2023" });

  it("goes to pmo_email with the chair in cc when an action is carried escalate_after_meetings times", () => {
    const result = plan({ actions: [escalated, ...paul(["15/11/2023"])], settings: { escalate_after_meetings: 2 } }, londonAt("2023-11-13"));
    const summary = result.messages.find((m) => m.kind === "summary");
    expect(summary).toMatchObject({ key: "summary:2023-W46", to: ["fraser@example.org"], cc: ["justin@example.org"] });
    expect(summary?.subject).toBe("[DAG] PMO summary: 2 open, 1 overdue, 1 due this week (week of 13 Nov 2023)");
    expect(summary?.render().text).toMatch(/ESCALATIONS \(1\)\nCarried to 2 meetings or more[\s\S]*DAG27-01[\s\S]*carried 2 meetings/);
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

describe("rendering a planned message", () => {
  const OWNERS = ["Paul Pettitt", "Lee Cox", "PMO", "NGESO Representative (Daniel Arrowsmith)", "Paul Pettitt & Lee Cox", "Caroline Farquhar"];
  const row = fc.record({ owner: fc.constantFrom(...OWNERS), dueIn: fc.integer({ min: -40, max: 15 }), status: fc.constantFrom("Open", "Ongoing", "Proposed Closed") });
  const dueOn = (days: number) => londonAt("2023-11-13").plus({ days }).toFormat("dd/MM/yyyy");

  it("is pure: the same plan renders the same text and HTML every time, and the subject planned is the one rendered", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom("2023-11-13", "2023-11-15", "2023-11-16"), (rows, today) => {
        const actions = rows.map((r, i) => action({ Ref: `DAG29-${String(i + 1).padStart(2, "0")}`, Owner: r.owner, Due: dueOn(r.dueIn), Status: r.status }));
        const first = plan({ actions, settings: { escalate_after_meetings: 2 } }, londonAt(today));
        const again = plan({ actions, settings: { escalate_after_meetings: 2 } }, londonAt(today));
        const bodies = first.messages.map((m) => m.render());
        expect(first.messages.map((m) => m.render())).toEqual(bodies);
        expect(again.messages.map((m) => m.render())).toEqual(bodies);
        expect(bodies.map((b, i) => b.html.includes(`<title>${escapeHtml(first.messages[i]?.subject ?? "")}</title>`))).not.toContain(false);
      }),
      { numRuns: 40 },
    );
  });

  it("keeps its render through the allowlist and the reminder fold, which copy the message", () => {
    const members = [...MEMBERS, { Name: "Ada Outside", Initials: "AO", Email: "ada@partner.example" }];
    const result = plan({ members, actions: [action({ Owner: "Ada Outside & Lee Cox", Due: "15/11/2023" })], settings: { allowed_domains: "example.org" } }, londonAt("2023-11-13"));
    const reminder = result.messages.find((m) => m.kind === "reminder");
    expect(reminder?.to).toEqual(["lee@example.org"]);
    expect(reminder?.coveredBy).toContain("digest:lee cox:2023-W46");
    expect(reminder?.render().text).toContain("DAG29-01 is due on 15 Nov 2023");
  });
});

describe("what the owner wrote in Due, under No readable due date (QA messy 11)", () => {
  it.each([
    ["13 Oct", 'Due: no readable due date (Due says "13 Oct")', "(Due says &quot;13 Oct&quot;)"],
    ["#REF!", 'Due: no readable due date (Due says "#REF!")', "(Due says &quot;#REF!&quot;)"],
    ["<b>soon</b>", 'Due: no readable due date (Due says "<b>soon</b>")', "(Due says &quot;&lt;b&gt;soon&lt;/b&gt;&quot;)"],
    ["end of\nNov", 'Due: no readable due date (Due says "end of Nov")', "(Due says &quot;end of Nov&quot;)"],
    ["", "Due: no readable due date (Due is blank)", "no readable due date (Due is blank)"],
  ])("Due %j", (due, text, html) => {
    const digest = digestFor(plan({ actions: paul([due]) }, londonAt("2023-11-13")), "paul@example.org");
    const body = digest?.render();
    expect(body?.text).toContain(text);
    expect(body?.html).toContain(html);
  });

  it("shortens a pasted paragraph", () => {
    const digest = digestFor(plan({ actions: paul([`by the end of ${"the next quarter ".repeat(20)}`]) }, londonAt("2023-11-13")), "paul@example.org");
    expect(digest?.render().text).toMatch(/Due says "by the end of the next quarter [a-z ]{40,}…"\)/);
  });
});

describe("status advice in the digest (QA messy 12.1)", () => {
  it.each([
    ["Cancelled", '"Cancelled" is not a status: write Closed and say why in Update'],
    ["On hold", '"On hold" is not a status: write Ongoing and say why in Update'],
    ["Open\nBlocked", '"Open Blocked" is not a status: write Open, Ongoing, Proposed Closed or Closed'],
  ])("Status %j", (status, shown) => {
    const digest = digestFor(plan({ actions: paul(["01/11/2023"], { Status: status }) }, londonAt("2023-11-13")), "paul@example.org");
    expect(digest?.render().text).toContain(`Status: ${shown};`);
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
