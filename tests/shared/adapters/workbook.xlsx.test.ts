/** Runs the workbook contract against the .xlsx adapter, then the file-level guarantees: errors, locks, atomic saves. */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { transformWithOxc } from "vite";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { failsWith } from "../../support/actionlog-error.js";
import type { Cell } from "../../../shared/core/types.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { encodeText } from "../../../shared/adapters/xlsx-cells.js";
import type { RawTab, TabReplacement } from "../../../shared/adapters/workbook.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { describeWorkbook } from "../../support/describe-workbook.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const tempPath = async (name = "log.xlsx"): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "actionlog-xlsx-"));
  dirs.push(dir);
  return join(dir, name);
};

/** A RawTab as a whole-tab replacement; gaps between row numbers become blank rows. */
const asReplacement = (tab: RawTab): TabReplacement => {
  const last = Math.max(1, ...tab.rows.map((r) => r.row));
  const rows = Array.from({ length: last - 1 }, (_, i): Cell[] => tab.rows.find((r) => r.row === i + 2)?.cells ?? []);
  return { name: tab.name, headers: tab.headers, rows };
};

/** Writes `tabs` to a new file through the adapter itself (merging their merged cells as Excel would), then hands back a fresh adapter on that file. */
const seeded = async (tabs: RawTab[]) => {
  const path = await tempPath();
  await createXlsxWorkbook({ path, create: true }).apply({ ...emptyBatch(), tabs: tabs.map(asReplacement) });
  if (tabs.some((tab) => (tab.merges ?? []).length > 0)) {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    for (const tab of tabs) for (const range of tab.merges ?? []) excel.getWorksheet(tab.name)?.mergeCells(range);
    await excel.xlsx.writeFile(path);
  }
  return { path, book: createXlsxWorkbook({ path, create: tabs.length === 0 }) };
};

const actions = (): RawTab => ({
  name: "Actions",
  headers: ["Ref", "Status", "Due"],
  rows: [{ row: 2, cells: ["A-1", "Open", 45306] }],
});


const leftovers = async (path: string) => (await readdir(join(path, ".."))).filter((name) => name !== "log.xlsx");

describeWorkbook("xlsx workbook", async (tabs) => (await seeded(tabs)).book, { propertyRuns: 30 });

describe("createXlsxWorkbook on disk", () => {
  it("persists every apply so a fresh adapter reads the same workbook", async () => {
    const { path, book } = await seeded([actions()]);
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2", Status: "Open" } }] });
    expect(await createXlsxWorkbook({ path }).read()).toEqual(await book.read());
    expect(book.label).toBe(path);
  });

  it("reports exceljs dates as serials and formulas, rich text, links, errors as Sheets would, and a covered merged cell as the value shown there", async () => {
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Kinds");
    const jan15 = new Date(Date.UTC(2024, 0, 15));
    sheet.addRow(["Date", "Noon", "Formula", "Uncached", "Rich", "Link", "Error", "Empty", "Merged", "Covered", "Dated"]);
    sheet.addRow([
      jan15,
      new Date(Date.UTC(2024, 0, 15, 12)),
      { formula: "1+1", result: 2 },
      { formula: "A2" },
      { richText: [{ text: "bold ", font: { bold: true } }, { text: "plain" }] },
      { text: "site", hyperlink: "https://example.org" },
      { error: "#REF!" },
      "",
      "merged",
      null,
      { formula: "TODAY()", result: jan15 },
    ]);
    sheet.mergeCells("I2:J2");
    await excel.xlsx.writeFile(path);
    const [tab] = (await createXlsxWorkbook({ path }).read()).tabs;
    expect(tab?.rows).toEqual([
      { row: 2, cells: [45306, 45306.5, 2, null, "bold plain", "site", "#REF!", null, "merged", "merged", 45306] },
    ]);
    expect(tab?.merges).toEqual(["I2:J2"]);
  });

  it("keeps text exceljs would drop, mangle or write unopenable: control characters, CR, U+FFFE, _xHHHH_", async () => {
    const awkward: Cell[] = ["line\u000Bbreak from Word", "bell\u0001", "crlf\r\nx", "bom\uFFFEx", "del\u007Fx", "half \uD83D x", "_x0041_ _x004a_"];
    const headers = awkward.map((_, index) => `T${index}`);
    // Written the way Excel stores such text (escaped), with a merge so covered cells are exercised too.
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Text");
    sheet.addRow(headers);
    sheet.addRow(awkward.map((cell) => (typeof cell === "string" ? encodeText(cell) : cell)));
    sheet.mergeCells("A2:B2");
    await excel.xlsx.writeFile(path);
    const merged = [awkward[0] ?? null, awkward[0] ?? null, ...awkward.slice(2)];
    const book = createXlsxWorkbook({ path });
    expect((await book.read()).tabs[0]?.rows).toEqual([{ row: 2, cells: merged }]);

    await book.apply({
      ...emptyBatch(),
      updates: [{ tab: "Text", row: 2, ref: "", column: "T2", expected: awkward[2] ?? null, value: "again\u000B" }],
      appends: [{ tab: "Text", values: Object.fromEntries(headers.map((h, i) => [h, awkward[i] ?? null])) }],
    });
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Text", values: { T0: "third save" } }] });
    expect((await createXlsxWorkbook({ path }).read()).tabs[0]?.rows).toEqual([
      { row: 2, cells: [awkward[0], awkward[0], "again\u000B", ...awkward.slice(3)] },
      { row: 3, cells: awkward },
      { row: 4, cells: ["third save", null, null, null, null, null, null] },
    ]);
  });

  it("names the missing file and the init command, unless asked to create it", async () => {
    const path = await tempPath();
    const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_NOT_FOUND");
    expect(message).toContain(path);
    expect(message).toContain("actionlog init");
    await failsWith(createXlsxWorkbook({ path }).apply({ ...emptyBatch(), tabs: [asReplacement(actions())] }), "WORKBOOK_NOT_FOUND");
    expect(await leftovers(path)).toEqual([]);

    const creating = createXlsxWorkbook({ path, create: true });
    expect(await creating.read()).toEqual({ tabs: [] });
    await creating.apply({ ...emptyBatch(), tabs: [asReplacement(actions())] });
    expect(await createXlsxWorkbook({ path }).read()).toEqual({ tabs: [actions()] });
  });

  it("refuses garbage, empty and truncated files as unreadable and leaves their bytes alone", async () => {
    const { path: valid } = await seeded([actions()]);
    const good = await readFile(valid);
    for (const bytes of [Buffer.from("not a zip at all"), Buffer.alloc(0), good.subarray(0, Math.floor(good.length / 2))]) {
      const path = await tempPath();
      await writeFile(path, bytes);
      const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_UNREADABLE");
      expect(message).toContain(path);
      expect(message).not.toContain("\n");
      expect(message).not.toMatch(/zip|https?:/i); // the library's words stay in the cause
      await failsWith(createXlsxWorkbook({ path }).apply({ ...emptyBatch(), tabs: [asReplacement(actions())] }), "WORKBOOK_UNREADABLE");
      expect(await readFile(path)).toEqual(bytes);
      expect(await leftovers(path)).toEqual([]);
    }
  });

  it("says a zip with no sheets (a Word document renamed .xlsx) is not a spreadsheet, rather than naming a missing tab", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("word/document.xml", "<w:document/>");
    const path = await tempPath();
    await writeFile(path, await zip.generateAsync({ type: "uint8array" }));
    const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_UNREADABLE");
    expect(message).toContain("has no sheets in it, so it is not a spreadsheet");
  });

  it("refuses to save while Excel or LibreOffice has the workbook open, but still reads it", async () => {
    for (const lockName of ["~$log.xlsx", ".~lock.log.xlsx#"]) {
      const { path, book } = await seeded([actions()]);
      const before = await readFile(path);
      const lockFile = join(path, "..", lockName);
      await writeFile(lockFile, "someone");
      const batch = { ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] };
      const message = await failsWith(book.apply(batch), "WORKBOOK_OPEN_ELSEWHERE");
      expect(message).toContain(lockFile);
      expect(await readFile(path)).toEqual(before);
      expect((await book.read()).tabs).toEqual([actions()]);
    }
  });

  it("loses no update when two adapters apply to the same file at once", async () => {
    const { path } = await seeded([actions()]);
    const [first, second] = [createXlsxWorkbook({ path }), createXlsxWorkbook({ path })];
    const append = (ref: string) => ({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: ref } }] });
    const results = await Promise.all([
      first.apply(append("A-2")),
      second.apply(append("A-3")),
      first.apply({ ...emptyBatch(), updates: [{ tab: "Actions", row: 2, ref: "A-1", column: "Status", expected: "Open", value: "Closed" }] }),
      second.apply(append("A-4")),
    ]);
    expect(results.map((r) => r.applied)).toEqual([1, 1, 1, 1]);
    const rows = (await createXlsxWorkbook({ path }).read()).tabs[0]?.rows ?? [];
    expect(rows.map((r) => r.cells[0]).sort()).toEqual(["A-1", "A-2", "A-3", "A-4"]);
    expect(rows[0]?.cells[1]).toBe("Closed");
    expect(await leftovers(path)).toEqual([]);
  });

  it("takes over a lock left by a dead process or too old to be live", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = dead.pid ?? 0;
    await new Promise((resolve) => dead.on("exit", resolve));
    for (const [pid, ageSeconds] of [[deadPid, 0], [process.pid, 120]] as const) {
      const { path, book } = await seeded([actions()]);
      const lock = `${path}.lock`;
      await writeFile(lock, JSON.stringify({ pid, host: hostname(), time: new Date().toISOString(), token: "old" }));
      const then = new Date(Date.now() - ageSeconds * 1000);
      await utimes(lock, then, then);
      const result = await createXlsxWorkbook({ path, lockTimeoutMs: 2_000 }).apply({
        ...emptyBatch(),
        appends: [{ tab: "Actions", values: { Ref: "A-2" } }],
      });
      expect(result.applied).toBe(1);
      expect((await book.read()).tabs[0]?.rows).toHaveLength(2);
      expect(await leftovers(path)).toEqual([]);
    }
  });

  it("gives up on a live lock after lockTimeoutMs, naming the lock file, and keeps both files", async () => {
    const { path } = await seeded([actions()]);
    const lock = `${path}.lock`;
    const held = JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), token: "held" });
    await writeFile(lock, held);
    const before = await readFile(path);
    const started = Date.now();
    const batch = { ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] };
    const message = await failsWith(createXlsxWorkbook({ path, lockTimeoutMs: 150 }).apply(batch), "WORKBOOK_LOCKED");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(message).toContain(lock);
    expect(message).toMatch(/delete/i);
    expect(await readFile(lock, "utf8")).toBe(held);
    expect(await readFile(path)).toEqual(before);
  });

  it("rejects tab names Excel cannot hold before writing anything", async () => {
    const { path } = await seeded([actions()]);
    const before = await readFile(path);
    for (const name of ["Register ABCDEFGHIJKLMNOPQRSTUVWXYZ1", "Actions: old", "History"]) {
      const batch = { ...emptyBatch(), tabs: [{ name, headers: ["Ref"], rows: [] }] };
      expect(await failsWith(createXlsxWorkbook({ path }).apply(batch), "SCHEMA")).toContain(name);
    }
    expect(await readFile(path)).toEqual(before);
  });
});

/** exceljs has worksheet.dataValidations at runtime but leaves it out of its type definitions. */
type Validations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void; find(address: string): unknown } };
const validations = (sheet: ExcelJS.Worksheet | undefined) => (sheet as unknown as Validations | undefined)?.dataValidations;

describe("createXlsxWorkbook formatting", () => {
  const load = async (path: string) => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    return excel;
  };

  it("lays out replaced tabs: bold filled frozen header, autofilter, wide wrapped text columns, dates", async () => {
    const { path, book } = await seeded([
      { name: "Actions", headers: ["Ref", "Action", "Due"], rows: [{ row: 2, cells: ["A-1", "Write it up", 45306] }] },
      { name: "Meetings", headers: ["Meeting", "Date"], rows: [] },
    ]);
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Meetings", values: { Meeting: 30, Date: 45307 } }] });
    expect((await book.read()).tabs[1]?.rows).toEqual([{ row: 2, cells: [30, 45307] }]);
    const excel = await load(path);
    expect(excel.getWorksheet("Meetings")?.getCell("B2").numFmt).toMatch(/yyyy/);
    const sheet = excel.getWorksheet("Actions");
    const header = sheet?.getCell("A1");
    expect(header?.font?.bold).toBe(true);
    expect(header?.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBe("A1:C2");
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet?.getCell("B2").alignment?.wrapText).toBe(true);
    expect(sheet?.getCell("C2").numFmt).toMatch(/yyyy/);
  });

  it("keeps a member's formatting on tabs it only updates or appends to, and writes '=' text as text", async () => {
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Actions");
    sheet.addRow(["Ref", "Status", "Due"]);
    sheet.addRow(["A-1", "Open", new Date(Date.UTC(2024, 0, 15))]);
    sheet.getColumn(2).width = 33;
    sheet.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    sheet.getCell("C2").numFmt = "dd/mm/yyyy";
    validations(sheet)?.add("B2:B500", { type: "list", allowBlank: true, formulae: ['"Open,Closed"'] });
    await excel.xlsx.writeFile(path);

    await createXlsxWorkbook({ path }).apply({
      ...emptyBatch(),
      updates: [{ tab: "Actions", row: 2, ref: "A-1", column: "Status", expected: "Open", value: "=1+1" }],
      appends: [{ tab: "Actions", values: { Ref: "A-2", Due: 45307 } }],
    });
    const after = (await load(path)).getWorksheet("Actions");
    expect(after?.getColumn(2).width).toBe(33);
    expect(after?.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFF0000" } });
    expect(after?.getCell("B2").value).toBe("=1+1");
    expect(after?.getCell("B2").formula).toBeUndefined();
    expect(after?.getCell("C3").numFmt).toBe("dd/mm/yyyy");
    expect(validations(after)?.find("B3")).toMatchObject({ type: "list" });
    expect((await stat(path)).size).toBeGreaterThan(0);
  });
});

/**
 * How the crash test works: the real atomic-file.ts is compiled on the fly (vite's oxc transform strips
 * the types; the module imports only node built-ins) and run in a child node process that saves 3 MiB
 * over the workbook. Its onStage hook announces a stage on stdout and then parks, and the parent
 * SIGKILLs it there: a genuine kill of the production code mid-write, with no cooperation at the end.
 */
describe("atomic save", () => {
  const compileWriter = async (dir: string): Promise<string> => {
    const sourcePath = new URL("../../../shared/adapters/atomic-file.ts", import.meta.url);
    const { code } = await transformWithOxc(await readFile(sourcePath, "utf8"), "atomic-file.ts");
    await writeFile(join(dir, "atomic-file.mjs"), code);
    const script = join(dir, "writer.mjs");
    await writeFile(
      script,
      [
        'import { writeFileAtomic } from "./atomic-file.mjs";',
        "const [target, killAt] = process.argv.slice(2);",
        "setInterval(() => {}, 60_000);",
        "const park = () => new Promise(() => {});",
        "const onStage = async (stage) => { if (stage === killAt) { process.stdout.write('at ' + stage + '\\n'); await park(); } };",
        "await writeFileAtomic(target, Buffer.alloc(3 * 1024 * 1024, 65), { onStage });",
        "process.exit(0);",
      ].join("\n"),
    );
    return script;
  };

  /** Runs the writer; kills it with SIGKILL as soon as it reports reaching `killAt`. */
  const runWriter = (script: string, target: string, killAt: string) =>
    new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [script, target, killAt], { stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`at ${killAt}`)) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("exit", (_code, signal) => resolve({ signal, output }));
    });

  it("leaves the previous workbook intact when the saving process is killed part-way", async () => {
    const { path, book } = await seeded([actions()]);
    const before = await readFile(path);
    const script = await compileWriter(join(path, ".."));
    const dir = join(path, "..");
    const writerFiles = ["atomic-file.mjs", "writer.mjs"];
    const temps = async () => (await readdir(dir)).filter((n) => n.startsWith(".log.xlsx.") && n.endsWith(".tmp"));

    for (const stage of ["temp-opened", "partly-written", "synced"]) {
      const { signal } = await runWriter(script, path, stage);
      expect(signal).toBe("SIGKILL");
      expect(await readFile(path)).toEqual(before);
      expect(await createXlsxWorkbook({ path }).read()).toEqual({ tabs: [actions()] });
    }
    const partial = await Promise.all((await temps()).map(async (n) => (await stat(join(dir, n))).size));
    expect(partial).toHaveLength(3);
    expect(partial.some((size) => size > 0 && size < 3 * 1024 * 1024)).toBe(true);

    // The next save clears what the killed writers left behind.
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] });
    expect(await temps()).toEqual([]);
    expect((await book.read()).tabs[0]?.rows).toHaveLength(2);
    expect((await leftovers(path)).sort()).toEqual(writerFiles);

    // Control: left alone, the same compiled writer really does replace the file.
    const { signal } = await runWriter(script, path, "never");
    expect(signal).toBeNull();
    expect((await readFile(path)).equals(Buffer.alloc(3 * 1024 * 1024, 65))).toBe(true);
  });
});
