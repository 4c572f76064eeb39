/** The PMO summary's words: bar labels whose numbers add up to the bar, and the escalation rule named once, in plain words. */
import { describe, expect, it } from "vitest";
import { openNote } from "../../../shared/core/summary-render.js";
import { londonAt, plan } from "../../support/digest-plan-fixture.js";
import { action } from "../../support/log-fixture.js";

const summaryOf = (actions: ReturnType<typeof action>[], settings: Record<string, number> = {}) => {
  const summary = plan({ actions, settings }, londonAt("2023-11-13")).messages.find((m) => m.kind === "summary");
  if (!summary) throw new Error("no summary planned");
  return summary.render();
};

describe("openNote (QA look finding 6)", () => {
  it.each([
    // open, overdue, Proposed Closed, label
    [1, 1, 0, "1 open (1 overdue)"],
    [3, 2, 0, "3 open (2 overdue)"],
    [3, 1, 1, "3 open (1 overdue, 1 Proposed Closed)"],
    [2, 0, 1, "2 open (1 Proposed Closed)"],
    [4, 0, 0, "4 open"],
    [0, 0, 0, "0 open"],
  ])("%i open, %i overdue, %i Proposed Closed: %j", (open, overdue, proposed, label) => {
    expect(openNote(open, overdue, proposed)).toBe(label);
  });
});

describe("the summary's bar labels", () => {
  it("count an owner's one overdue action once, as the whole of a red bar, in the chart, the heading and the text (QA look finding 6)", () => {
    const { html, text } = summaryOf([action({ Ref: "DAG29-01", Owner: "Daniel Arrowsmith", Due: "01/11/2023" })]);
    expect(html).toContain(`Daniel Arrowsmith: <span style="font-size:12px;color:#5f6368">1 open (1 overdue)</span>`);
    expect(html).toContain(">Daniel Arrowsmith: 1 open (1 overdue)</h2>");
    expect(text).toContain("OPEN ACTIONS BY OWNER\nDaniel Arrowsmith: 1 open (1 overdue)");
    expect(text).toContain("carried 0: 1 open (1 overdue)");
    expect(`${html}${text}`).not.toMatch(/1 overdue, 1 open|1 \/ 1/);
  });
});

describe("the summary's escalations", () => {
  const escalated = action({ Ref: "DAG27-01", Meeting: 27, Owner: "Lee Cox", Due: "13/09/2023" });

  it("say which Settings value decides them, once, never as a bare setting name (QA look finding 10)", () => {
    const { html, text } = summaryOf([escalated], { escalate_after_meetings: 2 });
    for (const body of [html, text]) {
      expect(body).toContain("Carried 2 or more meetings (escalate_after_meetings in Settings); raise them at meeting 31 on 13 Dec 2023.");
      expect(body.split("escalate_after_meetings")).toHaveLength(2);
    }
  });

  it("read naturally for one meeting", () => {
    expect(summaryOf([escalated], { escalate_after_meetings: 1 }).text).toContain("Carried 1 or more meetings (escalate_after_meetings in Settings)");
  });
});
