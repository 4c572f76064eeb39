import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readMinutes } from "../../../shared/adapters/minutes-file.js";
import { registerDocx } from "../../../shared/adapters/register-docx.js";
import { extractMinutes } from "../../../shared/core/minutes/extract.js";
import type { RegisterHeading } from "../../../shared/core/register-export.js";
import type { RegisterEntry } from "../../../shared/core/roll-forward.js";
import { foldSpaces } from "../../../shared/core/text.js";

const heading: RegisterHeading = { committeeCode: "DSB", committeeName: "Data Standards Board", meeting: 15, date: "2025-12-10", asAt: "2025-12-01" };
const entry = (fields: Partial<RegisterEntry>): RegisterEntry => ({ section: "new", area: "Risks", ref: "DSB14-01", action: "Do it", owner: "Programme (PMO)", due: "ASAP", dueDate: "", carried: 0, ...fields });
const ENTRIES: RegisterEntry[] = [
  entry({ area: "Change Request CR041", ref: "DSB14-01", owner: "Large Supplier Representative\n(Simon Carter)", due: "26/11/2025" }),
  entry({ area: "Change Request CR041", ref: "DSB14-02", action: "=HYPERLINK(\"x\") & <b>bold</b>" }),
  entry({ area: "Risks", ref: "DSB14-06" }),
  entry({ section: "previous", area: "Clock Change Handling", ref: "DSB13-02", due: "10/12/2025", carried: 1 }),
  entry({ section: "previous", area: "Clock Change Handling", ref: "DSB13-04", carried: 1 }),
];

/** The register's rows as the minutes importer reads them back. */
const rows = (entries: readonly RegisterEntry[]) => entries.map((e) => ({ section: e.section, area: foldSpaces(e.area), ref: e.ref, action: foldSpaces(e.action), owner: foldSpaces(e.owner), due: foldSpaces(e.due) }));
const reimport = async (bytes: Uint8Array) =>
  extractMinutes(await readMinutes(bytes, "register.docx")).actions.map((a) => ({ section: a.section, area: a.area, ref: a.ref, action: a.action, owner: a.owner, due: a.dueText }));

describe("registerDocx", () => {
  it("round-trips: the exported table imports back as the same rows", async () => {
    expect(await reimport(await registerDocx(heading, ENTRIES))).toEqual(rows(ENTRIES));
  });

  it("lays out a landscape A4 page, a repeating header row, rows that do not split, fixed widths and one group row", async () => {
    const zip = await JSZip.loadAsync(await registerDocx(heading, ENTRIES));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:cantSplit\/>/g)?.length).toBe(1 + ENTRIES.length + 1);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml.match(/<w:gridCol w:w="(\d+)"\/>/g)?.map((c) => Number(/\d+/.exec(c)?.[0]))).toEqual([2500, 1400, 6370, 2900, 1400]);
    expect(xml.match(/Previous Meeting\(s\)/g)).toHaveLength(1);
    expect(xml.match(/Change Request CR041/g)).toHaveLength(1);
    expect(xml).toContain("Data Standards Board (DSB)");
    expect(xml).toContain("Meeting 15, 10 Dec 2025");
    expect(xml).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  describe("looks like the HTML paper (regression, QA look 7: cramped cells, headings on the table, Word's blue, no page numbers, Un-named)", () => {
    const part = async (name: string): Promise<string> => (await (await JSZip.loadAsync(await registerDocx(heading, ENTRIES))).file(name)?.async("string")) ?? "";
    /** One style's XML from styles.xml. */
    const style = (styles: string, id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, "s").exec(styles)?.[0] ?? "";

    it("pads every cell top and bottom, so text clears the row borders", async () => {
      const margins = /<w:tblCellMar>(.*?)<\/w:tblCellMar>/s.exec(await part("word/document.xml"))?.[1] ?? "";
      const margin = (side: string) => Number(new RegExp(`<w:${side} [^>]*w:w="(\\d+)"`).exec(margins)?.[1]);
      expect([margin("top"), margin("bottom")]).toEqual([60, 60]);
      expect([margin("left"), margin("right")]).toEqual([100, 100]);
    });

    it.each([
      ["Heading1", 28],
      ["Heading2", 24],
    ])("%s is black, bold Arial of %i half-points, with space after it and kept with the next paragraph", async (id, size) => {
      const xml = style(await part("word/styles.xml"), id);
      expect(xml).toContain('<w:color w:val="000000"/>');
      expect(xml).not.toContain("2E74B5");
      expect(xml).toMatch(/<w:b\/>/);
      expect(xml).toContain(`<w:sz w:val="${size}"/>`);
      expect(xml).toMatch(/w:ascii="Arial"/);
      expect(Number(/<w:spacing [^>]*w:after="(\d+)"/.exec(xml)?.[1])).toBeGreaterThan(0);
      expect(xml).toContain("<w:keepNext/>");
    });

    it("spaces the meeting line and the As at line off the heading below them", async () => {
      const xml = await part("word/document.xml");
      const paragraph = (text: string) => [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes(text)) ?? "";
      expect(paragraph("As at 1 Dec 2025")).toMatch(/<w:spacing w:after="(\d{3,})"\/>/);
      expect(xml.indexOf("Meeting 15, 10 Dec 2025")).toBeLessThan(xml.indexOf("As at 1 Dec 2025"));
      expect(xml.indexOf("As at 1 Dec 2025")).toBeLessThan(xml.indexOf("New / Outstanding Actions"));
    });

    it("colours the header row navy with white text and the group row pale blue, as the HTML does", async () => {
      const xml = await part("word/document.xml");
      const headerRow = /<w:tr>(?:(?!<\/w:tr>).)*<w:tblHeader\/>.*?<\/w:tr>/s.exec(xml)?.[0] ?? "";
      expect(headerRow.match(/w:fill="1F3864"/g)).toHaveLength(5);
      expect(headerRow.match(/<w:color w:val="FFFFFF"\/>/g)).toHaveLength(5);
      const groupRow = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]).find((r) => r.includes("Previous Meeting(s)")) ?? "";
      expect(groupRow).toContain('w:fill="D9E2F3"');
    });

    it("has a footer on every page with the meeting, the As at day and Page X of Y", async () => {
      const document = await part("word/document.xml");
      expect(document).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
      const footer = await part("word/footer1.xml");
      expect(footer).toContain("DSB Meeting 15 – New / Outstanding Actions – As at 1 Dec 2025");
      const fields = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]?.trim());
      expect(fields).toEqual(["PAGE", "NUMPAGES"]);
      // A tab element, not a tab character, pushes the page number to the right-hand tab stop at the table's edge.
      expect(footer).toMatch(/<w:tab w:val="right" w:pos="14570"\/>.*<w:tab\/>.*Page <\/w:t>/s);
      expect(footer.replace(/<[^>]+>/g, "")).toMatch(/Page PAGE.* of NUMPAGES/s);
    });

    it("names the document: a real title, and actionlog rather than Un-named as last modified by", async () => {
      const core = await part("docProps/core.xml");
      expect(core).toContain("<dc:title>Data Standards Board (DSB): Meeting 15 outstanding actions</dc:title>");
      expect(core).toContain("<cp:lastModifiedBy>actionlog</cp:lastModifiedBy>");
      expect(core).not.toContain("Un-named");
    });
  });

  it("property: any register exported to DOCX and re-imported is unchanged", async () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).map(foldSpaces).filter((s) => s !== "" && !/^previous meetings?/i.test(s) && !/^new(?: actions?)?$/i.test(s));
    const entries = fc.uniqueArray(
      fc.record({
        section: fc.constantFrom("new" as const, "previous" as const),
        area: text,
        ref: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 })).map(([m, n]) => `DSB${m}-${String(n).padStart(2, "0")}`),
        action: text,
        owner: fc.oneof(text, fc.tuple(text, text).map(([a, b]) => `${a}\n${b}`)),
        due: fc.oneof(fc.constant("ASAP"), fc.constant("10/12/2025"), text),
      }),
      { selector: (e) => e.ref, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(entries, async (generated) => {
        const register = [...generated.filter((e) => e.section === "new"), ...generated.filter((e) => e.section === "previous")].map((e) => entry(e));
        expect(await reimport(await registerDocx(heading, register))).toEqual(rows(register));
      }),
      { numRuns: 25 },
    );
  });

  const soffice = (() => {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore" });
      execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  if (!soffice) console.warn("DOCX-to-PDF check skipped: LibreOffice (soffice) or pdftotext is not installed");

  it.skipIf(!soffice)("opens in LibreOffice: converts to a one-page PDF holding every row", async () => {
    const dir = await mkdtemp(join(tmpdir(), "actionlog-docx-"));
    await writeFile(join(dir, "register.docx"), await registerDocx(heading, ENTRIES));
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "register.docx")], { stdio: "ignore", timeout: 120_000 });
    const info = execFileSync("pdfinfo", [join(dir, "register.pdf")], { encoding: "utf8" });
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe("1");
    execFileSync("pdftotext", ["-layout", join(dir, "register.pdf"), join(dir, "register.txt")]);
    const text = await readFile(join(dir, "register.txt"), "utf8");
    for (const e of ENTRIES) expect(text).toContain(e.ref);
    expect(text).toContain("Previous Meeting(s)");
    // The footer's fields are worked out by the reader: LibreOffice prints the real numbers.
    expect(text).toContain("Page 1 of 1");
    expect(text).toContain("As at 1 Dec 2025");
  });
});
