/** The wire message: From and To carry display names, while the allowlist and the Mail Log keep to bare addresses. */
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../../shared/adapters/mailer.memory.js";
import { createOutboxMailer } from "../../../shared/adapters/mailer.outbox.js";
import { planMail } from "../../../shared/core/digest-plan.js";
import { validateLog } from "../../../shared/core/validate.js";
import { runDigest } from "../../../shared/jobs/digest-job.js";
import { mailLogValues, toOutgoing } from "../../../shared/jobs/outgoing-mail.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { fromParsed } from "../../support/describe-mailer.js";
import { MONDAY, SETTINGS, mailLogRows, workbookFor } from "../../support/digest-fixture.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

const planFor = (spec: LogSpec) => {
  const log = parseLog(buildLog({ ...spec, settings: { ...SETTINGS, ...spec.settings } }));
  return planMail(log, validateLog(log, MONDAY), MONDAY, { weekly: "always", reminders: true });
};
const PAUL = [action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023" })];

describe("toOutgoing (QA look finding 5: display names)", () => {
  it("sends From as the committee and To as the member, with bare addresses beside the names", () => {
    const plan = planFor({ actions: PAUL });
    const digest = plan.messages.find((m) => m.kind === "digest");
    if (!digest) throw new Error("no digest planned");
    const wire = toOutgoing(digest, plan.envelope, "DAG", MONDAY);
    expect(wire).toMatchObject({ from: "actionlog@example.org", fromName: "Design Advisory Group (DAG)", to: ["paul@example.org"], names: { "paul@example.org": "Paul Pettitt" } });
  });

  it.each([
    // committee_name, committee_code, From's display name
    ["Design Advisory Group", "DAG", "Design Advisory Group (DAG)"],
    ["", "DAG", "DAG"],
    ["Design\u202E Advisory\nGroup", "DAG", "Design Advisory Group (DAG)"],
    ["Board\r\nBcc: board@evil.example", "DAG", "DAG"], // a name that reads as an address is no name
  ])("names From after the committee: %j and %j give %j", (name, code, shown) => {
    const plan = planFor({ actions: PAUL, settings: { committee_name: name, committee_code: code } });
    expect(plan.envelope.fromName).toBe(shown);
  });

  it("keeps the PMO summary's To bare, and names only the recipients a narrowed part still has", () => {
    const plan = planFor({ actions: [action({ Ref: "DAG29-01", Owner: "Paul Pettitt & Lee Cox", Due: "15/11/2023" })] });
    const summary = plan.messages.find((m) => m.kind === "summary");
    if (!summary) throw new Error("no summary planned");
    expect(toOutgoing(summary, plan.envelope, "DAG", MONDAY).names).toBeUndefined();
    const reminder = plan.messages.find((m) => m.kind === "reminder" && m.to.includes("lee@example.org"));
    if (!reminder) throw new Error("no reminder planned");
    expect(toOutgoing({ ...reminder, to: ["lee@example.org"] }, plan.envelope, "DAG", MONDAY).names).toEqual({ "lee@example.org": "Lee Cox" });
  });

  it("sends a member whose name reads as an address to the bare address", () => {
    const members = [...MEMBERS, { Name: "alice@evil.example", Initials: "AE", Email: "alice@example.org" }];
    const plan = planFor({ members, actions: [action({ Ref: "DAG29-01", Owner: "alice@evil.example", Due: "01/11/2023" })] });
    const digest = plan.messages.find((m) => m.kind === "digest");
    if (!digest) throw new Error("no digest planned");
    expect(toOutgoing(digest, plan.envelope, "DAG", MONDAY)).toMatchObject({ to: ["alice@example.org"] });
    expect(toOutgoing(digest, plan.envelope, "DAG", MONDAY).names).toBeUndefined();
  });

  it("logs bare addresses in the Mail Log's To, as its reader expects", () => {
    const plan = planFor({ actions: PAUL });
    const digest = plan.messages.find((m) => m.kind === "digest");
    if (!digest) throw new Error("no digest planned");
    expect(mailLogValues({ mail: digest, status: "sent", messageId: "<x@example.org>", error: "" }, MONDAY, "Europe/London").To).toBe("paul@example.org");
  });
});

describe("a digest run with display names", () => {
  it("writes quoted or encoded names into the .eml headers, logs bare addresses, and sends nothing twice", async () => {
    const members = [...MEMBERS, { Name: 'Zoë "Z" O’Brien, PhD', Initials: "ZO", Email: "zoe@example.org", Aliases: "Zoe O'Brien" }];
    const book = workbookFor({ members, actions: [...PAUL, action({ Ref: "DAG29-02", Owner: "Zoe O'Brien", Due: "02/11/2023" })] });
    const dir = await mkdtemp(join(tmpdir(), "actionlog-names-"));
    const mailer = createOutboxMailer({ dir });
    const first = await runDigest(book, mailer, { now: MONDAY });
    expect(first.failed).toEqual([]);
    const parsed = await Promise.all((await readdir(dir)).map(async (name) => simpleParser(await readFile(join(dir, name)))));
    const zoe = parsed.map(fromParsed).find((m) => m.to.includes("zoe@example.org"));
    expect(zoe).toMatchObject({ from: "actionlog@example.org", fromName: "Design Advisory Group (DAG)", names: { "zoe@example.org": 'Zoë "Z" O’Brien, PhD' } });
    const paulFile = (await readdir(dir)).find((name) => name.startsWith("digest-paul-pettitt"));
    const head = (await readFile(join(dir, paulFile ?? ""), "utf8")).split("\r\n\r\n")[0] ?? "";
    expect(head).toMatch(/^From: "Design Advisory Group \(DAG\)" <actionlog@example\.org>$/m);
    expect(head).toMatch(/^To: Paul Pettitt <paul@example\.org>$/m);
    expect(mailLogRows(book).map((r) => r.To)).toEqual(expect.arrayContaining(["paul@example.org", "zoe@example.org"]));
    expect(mailLogRows(book).every((r) => !String(r.To).includes("<"))).toBe(true);
    const again = await runDigest(book, createMemoryMailer(), { now: MONDAY });
    expect(again.sent).toEqual([]);
  });
});
