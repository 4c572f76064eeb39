/** Sheets API faults mid-job: validate and roll-forward on the Google adapter either complete or write nothing, and the next run finishes. */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import type { RawWorkbook } from "../../shared/adapters/workbook.js";
import { isActionlogError } from "../../shared/core/errors.js";
import { runRollover } from "../../shared/jobs/rollover-job.js";
import { runValidate } from "../../shared/jobs/validate-job.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeApi, type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const options = { now: NOW, dryRun: false, actor: "actionlog sweep" };

/** Four actions with work to do: a blank ref, a lower-case status, a bad date, and due dates to fill in. */
const LOG = buildLog({
  actions: [
    action({ Ref: "DAG29-01", Due: "+10 WD", Status: "open" }),
    action({ Ref: "", Action: "Blank ref row", Due: "Next meeting" }),
    action({ Ref: "DAG28-07", Meeting: 28, Due: "31/02/2024" }),
    action({ Ref: "DAG28-02", Meeting: 28, Due: "ASAP", Status: "ongoing" }),
  ],
});

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

let next = 0;
const auth = fakeGoogleAuth();
/** A fresh sheet holding LOG, and adapters with quick retries; a fault run waits `timeoutMs` for an answer, other runs 5 s. */
const sheet = (log: RawWorkbook = LOG) => {
  next += 1;
  const spreadsheetId = `faults-job-${next}`;
  fake.seed(spreadsheetId, log.tabs);
  const workbook = (timeoutMs = 5_000) => createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs });
  return { spreadsheetId, workbook, snapshot: () => fake.snapshot(spreadsheetId) };
};

const callsTo = (spreadsheetId: string, api: FakeApi) => fake.calls.filter((c) => c.api === api && c.path.includes(spreadsheetId)).length;

/** What the job leaves when nothing goes wrong (the state every faulted sheet must end in), and its calls of `api`. */
const cleanRun = async (job: (s: ReturnType<typeof sheet>) => Promise<unknown>, api: FakeApi): Promise<{ expected: RawWorkbook; calls: number }> => {
  const clean = sheet();
  await job(clean);
  return { expected: clean.snapshot(), calls: callsTo(clean.spreadsheetId, api) };
};

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isActionlogError(error)) throw new Error(`expected an ActionlogError, got ${String(error)}`);
  return error;
};

/** A hung request is given up after this long; only runs with a fault injected use it. */
const HANG_MS = 300;
const validate = (s: ReturnType<typeof sheet>, timeoutMs?: number) => runValidate(s.workbook(timeoutMs), options);
const rollover = (s: ReturnType<typeof sheet>, timeoutMs?: number) => runRollover(s.workbook(timeoutMs), { ...options, meeting: 29 });

type Fault = { kind: "status"; status: 429 | 503; times: number } | { kind: "hang"; land?: boolean };
type Case = [string, "validate" | "rollover", FakeApi, Fault];

describe("a Sheets API fault mid-job", () => {
  // Transient faults: the retry loop absorbs them and the run completes as if nothing happened.
  it.each<Case>([
    ["429 on the first read", "validate", "spreadsheets.get", { kind: "status", status: 429, times: 2 }],
    ["503 on the write", "validate", "values.batchUpdate", { kind: "status", status: 503, times: 2 }],
    ["a hung read", "validate", "spreadsheets.get", { kind: "hang" }],
    ["429 on the register write", "rollover", "spreadsheets.batchUpdate", { kind: "status", status: 429, times: 1 }],
    ["503 on the re-read before writing", "rollover", "spreadsheets.get", { kind: "status", status: 503, times: 2 }],
  ])("%s (%s): the job completes with the same result as a clean run", async (_name, job, api, fault) => {
    const run = job === "validate" ? validate : rollover;
    const { expected, calls } = await cleanRun(run, api);
    const s = sheet();
    fake.inject({ ...fault, api, spreadsheetId: s.spreadsheetId });
    await run(s, fault.kind === "hang" ? HANG_MS : undefined);
    fake.clearFaults();
    expect(callsTo(s.spreadsheetId, api)).toBe(calls + (fault.kind === "status" ? fault.times : 1));
    expect(s.snapshot()).toEqual(expected);
  });

  // Lasting faults: the job stops with a message saying to run it again, having written nothing.
  it.each<Case>([
    ["a lasting 503 on the write", "validate", "values.batchUpdate", { kind: "status", status: 503, times: Number.POSITIVE_INFINITY }],
    ["a lasting 429 on the re-read before writing", "validate", "spreadsheets.get", { kind: "status", status: 429, times: Number.POSITIVE_INFINITY }],
    ["a hung write", "validate", "values.batchUpdate", { kind: "hang" }],
    ["a lasting 503 on the register write", "rollover", "spreadsheets.batchUpdate", { kind: "status", status: 503, times: Number.POSITIVE_INFINITY }],
    ["a hung register write", "rollover", "spreadsheets.batchUpdate", { kind: "hang" }],
  ])("%s (%s): fails cleanly with nothing half-written, and the next run finishes the job", async (_name, job, api, fault) => {
    const run = job === "validate" ? validate : rollover;
    const { expected } = await cleanRun(run, api);
    const s = sheet();
    const before = s.snapshot();
    const target = { ...fault, api, spreadsheetId: s.spreadsheetId };
    // A fault on spreadsheets.get starts after the job's first read, so it lands on the re-read before the write.
    if (api === "spreadsheets.get") fake.inject({ kind: "mutate", afterCall: fake.calls.length + 1, mutate: (f) => f.inject(target) });
    else fake.inject(target);
    const error = await failure(run(s, fault.kind === "hang" ? HANG_MS : undefined));
    fake.clearFaults();
    expect(error.code).toBe("SHEETS_API");
    expect(error.message).toMatch(/run the job again/);
    expect(s.snapshot()).toEqual(before);
    await run(s);
    expect(s.snapshot()).toEqual(expected);
  });

  it.each<["validate" | "rollover", FakeApi]>([
    ["validate", "values.batchUpdate"],
    ["rollover", "spreadsheets.batchUpdate"],
  ])("a %s write that lands but whose answer is lost is not repeated: the next run finds it done and adds no duplicate Audit rows", async (job, api) => {
    const run = job === "validate" ? validate : rollover;
    const { expected } = await cleanRun(run, api);
    const s = sheet();
    fake.inject({ kind: "hang", land: true, api, spreadsheetId: s.spreadsheetId });
    const error = await failure(run(s, HANG_MS));
    expect(error.message).toMatch(/no answer within 0.3s/);
    expect(s.snapshot()).toEqual(expected);
    const writes = () => callsTo(s.spreadsheetId, api);
    expect(writes()).toBe(1);
    await run(s);
    expect(writes()).toBe(1);
    expect(s.snapshot()).toEqual(expected);
  });
});
