/**
 * A member's own column headed like one of actionlog's (regression: the first one was read and
 * written, a member's Due date overwritten, a PA mailed), and one headed like a column actionlog
 * only keeps for people (regression: a second Notes in Meetings stopped every digest).
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import type { RawTab } from "../../shared/adapters/workbook.js";
import type { Cell } from "../../shared/core/types.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { runRollover } from "../../shared/jobs/rollover-job.js";
import { runValidate } from "../../shared/jobs/validate-job.js";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { HEADERS } from "../../sheets-schema/tabs.js";
import { failsWith } from "../support/actionlog-error.js";
import { action, buildLog } from "../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });
const SETTINGS = { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" };

/** The log with a member's own column inserted at `at` (0-based) in `tab`, headed `header`, holding `value` on every row. */
const withOwnColumn = (tabName: string, header: string, at: number, value: (row: number) => Cell, spec = {}): RawTab[] =>
  buildLog({ settings: SETTINGS, actions: [action(), action({ Ref: "DAG29-02", Due: "ASAP", Status: "open" })], ...spec }).tabs.map((tab) =>
    tab.name !== tabName
      ? tab
      : {
          ...tab,
          headers: [...tab.headers.slice(0, at), header, ...tab.headers.slice(at)],
          rows: tab.rows.map((r) => ({ ...r, cells: [...r.cells.slice(0, at), value(r.row), ...r.cells.slice(at)] })),
        },
  );

const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Written here rather than taken from INFORMATIONAL_COLUMNS, so a column moved there by mistake
 * fails the table below. Meetings Time and Members Role stop: importing minutes writes them.
 */
const ONLY_SHOWN: readonly (readonly [string, string])[] = [
  ["Members", "Organisation"],
  ["Meetings", "Notes"],
];
const shownOnly = (tab: string, header: string) => ONLY_SHOWN.some(([t, h]) => t === tab && h === header);

describe("a repeated header of a column actionlog reads or writes", () => {
  it.each(Object.entries(HEADERS).flatMap(([tab, headers]) => headers.filter((header) => !shownOnly(tab, header)).map((header) => [tab, header] as const)))(
    "%s %s twice stops every job, naming the tab, both columns and the fix, and writes nothing",
    async (tab, header) => {
      const real = (HEADERS[tab as keyof typeof HEADERS] as readonly string[]).indexOf(header);
      // The member's copy goes first, in another case, as in the QA report's "Due date" beside "Due Date".
      const tabs = withOwnColumn(tab, header.toLowerCase(), real, (row) => `member's ${row}`);
      const book = createMemoryWorkbook({ tabs });
      const before = book.snapshot();
      const message = await failsWith(runValidate(book, { now: NOW, dryRun: false, actor: "test" }), "SCHEMA");
      expect(message).toContain(`${tab}: Header "${header}" is on both columns ${letter(real)} ("${header.toLowerCase()}") and ${letter(real + 1)} ("${header}")`);
      expect(message).toMatch(/rename your own column/);
      expect(book.snapshot()).toEqual(before);
      expect(() => parseLog(before)).toThrow(`Header "${header}" is on both columns`);
    },
  );

  it("Due date beside Due Date: validate and rollover stop, and the member's dates are left as written", async () => {
    const dueDate = HEADERS.Actions.indexOf("Due Date");
    const tabs = withOwnColumn("Actions", "Due date", dueDate, (row) => (row === 2 ? "20/10/2023 (agreed with PP)" : "30/11/2023"));
    const book = createMemoryWorkbook({ tabs });
    const before = book.snapshot();
    await failsWith(runValidate(book, { now: NOW, dryRun: false, actor: "test" }), "SCHEMA");
    await failsWith(runRollover(book, { meeting: 29, now: NOW, dryRun: false, actor: "test" }), "SCHEMA");
    expect(book.snapshot()).toEqual(before);
  });

  it("a second Email in Members (a PA's) stops the digest before anyone is mailed", async () => {
    const email = HEADERS.Members.indexOf("Email");
    const tabs = withOwnColumn("Members", "Email", email, (row) => (row === 3 ? "pa.to.paul@example.org" : null), {
      actions: [action({ Owner: "Paul Pettitt", Due: "01/11/2023" })],
    });
    const book = createMemoryWorkbook({ tabs });
    const mailer = createMemoryMailer();
    const message = await failsWith(runDigest(book, mailer, { now: MONDAY }), "SCHEMA");
    expect(message).toContain('Members: Header "Email" is on both columns E ("Email") and F ("Email")');
    expect(mailer.sent).toEqual([]);
    expect(book.snapshot().tabs.map((t) => t.name)).not.toContain("Mail Log");
  });

  it("names every column when a header is on three", () => {
    const [first, ...rest] = withOwnColumn("Actions", "STATUS", 0, () => "Green");
    const tabs = [first, ...rest].map((tab) => (tab?.name === "Actions" ? { ...tab, headers: [...tab.headers, " status "] } : tab)) as RawTab[];
    expect(() => parseLog({ tabs })).toThrow(/Header "Status" is on 3 columns A \("STATUS"\), I \("Status"\) and N \("status"\)/);
  });

  it("a repeated header of a column only members use is still just a problem on row 1", async () => {
    const tabs = withOwnColumn("Actions", "My notes", 0, () => "a").map((tab) => (tab.name === "Actions" ? { ...tab, headers: [...tab.headers, "my notes"] } : tab));
    const report = await runValidate(createMemoryWorkbook({ tabs }), { now: NOW, dryRun: true, actor: "test" });
    expect(report.problems).toContainEqual(expect.objectContaining({ tab: "Actions", row: 1, column: "my notes", message: expect.stringContaining("appears twice") }));
  });
});

describe("a repeated header of a column actionlog only keeps for people", () => {
  it.each(ONLY_SHOWN)("%s %s twice is a problem on row 1 naming both columns, and validate still writes", async (tab, header) => {
    const real = (HEADERS[tab as keyof typeof HEADERS] as readonly string[]).indexOf(header);
    const tabs = withOwnColumn(tab, header.toLowerCase(), real + 1, (row) => `member's ${row}`);
    const report = await runValidate(createMemoryWorkbook({ tabs }), { now: NOW, dryRun: false, actor: "test" });
    const problem = report.problems.find((p) => p.tab === tab && p.row === 1);
    expect(problem).toEqual({
      tab,
      row: 1,
      ref: "",
      column: header,
      message: `Header "${header}" is on both columns ${letter(real)} ("${header}") and ${letter(real + 1)} ("${header.toLowerCase()}") (headers match ignoring case); actionlog neither writes ${header} nor decides anything from it, so it carries on, but rename your own column (for example to "My ${header}") so each column has one meaning`,
    });
    // Validate went on to fill the actions' Due Date, as it does without the repeat.
    expect(report.changes).toContainEqual(expect.objectContaining({ tab: "Actions", column: "Due Date" }));
  });

  it("the first of the two columns is the one read, as for any other repeated header", () => {
    const tabs = withOwnColumn("Meetings", "NOTES", 0, (row) => `first ${row}`);
    const log = parseLog({ tabs });
    expect(log.meetings[0]?.notes).toBe("first 2");
    expect(log.problems).toContainEqual(expect.objectContaining({ tab: "Meetings", row: 1, column: "Notes", message: expect.stringContaining('columns A ("NOTES") and F ("Notes")') }));
  });

  it("a second Notes in Meetings and a second Organisation in Members do not stop the digest: owners are still chased", async () => {
    const spec = { actions: [action({ Owner: "Paul Pettitt", Due: "01/11/2023" })] };
    const tabs = withOwnColumn("Meetings", "notes", HEADERS.Meetings.length, () => "agenda", spec).map((tab) =>
      tab.name !== "Members" ? tab : { ...tab, headers: [...tab.headers, "ORGANISATION"], rows: tab.rows.map((r) => ({ ...r, cells: [...r.cells, "PA's employer"] })) },
    );
    const mailer = createMemoryMailer();
    await runDigest(createMemoryWorkbook({ tabs }), mailer, { now: MONDAY });
    expect(mailer.sent.flatMap((mail) => mail.to)).toContain("paul@example.org");
  });

  it.each([
    ["Meetings", "Time"],
    ["Members", "Role"],
  ])("%s %s twice still stops: importing minutes writes it", (tab, header) => {
    const real = (HEADERS[tab as keyof typeof HEADERS] as readonly string[]).indexOf(header);
    expect(() => parseLog({ tabs: withOwnColumn(tab, header, real, () => "x") })).toThrow(`${tab}: Header "${header}" is on both columns`);
  });
});
