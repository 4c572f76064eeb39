import { describe, expect, it } from "vitest";
import type { RegisterHeading } from "../../../shared/core/register-export.js";
import { registerLines } from "../../../shared/core/register-export.js";
import { escapeHtml, registerHtml } from "../../../shared/core/register-html.js";
import type { RegisterEntry } from "../../../shared/core/roll-forward.js";

const heading: RegisterHeading = { committeeCode: "DAG", committeeName: "Design <Advisory> Group", meeting: 30, date: "2023-11-08" };
const entry = (fields: Partial<RegisterEntry>): RegisterEntry => ({ section: "new", area: "UTC vs Clock Times", ref: "DAG29-02", action: "Issue a PPIR", owner: "Programme (Matt Hall)", due: "08/11/2023", dueDate: "2023-11-08", carried: 0, ...fields });
const ENTRIES = [
  entry({}),
  entry({ ref: "DAG29-03", owner: "Programme\n(Paul Pettitt)" }),
  entry({ area: "AOB", ref: "DAG29-08", action: '<script>alert("x")</script> & =1+1' }),
  entry({ section: "previous", area: "", ref: "DAG28-04", carried: 1 }),
  entry({ section: "previous", area: "", ref: "DAG28-05", carried: 1 }),
];

describe("registerHtml", () => {
  const html = registerHtml(heading, ENTRIES);

  it("escapes every piece of sheet text", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; =1+1");
    expect(html).toContain("<h1>Design &lt;Advisory&gt; Group (DAG)</h1>");
    expect(escapeHtml(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
  });

  it("prints on A4 with the header repeated and rows kept whole", () => {
    expect(html).toContain("@page { size: A4 landscape;");
    expect(html).toMatch(/tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain("thead { display: table-header-group; }");
  });

  it("shows the heading, the columns, the area once per group and a Previous Meeting(s) group row", () => {
    expect(html).toContain('<p class="meeting">Meeting 30, 8 Nov 2023</p>');
    expect(html).toContain('<th scope="col">Area</th><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th>');
    expect(html.match(/UTC vs Clock Times/g)).toHaveLength(1);
    expect(html).toContain("<td>Programme<br>(Paul Pettitt)</td>");
    const order = ["DAG29-02", "DAG29-03", "DAG29-08", "Previous Meeting(s)", "DAG28-04", "DAG28-05"].map((text) => html.indexOf(text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("says so when nothing is outstanding", () => {
    expect(registerHtml(heading, [])).toContain('<td colspan="5">No outstanding actions</td>');
  });

  it("groups lines: area blanked when it repeats, reset after the group row", () => {
    const lines = registerLines([entry({ section: "new", area: "A" }), entry({ section: "new", area: "A" }), entry({ section: "previous", area: "A" })]);
    expect(lines.map((l) => (l.kind === "group" ? `[${l.label}]` : l.area))).toEqual(["A", "", "[Previous Meeting(s)]", "A"]);
  });
});
