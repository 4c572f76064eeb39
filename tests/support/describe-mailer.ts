/** The mailer port's contract: one suite that the memory, outbox and SMTP mailers must all pass. */
import type { AddressObject, ParsedMail } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import type { Mailer, OutgoingMail } from "../../shared/adapters/mailer.js";

/** A message as its recipient's mail client reads it: what was sent, less the send time. */
export interface Delivered extends Omit<OutgoingMail, "date" | "headers"> {
  /** Header values by lower-case name, as written on the wire (unfolded). */
  headers: Record<string, string>;
}

export interface MailerHarness {
  mailer: Mailer;
  /** Everything delivered so far, in order. */
  delivered(): Promise<Delivered[]>;
  close(): Promise<void>;
}

/** Builds a fresh mailer; `reject` lists addresses its server refuses. */
export interface MailerFactory {
  (options: { reject: string[] }): Promise<MailerHarness>;
  /** False for transports with no server to refuse anyone (the outbox). */
  canReject: boolean;
}

const entries = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);
const addresses = (field: AddressObject | AddressObject[] | undefined): string[] => entries(field).map((v) => v.address ?? "");

/** The display names of To and Cc as a reader's client shows them, by address; none when no address has one. */
const namesOf = (...fields: (AddressObject | AddressObject[] | undefined)[]): Pick<Delivered, "names"> => {
  const named = fields.flatMap(entries).filter((v) => v.name !== "").map((v) => [v.address ?? "", v.name] as const);
  return named.length === 0 ? {} : { names: Object.fromEntries(named) };
};

/** What mailparser makes of a raw message, in the contract's terms. */
export function fromParsed(parsed: ParsedMail): Delivered {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
  const fromName = entries(parsed.from)[0]?.name ?? "";
  return {
    from: addresses(parsed.from)[0] ?? "",
    ...(fromName === "" ? {} : { fromName }),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    ...namesOf(parsed.to, parsed.cc),
    replyTo: addresses(parsed.replyTo)[0] ?? "",
    subject: parsed.subject ?? "",
    text: (parsed.text ?? "").replace(/\r\n/g, "\n").trimEnd(),
    html: typeof parsed.html === "string" ? parsed.html.trimEnd() : "",
    messageId: parsed.messageId ?? "",
    headers,
  };
}

/** The memory mailer's record of a message, in the contract's terms. */
export const fromOutgoing = (mail: OutgoingMail): Delivered => ({
  from: mail.from,
  ...(mail.fromName === undefined ? {} : { fromName: mail.fromName }),
  to: [...mail.to],
  cc: [...mail.cc],
  ...(mail.names === undefined ? {} : { names: { ...mail.names } }),
  replyTo: mail.replyTo,
  subject: mail.subject,
  text: mail.text.trimEnd(),
  html: mail.html.trimEnd(),
  messageId: mail.messageId,
  headers: Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [k.toLowerCase(), v])),
});

let counter = 0;
/** A complete message; each call gets its own Message-ID. */
export const sampleMail = (parts: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: "actionlog@example.org",
  to: ["paul@example.org"],
  cc: [],
  replyTo: "pmo@example.org",
  subject: "[DAG] 1 overdue, 0 due this week (week of 13 Nov 2023)",
  text: "Hello Paul,\nDAG29-01 is 31 days overdue.",
  html: "<p>Hello Paul,</p><p>DAG29-01 &amp; DAG29-02: &lt;script&gt;alert(1)&lt;/script&gt;</p>",
  messageId: `<contract-${++counter}@example.org>`,
  date: new Date("2023-11-13T09:00:00Z"),
  headers: { "List-Id": "DAG actions <dag.actionlog.example.org>", "Auto-Submitted": "auto-generated" },
  ...parts,
});

export function describeMailer(name: string, factory: MailerFactory): void {
  describe(`${name} satisfies the mailer contract`, () => {
    let harness: MailerHarness | undefined;
    const open = async (reject: string[] = []) => {
      harness = await factory({ reject });
      return harness;
    };
    afterEach(async () => {
      await harness?.mailer.close();
      await harness?.close();
      harness = undefined;
    });

    it("delivers recipients, cc, subject, both parts, Reply-To, List-Id and the given Message-ID", async () => {
      const { mailer, delivered } = await open();
      const mail = sampleMail({ to: ["paul@example.org", "lee@example.org"], cc: ["chair@example.org"] });
      const outcome = await mailer.send(mail);
      expect(outcome).toEqual({ ok: true, messageId: mail.messageId, accepted: ["paul@example.org", "lee@example.org", "chair@example.org"] });
      const [got, ...more] = await delivered();
      expect(more).toEqual([]);
      expect(got).toMatchObject({
        from: "actionlog@example.org",
        to: ["paul@example.org", "lee@example.org"],
        cc: ["chair@example.org"],
        replyTo: "pmo@example.org",
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
      expect(got?.headers["list-id"]).toBe("DAG actions <dag.actionlog.example.org>");
      expect(got?.headers["auto-submitted"]).toBe("auto-generated");
    });

    it("shows display names in From, To and Cc, quoted or encoded whatever they hold, and delivers by the bare addresses", async () => {
      const { mailer, delivered } = await open();
      const names = { "paul@example.org": "Paul Pettitt", "zoe@example.org": 'Zoë "Z" O’Brien, PhD', "chair@example.org": "Chair <Justin>; Andrews (DAG)" };
      const mail = sampleMail({ fromName: "Design Advisory Group (DAG)", to: ["paul@example.org", "zoe@example.org"], cc: ["chair@example.org"], names });
      const outcome = await mailer.send(mail);
      expect(outcome).toEqual({ ok: true, messageId: mail.messageId, accepted: ["paul@example.org", "zoe@example.org", "chair@example.org"] });
      const [got] = await delivered();
      expect(got).toMatchObject({ from: "actionlog@example.org", fromName: "Design Advisory Group (DAG)", to: ["paul@example.org", "zoe@example.org"], cc: ["chair@example.org"], names });
    });

    it("keeps non-ASCII text and already-escaped HTML exactly as given", async () => {
      const { mailer, delivered } = await open();
      const mail = sampleMail({ subject: "[DAG] Reminder – £5k budget, Ysgol Gymraeg ✓", text: "Café – naïve £ ✓\nline two", html: "<p>&lt;b&gt;Café&lt;/b&gt; &amp; £</p>" });
      await mailer.send(mail);
      const [got] = await delivered();
      expect(got).toMatchObject({ subject: mail.subject, text: mail.text, html: mail.html });
    });

    it("sends several messages through one mailer, each exactly once, in order", async () => {
      const { mailer, delivered } = await open();
      const mails = ["a", "b", "c"].map((who) => sampleMail({ to: [`${who}@example.org`], subject: `for ${who}` }));
      for (const mail of mails) expect((await mailer.send(mail)).ok).toBe(true);
      expect((await delivered()).map((d) => [d.to, d.subject])).toEqual(mails.map((m) => [m.to, m.subject]));
    });

    it("can be closed twice", async () => {
      const { mailer } = await open();
      await mailer.close();
      await expect(mailer.close()).resolves.toBeUndefined();
    });

    it("labels itself without any password", async () => {
      const { mailer } = await open();
      expect(mailer.label).not.toMatch(/s3cret|password/i);
      expect(mailer.label.length).toBeGreaterThan(0);
    });

    if (factory.canReject) {
      it("a refused recipient fails only that message, as rejected, and the next one still goes", async () => {
        const { mailer, delivered } = await open(["lee@example.org"]);
        const refused = await mailer.send(sampleMail({ to: ["lee@example.org"], subject: "to Lee" }));
        const fine = await mailer.send(sampleMail({ to: ["paul@example.org"], subject: "to Paul" }));
        expect(refused).toMatchObject({ ok: false, failure: { kind: "rejected", recipients: ["lee@example.org"], accepted: [] } });
        expect(fine.ok).toBe(true);
        expect((await delivered()).map((d) => d.subject)).toEqual(["to Paul"]);
      });

      it("reports a partly refused message as rejected, saying who did get it", async () => {
        const { mailer, delivered } = await open(["lee@example.org"]);
        const outcome = await mailer.send(sampleMail({ to: ["paul@example.org", "lee@example.org"] }));
        expect(outcome).toMatchObject({ ok: false, failure: { kind: "rejected", recipients: ["lee@example.org"], accepted: ["paul@example.org"] } });
        expect(await delivered()).toHaveLength(1);
      });
    }
  });
}
