/** `actionlog digest` and `actionlog preview` end to end: real .xlsx, real outbox files, real SMTP on loopback. */
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createXlsxWorkbook } from "../../shared/adapters/workbook.xlsx.js";
import { SAMPLE, sampleTabs } from "../../shared/demo/sample-committee.js";
import { isLeaseKey } from "../../shared/jobs/digest-lease.js";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { writeDemoDigests } from "../../functions/actionlog-digest.js";
import { cli, readXlsx, tempDir, writeXlsx } from "../support/cli.js";
import { fromParsed } from "../support/describe-mailer.js";
import { action, buildLog } from "../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

let dir: string;
let sheet: string;
let sink: SmtpSink | undefined;

const SETTINGS = { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org" };
const ACTIONS = [
  action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023", Action: "Review <b>CR032</b> & reply" }),
  action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" }),
  action({ Ref: "DAG29-03", Owner: "Caroline Farquhar", Due: "02/11/2023" }),
];

beforeEach(async () => {
  dir = await tempDir();
  sheet = join(dir, "log.xlsx");
  vi.stubEnv("ACTIONLOG_NOW", "2023-11-13T08:30:00Z");
  vi.stubEnv("ACTIONLOG_SMTP_URL", "");
  await writeXlsx(sheet, buildLog({ settings: SETTINGS, actions: ACTIONS }));
});

afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

const mailLog = async () => (await readXlsx(sheet)).tabs.find((t) => t.name === MAIL_LOG_TAB)?.rows.map((r) => r.cells).filter((cells) => !isLeaseKey(cells[1])) ?? [];

describe("actionlog digest", () => {
  it("writes one .eml per message to the outbox, prints the pinned JSON, and sends nothing new the second time", async () => {
    const outbox = join(dir, "outbox");
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", outbox, "--json");
    expect(result).toMatchObject({ code: 0, err: "" });
    const json = JSON.parse(result.out);
    expect(Object.keys(json)).toEqual(["sent", "skipped", "failed"]);
    expect(json.sent.map((m: Record<string, unknown>) => Object.keys(m))).toContainEqual(["to", "cc", "subject", "kind", "refs"]);
    expect(json.sent.map((m: { kind: string; to: string[] }) => [m.kind, m.to])).toEqual([
      ["digest", ["lee@example.org"]],
      ["digest", ["paul@example.org"]],
      ["summary", ["fraser@example.org"]],
    ]);
    expect(json.skipped).toEqual([{ owner: "Caroline Farquhar", reason: "has no Email in Members; add one (DAG29-03)" }]);
    expect(json.failed).toEqual([]);

    const files = (await readdir(outbox)).sort();
    // Lee's digest lists DAG29-02, so its due-soon reminder goes inside it, not as a second email.
    // Each file is named after its Mail Log key, then a hash of the key (names that read alike stay apart).
    expect(files.map((f) => f.replace(/-[0-9a-f]{10}\.eml$/, ".eml"))).toEqual(["digest-lee-cox-2023-W46.eml", "digest-paul-pettitt-2023-W46.eml", "summary-2023-W46.eml"]);
    const paul = fromParsed(await simpleParser(await readFile(join(outbox, files[1] ?? ""))));
    expect(paul).toMatchObject({ to: ["paul@example.org"], replyTo: "fraser@example.org", subject: "[DAG] 1 overdue (week of 13 Nov 2023)" });
    expect(paul.html).toContain("Review &lt;b&gt;CR032&lt;/b&gt; &amp; reply");
    expect((await mailLog()).map((r) => r[5])).toEqual(["sent", "sent", "in digest", "sent"]);

    const again = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", outbox, "--json");
    expect(JSON.parse(again.out).sent).toEqual([]);
    expect(await mailLog()).toHaveLength(4);
  });

  it("refuses to run while another digest run holds the workbook, so nobody is mailed twice, and runs once it is gone", async () => {
    const outbox = join(dir, "outbox");
    const lock = `${sheet}.digest.lock`;
    // As a live run on this machine leaves it: this very process, so the lock is not stale.
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), token: "other-run" }));
    const refused = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", outbox);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Another actionlog digest is running on ${sheet}, so this one sent nothing`);
    expect(await readdir(outbox).catch(() => [])).toEqual([]);
    expect(await mailLog()).toEqual([]);
    await rm(lock);
    expect((await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", outbox)).code).toBe(0);
    expect(await readdir(outbox)).toHaveLength(3);
  });

  it("sends nothing, says why and exits 1 while another run's lease row in the Mail Log is live (a run elsewhere on the sheet)", async () => {
    const log = buildLog({ settings: SETTINGS, actions: ACTIONS });
    const lease = ["2023-11-13T08:25:00+00:00", "run:elsewhere", "", "digest run by actionlog weeklyDigest", "", "running", "", ""];
    await writeXlsx(sheet, { tabs: [...log.tabs, { name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS], rows: [{ row: 2, cells: lease }] }] });
    const outbox = join(dir, "outbox");
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--outbox", outbox, "--json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ sent: [], busy: expect.stringContaining("Another digest run (Mail Log row 2, started 2023-11-13T08:25:00+00:00) is sending") });
    expect(await readdir(outbox).catch(() => [])).toEqual([]);
  });

  it("--dry-run needs no transport, lists what would go, and leaves the workbook byte for byte", async () => {
    const before = await readFile(sheet);
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.out).toContain("Would send 3 messages for 13 Nov 2023 (2023-W46) via dry run.");
    expect(result.out).toContain("Reminders folded into the same owner's digest (one email each): reminder:DAG29-02:2023-11-16.");
    expect(result.out).toContain("digest   paul@example.org: [DAG] 1 overdue (week of 13 Nov 2023)");
    expect(result.out).toContain("Owners not mailed:\n  Caroline Farquhar: has no Email in Members");
    expect((await readFile(sheet)).equals(before)).toBe(true);
  });

  it("lists a setting at fault apart from the owners not mailed", async () => {
    await writeXlsx(sheet, buildLog({ settings: { ...SETTINGS, digest_weekday: "Fryday" }, actions: ACTIONS }));
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--dry-run");
    const settings = result.out.slice(result.out.indexOf("Settings to fix:"));
    expect(settings).toMatch(/^Settings to fix:\n {2}.*"Fryday" is not a weekday/);
    expect(result.out.slice(result.out.indexOf("Owners not mailed:"))).not.toContain("Fryday");
  });

  it("refuses to run without saying where mail goes, and refuses two transports", async () => {
    const none = await cli("digest", "--sheet", sheet, "--today", "2023-11-13");
    expect(none.code).toBe(2);
    expect(none.err).toContain("--outbox DIR (writes .eml files), --smtp URL, or set ACTIONLOG_SMTP_URL");
    const both = await cli("digest", "--sheet", sheet, "--outbox", dir, "--smtp", "smtp://localhost:25");
    expect(both.err).toContain("not both");
    const badDay = await cli("digest", "--sheet", sheet, "--today", "13/11/2023", "--dry-run");
    expect(badDay).toMatchObject({ code: 2 });
    expect(badDay.err).toContain("write it as YYYY-MM-DD");
  });

  it("sends over SMTP from ACTIONLOG_SMTP_URL, exits 1 when a recipient is refused, and retries it next run", async () => {
    sink = await startSmtpSink();
    sink.reject("lee@example.org");
    vi.stubEnv("ACTIONLOG_SMTP_URL", sink.url);
    const first = await cli("digest", "--sheet", sheet, "--today", "2023-11-13", "--json");
    expect(first.code).toBe(1);
    const json = JSON.parse(first.out);
    expect(json.failed).toEqual([
      { to: "lee@example.org", error: expect.stringContaining("550") },
      { to: "lee@example.org", error: expect.stringContaining("550") },
    ]);
    expect(first.out + first.err).not.toContain(sink.password);
    expect(sink.messages.map((m) => m.recipients)).toEqual([["paul@example.org"], ["fraser@example.org"]]);

    sink.accept("lee@example.org");
    const retry = await cli("digest", "--sheet", sheet, "--today", "2023-11-14", "--json");
    expect(retry.code).toBe(0);
    expect(JSON.parse(retry.out).sent.map((m: { kind: string }) => m.kind)).toEqual(["digest"]);
    expect((await mailLog()).map((r) => [r[1], r[5]])).toEqual([
      ["digest:lee cox:2023-W46", "failed"],
      ["digest:paul pettitt:2023-W46", "sent"],
      ["reminder:DAG29-02:2023-11-16", "failed"],
      ["summary:2023-W46", "sent"],
      ["digest:lee cox:2023-W46", "sent"],
      ["reminder:DAG29-02:2023-11-16", "in digest"],
    ]);
  });

  it("reports a bad ACTIONLOG_SMTP_URL without echoing it, when a run would send through it", async () => {
    vi.stubEnv("ACTIONLOG_SMTP_URL", "http://user:topsecret@mail.example.org");
    const result = await cli("digest", "--sheet", sheet, "--today", "2023-11-13");
    expect(result.code).toBe(2);
    expect(result.err).toContain("ACTIONLOG_SMTP_URL is not an SMTP URL");
    expect(result.err).not.toContain("topsecret");
  });

  it.each([
    // ACTIONLOG_NOW, --today, Mail Log Time
    ["2023-11-13T08:30:00Z", "2023-11-13", "2023-11-13T08:30:00Z"], // same London day: the clock as set
    ["2023-11-01T08:30:00Z", "2023-11-13", "2023-11-13T09:00:00Z"], // another day: 09:00 London on --today
    ["2023-06-01T08:30:00Z", "2023-06-12", "2023-06-12T08:00:00Z"], // 09:00 BST
  ])("with ACTIONLOG_NOW %s and --today %s the run is timed %s", async (clock, today, instant) => {
    vi.stubEnv("ACTIONLOG_NOW", clock);
    await cli("digest", "--sheet", sheet, "--today", today, "--outbox", join(dir, "out"));
    const logged = (await mailLog())[0]?.[0];
    expect(DateTime.fromISO(String(logged)).toUTC().toISO({ suppressMilliseconds: true })).toBe(instant);
  });
});

describe("actionlog preview", () => {
  it("writes one person's digest as HTML, found by initials as an Owner cell would be", async () => {
    const out = join(dir, "paul.html");
    const result = await cli("preview", "--sheet", sheet, "--today", "2023-11-13", "--person", "PP", "--out", out);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote ${out}: Paul Pettitt's digest, "[DAG] 1 overdue (week of 13 Nov 2023)"`);
    const html = await readFile(out, "utf8");
    expect(html).toContain("Hello Paul Pettitt,");
    expect(html).toContain("Review &lt;b&gt;CR032&lt;/b&gt; &amp; reply");
  });

  it("renders an empty digest for someone with nothing due, and refuses an unknown or ambiguous person", async () => {
    const quiet = await cli("preview", "--sheet", sheet, "--today", "2023-11-13", "--person", "Justin Andrews");
    expect(quiet.out).toContain("Nothing of yours is overdue or due by Thu 16 Nov.");
    const unknown = await cli("preview", "--sheet", sheet, "--person", "Nobody");
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('"Nobody" is not in Members');
    const ambiguous = await cli("preview", "--sheet", sheet, "--person", "SC");
    expect(ambiguous.err).toContain('"SC" matches Seth Chapman and Sean Cooper');
  });
});

describe("writeDemoDigests", () => {
  it("writes the sample committee's digests and summary to the outbox whatever the weekday", async () => {
    const path = join(dir, "demo.xlsx");
    const now = DateTime.fromISO("2023-11-15T10:00:00", { zone: "Europe/London" }); // a Wednesday; digest_weekday is Monday
    await createXlsxWorkbook({ path, create: true }).apply({ tabs: sampleTabs("2023-11-15"), updates: [], appends: [] });
    const report = await writeDemoDigests(createXlsxWorkbook({ path }), join(dir, "outbox"), now);
    expect(report.sent.filter((m) => m.kind === "summary")).toHaveLength(1);
    expect(report.sent.filter((m) => m.kind === "digest").length).toBeGreaterThan(0);
    expect((await readdir(join(dir, "outbox"))).length).toBe(report.sent.length);
    expect(report.sent.every((m) => m.subject.startsWith(`[${SAMPLE.code}]`))).toBe(true);
  });
});
