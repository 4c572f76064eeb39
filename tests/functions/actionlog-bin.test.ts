import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readXlsx, tempDir } from "../support/cli.js";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/actionlog.js");

/** The compiled command, spawned as a user would run it (dist/ is built by the global setup). */
const actionlog = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe("the actionlog binary", () => {
  it("prints help and exits 0", async () => {
    const result = await actionlog(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("actionlog validate --sheet <file>");
  });

  it("runs the demo end to end: minutes imported, register tab, the papers in every format and the emails", async () => {
    const dir = join(await tempDir(), "demo");
    const result = await actionlog(["demo", "--dir", dir], { ACTIONLOG_NOW: "2026-11-28T16:00:00Z" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Minutes of DSB meeting 14 held 11/11/2026: 13 actions (9 new), 3 decisions");
    expect(result.stdout).toContain("Register for meeting 15 (9 new actions, 3 from previous meetings)");
    expect((await readdir(dir)).sort()).toEqual(["action-log.xlsx", "minutes-DSB14.txt", "outbox", ...["csv", "docx", "html", "json", "md"].map((f) => `register-DSB15.${f}`)]);
    expect((await readdir(join(dir, "outbox"))).sort().map((f) => f.replace(/-[0-9a-f]{10}\.eml$/, ".eml"))).toEqual(["digest-owen-pryce-2026-W48.eml", "digest-simon-carter-2026-W48.eml", "summary-2026-W48.eml"]);
    const book = await readXlsx(join(dir, "action-log.xlsx"));
    expect(book.tabs.map((t) => t.name)).toContain("Register DSB15");
    expect(book.tabs.find((t) => t.name === "Audit")?.rows.length).toBeGreaterThan(20);
  });

  it("runs again over its own folder, but never over a real log or an outbox it did not write", async () => {
    const env = { ACTIONLOG_NOW: "2026-11-28T16:00:00Z" };
    const dir = join(await tempDir(), "demo");
    expect((await actionlog(["demo", "--dir", dir], env)).code).toBe(0);
    expect((await actionlog(["demo", "--dir", dir], env)).code).toBe(0);

    const real = await tempDir();
    expect((await actionlog(["init", join(real, "action-log.xlsx"), "--committee", "DAG", "--name", "Design Advisory Group"])).code).toBe(0);
    await mkdir(join(real, "outbox"));
    await writeFile(join(real, "outbox", "digest-paul-2023-W42.eml"), "sent last week");
    const before = await readFile(join(real, "action-log.xlsx"));
    const refused = await actionlog(["demo", "--dir", real], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is the DAG log, not the demo's DSB sample; the demo replaces action-log.xlsx, so it stopped and changed nothing");
    expect(await readFile(join(real, "action-log.xlsx"))).toEqual(before);
    expect(await readdir(join(real, "outbox"))).toEqual(["digest-paul-2023-W42.eml"]);

    const mailOnly = await tempDir();
    await mkdir(join(mailOnly, "outbox"));
    await writeFile(join(mailOnly, "outbox", "summary-2023-W42.eml"), "sent last week");
    const stopped = await actionlog(["demo", "--dir", mailOnly], env);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain("holds a file the demo did not write");
    expect(await readdir(mailOnly)).toEqual(["outbox"]);
  });

  it("reports a bad clock setting as one line and exit 2", async () => {
    const result = await actionlog(["validate", "--sheet", "log.xlsx"], { ACTIONLOG_NOW: "yesterday" });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("actionlog validate: Bad configuration: ACTIONLOG_NOW is not an ISO date-time such as 2023-10-11T10:00:00Z");
  });
});
