import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegisterHeading } from "../../../shared/core/register-export.js";
import { registerLines, registerTitle } from "../../../shared/core/register-export.js";
import { cssString, escapeHtml, registerHtml } from "../../../shared/core/register-html.js";
import type { RegisterEntry } from "../../../shared/core/roll-forward.js";

const heading: RegisterHeading = { committeeCode: "DAG", committeeName: "Design <Advisory> Group", meeting: 30, date: "2023-11-08", asAt: "2023-10-20" };
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

  it("fits a phone's width and says the day it was made (regression, QA look 11: no viewport meta, so a phone drew it 980 px wide)", () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.indexOf('name="viewport"')).toBeLessThan(html.indexOf("</head>"));
    expect(html).toContain('<p class="as-at">As at 20 Oct 2023</p>');
    // Just under the meeting line, above the table, as in the DOCX.
    expect(html.indexOf('<p class="as-at">')).toBeGreaterThan(html.indexOf('<p class="meeting">'));
    expect(html.indexOf('<p class="as-at">')).toBeLessThan(html.indexOf("<table>"));
    expect(html).toContain("<title>Design &lt;Advisory&gt; Group (DAG): Meeting 30 outstanding actions</title>");
  });

  it("on a phone, lets the columns size to their text and keeps each ref and due date on one line", () => {
    const phone = /@media screen and \(max-width: 600px\) \{(.*?)\n {2}\}/s.exec(html)?.[1] ?? "";
    expect(phone).toContain("table { table-layout: auto; }");
    expect(phone).toContain("td:nth-child(2), td:nth-child(5) { white-space: nowrap; }");
    // The 2nd and 5th columns are Ref and Due.
    expect(/<thead><tr>(.*?)<\/tr>/.exec(html)?.[1]?.match(/<th[^>]*>[^<]*<\/th>/g)?.map((th) => th.replace(/<[^>]+>/g, ""))).toEqual(["Area", "Ref", "Action", "Owner", "Due"]);
  });

  it.each([
    ["2023-03-26", "As at 26 Mar 2023"],
    ["2024-01-05", "As at 5 Jan 2024"],
  ] as const)("as at %s reads %s", (asAt, line) => {
    expect(registerHtml({ ...heading, asAt }, [])).toContain(`<p class="as-at">${line}</p>`);
  });

  it("prints a footer on every page: the DOCX's footer words on the left, Page X of Y on the right (regression, QA look 7: no page numbers)", () => {
    expect(registerTitle(heading).footer).toBe("DAG Meeting 30 – New / Outstanding Actions – As at 20 Oct 2023");
    expect(html).toContain(`@bottom-left { content: ${cssString("DAG Meeting 30 – New / Outstanding Actions – As at 20 Oct 2023")};`);
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it("keeps a hostile committee code inside the footer's CSS string and the style element", () => {
    const hostile = registerHtml({ ...heading, committeeCode: '"}</style><script>alert(1)</script>\\' }, ENTRIES);
    expect(hostile).not.toContain("<script>");
    expect(hostile.match(/<\/style>/g)).toHaveLength(1);
  });

  it("property: a CSS string reads back as the text, with nothing that could end it", () => {
    /** Reads a CSS string's hex escapes back, as a browser does. */
    const read = (css: string) => css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), (text) => {
        const css = cssString(text);
        expect(css.slice(1, -1)).toMatch(/^[A-Za-z0-9 \\]*$/);
        expect(read(css)).toBe(text);
      }),
    );
  });

  it("says so when nothing is outstanding", () => {
    expect(registerHtml(heading, [])).toContain('<td colspan="5">No outstanding actions</td>');
  });

  it("groups lines: area blanked when it repeats, reset after the group row", () => {
    const lines = registerLines([entry({ section: "new", area: "A" }), entry({ section: "new", area: "A" }), entry({ section: "previous", area: "A" })]);
    expect(lines.map((l) => (l.kind === "group" ? `[${l.label}]` : l.area))).toEqual(["A", "", "[Previous Meeting(s)]", "A"]);
  });
});
