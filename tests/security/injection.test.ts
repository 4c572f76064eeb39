/** Sheet text carrying HTML and formulas reaches every output as inert text: emails, HTML, DOCX, CSV, Markdown, and the xlsx and Google Sheets tabs. */
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { createXlsxWorkbook } from "../../shared/adapters/workbook.xlsx.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { exportRegister } from "../../shared/jobs/register-job.js";
import { runRollover } from "../../shared/jobs/rollover-job.js";
import { tempDir, writeXlsx } from "../support/cli.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const BREAKOUT = `"><svg/onload=alert(1)> ' onmouseover='x`;
const HYPERLINK = '=HYPERLINK("http://evil.example","click")';
const DDE = "+cmd|' /C calc'!A0";
const FIELD = '{ HYPERLINK "http://evil.example" } DDEAUTO c:\\windows\\cmd.exe "/c calc"';

/** Meeting 29 is Held; its register (DAG30) carries every payload in Area, Action and Owner; DAG29-02's blank Area continues the formula. */
const LOG = buildLog({
  settings: { committee_name: "<b>Board</b> & co", pmo_email: "fraser@example.org", from_email: "actionlog@example.org" },
  actions: [
    action({ Ref: "DAG29-01", Area: HYPERLINK, Action: `${SCRIPT} ${BREAKOUT}`, Owner: "Paul Pettitt", Due: "13/10/2023", Update: IMG }),
    action({ Ref: "DAG29-02", Area: "", Action: DDE, Owner: IMG, Due: "ASAP" }),
    action({ Ref: "DAG29-03", Area: "@SUM(1+1)", Action: FIELD, Owner: "-2+3", Due: "Next meeting" }),
  ],
});
const FORMULA_TEXT = [HYPERLINK, DDE, "@SUM(1+1)", "-2+3"];

/** Tags that run or fetch something, and any tag with an event handler: only sheet text could have put them there. */
const LIVE_MARKUP = /<(script|img|svg|iframe|object|embed|b>)|<[^>]+\son\w+\s*=/i;

function expectInertHtml(html: string): void {
  expect(html).not.toMatch(LIVE_MARKUP);
  expect(html).not.toContain("<b>Board</b>");
}

describe("emails", () => {
  it("every message's HTML part escapes the sheet's text, which the text part keeps as written", async () => {
    const mailer = createMemoryMailer();
    const report = await runDigest(createMemoryWorkbook({ tabs: LOG.tabs }), mailer, { now: NOW, weekly: "always" });
    expect(report.sent.map((m) => m.kind).sort()).toEqual(["digest", "summary"]);
    for (const mail of mailer.sent) expectInertHtml(mail.html);
    const paul = mailer.sent.find((m) => m.to.includes("paul@example.org"));
    expect(paul?.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(paul?.html).toContain("&quot;&gt;&lt;svg/onload=alert(1)&gt; &#39; onmouseover=&#39;x");
    expect(paul?.text).toContain(`${SCRIPT} ${BREAKOUT}`);
    const summary = mailer.sent.find((m) => m.subject.includes("PMO summary"));
    expect(summary?.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("meeting papers", () => {
  const book = () => createMemoryWorkbook({ tabs: LOG.tabs });

  it("the HTML page shows every payload as text", async () => {
    const html = String(await exportRegister(book(), { meeting: 30, format: "html", now: NOW }));
    expectInertHtml(html);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Board&lt;/b&gt; &amp; co");
  });

  it("the DOCX holds the payloads as literal text runs, with no fields, hyperlinks or markup", async () => {
    const bytes = await exportRegister(book(), { meeting: 30, format: "docx", now: NOW });
    const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink|<script/);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    for (const literal of ["&lt;script&gt;alert(1)&lt;/script&gt;", "{ HYPERLINK &quot;http://evil.example&quot; } DDEAUTO", "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)", "+cmd|&apos;"]) {
      expect(text.replaceAll("&#39;", "&apos;")).toContain(literal);
    }
  });

  it("the CSV prefixes every cell that would start a formula with an apostrophe", async () => {
    const csv = String(await exportRegister(book(), { meeting: 30, format: "csv", now: NOW }));
    const cells = csv.split("\r\n").flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? []).map((c) => c.replace(/^"|"$/g, "").replaceAll('""', '"'));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    for (const formula of FORMULA_TEXT) expect(cells).toContain(`'${formula}`);
  });

  it("the Markdown escapes markup", async () => {
    const md = String(await exportRegister(book(), { meeting: 30, format: "md", now: NOW }));
    // Every angle bracket from the sheet is backslash-escaped, so Markdown renders it as text.
    expect(md).not.toMatch(/(^|[^\\])[<>]/m);
    expect(md).toContain("\\<script\\>");
  });
});

describe("sheet tabs", () => {
  it("in an .xlsx, the register and Audit hold formula-like text as plain strings, never formulas", async () => {
    const path = join(await tempDir(), "log.xlsx");
    await writeXlsx(path, LOG);
    const report = await runRollover(createXlsxWorkbook({ path }), { meeting: 29, now: NOW, dryRun: false, actor: "test" });
    expect(report.registerWritten).toBe(true);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    const strings: string[] = [];
    excel.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") strings.push(`${sheet.name}|${cell.value}`);
        }),
      ),
    );
    for (const formula of FORMULA_TEXT) expect(strings).toContain(`Register DAG30|${formula}`);
    expect(strings).toContain(`Audit|${HYPERLINK}`);
    expect(strings).toContain(`Actions|${HYPERLINK}`);
  });

  describe("on a Google Sheet", () => {
    let fake: FakeSheets;
    beforeAll(async () => {
      fake = await startFakeSheets();
    });
    afterAll(() => fake.close());

    it("every write is RAW and stores formula-like text as string values, never formulas", async () => {
      fake.seed("injection", LOG.tabs);
      await runRollover(createGoogleWorkbook({ spreadsheetId: "injection", rootUrl: fake.url, auth: fakeGoogleAuth() }), { meeting: 29, now: NOW, dryRun: false, actor: "test" });
      const writes = fake.calls.filter((c) => c.api !== "spreadsheets.get");
      expect(writes.length).toBeGreaterThan(0);
      for (const call of writes) {
        const body = JSON.stringify(call.body);
        expect(body).not.toContain("formulaValue");
        if (call.api === "values.batchUpdate") expect((call.body as { valueInputOption?: string }).valueInputOption).toBe("RAW");
      }
      const stored = fake.spreadsheet("injection").sheets.flatMap((sheet) => sheet.cells.flatMap((row) => (row ?? []).map((cell) => ({ tab: sheet.properties.title, value: cell?.value }))));
      expect(stored.filter((c) => c.value?.formulaValue !== undefined)).toEqual([]);
      const text = stored.map((c) => `${c.tab}|${c.value?.stringValue ?? ""}`);
      for (const formula of FORMULA_TEXT) expect(text).toContain(`Register DAG30|${formula}`);
      expect(text).toContain(`Audit|${HYPERLINK}`);
    });
  });
});
