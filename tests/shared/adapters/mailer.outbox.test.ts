/** Runs the mailer contract against the outbox (.eml files), plus what only a folder of files promises. */
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { KEY_HEADER } from "../../../shared/adapters/mailer.js";
import { createOutboxMailer, outboxFileName } from "../../../shared/adapters/mailer.outbox.js";
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
    expect(await readdir(join(dir, "new", "outbox"))).toEqual(["digest-paul-pettitt-2023-W46.eml"]);
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

  it("turns a key into a safe file name, with no path separators", () => {
    expect(outboxFileName(sampleMail({ headers: { [KEY_HEADER]: "reminder:../../etc/DAG29-01:2023-11-16" } }))).toBe("reminder-..-..-etc-DAG29-01-2023-11-16.eml");
    expect(outboxFileName(sampleMail({ messageId: "<abc123@example.org>", headers: {} }))).toBe("abc123.eml");
  });
});
