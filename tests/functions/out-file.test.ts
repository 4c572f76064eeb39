/** register --out and preview --out never write over the workbook, and refuse a file name that names no format they write. */
import { existsSync } from "node:fs";
import { link, mkdir, readFile, symlink } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cli, tempDir, writeXlsx } from "../support/cli.js";
import { action, buildLog } from "../support/log-fixture.js";

let dir: string;
let sheet: string;
let before: Buffer;

beforeEach(async () => {
  dir = await tempDir();
  sheet = join(dir, "log.xlsx");
  vi.stubEnv("ACTIONLOG_NOW", "2023-11-13T08:30:00Z");
  await writeXlsx(sheet, buildLog({ actions: [action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" })] }));
  before = await readFile(sheet);
});

/** The other names a test can give the workbook: the path itself, relative, roundabout, through a linked folder, a hard link. */
const sameWorkbook: [string, () => Promise<string>][] = [
  ["the same path", async () => sheet],
  ["a relative path", async () => relative(process.cwd(), sheet)],
  ["a roundabout path", async () => join(dir, "sub", "..", "log.xlsx")],
  ["a path through a linked folder", async () => {
    const other = await tempDir();
    await symlink(dir, join(other, "linked"));
    return join(other, "linked", "log.xlsx");
  }],
  ["a hard link to it", async () => {
    await link(sheet, join(dir, "hard.xlsx"));
    return join(dir, "hard.xlsx");
  }],
];

describe("register --out (regression: --out log.xlsx --sheet log.xlsx wrote Markdown over the whole log)", () => {
  it.each(sameWorkbook)("refuses %s to the workbook, exits 2 and leaves the workbook as it was", async (_name, outPath) => {
    await mkdir(join(dir, "sub"), { recursive: true });
    const out = await outPath();
    for (const format of [[], ["--format", "md"]]) {
      const result = await cli("register", "--sheet", sheet, "--meeting", "30", ...format, "--out", out);
      expect(result.code).toBe(2);
      expect(result.err).toContain("is the workbook itself");
      expect(result.err).toContain("nothing was written");
    }
    expect((await readFile(sheet)).equals(before)).toBe(true);
  });

  it.each([["papers.pdf"], ["register"]])("refuses --out %s without --format, listing the extensions it takes, and writes nothing", async (name) => {
    const out = join(dir, name);
    const result = await cli("register", "--sheet", sheet, "--meeting", "30", "--out", out);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--out ${out}`);
    expect(result.err).toContain(".json, .csv, .md, .html, .docx");
    expect(existsSync(out)).toBe(false);
  });

  it.each([["other.xlsx"], ["budget.xlsm"], ["plan.ods"]])("refuses --out %s, with or without --format, since it names some workbook (QA re-verification S1)", async (name) => {
    const out = join(dir, name);
    for (const format of [[], ["--format", "md"]]) {
      const result = await cli("register", "--sheet", sheet, "--meeting", "30", ...format, "--out", out);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`--out ${out} names a spreadsheet`);
      expect(result.err).toContain("nothing was written");
    }
    expect(existsSync(out)).toBe(false);
  });

  it("still writes any other file name when --format says what to write", async () => {
    const out = join(dir, "register.txt");
    const result = await cli("register", "--sheet", sheet, "--meeting", "30", "--format", "md", "--out", out);
    expect(result.code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("| Area | Ref | Action | Owner | Due |");
  });
});

describe("preview --out", () => {
  it("refuses the workbook itself and leaves it as it was", async () => {
    const result = await cli("preview", "--sheet", sheet, "--person", "PP", "--out", join(dir, ".", "log.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toContain("is the workbook itself");
    expect((await readFile(sheet)).equals(before)).toBe(true);
  });

  it("refuses a file name that is not .html, and writes a .htm one", async () => {
    const wrong = await cli("preview", "--sheet", sheet, "--person", "PP", "--out", join(dir, "paul.txt"));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("ends in .txt, which is not a format written here; end the file name in one of .html, .htm");
    expect(existsSync(join(dir, "paul.txt"))).toBe(false);
    const workbook = await cli("preview", "--sheet", sheet, "--person", "PP", "--out", join(dir, "paul.xlsx"));
    expect([workbook.code, workbook.err.includes("names a spreadsheet")]).toEqual([2, true]);
    expect(existsSync(join(dir, "paul.xlsx"))).toBe(false);
    const right = await cli("preview", "--sheet", sheet, "--person", "PP", "--out", join(dir, "paul.htm"));
    expect(right.code).toBe(0);
    expect(await readFile(join(dir, "paul.htm"), "utf8")).toContain("Hello Paul Pettitt,");
  });
});
