import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction, getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import type { RawWorkbook } from "../../shared/adapters/workbook.js";
import { REGISTER_HEADERS } from "../../sheets-schema/tabs.js";
import { MEETINGS, action, buildLog } from "../support/log-fixture.js";
import { NOW_ISO, SHEET_A, SHEET_B, type TestRuntime, actionCell, testRuntime } from "../support/function-runtime.js";

interface PubSubData {
  message: { data: string; messageId: string; publishTime: string; attributes?: Record<string, string> };
  subscription: string;
}

/** What Eventarc delivers for a Cloud Scheduler job publishing to a Pub/Sub topic. */
const pubsubEvent = (topic: string, id: string): CloudEvent<PubSubData> => ({
  specversion: "1.0",
  id,
  source: `//pubsub.googleapis.com/projects/demo-project/topics/${topic}`,
  type: "google.cloud.pubsub.topic.v1.messagePublished",
  datacontenttype: "application/json",
  time: NOW_ISO,
  data: {
    message: { data: Buffer.from(topic).toString("base64"), messageId: id, publishTime: NOW_ISO },
    subscription: `projects/demo-project/subscriptions/eventarc-europe-west2-${topic}-sub-001`,
  },
});

const invoke = async (name: string, event: CloudEvent<PubSubData>) => {
  const fn = getFunction(name) as ((event: CloudEvent<PubSubData>) => Promise<void>) | undefined;
  if (!fn) throw new Error(`${name} is not registered`);
  await fn(event);
};

const LOG = buildLog({ actions: [action({ Due: "31/02/2024" }), action({ Ref: "", Action: "Second action", Status: "ongoing" })] });

let t: TestRuntime;
const start = (sheets: Record<string, RawWorkbook | "broken">) => {
  t = testRuntime(sheets);
  useRuntime(t.runtime);
};
afterEach(() => useRuntime(undefined));

const snapshots = () => Object.fromEntries([...t.books].map(([id, book]) => [id, book.snapshot()]));
const tabNames = (id: string) => t.books.get(id)?.snapshot().tabs.map((tab) => tab.name);

describe("sweep", () => {
  it("validates every configured sheet, and the same event delivered twice has one effect", async () => {
    start({ [SHEET_A]: LOG, [SHEET_B]: LOG });
    const event = pubsubEvent("actionlog-sweep", "7001");
    await invoke("sweep", event);
    const first = snapshots();
    for (const id of [SHEET_A, SHEET_B]) expect(actionCell(first[id] as RawWorkbook, "DAG29-02", "Status")).toBe("Ongoing");
    await invoke("sweep", event);
    expect(snapshots()).toEqual(first);
    expect(t.logs.map((l) => [l.severity, l.message])).toEqual([
      ["INFO", "sweep: validated 2 sheets, 8 changes"],
      ["INFO", "sweep: validated 2 sheets, 0 changes"],
    ]);
    expect(t.logs[0]).toMatchObject({ function: "sweep", eventId: "7001", sheets: [{ spreadsheetId: SHEET_A, ok: true, problems: 1 }, { spreadsheetId: SHEET_B, ok: true }] });
  });

  it("one sheet's failure does not stop the others, and is logged as an ERROR naming it", async () => {
    const broken = "brokenSheet0123456789";
    start({ [SHEET_A]: LOG, [broken]: "broken", [SHEET_B]: LOG });
    await invoke("sweep", pubsubEvent("actionlog-sweep", "7002"));
    expect(actionCell(snapshots()[SHEET_B] as RawWorkbook, "DAG29-02", "Status")).toBe("Ongoing");
    expect(t.opened).toEqual([SHEET_A, broken, SHEET_B]);
    expect(t.logs[0]).toMatchObject({
      severity: "ERROR",
      message: "sweep: validated 2 sheets, 8 changes; 1 of 3 sheets failed",
      sheets: [{ ok: true }, { spreadsheetId: broken, ok: false, error: `${broken} is unreachable` }, { ok: true }],
    });
  });

  it("is served by functions-framework as a CloudEvent in binary mode, as Eventarc posts it", async () => {
    start({ [SHEET_A]: LOG });
    const event = pubsubEvent("actionlog-sweep", "7003");
    const response = await supertest(getTestServer("sweep"))
      .post("/")
      .set({ "ce-specversion": "1.0", "ce-id": event.id, "ce-source": event.source, "ce-type": event.type, "ce-time": NOW_ISO, "Content-Type": "application/json" })
      .send(JSON.stringify(event.data));
    expect(response.status).toBe(204);
    expect(t.logs[0]).toMatchObject({ eventId: "7003", message: "sweep: validated 1 sheets, 4 changes" });
  });
});

describe("rollover", () => {
  it("rolls forward the Held meeting whose next register is missing; a redelivery changes nothing", async () => {
    start({ [SHEET_A]: LOG, [SHEET_B]: LOG });
    const event = pubsubEvent("actionlog-rollover", "8001");
    await invoke("rollover", event);
    const first = snapshots();
    expect(tabNames(SHEET_A)).toContain("Register DAG30");
    expect(tabNames(SHEET_B)).toContain("Register DAG30");
    await invoke("rollover", event);
    expect(snapshots()).toEqual(first);
    expect(t.logs.map((l) => l.message)).toEqual(["rollover: built Register DAG30, Register DAG30", "rollover: no register due"]);
  });

  it("builds nothing for history: meetings Held long ago whose next meeting is Held too", async () => {
    const history = buildLog({
      actions: [action()],
      meetings: MEETINGS.map((m) => ({ ...m, Status: "Held" })),
    });
    start({ [SHEET_A]: history });
    const before = snapshots();
    await invoke("rollover", pubsubEvent("actionlog-rollover", "8002"));
    expect(snapshots()).toEqual(before);
    expect(t.logs[0]).toMatchObject({
      severity: "INFO",
      message: "rollover: no register due",
      sheets: [{ ok: true, registers: [], notes: ["Meeting 31 is Held but meeting 32 is not in the Meetings tab; add a row for it (Meeting 32, Date, Status Scheduled) so its register can be built"], attention: false }],
    });
  });

  // qa-year finding 2: with meeting 30 Cancelled, no register was built after it, and the run logged INFO.
  const cancelled30 = (meetings = MEETINGS) => buildLog({ actions: [action()], meetings: meetings.map((m) => (m.Meeting === 30 ? { ...m, Status: "Cancelled" } : m)) });

  it("builds the register of the meeting after a Cancelled one, and warns of a register tab left for the Cancelled meeting, keeping it", async () => {
    const log = cancelled30();
    const left = { name: "Register DAG30", headers: [...REGISTER_HEADERS], rows: [{ row: 2, cells: ["New", "Area", "DAG29-01", "As built before", "PMO", "08/11/2023"] }] };
    start({ [SHEET_A]: { tabs: [...log.tabs, left] }, [SHEET_B]: log });
    await invoke("rollover", pubsubEvent("actionlog-rollover", "8003"));
    expect(tabNames(SHEET_A)).toEqual(expect.arrayContaining(["Register DAG30", "Register DAG31"]));
    expect(t.books.get(SHEET_A)?.snapshot().tabs.find((tab) => tab.name === "Register DAG30")).toEqual(left);
    expect(t.logs[0]).toMatchObject({
      severity: "WARNING",
      message: "rollover: built Register DAG31, Register DAG31; 1 sheet needs the PMO; see its notes",
      sheets: [
        { ok: true, attention: true, notes: [expect.stringContaining("Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31")] },
        { ok: true, attention: false, notes: [] },
      ],
    });
    await invoke("rollover", pubsubEvent("actionlog-rollover", "8004"));
    expect(t.logs[1]).toMatchObject({ severity: "WARNING", message: "rollover: no register due; 1 sheet needs the PMO; see its notes" });
  });

  it("logs WARNING when a planned meeting's papers cannot be built because a meeting number is missing", async () => {
    start({ [SHEET_A]: cancelled30(MEETINGS.map((m) => (m.Meeting === 31 ? { ...m, Meeting: 32 } : m))) });
    const before = snapshots();
    await invoke("rollover", pubsubEvent("actionlog-rollover", "8005"));
    expect(snapshots()).toEqual(before);
    expect(t.logs[0]).toMatchObject({
      severity: "WARNING",
      message: "rollover: no register due; 1 sheet needs the PMO; see its notes",
      sheets: [{ notes: ["Meeting 29 is Held but meeting 31 is not in the Meetings tab; add a row for it (Meeting 31, Date, Status Scheduled) so its register can be built (meeting 30 is Cancelled)"], attention: true }],
    });
  });
});
