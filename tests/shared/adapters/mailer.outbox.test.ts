/** Runs the mailer contract against the outbox (.eml files), plus what only a folder of files promises. */
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { KEY_HEADER } from "../../../shared/adapters/mailer.js";
import { createOutboxMailer, outboxFileName } from "../../../shared/adapters/mailer.outbox.js";
import { cleanSubject } from "../../../shared/core/email-render.js";
import { type MailerFactory, describeMailer, fromParsed, sampleMail } from "../../support/describe-mailer.js";

const newDir = () => mkdtemp(join(tmpdir(), "actionlog-outbox-"));

/** The .eml files in the order they were written (names sort by the contract's subjects' message ids). */
const readOutbox = async (dir: string) => {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".eml")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return Promise.all(names.map(async (n) => fromParsed(await simpleParser(await readFile(join(dir, n))))));
};

const factory: MailerFactory = Object.assign(
  async () => {
    const dir = await newDir();
    return { mailer: createOutboxMailer({ dir }), delivered: () => readOutbox(dir), close: async () => {} };
  },
  { canReject: false },
);

describeMailer("outbox mailer", factory);

describe("createOutboxMailer", () => {
  it("names each file after the message's key, so a resend replaces the file instead of adding one", async () => {
    const dir = await newDir();
    const mailer = createOutboxMailer({ dir: join(dir, "new", "outbox") });
    const mail = sampleMail({ headers: { [KEY_HEADER]: "digest:paul pettitt:2023-W46" } });
    await mailer.send(mail);
    await mailer.send({ ...mail, subject: "resent" });
    expect(await readdir(join(dir, "new", "outbox"))).toEqual([outboxFileName(mail)]);
    const [only] = await readOutbox(join(dir, "new", "outbox"));
    expect(only?.subject).toBe("resent");
  });

  it("writes standard RFC 5322 messages: CRLF line ends and the headers first", async () => {
    const dir = await newDir();
    const mail = sampleMail();
    await createOutboxMailer({ dir }).send(mail);
    const bytes = await readFile(join(dir, outboxFileName(mail)), "utf8");
    expect(bytes).toMatch(/^[\w-]+: /);
    expect(bytes.split("\r\n").length).toBeGreaterThan(10);
    expect(bytes.replace(/\r\n/g, "")).not.toContain("\n");
    expect(bytes).toContain("MIME-Version: 1.0");
  });

  const keyed = (key: string) => sampleMail({ headers: { [KEY_HEADER]: key } });

  it("turns a key into a safe file name, with no path separators: readable, then a hash of the whole key", () => {
    expect(outboxFileName(keyed("digest:paul pettitt:2023-W46"))).toMatch(/^digest-paul-pettitt-2023-W46-[0-9a-f]{10}\.eml$/);
    expect(outboxFileName(keyed("reminder:../../etc/DAG29-01:2023-11-16"))).toMatch(/^reminder-\.\.-\.\.-etc-DAG29-01-2023-11-16-[0-9a-f]{10}\.eml$/);
    expect(outboxFileName(sampleMail({ messageId: "<abc123@example.org>", headers: {} }))).toMatch(/^abc123-[0-9a-f]{10}\.eml$/);
  });

  it("gives each key its own name, the same every time (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        expect(outboxFileName(keyed(a))).toBe(outboxFileName(keyed(a)));
        if (a !== b) expect(outboxFileName(keyed(a))).not.toBe(outboxFileName(keyed(b)));
      }),
    );
  });

  it("keeps both messages when two keys read alike (regression: Anne-Marie Smith's digest overwrote Anne Marie Smith's, both logged sent)", async () => {
    const dir = await newDir();
    const mailer = createOutboxMailer({ dir });
    const first = sampleMail({ to: ["ams1@example.org"], headers: { [KEY_HEADER]: "digest:anne-marie smith:2026-W49" } });
    const second = sampleMail({ to: ["ams2@example.org"], headers: { [KEY_HEADER]: "digest:anne marie smith:2026-W49" } });
    expect((await mailer.send(first)).ok).toBe(true);
    expect((await mailer.send(second)).ok).toBe(true);
    expect(await readdir(dir)).toHaveLength(2);
    expect((await readOutbox(dir)).map((m) => m.to).sort()).toEqual([["ams1@example.org"], ["ams2@example.org"]]);
  });

  it.each([["an accented name", "digest:siobhán ó briain:2023-W46"], ["a key long enough to fold its header", `reminders:${"a".repeat(90)}@example.org:2023-11-16`]])(
    "replaces its own file on a resend for %s",
    async (_name, key) => {
      const dir = await newDir();
      const mailer = createOutboxMailer({ dir });
      expect((await mailer.send(keyed(key))).ok).toBe(true);
      expect((await mailer.send({ ...keyed(key), subject: "resent" })).ok).toBe(true);
      expect((await readOutbox(dir)).map((m) => m.subject)).toEqual(["resent"]);
    },
  );

  it("round-trips any display name a Members sheet can hold, as cleaned for a header, and adds no header (property)", async () => {
    const dir = await newDir();
    const mailer = createOutboxMailer({ dir });
    const headersOf = async (mail: ReturnType<typeof sampleMail>) => {
      await mailer.send(mail);
      return simpleParser(await readFile(join(dir, outboxFileName(mail))));
    };
    const bare = (await headersOf(keyed("digest:bare"))).headerLines.map((h) => h.key).sort();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).map(cleanSubject).filter((name) => name !== ""), async (name) => {
        const parsed = await headersOf({ ...keyed("digest:named"), fromName: name, names: { "paul@example.org": name } });
        expect(fromParsed(parsed)).toMatchObject({ from: "actionlog@example.org", fromName: name, to: ["paul@example.org"], names: { "paul@example.org": name } });
        expect(parsed.headerLines.map((h) => h.key).sort()).toEqual(bare);
      }),
      { numRuns: 60 },
    );
  });

  it("never writes over a file holding another message, and says so as a failed send", async () => {
    const dir = await newDir();
    const mail = keyed("summary:2023-W46");
    const path = join(dir, outboxFileName(mail));
    await writeFile(path, "X-Actionlog-Key: something else\r\nSubject: kept\r\n\r\nbody\r\n");
    const outcome = await createOutboxMailer({ dir }).send(mail);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "unavailable", recipients: mail.to, message: expect.stringContaining("already holds another message") } });
    expect(await readFile(path, "utf8")).toContain("Subject: kept");
  });
});
