/** The recipient allowlist end to end: `actionlog digest` over real SMTP mails members, the PMO and the chair, and nobody else. */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MEMBERS, action, buildLog } from "../support/log-fixture.js";
import { cli, tempDir, writeXlsx } from "../support/cli.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

/** Addresses a member might type into cells, and members the allowlist must still refuse. */
const LOG = buildLog({
  settings: { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org", allowed_domains: "example.org", committee_name: "Board\r\nBcc: board@evil.example" },
  members: [
    ...MEMBERS,
    { Name: "Contractor Carl", Initials: "CC", Email: "carl@gmail.example" },
    { Name: "Former Fred", Initials: "FF", Email: "fred@example.org", Active: "No" },
    { Name: "Alias Alice", Initials: "AA", Email: "alice@example.org", Aliases: "alice@evil.example; Alice" },
  ],
  actions: [
    action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023", Action: "Email ceo@evil.example the figures\r\nBcc: ceo@evil.example", Update: "cc: leak@evil.example" }),
    action({ Ref: "DAG29-02", Owner: "intruder@evil.example", Due: "02/11/2023" }),
    action({ Ref: "DAG29-03", Owner: "Programme (boss@evil.example)", Due: "03/11/2023" }),
    action({ Ref: "DAG29-04", Owner: "Paul Pettitt & <spy@evil.example>", Due: "04/11/2023" }),
    action({ Ref: "DAG29-05", Owner: "Contractor Carl", Due: "05/11/2023" }),
    action({ Ref: "DAG29-06", Owner: "Former Fred", Due: "06/11/2023" }),
    action({ Ref: "DAG29-07", Owner: "alice@evil.example", Due: "07/11/2023" }),
    action({ Ref: "DAG29-08", Owner: "Lee Cox", Due: "16/11/2023" }),
  ],
});

const ALLOWED = new Set(["paul@example.org", "lee@example.org", "fraser@example.org", "justin@example.org", "alice@example.org"]);

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

describe("recipient allowlist, end to end", () => {
  it("addresses typed into cells, off-domain and inactive members, and header tricks never receive anything", async () => {
    sink = await startSmtpSink();
    const path = join(await tempDir(), "log.xlsx");
    await writeXlsx(path, LOG);
    const result = await cli("digest", "--sheet", path, "--today", "2023-11-13", "--smtp", sink.url, "--json");
    const report = JSON.parse(result.out) as { sent: { to: string[]; cc: string[] }[]; skipped: { owner: string; reason: string }[] };

    const envelope = sink.messages.flatMap((m) => m.recipients.map((r) => r.toLowerCase()));
    expect(envelope.length).toBeGreaterThan(0);
    expect(envelope.filter((r) => !ALLOWED.has(r))).toEqual([]);
    // "alice@evil.example" typed as an Owner is one of Alice's Aliases: she is mailed at her Members address, the typed one never.
    expect(new Set(envelope)).toEqual(new Set(["paul@example.org", "lee@example.org", "fraser@example.org", "alice@example.org"]));

    const mails = await sink.parsed();
    for (const mail of mails) {
      const headerRecipients = [mail.to, mail.cc, mail.bcc].flatMap((field) => (field ? (Array.isArray(field) ? field : [field]) : [])).flatMap((a) => a.value.map((v) => v.address ?? ""));
      expect(headerRecipients.every((a) => ALLOWED.has(a.toLowerCase()))).toBe(true);
      expect(mail.headers.has("bcc")).toBe(false);
    }
    for (const raw of sink.messages.map((m) => m.raw.toString())) {
      const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
      expect(headers).not.toMatch(/evil\.example|gmail\.example/i);
    }

    const skipped = report.skipped.map((s) => s.owner);
    for (const address of ["intruder@evil.example", "boss@evil.example"]) expect(skipped.join(" ")).toContain(address);
    expect(report.skipped.find((s) => s.owner === "carl@gmail.example")?.reason).toMatch(/outside allowed_domains/);
    expect(report.skipped.find((s) => s.owner === "Former Fred")?.reason).toMatch(/inactive/);
    expect(report.sent.flatMap((m) => [...m.to, ...m.cc]).every((a) => ALLOWED.has(a))).toBe(true);
  });
});
