/** How `actionlog digest` treats its mail settings: only the transport in use is checked, and SMTP faults are named in plain words. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig, smtpUrlProblem } from "../../shared/config.js";
import { MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { cli, readXlsx, tempDir, writeXlsx } from "../support/cli.js";
import { action, buildLog } from "../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const BAD_ENV = "smtp:/actionlog:EnvPassw0rd@mail.example.org";
let dir: string;
let sheet: string;
let sink: SmtpSink | undefined;

beforeEach(async () => {
  dir = await tempDir();
  sheet = join(dir, "log.xlsx");
  vi.stubEnv("ACTIONLOG_NOW", "2023-11-13T08:30:00Z");
  await writeXlsx(sheet, buildLog({ settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" }, actions: [action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" })] }));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await sink?.close();
  sink = undefined;
});

const mailLog = async () => (await readXlsx(sheet)).tabs.find((t) => t.name === MAIL_LOG_TAB)?.rows.map((r) => r.cells) ?? [];

describe("a malformed ACTIONLOG_SMTP_URL (regression: it stopped runs given --outbox or --smtp)", () => {
  it("does not stop a run given --outbox", async () => {
    vi.stubEnv("ACTIONLOG_SMTP_URL", BAD_ENV);
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", join(dir, "outbox"));
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(await readdir(join(dir, "outbox"))).toHaveLength(2);
  });

  it("does not stop a run given --smtp", async () => {
    sink = await startSmtpSink();
    vi.stubEnv("ACTIONLOG_SMTP_URL", BAD_ENV);
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--smtp", sink.url);
    expect(result.code).toBe(0);
    expect(sink.messages).toHaveLength(2);
  });

  it("does not stop a dry run, which sends nothing (README audit)", async () => {
    vi.stubEnv("ACTIONLOG_SMTP_URL", BAD_ENV);
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--dry-run");
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("Would send 2 messages");
    expect(await mailLog()).toEqual([]);
  });

  it("still stops a run that would send through it, naming it and never its password", async () => {
    vi.stubEnv("ACTIONLOG_SMTP_URL", BAD_ENV);
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13");
    expect(result.code).toBe(2);
    expect(result.err).toContain("ACTIONLOG_SMTP_URL is not an SMTP URL");
    expect(result.err).not.toContain("EnvPassw0rd");
  });

  it("is ignored by loadConfig only when asked, and then gives no smtpUrl", () => {
    expect(() => loadConfig({ ACTIONLOG_SMTP_URL: BAD_ENV })).toThrow(/ACTIONLOG_SMTP_URL is not an SMTP URL/);
    expect(loadConfig({ ACTIONLOG_SMTP_URL: BAD_ENV }, { smtpUrl: false }).smtpUrl).toBeUndefined();
  });
});

describe("a bad % escape in an SMTP password (regression: `URI malformed`, naming no setting)", () => {
  it.each([
    ["smtp://alice:pw%ZZ@mail.example.org:587", "has a % in its user name or password that starts no escape; write a % itself as %25"],
    ["smtps://al%ice:pw@mail.example.org", "has a % in its user name or password that starts no escape"],
    ["smtp://alice:pw%25@mail.example.org:587", undefined],
    ["https://alice:pw@mail.example.org", "is not an SMTP URL"],
  ])("smtpUrlProblem(%s)", (url, problem) => {
    const found = smtpUrlProblem(url);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it("--smtp names itself and the fix, never the password", async () => {
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--smtp", "smtp://alice:pw%ZZ@127.0.0.1:25", "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toEqual({ code: "USAGE", error: "--smtp has a % in its user name or password that starts no escape; write a % itself as %25 (and @ as %40, : as %3A, / as %2F)" });
    expect(result.out + result.err).not.toMatch(/pw%ZZ|URI malformed/);
  });

  it("ACTIONLOG_SMTP_URL names itself", async () => {
    vi.stubEnv("ACTIONLOG_SMTP_URL", "smtp://alice:pw%ZZ@127.0.0.1:25");
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13");
    expect(result.code).toBe(2);
    expect(result.err).toContain("ACTIONLOG_SMTP_URL has a % in its user name or password that starts no escape");
    expect(result.err).not.toContain("pw%ZZ");
  });
});

describe("smtps:// to a server that does not speak TLS (regression: OpenSSL's raw text in the output and the Mail Log)", () => {
  it("says so in plain words, in the output and in each failed Mail Log row", async () => {
    sink = await startSmtpSink();
    const url = sink.url.replace(/^smtp:/, "smtps:");
    const port = new URL(url).port;
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--smtp", url, "--json");
    expect(result.code).toBe(1);
    const expected = `the server at 127.0.0.1:${port} did not answer TLS; check the port or use smtp://`;
    const failed: { error: string }[] = JSON.parse(result.out).failed;
    expect(failed).toHaveLength(2);
    for (const f of failed) expect(f.error).toContain(expected);
    const errors = (await mailLog()).filter((row) => row[5] === "failed").map((row) => String(row[7]));
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toContain(expected);
    expect(result.out + result.err + errors.join("\n")).not.toMatch(/SSL routines|wrong version number/);
  });
});
