/** The Markdown papers show sheet text exactly as typed: every character Markdown gives meaning to is backslash-escaped. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RegisterHeading, registerMarkdown } from "../../../shared/core/register-export.js";
import type { RegisterEntry } from "../../../shared/core/roll-forward.js";
import { foldSpaces } from "../../../shared/core/text.js";

const heading: RegisterHeading = { committeeCode: "DAG", committeeName: "Design Advisory Group", meeting: 30, date: "2023-11-08", asAt: "2023-10-20" };
const entry = (action: string): RegisterEntry => ({ section: "new", area: "AOB", ref: "DAG29-08", action, owner: "Programme (PMO)", due: "08/11/2023", dueDate: "2023-11-08", carried: 0 });

/** The characters a Markdown reader acts on inside a table cell or heading. */
const SPECIAL = new Set(["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#"]);

/**
 * Reads a table row as a CommonMark reader would: a backslash makes the next character plain,
 * an unescaped | ends a cell. Any other unescaped special character is reported, since a
 * reader would act on it.
 */
function readRow(line: string): { cells: string[]; unescaped: string[] } {
  const cells: string[] = [];
  const unescaped: string[] = [];
  let cell = "";
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] ?? "";
    if (ch === "\\" && i + 1 < line.length) {
      i += 1;
      cell += line[i];
    } else if (ch === "|") {
      cells.push(cell.trim());
      cell = "";
    } else {
      if (SPECIAL.has(ch)) unescaped.push(ch);
      cell += ch;
    }
  }
  return { cells: cells.slice(1), unescaped };
}

/** The Action cell of the one action row, read back. */
const actionCell = (action: string) => {
  const row = registerMarkdown(heading, [entry(action)]).split("\n").find((line) => line.startsWith("| AOB |")) ?? "";
  const { cells, unescaped } = readRow(row);
  return { raw: row, text: cells[2], unescaped };
};

describe("registerMarkdown escaping (regression: &lt;b&gt; showed as <b>, ~~strike~~ was struck through)", () => {
  it.each([
    ["&lt;b&gt; ~~strike~~", "\\&lt;b\\&gt; \\~\\~strike\\~\\~"],
    ["**bold** _em_ `code`", "\\*\\*bold\\*\\* \\_em\\_ \\`code\\`"],
    ["[click](javascript:alert(1)) ![x](y)", "\\[click\\](javascript:alert(1)) !\\[x\\](y)"],
    ["<script>", "\\<script\\>"],
    ["a | b \\ c", "a \\| b \\\\ c"],
    ["Board #", "Board \\#"],
    ["line one\nline two", "line one line two"],
  ])("%j is written %j", (typed, written) => {
    expect(actionCell(typed).raw).toContain(`| ${written} |`);
    expect(actionCell(typed).text).toBe(foldSpaces(typed));
  });

  it("reads back as typed with nothing a Markdown reader would act on, whatever the text (property)", () => {
    const text = fc.string({ unit: fc.constantFrom(...SPECIAL, "a", " ", "!", "(", ")", "\n", "-", "=", "é"), maxLength: 60 });
    fc.assert(
      fc.property(text, (typed) => {
        const { text: read, unescaped } = actionCell(typed);
        expect(unescaped).toEqual([]);
        expect(read).toBe(foldSpaces(typed));
      }),
    );
  });

  it("escapes the committee's name in the heading too", () => {
    const md = registerMarkdown({ ...heading, committeeName: "R&D ~ Board #" }, []);
    expect(md.split("\n")[0]).toBe("# R\\&D \\~ Board \\# (DAG): Meeting 30, 8 Nov 2023");
  });
});

describe("registerMarkdown heading (regression, QA look 10: the title said \"meeting 15\" where HTML and DOCX say \"Meeting 15\")", () => {
  it.each([
    ["named, dated", "# Design Advisory Group (DAG): Meeting 30, 8 Nov 2023", { ...heading }],
    ["no date", "# Design Advisory Group (DAG): Meeting 30", { ...heading, date: null }],
    ["no name", "# DAG: Meeting 30, 8 Nov 2023", { ...heading, committeeName: "" }],
  ])("%s: %s", (_label, title, given) => {
    expect(registerMarkdown(given, []).split("\n")[0]).toBe(title);
  });
});
