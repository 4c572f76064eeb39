/** Due-soon reminders in the digest job: folded into digests, split between co-owners, bundled per owner, retried part by part. */
import { describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import { runDigest } from "../../../shared/jobs/digest-job.js";
import { messageIdFor } from "../../../shared/jobs/outgoing-mail.js";
import { MONDAY, TUESDAY, mailLogRows, workbookFor } from "../../support/digest-fixture.js";
import { action } from "../../support/log-fixture.js";

describe("runDigest: reminders", () => {
  it("sends a reminder on its own when the owner's digest went out earlier in the week", async () => {
    const book = workbookFor({
      actions: [action({ Ref: "DAG29-01", Owner: "Lee Cox", Due: "01/11/2023" }), action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "22/11/2023" })],
    });
    const mailer = createMemoryMailer();
    const monday = await runDigest(book, mailer, { now: MONDAY });
    expect(monday.sent.map((m) => m.key)).toEqual(["digest:lee cox:2023-W46", "summary:2023-W46"]);
    const friday = await runDigest(book, mailer, { now: MONDAY.plus({ days: 4 }) });
    expect(friday.sent.map((m) => m.key)).toEqual(["reminder:DAG29-02:2023-11-22"]);
    expect(friday.inDigest).toEqual([]);
  });

  it("folds a co-owned reminder only for the owner whose digest goes the same day; the other gets it alone (QA finding 3)", async () => {
    // Daniel's digest went on Monday, before DAG29-14 was due soon; Lee's first digest of the week goes on Friday and lists it.
    const book = workbookFor({
      actions: [
        action({ Ref: "DAG29-05", Owner: "Daniel Arrowsmith", Due: "01/11/2023" }),
        action({ Ref: "DAG29-14", Owner: "DCC Representative (Lee Cox & Daniel Arrowsmith)", Due: "22/11/2023" }),
      ],
    });
    const mailer = createMemoryMailer();
    await runDigest(book, mailer, { now: MONDAY });
    const before = mailer.sent.length;
    const friday = await runDigest(book, mailer, { now: MONDAY.plus({ days: 4 }) });
    const key = "reminder:DAG29-14:2023-11-22";
    expect(friday.sent.map((m) => [m.key, m.to])).toEqual([
      ["digest:lee cox:2023-W46", ["lee@example.org"]],
      [key, ["daniel@example.org"]],
    ]);
    expect(friday.inDigest).toEqual([key]);
    expect(mailer.sent.slice(before).filter((m) => m.to.includes("lee@example.org"))).toHaveLength(1);
    expect(mailLogRows(book).filter((r) => r.Key === key).map((r) => [r.To, r.Status])).toEqual([
      ["lee@example.org", "in digest"],
      ["daniel@example.org", "sent"],
    ]);
    expect((await runDigest(book, mailer, { now: MONDAY.plus({ days: 4 }) })).sent).toEqual([]);
  });

  it("retries a co-owner's failed part of a reminder, to that owner alone, while the other's part stays in their digest", async () => {
    const book = workbookFor({
      actions: [
        action({ Ref: "DAG29-05", Owner: "Daniel Arrowsmith", Due: "01/11/2023" }),
        action({ Ref: "DAG29-14", Owner: "DCC Representative (Lee Cox & Daniel Arrowsmith)", Due: "22/11/2023" }),
      ],
    });
    await runDigest(book, createMemoryMailer(), { now: MONDAY });
    const key = "reminder:DAG29-14:2023-11-22";
    const friday = MONDAY.plus({ days: 4 });
    const down = await runDigest(book, createMemoryMailer({ reject: ["daniel@example.org"] }), { now: friday });
    expect(down.failed.map((f) => [f.key, f.to])).toEqual([[key, "daniel@example.org"]]);
    expect(down.inDigest).toEqual([key]);

    const mailer = createMemoryMailer();
    const retry = await runDigest(book, mailer, { now: friday.plus({ hours: 1 }) });
    expect(retry.sent.map((m) => [m.key, m.to])).toEqual([[key, ["daniel@example.org"]]]);
    expect(mailer.sent.flatMap((m) => m.to)).toEqual(["daniel@example.org"]);
    expect(mailLogRows(book).filter((r) => r.Key === key).map((r) => [r.To, r.Status])).toEqual([
      ["lee@example.org", "in digest"],
      ["daniel@example.org", "failed"],
      ["daniel@example.org", "sent"],
    ]);
    const again = await runDigest(book, mailer, { now: friday.plus({ hours: 2 }) });
    expect(again.sent).toEqual([]);
    expect(again.alreadySent).toContain(key);
  });

  it("sends an owner's reminders of one day as one email, logged a row per reminder, and retries them together", async () => {
    // Monday's digest lists only the overdue DAG29-01; on Tuesday the three due on Friday enter the window.
    const book = workbookFor({
      actions: [
        action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" }),
        ...["DAG29-02", "DAG29-03", "DAG29-04"].map((Ref) => action({ Ref, Owner: "Programme (Paul Pettitt)", Due: "17/11/2023" })),
      ],
    });
    await runDigest(book, createMemoryMailer(), { now: MONDAY });
    const keys = ["DAG29-02", "DAG29-03", "DAG29-04"].map((ref) => `reminder:${ref}:2023-11-17`);
    const down = await runDigest(book, createMemoryMailer({ reject: ["paul@example.org"] }), { now: TUESDAY });
    expect(down.failed.map((f) => [f.key, f.to, f.subject])).toEqual([["reminders:paul@example.org:2023-11-14", "paul@example.org", "[DAG] Reminder: 3 actions due on 17 Nov 2023"]]);

    const mailer = createMemoryMailer();
    const retry = await runDigest(book, mailer, { now: TUESDAY.plus({ hours: 1 }) });
    expect(retry.sent.map((m) => [m.key, m.refs])).toEqual([["reminders:paul@example.org:2023-11-14", ["DAG29-02", "DAG29-03", "DAG29-04"]]]);
    expect(mailer.sent).toHaveLength(1);
    const rows = mailLogRows(book).filter((r) => String(r.Key).startsWith("reminder:"));
    expect(rows.map((r) => [r.Key, r.To, r.Status, r.Refs])).toEqual([
      ...keys.map((key, i) => [key, "paul@example.org", "failed", `DAG29-0${i + 2}`]),
      ...keys.map((key, i) => [key, "paul@example.org", "sent", `DAG29-0${i + 2}`]),
    ]);
    expect(new Set(rows.slice(3).map((r) => r["Message ID"]))).toEqual(new Set([mailer.sent[0]?.messageId]));
    expect((await runDigest(book, mailer, { now: TUESDAY.plus({ hours: 2 }) })).sent).toEqual([]);
  });

  it("gives each part of a co-owned reminder a Message-ID of its own (RFC 5322), stable across a retry", async () => {
    const book = workbookFor({
      actions: [
        action({ Ref: "DAG29-05", Owner: "Daniel Arrowsmith", Due: "01/11/2023" }),
        action({ Ref: "DAG29-06", Owner: "Lee Cox", Due: "01/11/2023" }),
        action({ Ref: "DAG29-14", Owner: "DCC Representative (Lee Cox & Daniel Arrowsmith)", Due: "22/11/2023" }),
      ],
    });
    await runDigest(book, createMemoryMailer(), { now: MONDAY });
    const mailer = createMemoryMailer();
    const friday = await runDigest(book, mailer, { now: MONDAY.plus({ days: 4 }) });
    const parts = friday.sent.filter((m) => m.key === "reminder:DAG29-14:2023-11-22");
    expect(parts.map((m) => m.to)).toEqual([["lee@example.org"], ["daniel@example.org"]]);
    expect(new Set(parts.map((m) => m.messageId)).size).toBe(2);
    expect(new Set(mailer.sent.map((m) => m.messageId)).size).toBe(mailer.sent.length);
    expect(parts[1]?.messageId).toBe(messageIdFor("reminder:DAG29-14:2023-11-22", "DAG", "actionlog@example.org", ["daniel@example.org"]));
  });
});
