/** Two digest runs that start together (a scheduled one and a manual one): one sends, the other sends nothing. */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import type { RawWorkbook, Workbook } from "../../shared/adapters/workbook.js";
import { LEASE_MINUTES, isLeaseKey } from "../../shared/jobs/digest-lease.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";

const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });
const SETTINGS = { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" };
const ACTIONS = [
  action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" }),
  action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "02/11/2023" }),
  action({ Ref: "DAG29-03", Owner: "Daniel Arrowsmith", Due: "03/11/2023" }),
];
/** Three digests and the PMO summary. */
const MESSAGES = 4;
/** The log with an empty Mail Log, as in any week after the first. */
const tabs = () => [...buildLog({ settings: SETTINGS, actions: ACTIONS }).tabs, { name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS], rows: [] }];

const mailLog = (workbook: RawWorkbook) => {
  const tab = workbook.tabs.find((t) => t.name === MAIL_LOG_TAB);
  const at = (name: string) => tab?.headers.indexOf(name) ?? -1;
  return (tab?.rows ?? []).map((r) => ({ key: r.cells[at("Key")], status: r.cells[at("Status")] }));
};

async function race(books: [Workbook, Workbook]) {
  const mailer = createMemoryMailer();
  const reports = await Promise.all(books.map((book, i) => runDigest(book, mailer, { now: MONDAY, actor: `run ${i + 1}` })));
  return { mailer, reports };
}

function expectOneSender({ mailer, reports }: Awaited<ReturnType<typeof race>>, after: RawWorkbook) {
  const recipients = mailer.sent.flatMap((m) => m.to);
  expect(recipients).toHaveLength(MESSAGES);
  expect(new Set(recipients).size).toBe(MESSAGES);
  const busy = reports.filter((r) => r.busy !== undefined);
  expect(busy).toHaveLength(1);
  expect(busy[0]?.sent).toEqual([]);
  expect(busy[0]?.busy).toMatch(/^Another digest run \(Mail Log row \d+, started 2023-11-13T08:00:00Z?[+0-9:]*\) is sending, so this one sent nothing/);
  const rows = mailLog(after);
  expect(rows.filter((r) => !isLeaseKey(r.key)).map((r) => r.status)).toEqual(Array(MESSAGES).fill("sent"));
  expect(rows.filter((r) => isLeaseKey(r.key)).every((r) => r.status === "finished" || r.status === "yielded")).toBe(true);
}

describe("digest runs that start together", () => {
  it("on one workbook: the first lease row wins, the other run sends nothing and says why", async () => {
    const book = createMemoryWorkbook({ tabs: tabs() });
    const outcome = await race([book, book]);
    expectOneSender(outcome, book.snapshot());
    expect(mailLog(book.snapshot()).filter((r) => isLeaseKey(r.key)).map((r) => r.status)).toEqual(["finished", "yielded"]);
    // The next run sends nothing new, and is not held up by the finished or yielded leases.
    const next = await runDigest(book, createMemoryMailer(), { now: MONDAY.plus({ hours: 1 }) });
    expect([next.sent, next.busy]).toEqual([[], undefined]);
  });

  describe("on a Google Sheet with 100 ms per call, where both runs plan their appends from the same read", () => {
    let fake: FakeSheets;
    beforeAll(async () => {
      fake = await startFakeSheets({ latencyMs: 100 });
    });
    afterAll(() => fake.close());

    it("mails each person once and logs every message", async () => {
      fake.seed("race", tabs());
      const open = () => createGoogleWorkbook({ spreadsheetId: "race", rootUrl: fake.url, auth: fakeGoogleAuth() });
      const outcome = await race([open(), open()]);
      expectOneSender(outcome, fake.snapshot("race"));
    });
  });

  it(`ignores a lease a crashed run left behind, once it is ${LEASE_MINUTES} minutes old`, async () => {
    const stale = { Time: MONDAY.minus({ minutes: LEASE_MINUTES + 1 }).toISO(), Key: "run:crashed", Status: "running" };
    const fresh = { ...stale, Time: MONDAY.minus({ minutes: 2 }).toISO() };
    const withLease = (lease: Record<string, string | null>) => {
      const all = tabs();
      const log = all.find((t) => t.name === MAIL_LOG_TAB);
      log?.rows.push({ row: 2, cells: MAIL_LOG_HEADERS.map((h) => lease[h] ?? null) });
      return createMemoryWorkbook({ tabs: all });
    };
    const afterCrash = await runDigest(withLease(stale), createMemoryMailer(), { now: MONDAY });
    expect([afterCrash.sent.length, afterCrash.busy]).toEqual([MESSAGES, undefined]);
    const whileRunning = await runDigest(withLease(fresh), createMemoryMailer(), { now: MONDAY });
    expect(whileRunning.sent).toEqual([]);
    expect(whileRunning.busy).toContain("Mail Log row 2");
  });
});
