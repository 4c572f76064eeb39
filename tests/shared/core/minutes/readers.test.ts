import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../shared/core/minutes/document.js";
import { decodeXml, readDocumentXml } from "../../../../shared/core/minutes/docx-xml.js";
import { extractMinutes } from "../../../../shared/core/minutes/extract.js";
import { readMinutesText, writeMinutesText } from "../../../../shared/core/minutes/text-table.js";
import { minutesDsb14Text } from "../../../../shared/demo/minutes-dsb14.js";

describe("readMinutesText (Word saved as text)", () => {
  it.each([
    ["a paragraph per untabbed line", "Minutes\n1. Welcome", [{ kind: "paragraph", text: "Minutes" }, { kind: "paragraph", text: "1. Welcome" }]],
    ["a tab-prefixed line per cell, a blank line per row", "\tA\n\tB\n\n\tC\n\tD\n", [{ kind: "table", rows: [["A", "B"], ["C", "D"]] }]],
    ["an untabbed line inside a row wraps the cell above", "\tProgramme \n(Matt McKeon)\n\t08/11/2023\n", [{ kind: "table", rows: [["Programme \n(Matt McKeon)", "08/11/2023"]] }]],
    ["a paragraph ends the table", "\tA\n\nDecisions\n\tArea\n", [{ kind: "table", rows: [["A"]] }, { kind: "paragraph", text: "Decisions" }, { kind: "table", rows: [["Area"]] }]],
    ["two blank lines end the table", "\tA\n\n\n\tB\n\n", [{ kind: "table", rows: [["A"]] }, { kind: "table", rows: [["B"]] }]],
    ["an empty cell is a tab alone; NBSP is kept raw", "\t\n\t\u00a0\n", [{ kind: "table", rows: [["", "\u00a0"]] }]],
    ["CRLF line ends and a byte-order mark", "\uFEFFTitle\r\n\tA\r\n\r\n", [{ kind: "paragraph", text: "Title" }, { kind: "table", rows: [["A"]] }]],
  ])("%s", (_name, text, blocks) => {
    expect(readMinutesText(text).blocks).toEqual(blocks);
  });

  it("never throws on arbitrary text, and what it reads extracts without throwing", () => {
    const alphabet = fc.constantFrom("\t", "\n", "\r", "\u00a0", " ", "A", "DAG29-01", "ACTION ", "DECISION DAG-DEC1: x", ": Action closed.", "Previous Meeting(s)", "Ref", "Due", "Owner", "Area", "Action", "(", ")", "Date of next meeting:", "13/10/2023");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join(""))), (text) => {
        const doc = readMinutesText(text);
        const extract = extractMinutes(doc);
        expect(Array.isArray(extract.actions)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reads back what writeMinutesText writes, for cells without blank lines or leading tabs", () => {
    const cellText = fc.string({ maxLength: 12 }).filter((s) => !/[\r\n\t]/.test(s));
    const cell = fc.array(cellText.filter((s) => s.trim() !== ""), { minLength: 1, maxLength: 2 }).map((lines) => lines.join("\n"));
    const block = fc.oneof(
      cellText.filter((s) => s.trim() !== "").map((text) => ({ kind: "paragraph" as const, text })),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => ({ kind: "table" as const, rows })),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        // Two tables in a row are one table to Word's text too unless a paragraph separates them.
        const doc: MinutesDocument = { blocks: blocks.flatMap((b, i) => (b.kind === "table" && blocks[i - 1]?.kind === "table" ? [{ kind: "paragraph" as const, text: "-" }, b] : [b])) };
        expect(readMinutesText(writeMinutesText(doc))).toEqual(doc);
      }),
    );
  });
});

const w = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const para = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join("")}</w:p>`;
const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${paragraphs.map((p) => para(p)).join("")}</w:tc>`;

describe("readDocumentXml (.docx body)", () => {
  it.each([
    ["runs join into one paragraph; tab stops in properties add nothing", w(para("ACTION ", "DAG29-01: x")), [{ kind: "paragraph", text: "ACTION DAG29-01: x" }]],
    ["entities are decoded", w(para("A &amp; B &lt;c&gt; &#8211; &#x2014; &quot;")), [{ kind: "paragraph", text: 'A & B <c> – — "' }]],
    ["tables become rows of cells; a cell's paragraphs are lines", w(`<w:tbl><w:tr>${cell("Programme", "(PMO)")}${cell("ASAP")}</w:tr></w:tbl>`), [{ kind: "table", rows: [["Programme\n(PMO)", "ASAP"]] }]],
    ["deleted text and field codes are left out", w(`<w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>`), [{ kind: "paragraph", text: "kept" }]],
    ["a break inside a run is a line break", w(`<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>`), [{ kind: "paragraph", text: "a\nb" }]],
    ["a nested table is flattened into its cell", w(`<w:tbl><w:tr><w:tc><w:tbl><w:tr>${cell("x")}${cell("y")}</w:tr></w:tbl></w:tc></w:tr></w:tbl>`), [{ kind: "table", rows: [["x y"]] }]],
    ["empty paragraphs are dropped", w("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), []],
  ])("%s", (_name, xml, blocks) => {
    expect(readDocumentXml(xml).blocks).toEqual(blocks);
  });

  it("never throws on malformed XML", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("<w:p>", "</w:p>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:t>", "</w:t>", "<w:del>", "text", "&amp;", "&#0;", "&constructor;", "<w:constructor/>", "<"), { maxLength: 60 }), (parts) => {
        expect(() => readDocumentXml(parts.join(""))).not.toThrow();
      }),
    );
  });

  it("leaves unknown entities and out-of-range references as written", () => {
    expect(decodeXml("&nbsp; &#0; &#x110000; &constructor;")).toBe("&nbsp; &#0; &#x110000; &constructor;");
  });
});

/** A .docx converted from minutes saved as text, as LibreOffice writes one: a paragraph per line, tabs as <w:tab/>, blank lines as empty paragraphs. */
const converted = (text: string) =>
  w(
    text
      .split(/\r?\n/)
      .map((line) => `<w:p><w:pPr><w:pStyle w:val="PreformattedText"/></w:pPr><w:r>${line.startsWith("\t") ? "<w:tab/>" : ""}<w:t xml:space="preserve">${line.replace(/^\t/, "").replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`)
      .join(""),
  );

describe("readDocumentXml on text minutes converted to .docx (tab-indented paragraphs, no Word tables)", () => {
  it("reads them as the text reader does (regression: owners, dues and previous actions lost)", () => {
    const text = minutesDsb14Text();
    const fromDocx = readDocumentXml(converted(text));
    expect(fromDocx).toEqual(readMinutesText(text));
    expect(extractMinutes(fromDocx).actions).toHaveLength(13);
    expect(extractMinutes(fromDocx).actions[1]).toMatchObject({ ref: "DSB14-02", owner: "Programme (Ruth Adeyemi)", due: "2025-12-10" });
  });

  it.each([
    ["tab-indented body paragraphs without an actions or decisions table stay paragraphs", "Minutes\n\tIndented note\n\nACTION DSB14-01: Do it\n", [{ kind: "paragraph", text: "Minutes" }, { kind: "paragraph", text: "\tIndented note" }, { kind: "paragraph", text: "ACTION DSB14-01: Do it" }]],
    ["tab-indented cells of an attendees table only stay paragraphs", "Attendees\n\tName\n\tRole\n\n\tHelen Marsh (HM)\n\tChair\n", [{ kind: "paragraph", text: "Attendees" }, { kind: "paragraph", text: "\tName" }, { kind: "paragraph", text: "\tRole" }, { kind: "paragraph", text: "\tHelen Marsh (HM)" }, { kind: "paragraph", text: "\tChair" }]],
  ])("%s", (_name, text, blocks) => {
    expect(readDocumentXml(converted(text)).blocks).toEqual(blocks);
  });

  it("a .docx with Word tables is read from its tables, whatever its paragraphs hold", () => {
    const xml = w(`${para("\tArea")}<w:tbl><w:tr>${cell("Ref")}${cell("Action")}${cell("Owner")}${cell("Due")}</w:tr></w:tbl>`);
    expect(readDocumentXml(xml).blocks).toEqual([{ kind: "paragraph", text: "\tArea" }, { kind: "table", rows: [["Ref", "Action", "Owner", "Due"]] }]);
  });
});
