/** The digest planner's rendering: pure renders, and what a digest shows of an unreadable Due or Status. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../shared/core/email-html.js";
import { digestFor, londonAt, paul, plan } from "../../support/digest-plan-fixture.js";
import { MEMBERS, action } from "../../support/log-fixture.js";

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
