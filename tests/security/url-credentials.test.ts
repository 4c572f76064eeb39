/** A user name and password written into a URL never reach a CLI error, --json, a function's log line or its HTTP reply. */
import { createServer } from "node:net";
import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction, getTestServer } from "@google-cloud/functions-framework/testing";
import fc from "fast-check";
import supertest from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../functions/index.js";
import { type LogEntry, createRuntime, useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER } from "../../shared/adapters/request-signature.js";
import type { Workbook } from "../../shared/adapters/workbook.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import { loadConfig, loadFunctionConfig } from "../../shared/config.js";
import { ActionlogError } from "../../shared/core/errors.js";
import { hasUrlCredentials, hideUrlCredentials } from "../../shared/core/url-credentials.js";
import { failsWith } from "../support/actionlog-error.js";
import { cli } from "../support/cli.js";
import { NOW_SECONDS, SECRET, SHEET_A, signed } from "../support/function-runtime.js";

const PASSWORD = "RootPw123";
const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";

afterEach(() => {
  useRuntime(undefined);
  vi.unstubAllEnvs();
});

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("hideUrlCredentials", () => {
  it.each([
    [`request to http://admin:${PASSWORD}@127.0.0.1:1/v4/x?fields=a failed`, "request to http://***@127.0.0.1:1/v4/x?fields=a failed"],
    ["smtps://actionlog:p@ss@mail.example.org:465", "smtps://***@mail.example.org:465"],
    ["https://token@example.org/path", "https://***@example.org/path"],
    ["http://127.0.0.1:8081/ and mail fraser@example.org", "http://127.0.0.1:8081/ and mail fraser@example.org"],
    ["fraser@example.org wrote http://example.org/a@b", "fraser@example.org wrote http://example.org/a@b"],
  ])("%s → %s", (text, hidden) => {
    expect(hideUrlCredentials(text)).toBe(hidden);
  });

  it("never leaves a URL's password in the text, whatever it is (property)", () => {
    const part = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\s/?#]/.test(s));
    fc.assert(
      fc.property(part, part.filter((p) => p.length >= 4), fc.string({ maxLength: 30 }), (user, password, around) => {
        const text = `${around} https://${user}:${password}@host.example.org/v4 ${around}`;
        expect(hideUrlCredentials(text)).toContain("https://***@host.example.org/v4");
        expect(hideUrlCredentials(text).replace(around, "").replace(around, "")).not.toContain(`:${password}@`);
      }),
    );
  });

  it.each([
    ["http://admin:pw@127.0.0.1:1", true],
    ["http://token@127.0.0.1:1", true],
    ["http://127.0.0.1:8081/", false],
    ["not a url", false],
  ])("hasUrlCredentials(%s) is %s", (url, expected) => {
    expect(hasUrlCredentials(url)).toBe(expected);
  });
});

describe("ACTIONLOG_SHEETS_ROOT_URL with credentials (regression: the password was printed in errors, --json, logs and replies)", () => {
  it("is refused as bad configuration, naming the variable but never its value", async () => {
    expect(() => loadConfig({ ACTIONLOG_SHEETS_ROOT_URL: `http://admin:${PASSWORD}@127.0.0.1:1` })).toThrow(/ACTIONLOG_SHEETS_ROOT_URL holds a user name or password/);
    vi.stubEnv("ACTIONLOG_SHEETS_ROOT_URL", `http://admin:${PASSWORD}@127.0.0.1:1`);
    const result = await cli("validate", "--sheet", `gsheet:${ID}`, "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({ code: "CONFIG", error: expect.stringContaining("ACTIONLOG_SHEETS_ROOT_URL holds a user name or password") });
    expect(result.out + result.err).not.toContain(PASSWORD);
  });

  it("given to the adapter anyway, fails as a setting to fix, with the credentials hidden", async () => {
    const workbook = createGoogleWorkbook({ spreadsheetId: ID, rootUrl: `http://admin:${PASSWORD}@127.0.0.1:1/`, retry: { attempts: 1 } });
    const message = await failsWith(workbook.read(), "CONFIG");
    expect(message).toContain("http://***@127.0.0.1:1/ (ACTIONLOG_SHEETS_ROOT_URL): it holds a user name or password");
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain("run the job again");
  });

  it("a root URL where nothing answers is a setting to fix, not a reason to run the job again", async () => {
    const port = await closedPort();
    const workbook = createGoogleWorkbook({ spreadsheetId: ID, rootUrl: `http://127.0.0.1:${port}/`, retry: { attempts: 1 } });
    const message = await failsWith(workbook.read(), "CONFIG");
    expect(message).toContain(`Could not read Google Sheet ${ID} through the Sheets API at http://127.0.0.1:${port}/ (ACTIONLOG_SHEETS_ROOT_URL): nothing answers there (ECONNREFUSED`);
    expect(message).toContain("unset ACTIONLOG_SHEETS_ROOT_URL to use Google's Sheets API");
    expect(message).not.toContain("run the job again");
  });
});

describe("the functions hide credentials in any error they report", () => {
  /** A sheet whose every read fails with a message quoting a URL with a password, as a client library might. */
  const leaky = (): Workbook => ({
    label: "leaky",
    read: () => Promise.reject(new ActionlogError("SHEETS_API", `Could not read: request to https://admin:${PASSWORD}@sheets.example.org/v4 failed`)),
    apply: () => Promise.reject(new Error("unreachable")),
  });
  const install = (googleWorkbook: (id: string) => Workbook) => {
    const logs: LogEntry[] = [];
    const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: SHEET_A });
    useRuntime(createRuntime(config, { googleWorkbook, log: (entry) => logs.push(entry), epochSeconds: () => NOW_SECONDS }));
    return logs;
  };

  it.each([
    ["a client error quoting the URL", leaky],
    ["the Google adapter with credentials in its root URL", (id: string) => createGoogleWorkbook({ spreadsheetId: id, rootUrl: `http://admin:${PASSWORD}@127.0.0.1:1/`, retry: { attempts: 1 } })],
  ])("onSheetEdit: %s stays out of the 500 reply and the log line", async (_name, googleWorkbook) => {
    const logs = install(googleWorkbook);
    const { raw, header } = signed("onSheetEdit", { spreadsheetId: SHEET_A, tab: "Actions", range: "F2" });
    const response = await supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", "application/json").set(SIGNATURE_HEADER, header).send(raw);
    expect(response.status).toBe(500);
    expect(response.body.error).toContain("***@");
    expect(JSON.stringify(logs)).toContain("***@");
    expect(JSON.stringify(response.body) + JSON.stringify(logs)).not.toContain(PASSWORD);
  });

  it("sweep: the failed sheet's error in the log line", async () => {
    const logs = install(leaky);
    const event = { specversion: "1.0", id: "9001", source: "//pubsub.googleapis.com/projects/p/topics/actionlog-sweep", type: "google.cloud.pubsub.topic.v1.messagePublished", data: { message: { data: "", messageId: "9001" } } };
    await (getFunction("sweep") as (e: CloudEvent<unknown>) => Promise<void>)(event as CloudEvent<unknown>);
    expect(logs[0]?.severity).toBe("ERROR");
    expect(JSON.stringify(logs)).toContain("https://***@sheets.example.org/v4");
    expect(JSON.stringify(logs)).not.toContain(PASSWORD);
  });
});
