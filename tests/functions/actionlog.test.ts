import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEADERS } from "../../sheets-schema/tabs.js";
import { cli, readXlsx, sheetPerTest, writeXlsx } from "../support/cli.js";
import { action, buildLog } from "../support/log-fixture.js";

const files = sheetPerTest("2023-10-20T09:00:00Z");

const tabRows = async (name: string) => (await readXlsx(files.sheet)).tabs.find((t) => t.name === name)?.rows.map((r) => r.cells) ?? [];

describe("actionlog init", () => {
  it("creates every tab with its headers and the default Settings", async () => {
    const result = await cli("init", files.sheet, "--committee", "dag", "--name", "Design Advisory Group");
    expect(result.code).toBe(0);
    const book = await readXlsx(files.sheet);
    expect(book.tabs.map((t) => [t.name, t.headers])).toEqual(Object.entries(HEADERS));
    expect(await tabRows("Settings")).toContainEqual(["committee_code", "DAG"]);
    expect(await tabRows("Settings")).toContainEqual(["asap_working_days", "5"]);
  });

  it("refuses to overwrite an existing file and leaves it untouched", async () => {
    await writeFile(files.sheet, "precious");
    const result = await cli("init", files.sheet, "--committee", "DAG");
    expect(result).toMatchObject({ code: 2, out: "" });
    expect(result.err).toContain("already exists");
    expect(await readFile(files.sheet, "utf8")).toBe("precious");
  });
});

describe("actionlog validate", () => {
  it("prints the pinned JSON shape, writes Checks and normalisations, audits each, exits 1 on problems", async () => {
    await writeXlsx(files.sheet, buildLog({ actions: [action({ Due: "31/02/2024" }), action({ Ref: "", Status: "ongoing", Action: "Second" })] }));
    const result = await cli("validate", "--sheet", files.sheet, "--json");
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out);
    expect(Object.keys(json)).toEqual(["ok", "rows", "problems", "changes"]);
    expect(json.ok).toBe(false);
    expect(json.rows).toBe(2);
    expect(json.problems).toEqual([
      { tab: "Actions", row: 2, ref: "DAG29-01", column: "Due", message: 'Due "31/02/2024" is not a date; write it as 13/10/2023, ASAP, Next meeting or +10 WD' },
    ]);
    expect(json.changes.map((c: Record<string, unknown>) => Object.keys(c))).toContainEqual(["tab", "row", "ref", "column", "old", "new", "reason"]);
    expect(json.changes.map((c: { row: number; column: string; new: unknown }) => [c.row, c.column, c.new])).toEqual([
      [2, "Checks", json.problems[0].message],
      [3, "Ref", "DAG29-02"],
      [3, "Status", "Ongoing"],
      [3, "Due Date", "2023-10-13"],
    ]);
    const actions = await tabRows("Actions");
    expect(actions[1]?.slice(0, 8)).toEqual(["DAG29-02", 29, "CR032 Impact Assessment", "Second", "NGESO Representative (Daniel Arrowsmith)", "13/10/2023", "2023-10-13", "Ongoing"]);
    expect(actions[0]?.[11]).toBe(json.problems[0].message);
    const audit = await tabRows("Audit");
    expect(audit).toHaveLength(4);
    expect(audit[1]).toEqual(["2023-10-20T10:00:00+01:00", "actionlog validate", "Actions", "DAG29-02", "Ref", null, "DAG29-02", "blank ref: next free number for its meeting"]);
  });

  it("exits 0 and writes nothing on a second run once the log is clean", async () => {
    await writeXlsx(files.sheet, buildLog({ actions: [action()] }));
    expect((await cli("validate", "--sheet", files.sheet)).code).toBe(0);
    const before = await readFile(files.sheet);
    const again = await cli("validate", "--sheet", files.sheet);
    expect(again.code).toBe(0);
    expect(again.out).toContain("0 problems, wrote 0 changes");
    expect((await readFile(files.sheet)).equals(before)).toBe(true);
  });

  it("--dry-run reports the changes but leaves the file byte for byte", async () => {
    await writeXlsx(files.sheet, buildLog({ actions: [action({ Ref: "" })] }));
    const before = await readFile(files.sheet);
    const result = await cli("validate", "--sheet", files.sheet, "--dry-run");
    expect(result.out).toContain("would write 2 changes");
    expect((await readFile(files.sheet)).equals(before)).toBe(true);
  });

  it.each([
    ["a missing file", null, "No workbook at"],
    ["a corrupt file", "not a zip at all", "log.xlsx"],
  ])("gives one clear line and exit 2 for %s", async (_name, content, message) => {
    if (content !== null) await writeFile(files.sheet, content);
    const result = await cli("validate", "--sheet", files.sheet);
    expect(result.code).toBe(2);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.err).toContain(message);
    if (content !== null) expect(await readFile(files.sheet, "utf8")).toBe(content);
  });

  it("names the tab and header when a required header is missing", async () => {
    const log = buildLog({ actions: [action()] });
    const actions = log.tabs.find((t) => t.name === "Actions");
    if (actions) actions.headers[5] = "When";
    await writeXlsx(files.sheet, log);
    const result = await cli("validate", "--sheet", files.sheet);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Actions: Header "Due" is missing from row 1 of the Actions tab');
  });

  it.each([
    [["validate"], "--sheet is required"],
    [["validate", "--sheet", "log.csv"], "is not an .xlsx workbook"],
    [["validate", "--sheet", "x.xlsx", "--bogus"], "Unknown option '--bogus'"],
    [["rollover", "--sheet", "x.xlsx", "--meeting", "twenty"], '--meeting "twenty" is not a meeting number'],
    [["register", "--sheet", "x.xlsx", "--meeting", "30", "--format", "pdf"], '--format "pdf" is not supported'],
    [["due", "+3 WD"], "--from is required"],
    [["due", "+3 WD", "--from", "2023-10-11", "--region", "wales"], '--region "wales" is not a region'],
    [["due", "Next meeting", "--from", "2023-10-11"], '"Next meeting" needs the next meeting\'s date; give it with --next YYYY-MM-DD'],
    [["due", "Next meeting", "--from", "2023-10-11", "--next", "15/11/2023"], '--next "15/11/2023" must be written YYYY-MM-DD'],
    [["frobnicate"], 'unknown command "frobnicate"'],
  ])("exits 2 for bad usage: %j", async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});

describe("actionlog rollover and register", () => {
  const log = () => buildLog({
    actions: [
      action(),
      action({ Ref: "DAG29-02", Due: "Next meeting", Owner: "Programme (PMO)", Action: "=HYPERLINK(\"http://evil\")" }),
      action({ Ref: "DAG28-04", Meeting: 28, Status: "Ongoing", Due: "08/11/2023" }),
      action({ Ref: "DAG28-05", Meeting: 28, Status: "Closed", Update: "Done" }),
    ],
  });

  it("prints the pinned JSON shape, writes the Register tab and Carried, and is idempotent", async () => {
    await writeXlsx(files.sheet, log());
    const first = await cli("rollover", "--sheet", files.sheet, "--meeting", "29", "--json");
    expect(first.code).toBe(0);
    const json = JSON.parse(first.out);
    expect(Object.keys(json)).toEqual(["meeting", "next", "register", "warnings"]);
    expect(json.register[2]).toEqual({ section: "previous", area: "CR032 Impact Assessment", ref: "DAG28-04", action: "NGESO to amend CR032 and resubmit", owner: "NGESO Representative (Daniel Arrowsmith)", due: "08/11/2023", dueDate: "2023-11-08", carried: 1 });
    expect(await tabRows("Register DAG30")).toEqual([
      ["New", "CR032 Impact Assessment", "DAG29-01", "NGESO to amend CR032 and resubmit", "NGESO Representative (Daniel Arrowsmith)", "13/10/2023"],
      ["New", "CR032 Impact Assessment", "DAG29-02", "=HYPERLINK(\"http://evil\")", "Programme (PMO)", "08/11/2023"],
      ["Previous Meeting(s)", "CR032 Impact Assessment", "DAG28-04", "NGESO to amend CR032 and resubmit", "NGESO Representative (Daniel Arrowsmith)", "08/11/2023"],
    ]);
    const auditRows = (await tabRows("Audit")).length;
    const second = await cli("rollover", "--sheet", files.sheet, "--meeting", "29", "--json");
    expect(JSON.parse(second.out).register).toEqual(json.register);
    expect((await tabRows("Audit")).length).toBe(auditRows);
    expect((await cli("rollover", "--sheet", files.sheet, "--meeting", "29")).out).toContain("is unchanged");
  });

  it("exports md, csv (formulas neutralised) and json, to stdout or --out", async () => {
    await writeXlsx(files.sheet, log());
    const md = await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", "md");
    expect(md.out).toContain("# Design Advisory Group (DAG): Meeting 30, 8 Nov 2023");
    expect(md.out).toContain("| **Previous Meeting(s)** | | | | |");
    const out = join(files.dir, "register.csv");
    expect((await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", "csv", "--out", out)).code).toBe(0);
    const csv = await readFile(out, "utf8");
    expect(csv).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFSection,Area,Ref,Action,Owner,Due,Due Date,Carried"); // BOM: Excel reads it as UTF-8
    const json = JSON.parse((await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", "json")).out);
    expect(json.register.map((e: { ref: string }) => e.ref)).toEqual(["DAG29-01", "DAG29-02", "DAG28-04"]);
  });

  it("takes the format from --out's extension, and refuses one that contradicts --format", async () => {
    await writeXlsx(files.sheet, log());
    const docx = join(files.dir, "papers.docx");
    expect((await cli("register", "--sheet", files.sheet, "--meeting", "30", "--out", docx)).code).toBe(0);
    expect((await readFile(docx)).subarray(0, 2).toString()).toBe("PK"); // a Word file, not Markdown
    const wrong = await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", "csv", "--out", join(files.dir, "x.docx"));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("ends in .docx but --format is csv");
  });

  it("says what to do when --out names a folder that does not exist, and writes nothing", async () => {
    await writeXlsx(files.sheet, log());
    const out = join(files.dir, "papers", "register.csv");
    const result = await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", "csv", "--out", out);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Cannot write ${out}: the folder ${join(files.dir, "papers")} does not exist; create it`);
    expect(result.err).not.toContain("ENOENT");
  });

  it("explains what to add when the next meeting is missing, and exits 2", async () => {
    await writeXlsx(files.sheet, log());
    const result = await cli("rollover", "--sheet", files.sheet, "--meeting", "31");
    expect(result.code).toBe(2);
    expect(result.err).toContain("Meeting 31 is Scheduled in Meetings; set its Status to Held");
  });
});

describe("actionlog due", () => {
  it.each([
    [["ASAP", "--from", "2024-03-27"], { input: "ASAP", date: "2024-04-05", rule: "asap" }],
    [["+10", "WD", "--from", "2023-10-11"], { input: "+10 WD", date: "2023-10-25", rule: "working-days" }],
    [["ASAP", "--from", "2024-03-27", "--region", "scotland"], { input: "ASAP", date: "2024-04-04", rule: "asap" }],
    [["13 Oct 2023", "--from", "2023-10-11"], { input: "13 Oct 2023", date: "2023-10-13", rule: "date" }],
    [["Next Mtg.", "--from", "2023-10-11", "--next", "2023-11-15"], { input: "Next Mtg.", date: "2023-11-15", rule: "next-meeting" }],
  ])("%j", async (argv, expected) => {
    const result = await cli("due", ...argv, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual(expected);
  });

  it("with --json, reports bad input as JSON on stdout as well as in words on stderr", async () => {
    const result = await cli("due", "31/02/2024", "--from", "2023-10-11", "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toEqual({ error: expect.stringContaining('"31/02/2024" is not a date'), code: "USAGE" });
    expect(result.err).toContain("actionlog due:");
    const unknown = await cli("bogus", "--json");
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toEqual({ error: 'unknown command "bogus"; run actionlog --help to see the commands', code: "USAGE" });
    expect((await cli("import", "minutes.txt")).err).toContain('unknown command "import"; did you mean actionlog import-minutes?');
  });
});
