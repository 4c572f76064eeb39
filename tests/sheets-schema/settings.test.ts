/** The Settings tab's values as people type them: digest_weekday spellings, and a key written on two rows. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import type { RawTab } from "../../shared/adapters/workbook.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { runValidate } from "../../shared/jobs/validate-job.js";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { action, buildLog } from "../support/log-fixture.js";

const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });

const parse = (digestWeekday: string) => parseLog(buildLog({ settings: { digest_weekday: digestWeekday } }));

describe("digest_weekday", () => {
  it.each([
    ["Monday", "Monday"],
    ["monday", "Monday"],
    ["Mon", "Monday"],
    ["Tue", "Tuesday"],
    ["tues.", "Tuesday"],
    ["Wed", "Wednesday"],
    ["Weds", "Wednesday"],
    ["WEDS.", "Wednesday"],
    ["Thu", "Thursday"],
    ["Thur", "Thursday"],
    ["Thurs.", "Thursday"],
    ["Thursday.", "Thursday"],
    ["Fri", "Friday"],
    ["fri.", "Friday"],
    ["Sat", "Saturday"],
    ["Sun", "Sunday"],
  ])("reads %j as %s, with no problem (QA finding 4)", (typed, day) => {
    const log = parse(typed);
    expect(log.settings.digestWeekday).toBe(day);
    expect(log.problems).toEqual([]);
  });

  it.each(["Fryday", "Th", "Thursday..", "Monday-Friday", "constructor", "1"])("reports %j as not a day and keeps Monday", (typed) => {
    const log = parse(typed);
    expect(log.settings.digestWeekday).toBe("Monday");
    expect(log.problems).toEqual([
      expect.objectContaining({ tab: "Settings", ref: "digest_weekday", column: "Value", message: `Value "${typed}" is not valid for digest_weekday; write a day of the week, such as Monday or Mon` }),
    ]);
  });
});

/** The fixture's Settings (allowed_domains last, on row 13) with `extra` Key/Value rows added below. */
const withRows = (first: Record<string, string>, extra: [string, string][]): RawTab[] =>
  buildLog({ settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org", ...first } }).tabs.map((tab) =>
    tab.name !== "Settings" ? tab : { ...tab, rows: [...tab.rows, ...extra.map(([key, value], i) => ({ row: tab.rows.length + 2 + i, cells: [key, value] }))] },
  );

describe("a Settings key on two rows (regression: the last row won, so a blank second allowed_domains lifted the domain limit)", () => {
  it.each([
    ["example.org", "", ["example.org"], `Key allowed_domains is also on row 13; row 13's value "example.org" is used and this blank one is ignored; delete one of the two rows`],
    ["", "example.org", ["example.org"], `Key allowed_domains is also on row 13; this row's value "example.org" is used, since row 13's is blank; delete one of the two rows`],
    ["example.org", "gmail.com", ["example.org"], `Key allowed_domains is also on row 13; row 13's value "example.org" is used, not this row's "gmail.com"; delete one of the two rows`],
    ["example.org", "example.org", ["example.org"], `Key allowed_domains is also on row 13; row 13 gives the same value "example.org"; delete one of the two rows`],
    ["", "", [], "Key allowed_domains is also on row 13; its Value is blank on every row, so the default is used; delete one of the two rows"],
  ])("allowed_domains %j then %j: the first non-blank value is used and the later row is a problem", (first, second, domains, message) => {
    const log = parseLog({ tabs: withRows({ allowed_domains: first }, [["allowed_domains", second]]) });
    expect(log.settings.allowedDomains).toEqual(domains);
    expect(log.problems).toEqual([{ tab: "Settings", row: 14, ref: "", column: "Key", message }]);
  });

  it("flags every later row against the first, keys matched ignoring case, and keeps the first value", () => {
    const log = parseLog({ tabs: withRows({ digest_weekday: "Fri" }, [[" Digest_Weekday ", ""], ["DIGEST_WEEKDAY", "Tuesday"]]) });
    expect(log.settings.digestWeekday).toBe("Friday");
    expect(log.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [14, "Key", `Key digest_weekday is also on row 12; row 12's value "Fri" is used and this blank one is ignored; delete one of the two rows`],
      [15, "Key", `Key digest_weekday is also on row 12; row 12's value "Fri" is used, not this row's "Tuesday"; delete one of the two rows`],
    ]);
  });

  it("an unreadable first value is still reported on its own row, and the repeat does not replace it", () => {
    const log = parseLog({ tabs: withRows({ asap_working_days: "five" }, [["asap_working_days", "7"]]) });
    expect(log.settings.asapWorkingDays).toBe(5);
    expect(log.problems).toEqual([
      expect.objectContaining({ row: 14, column: "Key", message: expect.stringContaining(`row 6's value "five" is used, not this row's "7"`) }),
      expect.objectContaining({ row: 6, ref: "asap_working_days", column: "Value", message: expect.stringContaining('Value "five" is not valid') }),
    ]);
  });

  it.each(["notes", "constructor", "toString"])("a repeated Key %j that names no setting is ignored, as before", (key) => {
    const log = parseLog({ tabs: withRows({}, [[key, "a"], [key, "b"]]) });
    expect(log.problems).toEqual([]);
  });

  it("a blank second allowed_domains row neither mails an outside domain nor stops mail inside it", async () => {
    const members = [
      { Name: "Paul Pettitt", Initials: "PP", Email: "paul.pettitt@gmail.com" },
      { Name: "Lee Cox", Initials: "LC", Email: "lee@example.org" },
    ];
    const tabs = buildLog({
      settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org", allowed_domains: "example.org" },
      members,
      actions: [action({ Owner: "Paul Pettitt", Due: "01/11/2023" }), action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "01/11/2023" })],
    }).tabs.map((tab) => (tab.name === "Settings" ? { ...tab, rows: [...tab.rows, { row: 14, cells: ["allowed_domains", ""] }] } : tab));
    const book = createMemoryWorkbook({ tabs });
    const validated = await runValidate(book, { now: MONDAY, dryRun: true, actor: "test" });
    expect(validated.problems).toContainEqual(expect.objectContaining({ tab: "Settings", row: 14, column: "Key" }));
    const mailer = createMemoryMailer();
    await runDigest(book, mailer, { now: MONDAY });
    const to = mailer.sent.flatMap((mail) => mail.to);
    expect(to).not.toContain("paul.pettitt@gmail.com");
    expect(to).toContain("lee@example.org");
  });
});
