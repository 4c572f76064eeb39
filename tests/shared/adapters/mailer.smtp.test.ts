/** Runs the mailer contract against pooled nodemailer SMTP and a real smtp-server on loopback. */
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpMailer, smtpLabel } from "../../../shared/adapters/mailer.smtp.js";
import { type MailerFactory, describeMailer, fromParsed, sampleMail } from "../../support/describe-mailer.js";
import { type SmtpSink, startSmtpSink } from "../../support/smtp-sink.js";

const factory: MailerFactory = Object.assign(
  async ({ reject }: { reject: string[] }) => {
    const sink = await startSmtpSink();
    for (const address of reject) sink.reject(address);
    const mailer = createSmtpMailer({ url: sink.url, timeoutMs: 5_000 });
    return { mailer, delivered: async () => (await sink.parsed()).map(fromParsed), close: () => sink.close() };
  },
  { canReject: true },
);

describeMailer("SMTP mailer", factory);

describe("createSmtpMailer", () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  it("labels itself by scheme, host and port only", () => {
    expect(smtpLabel("smtps://user:hunter2@mail.example.org:465/?pool=true")).toBe("smtps://mail.example.org:465");
  });

  it("reports a wrong password as unavailable, without the password in the message", async () => {
    sink = await startSmtpSink({ password: "right-one" });
    const url = sink.url.replace("right-one", "Wr0ng-Secret");
    const mailer = createSmtpMailer({ url, timeoutMs: 5_000 });
    const outcome = await mailer.send(sampleMail());
    await mailer.close();
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "unavailable", recipients: ["paul@example.org"] } });
    expect(JSON.stringify(outcome)).not.toContain("Wr0ng-Secret");
    expect(sink.messages).toHaveLength(0);
  });

  it("reports a server that is not there as unavailable", async () => {
    sink = await startSmtpSink();
    const url = sink.url;
    await sink.close();
    sink = undefined;
    const mailer = createSmtpMailer({ url, timeoutMs: 5_000 });
    const outcome = await mailer.send(sampleMail());
    await mailer.close();
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "unavailable" } });
  });

  it("refuses a URL that is not smtp:// or smtps://", () => {
    expect(() => createSmtpMailer({ url: "http://mail.example.org" })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createSmtpMailer({ url: "not a url" })).toThrow(/not a URL/);
  });

  it("sends the envelope to To and Cc alike", async () => {
    sink = await startSmtpSink();
    const mailer = createSmtpMailer({ url: sink.url });
    const names = { "pmo@example.org": "Fraser Mathieson", "chair@example.org": "Justin Andrews" };
    await mailer.send(sampleMail({ fromName: "Design Advisory Group (DAG)", to: ["pmo@example.org"], cc: ["chair@example.org"], names }));
    await mailer.close();
    // Display names are for the headers; the envelope carries the bare addresses.
    expect(sink.messages[0]?.recipients).toEqual(["pmo@example.org", "chair@example.org"]);
  });
});
