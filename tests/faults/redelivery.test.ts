/** Pub/Sub delivers each scheduler event three times, one after another or all at once: sweep and rollover have one effect on a Google Sheet. */
import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction } from "@google-cloud/functions-framework/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { type LogEntry, createRuntime, useRuntime } from "../../functions/function-runtime.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import type { RawWorkbook } from "../../shared/adapters/workbook.js";
import { loadFunctionConfig } from "../../shared/config.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";
import { NOW_ISO, SECRET } from "../support/function-runtime.js";

const LOG = buildLog({
  actions: [
    action({ Ref: "DAG29-01", Due: "31/02/2024" }),
    action({ Ref: "", Action: "Second action", Status: "ongoing" }),
    action({ Ref: "DAG28-03", Meeting: 28, Due: "ASAP", Status: "open" }),
  ],
});

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());
afterEach(() => useRuntime(undefined));

let next = 0;
/** One served Google Sheet on the fake, the functions' runtime pointed at it, and its log lines. */
function deployment() {
  next += 1;
  const spreadsheetId = `redeliverySheet${String(next).padStart(8, "0")}`;
  fake.seed(spreadsheetId, LOG.tabs);
  const logs: LogEntry[] = [];
  const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: spreadsheetId, ACTIONLOG_NOW: NOW_ISO });
  const auth = fakeGoogleAuth();
  useRuntime(createRuntime(config, { googleWorkbook: (id) => createGoogleWorkbook({ spreadsheetId: id, rootUrl: fake.url, auth }), log: (entry) => logs.push(entry) }));
  const calls = () => fake.calls.filter((c) => c.path.includes(spreadsheetId)).map((c) => c.api);
  return { spreadsheetId, logs, calls, snapshot: () => fake.snapshot(spreadsheetId) };
}

const pubsubEvent = (topic: string, id: string): CloudEvent<unknown> => ({
  specversion: "1.0",
  id,
  source: `//pubsub.googleapis.com/projects/demo-project/topics/${topic}`,
  type: "google.cloud.pubsub.topic.v1.messagePublished",
  time: NOW_ISO,
  data: { message: { data: Buffer.from(topic).toString("base64"), messageId: id, publishTime: NOW_ISO } },
});

const deliver = (name: string, event: CloudEvent<unknown>) => (getFunction(name) as (e: CloudEvent<unknown>) => Promise<void>)(event);
const tab = (book: RawWorkbook, name: string) => book.tabs.find((t) => t.name === name);

describe("an event delivered three times", () => {
  it("sweep: the first delivery validates and audits each change once; the second and third only read", async () => {
    const d = deployment();
    const event = pubsubEvent("actionlog-sweep", "7101");
    await deliver("sweep", event);
    const first = d.snapshot();
    const audited = tab(first, "Audit")?.rows.length ?? 0;
    expect(audited).toBeGreaterThan(0);
    const afterFirst = d.calls().length;
    await deliver("sweep", event);
    await deliver("sweep", event);
    expect(d.snapshot()).toEqual(first);
    expect(d.calls().slice(afterFirst)).toEqual(["spreadsheets.get", "spreadsheets.get"]);
    expect(d.logs.map((l) => l.message)).toEqual([`sweep: validated 1 sheets, ${audited} changes`, "sweep: validated 1 sheets, 0 changes", "sweep: validated 1 sheets, 0 changes"]);
  });

  it("rollover: one register tab and one Audit row for it; the second and third only read", async () => {
    const d = deployment();
    const event = pubsubEvent("actionlog-rollover", "8101");
    await deliver("rollover", event);
    const first = d.snapshot();
    expect(first.tabs.filter((t) => t.name.startsWith("Register ")).map((t) => t.name)).toEqual(["Register DAG30"]);
    const afterFirst = d.calls().length;
    await deliver("rollover", event);
    await deliver("rollover", event);
    expect(d.snapshot()).toEqual(first);
    expect(d.calls().slice(afterFirst)).toEqual(["spreadsheets.get", "spreadsheets.get"]);
    expect(d.logs.map((l) => l.message)).toEqual(["rollover: built Register DAG30", "rollover: no register due", "rollover: no register due"]);
  });

  it.each(["sweep", "rollover"])("%s delivered three times at once ends as one delivery does: no change applied twice, no Audit row doubled", async (name) => {
    const topic = `actionlog-${name}`;
    const once = deployment();
    await deliver(name, pubsubEvent(topic, "9100"));
    const expected = once.snapshot();

    const d = deployment();
    const event = pubsubEvent(topic, "9101");
    await Promise.all([deliver(name, event), deliver(name, event), deliver(name, event)]);
    const after = d.snapshot();
    expect(after.tabs.map((t) => t.name)).toEqual(expected.tabs.map((t) => t.name));
    expect(tab(after, "Actions")).toEqual(tab(expected, "Actions"));
    expect(tab(after, "Audit")?.rows.length).toBe(tab(expected, "Audit")?.rows.length);
    // A delivery that lost the race found nothing to do, or (rollover) was refused adding a tab another had
    // just added and started again from a fresh read: no ERROR line, so no false alert.
    expect(d.logs).toHaveLength(3);
    expect(d.logs.map((l) => l.severity)).toEqual(["INFO", "INFO", "INFO"]);
  });
});
