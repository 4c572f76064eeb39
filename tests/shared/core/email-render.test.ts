/** Rendering: sheet text is escaped in HTML and kept in plain text; the HTML stays email-safe; the words say what is meant. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { committeeDay } from "../../../shared/core/digest-items.js";
import { mailFrame, planMail, previewDigest } from "../../../shared/core/digest-plan.js";
import { COLOURS, barChart, escapeHtml, escapeLines, table } from "../../../shared/core/email-html.js";
import { cleanSubject, reminderSubject, renderReminder } from "../../../shared/core/email-render.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

const HOSTILE = {
  Area: "R&D <b>bold</b>",
  Action: 'Check <script>alert("x")</script> & report',
  Update: "Tom & Jerry's <img src=x onerror=alert(1)>\nsecond line",
  Owner: "Programme (Paul Pettitt)",
  Due: "01/11/2023",
};

function messages() {
  const now = DateTime.fromISO("2023-11-13T09:00:00", { zone: "Europe/London" });
  const log = parseLog(buildLog({
    settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org", committee_name: "Design & <Advisory> Group" },
    actions: [action(HOSTILE), action({ ...HOSTILE, Ref: "DAG29-02", Due: "16/11/2023" })],
  }));
  return planMail(log, validateLog(log, now), now, { weekly: "always", reminders: true }).messages.map((m) => ({ ...m, ...m.render() }));
}

describe("escapeHtml", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    [`"quoted" 'single'`, "&quot;quoted&quot; &#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
    ["plain text", "plain text"],
  ])("%s → %s", (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe("escapeLines", () => {
  it("gives a pasted link places to wrap, so it cannot push a table past the layout, and the link copies whole", () => {
    const link = "https://example.sharepoint.com/sites/DAG/Shared%20Documents/AllItems.aspx?id=42&view=all";
    const html = escapeLines(`See ${link} <b>now</b>`);
    expect(html).toBe(
      "See https://<wbr>example.<wbr>sharepoint.<wbr>com/<wbr>sites/<wbr>DAG/<wbr>Shared%20Documents/<wbr>AllItems.<wbr>aspx?<wbr>id=<wbr>42&amp;<wbr>view=<wbr>all &lt;b&gt;now&lt;/b&gt;",
    );
    expect(escapeLines("x".repeat(50))).toBe(`${"x".repeat(20)}<wbr>${"x".repeat(20)}<wbr>${"x".repeat(10)}`);
  });

  it("is escapeHtml with line breaks and nothing else, once the break chances are taken out (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(escapeLines(text).replaceAll("<wbr>", "")).toBe(escapeHtml(text.trim()).replace(/\r?\n/g, "<br>"));
        expect(escapeLines(text).replaceAll("<wbr>", "").replaceAll("<br>", "")).not.toMatch(/<|>/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("every message's HTML", () => {
  const all = messages();

  it("plans a digest, a reminder and a summary to check", () => {
    expect(all.map((m) => m.kind).sort()).toEqual(["digest", "reminder", "summary"]);
  });

  it.each(all.map((m) => [m.kind, m] as const))("%s: escapes <script>, tags and & from the sheet", (_kind, mail) => {
    expect(mail.html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/i);
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; report");
    expect(mail.html).toContain("R&amp;D &lt;b&gt;bold&lt;/b&gt;");
    expect(mail.html).toContain("Design &amp; &lt;Advisory&gt; Group");
  });

  it.each(all.map((m) => [m.kind, m] as const))("%s: uses inline styles only: no <style>, no scripts, no images, no classes", (_kind, mail) => {
    expect(mail.html).not.toMatch(/<style|<link|<img|class=|javascript:/i);
    expect(mail.html.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it.each(all.map((m) => [m.kind, m] as const))("%s: keeps the sheet text as written in the plain-text part", (_kind, mail) => {
    expect(mail.text).toContain('Check <script>alert("x")</script> & report');
    expect(mail.text).not.toContain("&amp;");
  });

  it("keeps the update's line break as <br> in HTML and as ' / ' in text", () => {
    const digest = all.find((m) => m.kind === "digest");
    expect(digest?.html).toContain("Tom &amp; Jerry&#39;s &lt;img src=x onerror=alert(1)&gt;<br>second line");
    expect(digest?.text).toContain("Latest update: Tom & Jerry's <img src=x onerror=alert(1)> / second line");
  });

  it("keeps each ref on one line in every table that shows it", () => {
    for (const mail of all) expect(mail.html).toContain('<span style="white-space:nowrap">DAG29-02</span>');
  });

  it("escapes the subject in the HTML title", () => {
    const summary = all.find((m) => m.kind === "summary");
    expect(summary?.html).toContain(`<title>${escapeHtml(summary?.subject ?? "")}</title>`);
  });
});

describe("barChart", () => {
  it("draws bars as table cells whose widths follow the values, the longest bar the full width, in percent so a phone narrows them", () => {
    const html = barChart([
      { label: "Paul <PP>", segments: [{ value: 2, colour: COLOURS.overdue }, { value: 2, colour: COLOURS.open }], note: "4 open (2 overdue)" },
      { label: "Lee", segments: [{ value: 0, colour: COLOURS.overdue }, { value: 1, colour: COLOURS.open }], note: "1 open" },
    ]).html;
    expect([...html.matchAll(/<table role="presentation" width="(\d+)%"[^>]*><tr><td width/g)].map((m) => Number(m[1]))).toEqual([100, 25]);
    expect([...html.matchAll(/width="(\d+)%" height="12" bgcolor="(#[0-9a-f]{6})"/g)].map((m) => [Number(m[1]), m[2]])).toEqual([
      [50, COLOURS.overdue],
      [50, COLOURS.open],
      [100, COLOURS.open],
    ]);
    expect(html).not.toMatch(/width="\d+"|width:\d+px/);
    expect(html).toContain("Paul &lt;PP&gt;");
    expect(html).not.toMatch(/<img|<svg|<canvas|<style/);
  });

  it("gives each segment a whole percentage of at least 1, the parts of a bar adding up to 100 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 3 }), (values) => {
        const html = barChart([{ label: "x", segments: values.map((value) => ({ value, colour: COLOURS.open })), note: "" }]).html;
        const widths = [...html.matchAll(/width="(\d+)%" height="12"/g)].map((m) => Number(m[1]));
        expect(widths).toHaveLength(values.filter((v) => v > 0).length);
        if (widths.length > 0) expect(widths.reduce((a, b) => a + b, 0)).toBe(100);
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(1);
      }),
      // The case that once made 101: two tiny segments raised to 1 beside a large one.
      { examples: [[[1, 1, 500]], [[1, 1, 1]], [[0, 1, 500]]] },
    );
  });

  it("draws an empty row, not a zero-width cell, for an owner with nothing open", () => {
    const html = barChart([{ label: "Nobody", segments: [{ value: 0, colour: COLOURS.open }], note: "0 open" }]).html;
    expect(html).not.toContain("bgcolor");
    expect(html).toContain("Nobody");
  });
});

describe("table", () => {
  it("escapes header and cell text", () => {
    const html = table(["A&B"], [["<x>"]]).html;
    expect(html).toContain(">A&amp;B</th>");
    expect(html).toContain(">&lt;x&gt;</td>");
  });

  it("puts each action's area, small and grey, above the action rather than in a column of its own", () => {
    for (const message of messages().filter((m) => m.kind !== "summary")) {
      expect(message.html).not.toContain(">Area</th>");
      expect(message.html).toContain(`<span style="color:${COLOURS.muted};font-size:12px">R&amp;D &lt;b&gt;bold&lt;/b&gt;</span><br>Check &lt;script&gt;`);
    }
  });
});

describe("what the digest, the reminder and the summary say", () => {
  const at = (date: string) => DateTime.fromISO(`${date}T09:00:00`, { zone: "Europe/London" });
  const SETTINGS = { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" };
  const logOf = (spec: LogSpec) => parseLog(buildLog({ ...spec, settings: { ...SETTINGS, ...spec.settings } }));
  const rendered = (spec: LogSpec, date: string) => {
    const log = logOf(spec);
    return planMail(log, validateLog(log, at(date)), at(date), { weekly: "always", reminders: true }).messages.map((m) => ({ ...m, ...m.render() }));
  };
  const paul = (dues: string[], status = "Open") =>
    dues.map((due, i) => action({ Ref: `DAG30-0${i + 1}`, Meeting: 30, Owner: "Paul Pettitt", Due: due, Status: status }));

  it("names the action's own due date in the subject and the intro, and the window's last day only in its heading, never 'this week' (QA finding 2)", () => {
    // Monday 16 Nov 2026 with reminder_working_days 3: Tuesday's action is in the window, Friday's is not.
    const digest = rendered({ actions: paul(["17/11/2026", "20/11/2026"]) }, "2026-11-16").find((m) => m.kind === "digest");
    expect(digest?.subject).toBe("[DAG] 1 due Tue 17 Nov (week of 16 Nov 2026)");
    expect(digest?.text).toContain("You have 1 action due on Tue 17 Nov.");
    expect(digest?.text).toContain("DUE IN THE NEXT 3 WORKING DAYS (BY THU 19 NOV)");
    expect(digest?.html).toContain(">Due in the next 3 working days (by Thu 19 Nov)</h2>");
    expect(`${digest?.subject}${digest?.text}${digest?.html}`).not.toMatch(/this week/i);
    expect(digest?.refs).toEqual(["DAG30-01"]);
  });

  it("never gives the window's last day as the deadline: an action due tomorrow reads as due tomorrow (QA look finding 1)", () => {
    // Thursday 12 Oct 2023: the window runs to Tuesday 17 Oct; the actions are due Fri 13, Mon 16 and Tue 17 Oct.
    const dues = ["01/10/2023", "05/10/2023", "16/10/2023", "13/10/2023", "17/10/2023"];
    const digest = rendered({ actions: paul(dues) }, "2023-10-12").find((m) => m.kind === "digest");
    expect(digest?.subject).toBe("[DAG] 2 overdue, 3 due soon (first Fri 13 Oct) (week of 9 Oct 2023)");
    expect(digest?.text).toContain("You have 2 overdue actions and 3 due soon, the first on Fri 13 Oct.");
    expect(digest?.text).toContain("DUE IN THE NEXT 3 WORKING DAYS (BY TUE 17 OCT)");
    const one = rendered({ actions: paul(["13/10/2023"]) }, "2023-10-12").find((m) => m.kind === "digest");
    expect(one?.subject).toBe("[DAG] 1 due Fri 13 Oct (week of 9 Oct 2023)");
    expect(one?.text).toContain("You have 1 action due on Fri 13 Oct.");
    for (const mail of [digest, one]) expect(`${mail?.subject}\n${mail?.text.split("\n\n")[1]}`).not.toContain("17 Oct");
  });

  it("gives the year when the due date is in the next one", () => {
    const digest = rendered({ actions: paul(["04/01/2027"]) }, "2026-12-30").find((m) => m.kind === "digest");
    expect(digest?.subject).toBe("[DAG] 1 due Mon 4 Jan 2027 (week of 28 Dec 2026)");
    expect(digest?.text).toContain("DUE IN THE NEXT 3 WORKING DAYS (BY TUE 5 JAN 2027)");
  });

  it.each([
    // dues (as typed), subject, intro
    [["01/11/2023"], "[DAG] 1 overdue (week of 13 Nov 2023)", "You have 1 overdue action."],
    [["01/11/2023", "02/11/2023", "15/11/2023"], "[DAG] 2 overdue, 1 due Wed 15 Nov (week of 13 Nov 2023)", "You have 2 overdue actions and 1 due on Wed 15 Nov."],
    [["14/11/2023", "15/11/2023"], "[DAG] 2 due soon (first Tue 14 Nov) (week of 13 Nov 2023)", "You have 2 actions due soon, the first on Tue 14 Nov."],
    [["15/11/2023", "15/11/2023"], "[DAG] 2 due Wed 15 Nov (week of 13 Nov 2023)", "You have 2 actions due on Wed 15 Nov."],
  ] as const)("leaves zero counts out of the subject and intro: %j (QA finding 10)", (dues, subject, intro) => {
    const digest = rendered({ actions: paul([...dues]) }, "2023-11-13").find((m) => m.kind === "digest");
    expect(digest?.subject).toBe(subject);
    expect(digest?.text).toContain(intro);
  });

  it("leaves zero counts out of the PMO summary's subject, and keeps one when all are zero (QA finding 10)", () => {
    const summary = (dues: string[]) => rendered({ actions: paul(dues) }, "2023-11-13").find((m) => m.kind === "summary")?.subject;
    expect(summary(["01/12/2023"])).toBe("[DAG] PMO summary: 1 open (week of 13 Nov 2023)");
    expect(summary(["01/11/2023"])).toBe("[DAG] PMO summary: 1 open, 1 overdue (week of 13 Nov 2023)");
    expect(summary([])).toBe("[DAG] PMO summary: no open actions (week of 13 Nov 2023)");
  });

  it("charts Proposed Closed actions apart from open ones, and says so in the legend (QA finding 10)", () => {
    const actions = [...paul(["01/11/2023", "01/12/2023"]), action({ Ref: "DAG30-09", Meeting: 30, Owner: "Paul Pettitt", Due: "01/12/2023", Status: "Proposed Closed" })];
    const html = rendered({ actions }, "2023-11-13").find((m) => m.kind === "summary")?.html ?? "";
    const chart = html.slice(html.indexOf("Open and overdue actions by owner"), html.indexOf("Open and overdue actions by meetings carried"));
    expect(chart).toContain("Proposed Closed, awaiting confirmation");
    expect(chart).toContain("3 open (1 overdue, 1 Proposed Closed)");
    // One cell each: overdue, open and not overdue, Proposed Closed.
    expect([...chart.matchAll(/bgcolor="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual([COLOURS.overdue, COLOURS.open, COLOURS.muted]);
  });

  it("says a due date on a weekend with no working day before it is not '0 working days' away (QA finding 6)", () => {
    // Friday 23 Oct 2026; DAG30-01 is due Sunday 25 Oct.
    const mails = rendered({ actions: paul(["25/10/2026"]) }, "2026-10-23");
    const reminder = mails.find((m) => m.kind === "reminder");
    expect(reminder?.text).toContain("DAG30-01 is due on Sunday 25 Oct 2026 (no working days left before it). If it will be late");
    expect(mails.find((m) => m.kind === "digest")?.text).toContain("Due: 25/10/2026 (Sunday), no working days left before it");
    for (const mail of mails) expect(mail.text).not.toMatch(/\b0 working days/);
  });

  it.each([
    // member row change, banner
    [{ Active: "No" }, "Not sent: Paul Pettitt is marked inactive in Members"],
    [{ Email: "" }, "Not sent: Paul Pettitt has no Email in Members"],
    [{ Email: "Paul <paul@example.org>" }, "Not sent: Paul Pettitt's Email in Members is not a valid address"],
  ] as const)("a preview of a member who cannot be mailed says so at the top: %j (QA finding 13)", (change, banner) => {
    const members = MEMBERS.map((m) => (m.Name === "Paul Pettitt" ? { ...m, ...change } : m));
    const log = logOf({ members, actions: paul(["01/11/2023"]) });
    const member = log.members.find((m) => m.name === "Paul Pettitt");
    if (!member) throw new Error("fixture has Paul Pettitt");
    const preview = previewDigest(log, validateLog(log, at("2023-11-13")), at("2023-11-13"), member);
    expect(preview.text.startsWith(`${banner}\n`)).toBe(true);
    expect(preview.html).toContain(`>${escapeHtml(banner)}</span>`);
    expect(preview.html.indexOf(escapeHtml(banner))).toBeLessThan(preview.html.indexOf("<h2"));
  });

  it("shows no banner in a sent digest, nor in the preview of a member who gets it", () => {
    const log = logOf({ actions: paul(["01/11/2023"]) });
    const member = log.members.find((m) => m.name === "Paul Pettitt");
    if (!member) throw new Error("fixture has Paul Pettitt");
    const preview = previewDigest(log, validateLog(log, at("2023-11-13")), at("2023-11-13"), member);
    const sent = rendered({ actions: paul(["01/11/2023"]) }, "2023-11-13").find((m) => m.kind === "digest");
    expect(preview.text).toBe(sent?.text);
    expect(preview.text).not.toContain("Not sent");
  });
});

describe("subjects never carry control or invisible characters (QA sec 6)", () => {
  it.each([
    ["[DAG] Reminder: DAG29-14\u202E is due", "[DAG] Reminder: DAG29-14 is due"],
    ["[DAG] Reminder: DAG\u200B29-15 is due", "[DAG] Reminder: DAG29-15 is due"],
    ["[DAG] Reminder: DAG29-13\nBcc: evil@x.org", "[DAG] Reminder: DAG29-13 Bcc: evil@x.org"],
    ["[DAG]\u2066 isolate\u2069 and\u00ad soft\uFEFF", "[DAG] isolate and soft"],
    ["[DAG] 3 overdue (week of 13 Nov 2023)", "[DAG] 3 overdue (week of 13 Nov 2023)"],
  ])("%j → %j", (subject, clean) => {
    expect(cleanSubject(subject)).toBe(clean);
  });

  it("in each subject builder, whatever the item's ref holds", () => {
    const now = DateTime.fromISO("2023-11-13T09:00:00", { zone: "Europe/London" });
    const log = parseLog(buildLog({ settings: { pmo_email: "fraser@example.org" }, actions: [action({ Owner: "Paul Pettitt", Due: "16/11/2023" })] }));
    const reminder = planMail(log, validateLog(log, now), now, { weekly: "never", reminders: true }).messages[0]?.item;
    if (!reminder) throw new Error("no reminder planned");
    const item = { ...reminder, ref: "DAG29-01\u202E\u200B" };
    const frame = mailFrame(log, committeeDay(log, now));
    expect(reminderSubject(item, frame)).toBe("[DAG] Reminder: DAG29-01 is due on 16 Nov 2023");
    expect(renderReminder(item, frame).html).toContain("<title>[DAG] Reminder: DAG29-01 is due on 16 Nov 2023</title>");
  });
});
