/** Rendering: sheet text is escaped in HTML and kept in plain text; the HTML stays email-safe. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { planMail } from "../../../shared/core/digest-plan.js";
import { COLOURS, barChart, escapeHtml, escapeLines, table } from "../../../shared/core/email-html.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { action, buildLog } from "../../support/log-fixture.js";

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
  it("draws bars as table cells whose widths follow the values, largest 280px", () => {
    const html = barChart([
      { label: "Paul <PP>", segments: [{ value: 2, colour: COLOURS.overdue }, { value: 2, colour: COLOURS.open }], note: "2 overdue, 4 open" },
      { label: "Lee", segments: [{ value: 0, colour: COLOURS.overdue }, { value: 1, colour: COLOURS.open }], note: "0 overdue, 1 open" },
    ]).html;
    expect([...html.matchAll(/width="(\d+)" height="14" bgcolor="(#[0-9a-f]{6})"/g)].map((m) => [Number(m[1]), m[2]])).toEqual([
      [140, COLOURS.overdue],
      [140, COLOURS.open],
      [70, COLOURS.open],
    ]);
    expect(html).toContain("Paul &lt;PP&gt;");
    expect(html).not.toMatch(/<img|<svg|<canvas|<style/);
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
});
