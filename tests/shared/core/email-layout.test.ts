/** Emails fit a phone: a fluid column up to 680px, no fixed widths that force overflow, measured in Chromium when it is installed. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { committeeDay } from "../../../shared/core/digest-items.js";
import { mailFrame, planMail } from "../../../shared/core/digest-plan.js";
import { bundleReminders } from "../../../shared/core/reminder-bundle.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { londonAt } from "../../support/digest-plan-fixture.js";
import { action, buildLog } from "../../support/log-fixture.js";

const LINK = "https://mhhsprogramme.sharepoint.example.com/sites/PMO/Shared%20Documents/RAID/Forms/AllItems.aspx?id=%2Fsites%2FPMO%2FRAID_Submission_Form_v3_FINAL.docx";
// Tuesday 14 Nov 2023: Paul has two actions due soon (a bundle), one overdue, one escalated; Lee shares one.
const TUESDAY = londonAt("2023-11-14");
const ACTIONS = [
  action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "16/11/2023", Area: "Market-wide Half Hourly Settlement Programme Design", Update: `Link sent 16/10: ${LINK} awaiting confirmation` }),
  action({ Ref: "DAG29-02", Owner: "DCC Representative (Paul Pettitt & Lee Cox)", Due: "17/11/2023", Status: "Ongoing" }),
  action({ Ref: "DAG29-03", Owner: "Programme (Paul Pettitt)", Due: "13/10/2023", Status: "Blocked", Action: "Programme to raise UTC vs Clock Time with the Fast Track Implementation Group" }),
  action({ Ref: "DAG27-01", Meeting: 27, Owner: "Lee Cox", Due: "13/09/2023", Status: "Proposed Closed" }),
  action({ Ref: "DAG29-04", Owner: "Daniel Arrowsmith", Due: "end of the quarter-after-next-following-review" }),
];

/** A digest, a single reminder, a bundle of one owner's reminders and the PMO summary, rendered. */
function emails(): { name: string; html: string }[] {
  const log = parseLog(buildLog({ actions: ACTIONS, settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org", escalate_after_meetings: 2 } }));
  const plan = planMail(log, validateLog(log, TUESDAY), TUESDAY, { weekly: "always", reminders: true });
  const reminders = planMail(log, validateLog(log, TUESDAY), TUESDAY, { weekly: "never", reminders: true }).messages;
  const sent = bundleReminders(reminders, mailFrame(log, committeeDay(log, TUESDAY)));
  const pick = (name: string, found: { render(): { html: string } } | undefined) => {
    if (!found) throw new Error(`no ${name} planned`);
    return { name, html: found.render().html };
  };
  return [
    pick("digest", plan.messages.find((m) => m.kind === "digest" && m.to.includes("paul@example.org"))),
    pick("reminder", sent.find((m) => !m.carries)),
    pick("bundle", sent.find((m) => m.carries)),
    pick("summary", plan.messages.find((m) => m.kind === "summary")),
  ];
}

/** The HTML outside Outlook's conditional comments: what every other client reads. */
const outsideOutlook = (html: string): string => html.replace(/<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/g, "");

describe("email layout (QA look finding 2)", () => {
  const all = emails();

  it.each(all.map((e) => e.name))("%s: a column as wide as the screen up to 680px, with no fixed width a phone cannot fit", (name) => {
    const body = outsideOutlook(all.find((e) => e.name === name)?.html ?? "");
    expect(body).toContain('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:680px">');
    expect(body).not.toMatch(/width="\d+"/); // pixel width attributes; percentages only
    expect([...body.matchAll(/(?<![-\w])width:(\d+)px/g)].map((m) => Number(m[1])).filter((px) => px > 12)).toEqual([]);
    // Text kept on one line must be short: a ref, a legend entry.
    for (const [, text] of body.matchAll(/white-space:nowrap">((?:<span[^>]*>[^<]*<\/span>)?[^<]*)</g)) expect((text ?? "").replace(/<[^>]+>|&nbsp;/g, "").length).toBeLessThan(45);
  });

  it("keeps Outlook on Windows, which ignores max-width, at 680px", () => {
    for (const { html } of all) expect(html).toMatch(/<!--\[if mso\]><table role="presentation" width="680"[^>]*><tr><td><!\[endif\]-->/);
  });
});

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the 390px email layout test: ${CHROMIUM} is not installed (only .ci/run installs Debian's chromium).`);

describe("email layout in Chromium", () => {
  it.skipIf(!hasChromium)("shows every email whole at 390px, without sideways scrolling, and 680px wide at 1024px (QA look finding 2)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "actionlog-layout-"));
    const all = emails();
    for (const { name, html } of all) await writeFile(join(dir, `${name}.html`), html, "utf8");
    // Chromium will not open a window narrower than 500px, so each email is framed at the phone's width.
    const frames = all.flatMap(({ name }) => [390, 1024].map((width) => `<iframe src="${name}.html" width="${width}" height="600" style="border:0"></iframe>`));
    const measure = `addEventListener("load", () => { document.title = JSON.stringify([...document.querySelectorAll("iframe")].map((f) => {
      const d = f.contentDocument; const column = d.querySelector("body > table table");
      return [d.documentElement.scrollWidth, Math.round(column.getBoundingClientRect().width)]; })); });`;
    await writeFile(join(dir, "frames.html"), `<!DOCTYPE html><html><head><title>x</title></head><body style="margin:0">${frames.join("")}<script>${measure}</script></body></html>`);
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files", "--window-size=1200,800", "--virtual-time-budget=10000", "--dump-dom", `file://${join(dir, "frames.html")}`],
      { timeout: 60_000 },
    );
    const measured = JSON.parse((/<title>(.*)<\/title>/.exec(stdout)?.[1] ?? "[]").replaceAll("&quot;", '"')) as [number, number][];
    expect(measured).toEqual(all.flatMap(() => [[390, 366], [1024, 680]]));
  }, 90_000);
});
