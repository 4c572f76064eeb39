/** `actionlog register` with live actions it cannot place: warns on stderr and exits 1, in every format (QA messy 3). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { action, buildLog } from "../support/log-fixture.js";
import { cli, sheetPerTest, writeXlsx } from "../support/cli.js";

const files = sheetPerTest();

const WARNING = 'Actions row 3 (DAG29-15) is not on the register: Status "On hold" is not a status; write Ongoing and say why in Update';

describe("actionlog register", () => {
  it.each([
    ["md", []],
    ["html", []],
    ["csv", []],
    ["json", []],
    ["docx", ["--out", "papers.docx"]],
    ["csv", ["--out", "papers.csv"]],
  ])("--format %s %j: names the row left off on stderr and exits 1", async (format, extra) => {
    await writeXlsx(files.sheet, buildLog({ actions: [action(), action({ Ref: "DAG29-15", Status: "On hold" })] }));
    const args = extra.length > 0 ? [extra[0] ?? "", join(files.dir, extra[1] ?? "")] : [];
    const result = await cli("register", "--sheet", files.sheet, "--meeting", "30", "--format", format, ...args);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Warnings (not in the papers until fixed; run actionlog validate):\n  ${WARNING}`);
    expect(result.out).not.toContain("Warnings (");
    if (format === "json") expect(JSON.parse(result.out).warnings).toEqual([WARNING]);
    if (args.length > 0) expect((await readFile(args[1] ?? "")).length).toBeGreaterThan(0);
  });

  it("exits 0 with nothing on stderr but the file it wrote when every outstanding action is on the papers", async () => {
    await writeXlsx(files.sheet, buildLog({ actions: [action(), action({ Ref: "DAG29-12", Status: "WIP" })] }));
    const out = join(files.dir, "papers.md");
    const result = await cli("register", "--sheet", files.sheet, "--meeting", "30", "--out", out);
    expect([result.code, result.err]).toEqual([0, `Wrote ${out}\n`]);
    expect(await readFile(out, "utf8")).toContain("DAG29-12");
  });
});
