/** SMTP down or slow during the digest: the others are sent, failures are retried next run, and a redelivered run sends nothing twice. */
import { createServer } from "node:net";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../shared/adapters/mailer.smtp.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { isLeaseKey } from "../../shared/jobs/digest-lease.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { action, buildLog } from "../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });
const TUESDAY = MONDAY.plus({ days: 1 });

/** Three owners' digests (Paul, Lee, Daniel) and the PMO summary, all due on Monday. */
const workbook = () =>
  createMemoryWorkbook({
    tabs: buildLog({
      settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" },
      actions: [
        action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" }),
        action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "02/11/2023" }),
        action({ Ref: "DAG29-03", Owner: "Daniel Arrowsmith", Due: "03/11/2023" }),
      ],
    }).tabs,
  });
const KEYS = ["digest:daniel arrowsmith:2023-W46", "digest:lee cox:2023-W46", "digest:paul pettitt:2023-W46", "summary:2023-W46"];

const mailLog = (book: ReturnType<typeof workbook>) => {
  const tab = book.snapshot().tabs.find((t) => t.name === MAIL_LOG_TAB);
  const at = (name: string) => tab?.headers.indexOf(name) ?? -1;
  return (tab?.rows ?? []).filter((r) => !isLeaseKey(r.cells[at("Key")])).map((r) => [r.cells[at("Key")], r.cells[at("Status")]]);
};

/** A port nothing listens on: taken from the OS, then released. */
const deadPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });

const run = async (book: ReturnType<typeof workbook>, url: string, now: DateTime, timeoutMs = 5_000) => {
  const mailer = createSmtpMailer({ url, timeoutMs });
  try {
    return await runDigest(book, mailer, { now });
  } finally {
    await mailer.close();
  }
};

/** Every message the server received, by its idempotency key. */
const delivered = (sink: SmtpSink) => sink.messages.map((m) => /X-Actionlog-Key: (.+)\r\n/.exec(m.raw.toString())?.[1] ?? "?");

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe("the digest job when SMTP fails", () => {
  it("with the server down, every message is logged failed and none sent; the next run sends each once; a redelivery sends none", async () => {
    const book = workbook();
    const down = await run(book, `smtp://actionlog:pw@127.0.0.1:${await deadPort()}`, MONDAY, 1_000);
    expect(down.sent).toEqual([]);
    expect(down.failed.map((f) => f.key)).toEqual(KEYS);
    expect(down.failed[0]?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(mailLog(book)).toEqual(KEYS.map((k) => [k, "failed"]));

    sink = await startSmtpSink();
    const retry = await run(book, sink.url, TUESDAY);
    expect(retry.sent.map((m) => m.key)).toEqual(KEYS);
    for (let i = 0; i < 2; i++) expect((await run(book, sink.url, TUESDAY)).sent).toEqual([]);
    expect(delivered(sink).sort()).toEqual(KEYS);
  });

  it("with a slow server inside the timeout, every message is sent once", async () => {
    sink = await startSmtpSink();
    sink.delayMs = 150;
    const book = workbook();
    const report = await run(book, sink.url, MONDAY, 2_000);
    expect(report.failed).toEqual([]);
    expect(delivered(sink).sort()).toEqual(KEYS);
    expect(mailLog(book)).toEqual(KEYS.map((k) => [k, "sent"]));
  });

  it("with a server slower than the timeout, messages fail cleanly and are retried next run: none missed, at most one extra copy of each timed-out one", async () => {
    sink = await startSmtpSink();
    sink.delayMs = 700;
    const book = workbook();
    const slow = await run(book, sink.url, MONDAY, 250);
    expect(slow.sent).toEqual([]);
    expect(slow.failed.map((f) => f.key)).toEqual(KEYS);
    expect(slow.failed.every((f) => /timeout|timed out/i.test(f.error))).toBe(true);

    sink.delayMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 800)); // the slow relay finishes what it was given
    const retry = await run(book, sink.url, TUESDAY);
    expect(retry.sent.map((m) => m.key)).toEqual(KEYS);
    expect((await run(book, sink.url, TUESDAY)).sent).toEqual([]);
    const counts = KEYS.map((key) => delivered(sink as SmtpSink).filter((k) => k === key).length);
    expect(counts.every((n) => n >= 1 && n <= 2)).toBe(true);
    expect(mailLog(book).filter(([, status]) => status === "sent").map(([key]) => key)).toEqual(KEYS);
  });
});
