import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction, getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER } from "../../shared/adapters/request-signature.js";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { action, buildLog } from "../support/log-fixture.js";
import { SHEET_A, type TestRuntime, signed, testRuntime } from "../support/function-runtime.js";

// The test clock is Friday 20 Oct 2023; digest_weekday Friday makes it the digest day.
const LOG = buildLog({
  settings: { digest_weekday: "Friday", pmo_email: "pmo@example.org", from_email: "actionlog@example.org" },
  actions: [
    action({ Ref: "DAG29-01", Due: "13/10/2023", Owner: "Programme (Paul Pettitt)", Action: "Overdue <script>alert(1)</script> & more" }),
    action({ Ref: "DAG29-02", Due: "24/10/2023", Owner: "Programme (Lee Cox)" }),
  ],
});

let t: TestRuntime;
afterEach(() => useRuntime(undefined));

const event = (id: string): CloudEvent<unknown> => ({
  specversion: "1.0",
  id,
  source: "//pubsub.googleapis.com/projects/demo-project/topics/actionlog-digest",
  type: "google.cloud.pubsub.topic.v1.messagePublished",
  data: { message: { data: Buffer.from("actionlog-digest").toString("base64"), messageId: id } },
});

describe("weeklyDigest", () => {
  it("sends each owner one email (a due-soon reminder folds into the digest) and the PMO one summary; three deliveries send once", async () => {
    t = testRuntime({ [SHEET_A]: LOG });
    useRuntime(t.runtime);
    const fn = getFunction("weeklyDigest") as (e: CloudEvent<unknown>) => Promise<void>;
    for (let i = 0; i < 3; i++) await fn(event("9001"));
    const sent = t.mailer.sent.map((m) => [m.to.join(","), m.subject]);
    expect(sent).toHaveLength(new Set(sent.map(([to, subject]) => `${to}|${subject}`)).size);
    expect(t.mailer.sent.map((m) => m.to[0]).sort()).toEqual(["lee@example.org", "paul@example.org", "pmo@example.org"]);
    const paul = t.mailer.sent.find((m) => m.to[0] === "paul@example.org");
    expect(paul?.html).toContain("Overdue &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(paul?.html).not.toContain("<script>");
    expect(t.logs.map((l) => l.message)).toEqual(["weeklyDigest: sent 3 messages", "weeklyDigest: sent 0 messages", "weeklyDigest: sent 0 messages"]);
    expect(t.logs.map((l) => l.severity)).toEqual(["INFO", "INFO", "INFO"]);
  });

  it.each([
    ["one address refused", ["paul@example.org"], "WARNING", "weeklyDigest: sent 2 messages, 1 failed (retried on the next run)"],
    ["every address refused, as in an SMTP outage (the reminder folded into a failed digest fails with it)", ["paul@example.org", "lee@example.org", "pmo@example.org"], "ERROR", "weeklyDigest: sent 0 messages, 4 failed (retried on the next run)"],
  ])("logs %s at a severity an alert can match", async (_, reject, severity, message) => {
    t = testRuntime({ [SHEET_A]: LOG }, { reject });
    useRuntime(t.runtime);
    await (getFunction("weeklyDigest") as (e: CloudEvent<unknown>) => Promise<void>)(event("9002"));
    expect(t.logs).toEqual([expect.objectContaining({ severity, message })]);
  });
});

describe("weeklyDigest while another run is sending", () => {
  it("sends nothing on that sheet and says why in a WARNING's message, not only in its fields", async () => {
    const lease = { Time: "2023-10-20T09:55:00+01:00", Key: "run:manual", Subject: "digest run by actionlog digest", Status: "running" };
    const withLease = { tabs: [...LOG.tabs, { name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS], rows: [{ row: 2, cells: MAIL_LOG_HEADERS.map((h) => lease[h as keyof typeof lease] ?? null) }] }] };
    t = testRuntime({ [SHEET_A]: withLease });
    useRuntime(t.runtime);
    await (getFunction("weeklyDigest") as (e: CloudEvent<unknown>) => Promise<void>)(event("9003"));
    expect(t.mailer.sent).toEqual([]);
    expect(t.logs).toEqual([
      expect.objectContaining({ severity: "WARNING", message: "weeklyDigest: sent 0 messages; another digest run was sending on 1 sheet, so this one sent nothing there" }),
    ]);
  });
});

describe("previewDigest", () => {
  it("returns one person's digest for a signed request, and 422 for a name not in Members", async () => {
    t = testRuntime({ [SHEET_A]: LOG });
    useRuntime(t.runtime);
    const before = t.books.get(SHEET_A)?.snapshot();
    const ask = (person: string) => {
      const { raw, header } = signed("previewDigest", { spreadsheetId: SHEET_A, person });
      return supertest(getTestServer("previewDigest")).post("/").set(SIGNATURE_HEADER, header).set("Content-Type", "application/json").send(raw);
    };
    const ok = await ask("PP");
    expect(ok.status).toBe(200);
    expect(ok.body.person).toBe("Paul Pettitt");
    expect(ok.body.preview).toContain("DAG29-01");
    expect(ok.body.html).toContain("&lt;script&gt;");
    const unknown = await ask("Nobody Known");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toContain('"Nobody Known"');
    expect(t.books.get(SHEET_A)?.snapshot()).toEqual(before);
    expect(t.mailer.sent).toEqual([]);
  });
});
