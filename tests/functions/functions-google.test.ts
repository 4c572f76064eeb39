import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction, getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import "../../functions/index.js";
import { type LogEntry, createRuntime, useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER } from "../../shared/adapters/request-signature.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import { loadFunctionConfig } from "../../shared/config.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { NOW_ISO, NOW_SECONDS, SECRET, SHEET_A, SHEET_B, actionCell, signed } from "../support/function-runtime.js";
import { action, buildLog } from "../support/log-fixture.js";

/** The functions end to end: functions-framework, the real @googleapis/sheets client, the local fake Sheets API. */
let fake: FakeSheets;
let logs: LogEntry[];
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

const LOG = buildLog({ actions: [action({ Due: "31/02/2024" }), action({ Ref: "", Action: "Second action", Status: "ongoing" })] });
const auth = fakeGoogleAuth();

beforeEach(() => {
  for (const id of [SHEET_A, SHEET_B]) fake.seed(id, LOG.tabs);
  fake.resetCalls();
  logs = [];
  const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: `${SHEET_A},${SHEET_B}`, ACTIONLOG_NOW: NOW_ISO });
  useRuntime(
    createRuntime(config, {
      googleWorkbook: (spreadsheetId) => createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth, retry: { baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 5_000 }),
      log: (entry) => logs.push(entry),
      epochSeconds: () => NOW_SECONDS,
    }),
  );
});
afterEach(() => useRuntime(undefined));

const nudge = (body: object, at = NOW_SECONDS) => {
  const { raw, header } = signed("onSheetEdit", body, { at });
  return supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", "application/json").set(SIGNATURE_HEADER, header).send(raw);
};

const event = (topic: string, id: string) =>
  ({
    specversion: "1.0",
    id,
    source: `//pubsub.googleapis.com/projects/demo-project/topics/${topic}`,
    type: "google.cloud.pubsub.topic.v1.messagePublished",
    data: { message: { data: Buffer.from(topic).toString("base64"), messageId: id, publishTime: NOW_ISO }, subscription: "projects/demo-project/subscriptions/s" },
  }) as CloudEvent<unknown>;

const deliver = async (name: string, cloudEvent: CloudEvent<unknown>) => {
  await (getFunction(name) as (e: CloudEvent<unknown>) => Promise<void>)(cloudEvent);
};

describe("the functions on a Google Sheet (fake Sheets API)", () => {
  it("a signed nudge validates the sheet within the call budget; the next, with nothing to change, costs one read", async () => {
    const first = await nudge({ spreadsheetId: SHEET_A, tab: "Actions", range: "F2" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ problems: 1, changes: 4, skipped: 0 });
    expect(actionCell(fake.snapshot(SHEET_A), "DAG29-01", "Checks")).toContain("is not a date");
    expect(actionCell(fake.snapshot(SHEET_A), "DAG29-02", "Status")).toBe("Ongoing");
    expect(fake.calls.length).toBeLessThanOrEqual(3);
    fake.resetCalls();
    const second = await nudge({ spreadsheetId: SHEET_A, tab: "Actions", range: "F2" }, NOW_SECONDS + 1);
    expect(second.body).toMatchObject({ changes: 0 });
    expect(fake.calls.map((c) => c.api)).toEqual(["spreadsheets.get"]);
  });

  it("the default workbook factory opens served ids as gsheet:<id>, the way the deployed functions do", async () => {
    vi.stubEnv("ACTIONLOG_SHEETS_ROOT_URL", fake.url);
    try {
      const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: SHEET_B, ACTIONLOG_NOW: NOW_ISO });
      useRuntime(createRuntime(config, { log: (entry) => logs.push(entry), epochSeconds: () => NOW_SECONDS }));
      expect((await nudge({ spreadsheetId: SHEET_B, tab: "Actions", range: "A1" })).status).toBe(200);
      expect(actionCell(fake.snapshot(SHEET_B), "DAG29-02", "Status")).toBe("Ongoing");
      expect((await nudge({ spreadsheetId: SHEET_A, tab: "Actions", range: "A1" }, NOW_SECONDS + 1)).status).toBe(404);
      expect(fake.calls.every((c) => c.path.includes(SHEET_B))).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("an unsigned nudge never reaches the Sheets API", async () => {
    const response = await supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", "application/json").send(JSON.stringify({ spreadsheetId: SHEET_A, tab: "Actions", range: "F2" }));
    expect(response.status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it("sweep and rollover, each delivered twice, have one effect on every sheet", async () => {
    for (const [name, id] of [["sweep", "9001"], ["rollover", "9002"]] as const) {
      fake.resetCalls();
      await deliver(name, event(`actionlog-${name}`, id));
      // The call budget: a roll-forward costs at most 4 calls per sheet.
      for (const sheet of [SHEET_A, SHEET_B]) expect(fake.calls.filter((c) => c.path.includes(sheet)).length).toBeLessThanOrEqual(4);
      const after = [fake.snapshot(SHEET_A), fake.snapshot(SHEET_B)];
      await deliver(name, event(`actionlog-${name}`, id));
      expect([fake.snapshot(SHEET_A), fake.snapshot(SHEET_B)]).toEqual(after);
    }
    for (const id of [SHEET_A, SHEET_B]) expect(fake.snapshot(id).tabs.map((t) => t.name)).toContain("Register DAG30");
    expect(logs.map((l) => [l.severity, l.message])).toEqual([
      ["INFO", "sweep: validated 2 sheets, 8 changes"],
      ["INFO", "sweep: validated 2 sheets, 0 changes"],
      ["INFO", "rollover: built Register DAG30, Register DAG30"],
      ["INFO", "rollover: no register due"],
    ]);
  });
});
