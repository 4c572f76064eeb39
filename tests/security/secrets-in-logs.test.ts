/**
 * Everything logged, printed or answered during a representative run of the cloud functions, the
 * command and the digest over SMTP (successes, refusals, outages, bad configuration) holds no secret:
 * not the webhook secret, the SMTP password, the OAuth token, nor a request signature.
 */
import { join } from "node:path";
import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction, getTestServer } from "@google-cloud/functions-framework/testing";
import { GoogleAuth, OAuth2Client } from "google-auth-library";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../../functions/index.js";
import { createRuntime, useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER, signRequest } from "../../shared/adapters/request-signature.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import { loadFunctionConfig } from "../../shared/config.js";
import { cli, readXlsx, tempDir, writeXlsx } from "../support/cli.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { NOW_ISO, NOW_SECONDS } from "../support/function-runtime.js";
import { action, buildLog } from "../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const WEBHOOK_SECRET = "whsec-Very-Secret-0123456789abcdef";
const SMTP_PASSWORD = "Sm7p/Pa55w0rd!#@x";
const OAUTH_TOKEN = "ya29.Secret-OAuth-Token-0123456789";
const SHEET = "secretsSheet0000000001";
const DEAD_SMTP = `smtp://actionlog:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:9`;

// Friday 20 Oct 2023 is the digest day; one overdue action each for Paul and Lee, and a bad date.
const LOG = buildLog({
  settings: { digest_weekday: "Friday", pmo_email: "fraser@example.org", from_email: "actionlog@example.org" },
  actions: [
    action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "13/10/2023" }),
    action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/10/2023", Status: "open" }),
    action({ Ref: "DAG29-03", Due: "31/02/2024" }),
  ],
});

/** Every piece of text that left the code under test: stdout, stderr, console, HTTP answers, command output. */
const captured: string[] = [];
const signatures: string[] = [];
let fake: FakeSheets;
let sink: SmtpSink;

beforeAll(async () => {
  fake = await startFakeSheets();
  sink = await startSmtpSink({ password: SMTP_PASSWORD });
  const keep = (chunk: unknown) => {
    captured.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => keep(args.map(String).join(" ")));
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  useRuntime(undefined);
  await fake.close();
  await sink.close();
});

/** The deployment's own environment, with the SMTP URL (and so its password) as Secret Manager would set it. */
function deploy(smtpUrl: string): void {
  const env = { ACTIONLOG_WEBHOOK_SECRET: WEBHOOK_SECRET, ACTIONLOG_SHEETS: SHEET, ACTIONLOG_NOW: NOW_ISO, ACTIONLOG_SMTP_URL: smtpUrl };
  const client = new OAuth2Client();
  client.setCredentials({ access_token: OAUTH_TOKEN });
  const auth = new GoogleAuth({ authClient: client });
  // Only the token source differs from production: logging and the SMTP mailer are the real defaults.
  useRuntime(createRuntime(loadFunctionConfig(env), {
    googleWorkbook: (id) => createGoogleWorkbook({ spreadsheetId: id, rootUrl: fake.url, auth, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }),
    epochSeconds: () => NOW_SECONDS,
  }));
}

const post = async (fn: string, body: unknown, secret = WEBHOOK_SECRET) => {
  const raw = JSON.stringify(body);
  const header = signRequest(secret, fn, raw, NOW_SECONDS);
  signatures.push(header.slice(header.indexOf("v1=") + 3));
  const response = await supertest(getTestServer(fn)).post("/").set("Content-Type", "application/json").set(SIGNATURE_HEADER, header).send(raw);
  captured.push(JSON.stringify(response.body));
  return { response, header, raw };
};

const event = (topic: string, id: string): CloudEvent<unknown> => ({
  specversion: "1.0",
  id,
  source: `//pubsub.googleapis.com/projects/demo/topics/${topic}`,
  type: "google.cloud.pubsub.topic.v1.messagePublished",
  data: { message: { data: "", messageId: id } },
});
const deliver = (name: string, id: string) => (getFunction(name) as (e: CloudEvent<unknown>) => Promise<void>)(event(`actionlog-${name}`, id)).catch((e: unknown) => captured.push(String(e)));

describe("no secret in anything logged", () => {
  it("across the functions, the command and the digest over SMTP, in success and failure", async () => {
    fake.seed(SHEET, LOG.tabs);
    deploy(sink.url);
    const nudge = { spreadsheetId: SHEET, tab: "Actions", range: "F4" };
    expect((await post("onSheetEdit", nudge)).response.status).toBe(200);
    const replay = await post("onSheetEdit", { ...nudge, range: "F2" });
    await supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", "application/json").set(SIGNATURE_HEADER, replay.header).send(replay.raw);
    expect((await post("onSheetEdit", nudge, "not-the-secret-0123456789")).response.status).toBe(401);
    expect((await post("onSheetEdit", { ...nudge, spreadsheetId: "unknownSheet00000000" })).response.status).toBe(404);
    expect((await post("generateRegister", { spreadsheetId: SHEET })).response.status).toBe(200);
    expect((await post("previewDigest", { spreadsheetId: SHEET, person: "PP" })).response.status).toBe(200);
    fake.inject({ kind: "status", status: 403, message: "The caller does not have permission", spreadsheetId: SHEET });
    await deliver("sweep", "1");
    await deliver("rollover", "2");
    sink.reject("lee@example.org");
    await deliver("weeklyDigest", "3");
    sink.accept("lee@example.org");
    deploy(DEAD_SMTP);
    await deliver("weeklyDigest", "4");

    // A bad deployment: the SMTP URL with the wrong scheme, password and all.
    useRuntime(undefined);
    vi.stubEnv("ACTIONLOG_WEBHOOK_SECRET", WEBHOOK_SECRET);
    vi.stubEnv("ACTIONLOG_SHEETS", SHEET);
    vi.stubEnv("ACTIONLOG_SMTP_URL", `http://actionlog:${SMTP_PASSWORD}@mail.example.org`);
    expect((await post("onSheetEdit", nudge)).response.status).toBe(500);
    await deliver("weeklyDigest", "5");
    vi.unstubAllEnvs();

    // The command, with the password on the command line and in the environment.
    const path = join(await tempDir(), "log.xlsx");
    await writeXlsx(path, LOG);
    const commands = [
      ["digest", "--sheet", path, "--today", "2023-10-20", "--smtp", DEAD_SMTP],
      ["digest", "--sheet", path, "--today", "2023-10-20", "--smtp", sink.url, "--json"],
      ["digest", "--sheet", path, "--smtp", `smtpx://actionlog:${SMTP_PASSWORD}@mail.example.org`],
    ];
    for (const argv of commands) {
      const result = await cli(...argv);
      captured.push(result.out, result.err);
    }
    vi.stubEnv("ACTIONLOG_SMTP_URL", `smtp:/actionlog:${SMTP_PASSWORD}@mail.example.org`);
    const badEnv = await cli("digest", "--sheet", path, "--today", "2023-10-23");
    captured.push(badEnv.out, badEnv.err);
    vi.unstubAllEnvs();

    // What the jobs wrote into the sheets (the Mail Log's Error column holds the SMTP server's words) is output too.
    captured.push(JSON.stringify(fake.snapshot(SHEET)), JSON.stringify(await readXlsx(path)));
    const text = captured.join("\n");
    // The run really happened and was captured: successes, refusals and failures alike.
    const markers = ["Validated after an edit to Actions F4", "signature already used", "does not match", "weeklyDigest: sent 3 messages, 1 failed", "ACTIONLOG_SMTP_URL is not an SMTP URL", "--smtp is not an SMTP URL", "Mailbox unavailable", "ECONNREFUSED", "share the sheet"];
    for (const expected of markers) {
      expect(text).toContain(expected);
    }
    for (const secret of [WEBHOOK_SECRET, SMTP_PASSWORD, encodeURIComponent(SMTP_PASSWORD), OAUTH_TOKEN, ...signatures]) {
      expect(text.includes(secret), `a secret (${secret.slice(0, 4)}...) was logged`).toBe(false);
    }
  });
});
