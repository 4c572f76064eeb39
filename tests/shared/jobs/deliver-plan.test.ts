/** The digest job renders a body only for a message it sends, one message at a time, just before that send. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import type { Mailer } from "../../../shared/adapters/mailer.js";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { type MailPlan, planMail } from "../../../shared/core/digest-plan.js";
import { validateLog } from "../../../shared/core/validate.js";
import { type PlannedRun, deliverPlan, runDigest } from "../../../shared/jobs/digest-job.js";
import { messageIdFor } from "../../../shared/jobs/outgoing-mail.js";
import { readMailLog } from "../../../sheets-schema/mail-log.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { action, buildLog } from "../../support/log-fixture.js";

const SETTINGS = { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org", escalate_after_meetings: 2 };
const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });

/** Four digests, a reminder for DAG29-02 that folds into Lee's digest, and the PMO summary. */
const ACTIONS = [
  action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" }),
  action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" }),
  action({ Ref: "DAG29-03", Owner: "PMO", Due: "10/11/2023" }),
  action({ Ref: "DAG27-01", Meeting: 27, Owner: "NGESO Representative (Daniel Arrowsmith)", Due: "13/09/2023" }),
];
const REMINDER = "reminder:DAG29-02:2023-11-16";
const SENT_KEYS = ["digest:daniel arrowsmith:2023-W46", "digest:fraser mathieson:2023-W46", "digest:lee cox:2023-W46", "digest:paul pettitt:2023-W46", "summary:2023-W46"];

const newBook = () => createMemoryWorkbook({ tabs: buildLog({ actions: ACTIONS, settings: SETTINGS }).tabs });

/** The run runDigest makes from the book as it stands, with every render recorded by key. */
async function countedRun(book: ReturnType<typeof newBook>): Promise<{ run: PlannedRun; rendered: string[]; plain: MailPlan }> {
  const raw = await book.read();
  const log = parseLog(raw);
  const plain = planMail(log, validateLog(log, MONDAY), MONDAY, { weekly: "scheduled", reminders: true });
  const rendered: string[] = [];
  const messages = plain.messages.map((mail) => ({
    ...mail,
    render: () => {
      rendered.push(mail.key);
      return mail.render();
    },
  }));
  return { run: { log, plan: { ...plain, messages }, mailLog: readMailLog(raw) }, rendered, plain };
}

describe("deliverPlan renders only what it sends", () => {
  it("renders nothing when the Mail Log already has every planned message", async () => {
    const book = newBook();
    await runDigest(book, createMemoryMailer(), { now: MONDAY });
    const { run, rendered } = await countedRun(book);
    expect(run.plan.messages.map((m) => m.key)).toEqual([...SENT_KEYS.slice(0, 4), REMINDER, SENT_KEYS[4]]);
    const mailer = createMemoryMailer();
    const report = await deliverPlan(book, mailer, run, { now: MONDAY, dryRun: false });
    expect(report.alreadySent).toHaveLength(run.plan.messages.length);
    expect(report.sent).toEqual([]);
    expect(mailer.sent).toEqual([]);
    expect(rendered).toEqual([]);
  });

  it("renders each message just before its send, one at a time, and never the reminder folded into a digest", async () => {
    const book = newBook();
    const { run, rendered, plain } = await countedRun(book);
    const inner = createMemoryMailer();
    const renderedAtSend: string[][] = [];
    const watching: Mailer = {
      label: "watching",
      close: inner.close,
      send(mail) {
        renderedAtSend.push([...rendered]);
        return inner.send(mail);
      },
    };
    const report = await deliverPlan(book, watching, run, { now: MONDAY, dryRun: false });
    expect(report.sent.map((m) => m.key)).toEqual(SENT_KEYS);
    expect(report.inDigest).toEqual([REMINDER]);
    // At the nth send exactly n bodies have been rendered: none ahead of time, none twice.
    expect(renderedAtSend).toEqual(SENT_KEYS.map((_, n) => SENT_KEYS.slice(0, n + 1)));
    expect(rendered).toEqual(SENT_KEYS);
    const bodies = inner.sent.map((m) => ({ text: m.text, html: m.html }));
    expect(bodies).toEqual(SENT_KEYS.map((key) => plain.messages.find((m) => m.key === key)?.render()));
  });

  it("renders no bodies in a dry run, yet reports the Message-IDs the real run then uses", async () => {
    const book = newBook();
    const { run, rendered } = await countedRun(book);
    const dry = await deliverPlan(book, createMemoryMailer(), run, { now: MONDAY, dryRun: true });
    expect(rendered).toEqual([]);
    expect(dry.sent.map((m) => m.key)).toEqual(SENT_KEYS);
    expect(dry.sent.map((m) => m.messageId)).toEqual(SENT_KEYS.map((key) => messageIdFor(key, "DAG", "actionlog@example.org")));
    const real = await runDigest(book, createMemoryMailer(), { now: MONDAY });
    expect(real.sent.map((m) => m.messageId)).toEqual(dry.sent.map((m) => m.messageId));
  });
});
