/** validate, rollover and register send no mail, so a malformed ACTIONLOG_SMTP_URL never stops them, on a workbook file or a Google Sheet. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cli, tempDir, writeXlsx } from "../support/cli.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";

const BAD_ENV = "smtp:/actionlog:EnvPassw0rd@mail.example.org";
const ID = "1MailFreeCommands0123456789_-abcdefghijklmnop";
const LOG = buildLog({ actions: [action(), action({ Ref: "DAG28-04", Meeting: 28, Status: "Ongoing", Due: "08/11/2023" })] });

let fake: FakeSheets;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

beforeEach(async () => {
  dir = await tempDir();
  await writeXlsx(join(dir, "log.xlsx"), LOG);
  fake.seed(ID, LOG.tabs);
  vi.stubEnv("ACTIONLOG_SHEETS_ROOT_URL", fake.url);
  vi.stubEnv("ACTIONLOG_NOW", "2023-10-20T09:00:00Z");
  vi.stubEnv("ACTIONLOG_SMTP_URL", BAD_ENV);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const COMMANDS = [
  ["validate", []],
  ["rollover", ["--meeting", "29"]],
  ["register", ["--meeting", "30"]],
] as const;

describe("a malformed ACTIONLOG_SMTP_URL (regression: it stopped commands that send no mail)", () => {
  it.each(COMMANDS)("does not stop %s on a workbook file", async (command, extra) => {
    const result = await cli(command, "--sheet", join(dir, "log.xlsx"), ...extra);
    expect([result.code, result.err]).toEqual([0, ""]);
    expect(result.out).toContain("DAG29-01");
  });

  it.each(COMMANDS)("does not stop %s on a Google Sheet", async (command, extra) => {
    const result = await cli(command, "--sheet", `gsheet:${ID}`, ...extra);
    expect([result.code, result.err]).toEqual([0, ""]);
    expect(result.out).toContain("DAG29-01");
  });

  it("still stops a digest that would send through it (control)", async () => {
    const result = await cli("digest", "--sheet", join(dir, "log.xlsx"), "--today", "2023-11-13");
    expect(result.code).toBe(2);
    expect(result.err).toContain("ACTIONLOG_SMTP_URL is not an SMTP URL");
    expect(result.err).not.toContain("EnvPassw0rd");
  });
});
