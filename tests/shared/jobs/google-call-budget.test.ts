/** The API call budget, asserted by running the real jobs on the Google adapter against the fake Sheets API. */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import { createGoogleWorkbook } from "../../../shared/adapters/workbook.google.js";
import type { RawWorkbook } from "../../../shared/adapters/workbook.js";
import { runDigest } from "../../../shared/jobs/digest-job.js";
import { runRollover } from "../../../shared/jobs/rollover-job.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../../sheets-schema/mail-log.js";
import { fakeGoogleAuth } from "../../support/fake-sheets/auth.js";
import { type FakeSheets, startFakeSheets } from "../../support/fake-sheets-server.js";
import { action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const options = { now: NOW, dryRun: false, actor: "actionlog onSheetEdit" };

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

const LOG = buildLog({
  actions: [
    action({ Ref: "DAG29-01", Due: "+10 WD", Status: "open" }),
    action({ Ref: "", Action: "Blank ref row", Due: "Next meeting" }),
    action({ Ref: "DAG28-07", Meeting: 28, Due: "31/02/2024" }),
    action({ Ref: "DAG28-02", Meeting: 28, Due: "ASAP", Status: "Closed", Update: "Done" }),
  ],
});

let next = 0;
const nextNumber = () => {
  next += 1;
  return next;
};
/** A fresh spreadsheet holding `log`, a workbook on it, and a counter of the calls made for it from now on. */
const sheet = (log: RawWorkbook) => {
  const spreadsheetId = `budget-${nextNumber()}`;
  fake.seed(spreadsheetId, log.tabs);
  const workbook = () => createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth: fakeGoogleAuth() });
  let mark = fake.calls.length;
  const calls = () => fake.calls.slice(mark).filter((c) => c.path.includes(spreadsheetId)).map((c) => c.api);
  const restart = () => {
    mark = fake.calls.length;
  };
  return { spreadsheetId, workbook, calls, restart };
};

describe("Sheets API call budget", () => {
  it("an edit nudge with changes costs at most 3 calls: read, re-read, one write", async () => {
    const { spreadsheetId, workbook, calls } = sheet(LOG);
    const report = await runValidate(workbook(), options);
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.skipped).toBe(0);
    expect(calls()).toEqual(["spreadsheets.get", "spreadsheets.get", "values.batchUpdate"]);
    const audit = fake.snapshot(spreadsheetId).tabs.find((t) => t.name === "Audit");
    expect(audit?.rows).toHaveLength(report.changes.length);
  });

  it("an edit nudge with nothing to change costs 1 call", async () => {
    const { workbook, calls, restart } = sheet(LOG);
    await runValidate(workbook(), options);
    restart();
    const report = await runValidate(workbook(), options);
    expect(report.changes).toEqual([]);
    expect(calls()).toEqual(["spreadsheets.get"]);
  });

  it("a roll-forward that adds the register tab costs at most 4 calls, and a repeat adds nothing", async () => {
    const { spreadsheetId, workbook, calls, restart } = sheet(LOG);
    const report = await runRollover(workbook(), { ...options, meeting: 29 });
    expect(report.registerWritten).toBe(true);
    expect(calls()).toEqual(["spreadsheets.get", "spreadsheets.get", "spreadsheets.batchUpdate"]);
    const register = fake.snapshot(spreadsheetId).tabs.find((t) => t.name === "Register DAG30");
    expect(register?.rows.map((r) => r.cells[2])).toEqual(report.register.map((entry) => entry.ref));

    restart();
    const again = await runRollover(workbook(), { ...options, meeting: 29 });
    expect(again.registerWritten).toBe(false);
    expect(calls()).toEqual(["spreadsheets.get"]);
  });

  it("a sending digest reads the whole sheet once: its lease check and every later re-read ask for the Mail Log alone", async () => {
    const settings = { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" };
    const actions = [action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" })];
    const tabs = [...buildLog({ settings, actions }).tabs, { name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS], rows: [] }];
    const { spreadsheetId, workbook } = sheet({ tabs });
    const mark = fake.calls.length;
    const report = await runDigest(workbook(), createMemoryMailer(), { now: DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" }) });
    expect(report.sent.length).toBeGreaterThan(0);
    const reads = fake.calls.slice(mark).filter((c) => c.path.includes(spreadsheetId) && c.api === "spreadsheets.get");
    expect(reads.map((c) => c.query.getAll("ranges"))).toEqual([[], ...reads.slice(1).map(() => [`'${MAIL_LOG_TAB}'`])]);
  });
});
