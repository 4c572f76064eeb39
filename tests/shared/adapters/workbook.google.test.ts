/** Runs the workbook contract against the Google Sheets adapter (the real client, through rootUrl, on the local fake), then its faults. */
import { GoogleAuth } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteSheetName } from "../../../shared/adapters/google-grid.js";
import { createGoogleWorkbook, type GoogleWorkbookOptions } from "../../../shared/adapters/workbook.google.js";
import type { CellUpdate, ChangeBatch, RawTab } from "../../../shared/adapters/workbook.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { type ActionlogError, isActionlogError } from "../../../shared/core/errors.js";
import { describeWorkbook } from "../../support/describe-workbook.js";
import { fakeGoogleAuth, TEST_SERVICE_ACCOUNT } from "../../support/fake-sheets/auth.js";
import { type FakeApi, type FakeFault, type FakeSheets, startFakeSheets } from "../../support/fake-sheets-server.js";

type FaultTarget = Omit<Extract<FakeFault, { kind: "status" }>, "spreadsheetId"> | Omit<Extract<FakeFault, { kind: "hang" }>, "spreadsheetId">;

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

let next = 0;
const nextNumber = () => {
  next += 1;
  return next;
};
const auth = fakeGoogleAuth();

describeWorkbook(
  "google workbook",
  async (tabs) => {
    const spreadsheetId = `contract-${nextNumber()}`;
    fake.seed(spreadsheetId, tabs);
    return createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth, retry: { baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 5_000 });
  },
  { propertyRuns: 25 },
);

const actions = (): RawTab => ({
  name: "Actions",
  headers: ["Ref", "Action", "Status", "Checks"],
  rows: [
    { row: 2, cells: ["A-1", "Draft the terms", "open", null] },
    { row: 3, cells: ["A-2", "Book the room", "Open", null] },
    { row: 4, cells: [null, "Circulate minutes", "ongoing", null] },
  ],
});
const audit = (): RawTab => ({ name: "Audit", headers: ["Ref", "New"], rows: [] });

/** A fresh spreadsheet in the fake and an adapter on it with quick retries. */
const seeded = (tabs: RawTab[], options: Partial<GoogleWorkbookOptions> = {}) => {
  const spreadsheetId = `faults-${nextNumber()}`;
  fake.seed(spreadsheetId, tabs);
  const book = createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 2_000, ...options });
  const mark = fake.calls.length;
  /** Calls of one kind to this spreadsheet since `since` (default: since seeding). */
  const callsTo = (api: string, since = mark) => fake.calls.slice(since).filter((c) => c.api === api && c.path.includes(spreadsheetId)).length;
  const inject = (fault: FaultTarget) => fake.inject({ ...fault, spreadsheetId } as FakeFault);
  return { spreadsheetId, book, callsTo, inject };
};

const update = (parts: Partial<CellUpdate>): CellUpdate => ({ tab: "Actions", row: 0, ref: "", column: "Status", expected: null, value: null, ...parts });
const statusBatch = (): ChangeBatch => ({
  ...emptyBatch(),
  updates: [update({ row: 2, ref: "A-1", expected: "open", value: "Open" })],
  appends: [{ tab: "Audit", values: { Ref: "A-1", New: "Open" }, requires: [0] }],
});

const rejection = async (promise: Promise<unknown>): Promise<ActionlogError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isActionlogError(error)) throw new Error(`expected an ActionlogError, got ${String(error)}`);
  return error;
};

describe("createGoogleWorkbook faults", () => {
  it.each(["spreadsheets.get", "values.batchUpdate"] as const)("retries a 429 on %s and then completes", async (api) => {
    const { spreadsheetId, book, callsTo, inject } = seeded([actions(), audit()]);
    await book.read();
    const mark = fake.calls.length;
    inject({ kind: "status", status: 429, api, retryAfterSeconds: 0 });
    expect(await book.apply(statusBatch())).toEqual({ applied: 2, skipped: [] });
    expect(fake.snapshot(spreadsheetId).tabs[1]?.rows).toEqual([{ row: 2, cells: ["A-1", "Open"] }]);
    expect(callsTo(api, mark)).toBe(2);
  });

  it("waits out a run of 429s longer than 5xx patience allows, since Sheets quotas refill by the minute", async () => {
    const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, quotaAttempts: 8, quotaMaxDelayMs: 20 };
    const { spreadsheetId, book, callsTo, inject } = seeded([actions(), audit()], { retry });
    await book.read();
    inject({ kind: "status", status: 429, api: "values.batchUpdate", times: 7 });
    expect(await book.apply(statusBatch())).toEqual({ applied: 2, skipped: [] });
    expect(callsTo("values.batchUpdate")).toBe(8);
    expect(fake.snapshot(spreadsheetId).tabs[1]?.rows).toEqual([{ row: 2, cells: ["A-1", "Open"] }]);

    const lasting = seeded([actions(), audit()], { retry });
    await lasting.book.read();
    lasting.inject({ kind: "status", status: 429, api: "values.batchUpdate", times: Number.POSITIVE_INFINITY });
    const error = await rejection(lasting.book.apply(statusBatch()));
    fake.clearFaults();
    expect(error.message).toMatch(/quota .* through 8 attempts .*\(429\); nothing is lost/);
    expect(lasting.callsTo("values.batchUpdate")).toBe(8);
  });

  it.each<[FakeApi, ChangeBatch]>([
    ["values.batchUpdate", statusBatch()],
    ["spreadsheets.batchUpdate", { ...statusBatch(), tabs: [{ name: "Register DAG30", headers: ["Ref"], rows: [["A-1"]] }] }],
  ])("fails cleanly on a lasting 503 from %s, retrying the POST and writing nothing", async (api, batch) => {
    const { spreadsheetId, book, callsTo, inject } = seeded([actions(), audit()]);
    const before = fake.snapshot(spreadsheetId);
    await book.read();
    inject({ kind: "status", status: 503, api, times: Number.POSITIVE_INFINITY });
    const error = await rejection(book.apply(batch));
    fake.clearFaults();
    expect(error.code).toBe("SHEETS_API");
    expect(error.message).toMatch(/\(503\) for 3 attempts .*run the job again/);
    expect(callsTo(api)).toBe(3);
    expect(fake.snapshot(spreadsheetId)).toEqual(before);
  });

  it("times out a hung write once, without a blind retry, and writes nothing", async () => {
    const { spreadsheetId, book, callsTo, inject } = seeded([actions(), audit()], { timeoutMs: 150 });
    const before = fake.snapshot(spreadsheetId);
    await book.read();
    inject({ kind: "hang", api: "values.batchUpdate" });
    const error = await rejection(book.apply(statusBatch()));
    expect(error.code).toBe("SHEETS_API");
    expect(error.message).toContain("no answer within 0.15s");
    expect(callsTo("values.batchUpdate")).toBe(1);
    expect(fake.snapshot(spreadsheetId)).toEqual(before);
  });

  it("retries a hung read, which is safe to repeat", async () => {
    const { spreadsheetId, book, callsTo, inject } = seeded([actions()], { timeoutMs: 150 });
    inject({ kind: "hang", api: "spreadsheets.get" });
    expect(await book.read()).toEqual(fake.snapshot(spreadsheetId));
    expect(callsTo("spreadsheets.get")).toBe(2);
  });

  it("lands no write on the wrong row when a member sorts between the read and the write, and reports the skipped ones", async () => {
    const { spreadsheetId, book } = seeded([actions(), audit()]);
    const seen = await book.read();
    const rowOf = (ref: string) => seen.tabs[0]?.rows.find((r) => r.cells[0] === ref)?.row ?? 0;
    // The member sorts Actions by Action text and closes A-2 while the job is thinking.
    fake.inject({
      kind: "mutate",
      afterCall: fake.calls.length,
      mutate: (f) => {
        f.sortRows(spreadsheetId, "Actions", (a, b) => String(a[1]).localeCompare(String(b[1])));
        const sheet = f.spreadsheet(spreadsheetId).sheets[0];
        const a2 = sheet?.cells.find((cells) => cells?.[0]?.value?.stringValue === "A-2");
        if (a2?.[2]) a2[2].value = { stringValue: "Closed" };
      },
    });
    const unguarded = update({ row: 4, expected: "ongoing", value: "Ongoing", match: { column: "Action", value: "Circulate minutes" } });
    const stale = update({ row: rowOf("A-2"), ref: "A-2", column: "Checks", expected: null, value: "stale" });
    const closed = update({ row: rowOf("A-2"), ref: "A-2", expected: "Open", value: "Proposed Closed" });
    const batch: ChangeBatch = {
      ...emptyBatch(),
      updates: [update({ row: rowOf("A-1"), ref: "A-1", expected: "open", value: "Open" }), unguarded, stale, closed],
      appends: [{ tab: "Audit", values: { Ref: "A-2", New: "Proposed Closed" }, requires: [3] }],
    };
    const result = await book.apply(batch);
    expect(result.skipped).toEqual([unguarded, closed]);
    expect(result.applied).toBe(2);
    expect(fake.snapshot(spreadsheetId).tabs[0]?.rows).toEqual([
      { row: 2, cells: ["A-2", "Book the room", "Closed", "stale"] },
      { row: 3, cells: [null, "Circulate minutes", "ongoing", null] },
      { row: 4, cells: ["A-1", "Draft the terms", "Open", null] },
    ]);
    expect(fake.snapshot(spreadsheetId).tabs[1]?.rows).toEqual([]);
  });

  it("skips the updates of a tab renamed between the read and the write, reading everything again to find out", async () => {
    const { spreadsheetId, book, callsTo } = seeded([actions(), audit()]);
    await book.read();
    const mark = fake.calls.length;
    fake.inject({
      kind: "mutate",
      afterCall: mark,
      mutate: (f) => {
        const sheet = f.spreadsheet(spreadsheetId).sheets[0];
        if (sheet) sheet.properties.title = "Actions (old)";
      },
    });
    const batch = statusBatch();
    expect(await book.apply(batch)).toEqual({ applied: 0, skipped: batch.updates });
    expect(callsTo("spreadsheets.get", mark)).toBe(2);
    expect(callsTo("values.batchUpdate", mark)).toBe(0);
  });

  it("grows a full grid before writing past it in a batch that also adds a tab", async () => {
    const full: RawTab = { name: "Audit", headers: ["Ref", "New"], rows: [{ row: 1000, cells: ["A-0", "old"] }] };
    const { spreadsheetId, book } = seeded([actions(), full]);
    await book.read();
    const batch: ChangeBatch = { ...statusBatch(), tabs: [{ name: "Register DAG30", headers: ["Ref"], rows: [["A-1"]] }] };
    expect(await book.apply(batch)).toEqual({ applied: 3, skipped: [] });
    const after = fake.snapshot(spreadsheetId);
    expect(after.tabs.map((t) => t.name)).toEqual(["Actions", "Audit", "Register DAG30"]);
    expect(after.tabs[1]?.rows.at(-1)).toEqual({ row: 1001, cells: ["A-1", "Open"] });
    expect(fake.spreadsheet(spreadsheetId).sheets[2]?.properties.gridProperties.frozenRowCount).toBe(1);
  });
});

describe("createGoogleWorkbook sheet names", () => {
  it.each([
    ["Actions", "'Actions'"],
    ["Register DAG30", "'Register DAG30'"],
    ["Bob's tab", "'Bob''s tab'"],
    ["''", "''''''"],
  ])("quotes %s as %s", (title, quoted) => {
    expect(quoteSheetName(title)).toBe(quoted);
  });

  it("reads, updates and appends to tabs whose names have spaces and apostrophes", async () => {
    const tab = (name: string): RawTab => ({ name, headers: ["Ref", "Status"], rows: [{ row: 2, cells: ["A-1", "Open"] }] });
    const { spreadsheetId, book } = seeded([tab("Bob's tab"), tab("Register DAG30")]);
    await book.read();
    const batch: ChangeBatch = {
      ...emptyBatch(),
      updates: ["Bob's tab", "Register DAG30"].map((name) => update({ tab: name, row: 2, ref: "A-1", expected: "Open", value: "Closed" })),
      appends: [{ tab: "Bob's tab", values: { Ref: "A-2" } }],
    };
    expect(await book.apply(batch)).toEqual({ applied: 3, skipped: [] });
    expect(fake.snapshot(spreadsheetId).tabs.map((t) => t.rows.map((r) => r.cells))).toEqual([
      [["A-1", "Closed"], ["A-2", null]],
      [["A-1", "Closed"]],
    ]);
    const ranges = fake.calls.filter((c) => c.path.includes(spreadsheetId)).flatMap((c) => [
      ...c.query.getAll("ranges"),
      ...((c.body as { data?: { range: string }[] } | undefined)?.data ?? []).map((d) => d.range),
    ]);
    expect(ranges).toEqual(expect.arrayContaining(["'Bob''s tab'", "'Register DAG30'", "'Bob''s tab'!B2", "'Bob''s tab'!A3:B3"]));
  });
});

describe("createGoogleWorkbook errors", () => {
  it("names the service account to share the sheet with on a 403", async () => {
    const { book, inject } = seeded([actions()]);
    inject({ kind: "status", status: 403, message: "The caller does not have permission" });
    const error = await rejection(book.read());
    expect(error.code).toBe("WORKBOOK_FORBIDDEN");
    expect(error.message).toContain(`share the sheet as an Editor with ${TEST_SERVICE_ACCOUNT}`);
  });

  it("says to enable the API when the project has not", async () => {
    const { book, inject } = seeded([actions()]);
    inject({ kind: "status", status: 403, message: "Google Sheets API has not been used in project 42 before or it is disabled." });
    expect((await rejection(book.read())).message).toMatch(/gcloud services enable sheets.googleapis.com/);
  });

  it("reports a spreadsheet that does not exist as not found, with where the id comes from", async () => {
    const book = createGoogleWorkbook({ spreadsheetId: "no-such-sheet", rootUrl: fake.url, auth });
    const error = await rejection(book.read());
    expect(error.code).toBe("WORKBOOK_NOT_FOUND");
    expect(error.message).toMatch(/no-such-sheet was not found.*between \/d\/ and \/edit/);
    expect(book.label).toBe("gsheet:no-such-sheet");
  });

  it("says how to get credentials when there are none, without calling the API or retrying", async () => {
    const { spreadsheetId, callsTo } = seeded([actions()]);
    const missing = new GoogleAuth({ keyFilename: "/nonexistent/actionlog-key.json", scopes: ["https://www.googleapis.com/auth/spreadsheets"] });
    const error = await rejection(createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth: missing }).read());
    expect(error.code).toBe("WORKBOOK_FORBIDDEN");
    expect(error.message).toMatch(/no usable Google credentials.*gcloud auth application-default login/);
    expect(callsTo("spreadsheets.get")).toBe(0);
  });

  it("sends a placeholder token, never real credentials, to a rootUrl override without auth", async () => {
    const { spreadsheetId } = seeded([actions()]);
    const book = createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url });
    expect(await book.read()).toEqual(fake.snapshot(spreadsheetId));
  });
});
