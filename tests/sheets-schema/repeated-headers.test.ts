/** A member's own column headed like one of actionlog's (regression: the first one was read and written, a member's Due date overwritten, a PA mailed). */
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

describe("a repeated header of a column actionlog reads or writes", () => {
  it.each(Object.entries(HEADERS).flatMap(([tab, headers]) => headers.map((header) => [tab, header] as const)))(
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
