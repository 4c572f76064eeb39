import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SIGNATURE_HEADER, signRequest } from "../../shared/adapters/request-signature.js";
import { readXlsx, tempDir, writeXlsx } from "../support/cli.js";
import { action, buildLog } from "../support/log-fixture.js";

const BIN = join(import.meta.dirname, "../../bin/actionlog.js");
const SECRET = "serve-test-secret-0123456789";

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

/** Starts the compiled `actionlog serve` on a free loopback port; resolves with its URL once it listens. */
function startServe(sheet: string, env: Record<string, string>): Promise<{ url: string; exited: Promise<number | null> }> {
  const proc = spawn(process.execPath, [BIN, "serve", "--sheet", sheet, "--port", "0"], { env: { ...process.env, ...env } });
  child = proc;
  const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
  let out = "";
  let err = "";
  return new Promise((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, exited });
    });
    proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    proc.once("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const actionsTab = async (sheet: string) => (await readXlsx(sheet)).tabs.find((t) => t.name === "Actions");

describe("actionlog serve", () => {
  it("a signed POST /onSheetEdit fills the Checks column of the local workbook; an unsigned one changes nothing", async () => {
    const sheet = join(await tempDir(), "log.xlsx");
    await writeXlsx(sheet, buildLog({ actions: [action({ Due: "31/02/2024" })] }));
    const { url, exited } = await startServe(sheet, { ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_NOW: "2023-10-20T09:00:00Z" });

    const body = JSON.stringify({ spreadsheetId: "ignored-locally", tab: "Actions", range: "F2" });
    const unsigned = await fetch(`${url}/onSheetEdit`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    const checks = (await actionsTab(sheet))?.headers.indexOf("Checks") ?? -1;
    expect((await actionsTab(sheet))?.rows[0]?.cells[checks] ?? null).toBeNull();

    // The wall clock, not ACTIONLOG_NOW, bounds the signature window.
    const header = signRequest(SECRET, "onSheetEdit", body, Math.floor(Date.now() / 1000));
    const response = await fetch(`${url}/onSheetEdit`, { method: "POST", headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: header }, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, problems: 1 });
    expect((await actionsTab(sheet))?.rows[0]?.cells[checks]).toContain('Due "31/02/2024" is not a date');

    expect((await fetch(`${url}/nowhere`, { method: "POST" })).status).toBe(404);
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses to start without ACTIONLOG_WEBHOOK_SECRET, saying which variable to set", async () => {
    const sheet = join(await tempDir(), "log.xlsx");
    await writeXlsx(sheet, buildLog());
    const env = { ...process.env };
    delete env.ACTIONLOG_WEBHOOK_SECRET;
    const proc = spawn(process.execPath, [BIN, "serve", "--sheet", sheet], { env });
    child = proc;
    let err = "";
    proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => proc.once("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("ACTIONLOG_WEBHOOK_SECRET is missing");
  });
});
