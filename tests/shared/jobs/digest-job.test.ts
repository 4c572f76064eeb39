/** The digest job: exactly one of each message across reruns, failures and crashes, and never a stranger mailed. */
import type { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import { createSmtpMailer } from "../../../shared/adapters/mailer.smtp.js";
import type { Mailer } from "../../../shared/adapters/mailer.js";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import type { RawTab } from "../../../shared/adapters/workbook.js";
import { isActionlogError } from "../../../shared/core/errors.js";
import { runDigest } from "../../../shared/jobs/digest-job.js";
import { messageIdFor } from "../../../shared/jobs/outgoing-mail.js";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../../sheets-schema/mail-log.js";
import { fromParsed } from "../../support/describe-mailer.js";
import { ACTIONS, MONDAY, SETTINGS, TUESDAY, mailLogRows, workbookFor } from "../../support/digest-fixture.js";
import { action, buildLog } from "../../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../../support/smtp-sink.js";

const EXPECTED_KEYS = [
  "digest:daniel arrowsmith:2023-W46",
  "digest:fraser mathieson:2023-W46",
  "digest:lee cox:2023-W46",
  "digest:paul pettitt:2023-W46",
  "reminder:DAG29-02:2023-11-16",
  "summary:2023-W46",
];
const REMINDER = "reminder:DAG29-02:2023-11-16";
/** Lee's digest lists DAG29-02, so the reminder goes inside it rather than as a second email. */
const SENT_KEYS = EXPECTED_KEYS.filter((key) => key !== REMINDER);

describe("runDigest", () => {
  it("sends each message once, logs each in a new Mail Log tab, and sends nothing new on a second run that week", async () => {
    const book = workbookFor();
    const mailer = createMemoryMailer();
    const first = await runDigest(book, mailer, { now: MONDAY });
    expect(first.sent.map((m) => m.key)).toEqual(SENT_KEYS);
    expect(first.inDigest).toEqual([REMINDER]);
    expect(first.failed).toEqual([]);
    const tab = book.snapshot().tabs.find((t) => t.name === MAIL_LOG_TAB);
    expect(tab?.headers).toEqual([...MAIL_LOG_HEADERS]);
    expect(mailLogRows(book).map((r) => [r.Key, r.Status])).toEqual(EXPECTED_KEYS.map((k) => [k, k === REMINDER ? "in digest" : "sent"]));
    expect(mailLogRows(book)[0]).toMatchObject({ Time: "2023-11-13T08:00:00+00:00", To: "daniel@example.org", Refs: "DAG27-01", "Message ID": messageIdFor(EXPECTED_KEYS[0] ?? "", "DAG", "actionlog@example.org") });

    const second = await runDigest(book, mailer, { now: TUESDAY });
    expect(second.sent).toEqual([]);
    expect(second.alreadySent).toEqual(EXPECTED_KEYS);
    expect(mailer.sent).toHaveLength(SENT_KEYS.length);
    expect(mailLogRows(book)).toHaveLength(EXPECTED_KEYS.length);
  });

  it("sends once when the same scheduler event is delivered three times", async () => {
    const book = workbookFor();
    const mailer = createMemoryMailer();
    for (let i = 0; i < 3; i++) await runDigest(book, mailer, { now: MONDAY });
    expect(mailer.sent.map((m) => m.headers["X-Actionlog-Key"])).toEqual(SENT_KEYS);
  });

  it("a dry run reports what would be sent and writes and sends nothing", async () => {
    const book = workbookFor();
    const before = book.snapshot();
    const mailer = createMemoryMailer();
    const report = await runDigest(book, mailer, { now: MONDAY, dryRun: true });
    expect(report.sent.map((m) => m.key)).toEqual(SENT_KEYS);
    expect(report.inDigest).toEqual([REMINDER]);
    expect(mailer.sent).toEqual([]);
    expect(book.snapshot()).toEqual(before);
  });

  it.each([1, 3, 5])("a crash after the server accepts message %i but before its log row causes at most one duplicate and misses none", async (crashAt) => {
    const book = workbookFor();
    const inner = createMemoryMailer();
    let sends = 0;
    const crashing: Mailer = {
      label: "crashing",
      close: inner.close,
      async send(mail) {
        const outcome = await inner.send(mail);
        if (++sends === crashAt) throw new Error("process killed after SMTP accepted the message");
        return outcome;
      },
    };
    await expect(runDigest(book, crashing, { now: MONDAY })).rejects.toThrow(/process killed/);
    const rerun = await runDigest(book, inner, { now: MONDAY });
    const delivered = inner.sent.map((m) => m.headers["X-Actionlog-Key"] ?? "");
    const counts = SENT_KEYS.map((key) => delivered.filter((k) => k === key).length);
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts.filter((n) => n === 2)).toHaveLength(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(SENT_KEYS.length + 1);
    expect(rerun.sent).toHaveLength(SENT_KEYS.length - crashAt + 1);
    expect(mailLogRows(book).filter((r) => r.Status === "sent")).toHaveLength(SENT_KEYS.length);
    expect(delivered).not.toContain(REMINDER);
  });

  it("stops before mailing anyone when mail has no sender", async () => {
    const mailer = createMemoryMailer();
    const error = await runDigest(workbookFor({ settings: { from_email: "", pmo_email: "" } }), mailer, { now: MONDAY }).catch((e: unknown) => e);
    expect(isActionlogError(error) && error.code === "CONFIG" && error.message.includes("from_email")).toBe(true);
    expect(mailer.sent).toEqual([]);
  });

  it("refuses a Mail Log without its Key header rather than mail everyone again", async () => {
    const broken: RawTab = { name: MAIL_LOG_TAB, headers: ["Time", "To", "Subject", "Refs", "Status", "Message ID"], rows: [] };
    const book = createMemoryWorkbook({ tabs: [...buildLog({ actions: ACTIONS, settings: SETTINGS }).tabs, broken] });
    const mailer = createMemoryMailer();
    await expect(runDigest(book, mailer, { now: MONDAY })).rejects.toThrow(/Mail Log: Header "Key" is missing/);
    expect(mailer.sent).toEqual([]);
  });

  it("refuses a Mail Log with its Status header on two columns rather than misread what was sent", async () => {
    const doubled: RawTab = { name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS, "status"], rows: [] };
    const book = createMemoryWorkbook({ tabs: [...buildLog({ actions: ACTIONS, settings: SETTINGS }).tabs, doubled] });
    const mailer = createMemoryMailer();
    await expect(runDigest(book, mailer, { now: MONDAY })).rejects.toThrow(/Mail Log: Header "Status" is on both columns F \("Status"\) and I \("status"\)/);
    expect(mailer.sent).toEqual([]);
  });
});

describe("runDigest over a real SMTP server", () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  const run = async (book: ReturnType<typeof workbookFor>, now: DateTime) => {
    const mailer = createSmtpMailer({ url: sink?.url ?? "", timeoutMs: 5_000 });
    try {
      return await runDigest(book, mailer, { now });
    } finally {
      await mailer.close();
    }
  };

  it("one recipient refused mid-run: the others are sent, the failure is logged, and only it is retried next run", async () => {
    sink = await startSmtpSink();
    sink.reject("lee@example.org");
    const book = workbookFor();
    const first = await run(book, MONDAY);
    expect(first.failed.map((f) => [f.key, f.to])).toEqual([
      ["digest:lee cox:2023-W46", "lee@example.org"],
      ["reminder:DAG29-02:2023-11-16", "lee@example.org"],
    ]);
    expect(first.failed[0]?.error).toMatch(/550/);
    expect(first.sent.map((m) => m.key)).toEqual(EXPECTED_KEYS.filter((k) => !k.includes("lee") && !k.includes("DAG29-02")));
    expect(mailLogRows(book).filter((r) => r.Status === "failed").map((r) => [r.Key, r["Message ID"]])).toEqual([
      ["digest:lee cox:2023-W46", null],
      ["reminder:DAG29-02:2023-11-16", null],
    ]);

    sink.accept("lee@example.org");
    const before = sink.messages.length;
    const retry = await run(book, TUESDAY);
    // Lee's digest now goes, and the reminder folds into it: one email, not two.
    expect(retry.sent.map((m) => m.key)).toEqual(["digest:lee cox:2023-W46"]);
    expect(retry.inDigest).toEqual([REMINDER]);
    expect(sink.messages.slice(before).map((m) => m.recipients)).toEqual([["lee@example.org"]]);
    expect((await run(book, TUESDAY)).sent).toEqual([]);
  });

  it("delivers what a member's mail client needs: recipients, subject, text, escaped HTML and headers", async () => {
    sink = await startSmtpSink();
    await run(workbookFor(), MONDAY);
    const mails = (await sink.parsed()).map(fromParsed);
    const paul = mails.find((m) => m.to.includes("paul@example.org"));
    expect(paul).toMatchObject({
      from: "actionlog@example.org",
      cc: [],
      replyTo: "fraser@example.org",
      subject: "[DAG] 1 overdue (week of 13 Nov 2023)",
      messageId: messageIdFor("digest:paul pettitt:2023-W46", "DAG", "actionlog@example.org"),
    });
    expect(paul?.headers["list-id"]).toBe("DAG actions <dag.actionlog.example.org>");
    expect(paul?.text).toContain("Fix <script>alert(1)</script> & tidy");
    expect(paul?.html).toContain("Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; tidy");
    expect(paul?.html).not.toContain("<script");
    const summary = mails.find((m) => m.subject.includes("PMO summary"));
    expect(summary).toMatchObject({ to: ["fraser@example.org"], cc: ["justin@example.org"] });
  });

  it("never mails an address typed into an Actions cell", async () => {
    sink = await startSmtpSink();
    const book = workbookFor({
      actions: [
        ...ACTIONS,
        action({ Ref: "DAG29-07", Owner: "intruder@evil.example", Due: "01/11/2023" }),
        action({ Ref: "DAG29-08", Owner: "Paul Pettitt; boss@evil.example", Due: "02/11/2023", Update: "cc ceo@evil.example" }),
      ],
    });
    const report = await run(book, MONDAY);
    const recipients = sink.messages.flatMap((m) => m.recipients);
    expect(recipients.some((r) => r.endsWith("@evil.example"))).toBe(false);
    expect(new Set(recipients)).toEqual(new Set(["paul@example.org", "lee@example.org", "fraser@example.org", "daniel@example.org", "justin@example.org"]));
    expect(report.skipped.map((s) => s.owner)).toEqual(["intruder@evil.example", "boss@evil.example"]);
  });
});
