/** Importing minutes into a log members have edited since: their values are kept and differences reported; a meeting left undated is warned about. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import type { RawWorkbook } from "../../../shared/adapters/workbook.js";
import { isoToSerial } from "../../../shared/core/dates.js";
import { writeMinutesText } from "../../../shared/core/minutes/text-table.js";
import type { Cell } from "../../../shared/core/types.js";
import { minutesDsb14Document, minutesDsb14Text } from "../../../shared/demo/minutes-dsb14.js";
import { type ImportMinutesReport, importMinutes } from "../../../shared/jobs/import-minutes-job.js";
import { type LogSpec, buildLog } from "../../support/log-fixture.js";

const options = { now: DateTime.fromISO("2025-11-20T10:00:00Z"), dryRun: false, actor: "test import" };
const DSB = { committee_code: "DSB", committee_name: "Data Standards Board" };
const book = (spec: LogSpec = {}) => createMemoryWorkbook({ tabs: buildLog({ members: [], meetings: [], settings: DSB, ...spec }).tabs });

/** The log after a member types `value` into `column` of the action `ref`. */
function memberTypes(raw: RawWorkbook, ref: string, column: string, value: Cell): RawWorkbook {
  const tabs = raw.tabs.map((tab) => {
    if (tab.name !== "Actions") return tab;
    const [refAt, at] = [tab.headers.indexOf("Ref"), tab.headers.indexOf(column)];
    return { ...tab, rows: tab.rows.map((r) => (r.cells[refAt] === ref ? { ...r, cells: r.cells.map((c, i) => (i === at ? value : c)) } : r)) };
  });
  return { tabs };
}

const cellOf = (raw: RawWorkbook, ref: string, column: string): Cell => {
  const tab = raw.tabs.find((t) => t.name === "Actions");
  const row = tab?.rows.find((r) => r.cells[tab.headers.indexOf("Ref")] === ref);
  return row?.cells[tab?.headers.indexOf(column) ?? -1] ?? null;
};

const conflicts = (report: ImportMinutesReport) => report.minutes.crossCheck.filter((f) => f.kind === "log-conflict").map((f) => f.message);

/** Imports the DSB14 minutes into an empty log, lets a member edit one cell, and imports them again. */
async function reimportAfter(ref: string, column: string, value: Cell) {
  const first = book();
  await importMinutes(first, minutesDsb14Text(), options);
  const edited = memberTypes(first.snapshot(), ref, column, value);
  const workbook = createMemoryWorkbook({ tabs: edited.tabs });
  const report = await importMinutes(workbook, minutesDsb14Text(), options);
  return { report, edited, after: workbook.snapshot() };
}

describe("importing the same minutes again after a member's edit", () => {
  it.each([
    ["a Due date changed to ASAP (regression: reverted to the minutes' date)", "DSB14-02", "Due", "ASAP", 'DSB14-02: Due is "ASAP" in the log but the minutes of meeting 14 say "10/12/2025"'],
    ["a Due date changed to Next meeting that means another date", "DSB14-01", "Due", "Next meeting", 'DSB14-01: Due is "Next meeting" in the log but the minutes of meeting 14 say "26/11/2025"'],
    ["a Due date changed to a later date cell", "DSB14-02", "Due", isoToSerial("2026-01-14"), 'DSB14-02: Due is "14/01/2026" in the log but the minutes of meeting 14 say "10/12/2025"'],
    ["a Due of ASAP changed to +10 WD", "DSB14-03", "Due", "+10 WD", 'DSB14-03: Due is "+10 WD" in the log but the minutes of meeting 14 say "ASAP"'],
    ["a Status moved on to Proposed Closed", "DSB13-04", "Status", "Proposed Closed", 'DSB13-04: Status is "Proposed Closed" in the log but the minutes of meeting 14 say "Ongoing"'],
    ["a Status moved back to Open (regression: set Ongoing again)", "DSB13-04", "Status", "Open", 'DSB13-04: Status is "Open" in the log but the minutes of meeting 14 say "Ongoing"'],
    ["a Status set to Closed", "DSB13-04", "Status", "Closed", "DSB13-04 is Closed in the log but the minutes record it as Ongoing"],
  ])("keeps %s and reports it as a log-conflict", async (_name, ref, column, value, message) => {
    const { report, edited, after } = await reimportAfter(ref, column, value);
    expect([report.written, report.changes, report.added]).toEqual([false, [], []]);
    expect(after).toEqual(edited);
    expect(cellOf(after, ref, column)).toBe(value);
    expect(conflicts(report)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ["a Due changed to Next meeting that means the minutes' date", "DSB14-02", "Due", "next meeting"],
    ["an Owner", "DSB14-02", "Owner", "Ruth Adeyemi"],
    ["an Area", "DSB14-02", "Area", "Clock change"],
    ["an Action's text", "DSB14-02", "Action", "Reworded by the chair"],
    ["an Update", "DSB13-04", "Update", "Two more operators have replied"],
  ])("keeps %s without a conflict", async (_name, ref, column, value) => {
    const { report, edited, after } = await reimportAfter(ref, column, value);
    expect([report.written, report.changes, report.added]).toEqual([false, [], []]);
    expect(after).toEqual(edited);
    expect(conflicts(report)).toEqual([]);
  });

  it.each([
    ["Due", "DSB14-02", "10/12/2025"],
    ["Status", "DSB13-04", "Ongoing"],
  ])("fills a %s a member cleared, audited", async (column, ref, value) => {
    const { report, after } = await reimportAfter(ref, column, null);
    expect(report.changes.map((c) => [c.ref, c.column, c.old, c.new])).toEqual([[ref, column, null, value]]);
    expect(cellOf(after, ref, column)).toBe(value);
    expect(conflicts(report)).toEqual([]);
  });
});

describe("importing newer minutes: the minutes move a status on, never back", () => {
  const logWith = (ref: string, Status: string): LogSpec => ({ actions: [{ Ref: ref, Meeting: Number(ref.slice(3, 5)), Action: "Typed by a member", Owner: "OP", Due: "10/12/2025", Status, Update: "Noted" }] });

  it.each([
    ["Open -> Ongoing", "DSB13-04", "Open", [["Status", "Open", "Ongoing"]], []],
    ["Ongoing -> Closed, dated the meeting", "DSB13-05", "Ongoing", [["Status", "Ongoing", "Closed"], ["Closed On", null, "2025-11-12"]], []],
    ["Ongoing, minutes say remains open", "DSB12-03", "Ongoing", [], []],
    ["In progress (Ongoing), minutes say ongoing", "DSB13-04", "in progress", [], []],
    ["Proposed Closed, minutes say remains open", "DSB13-02", "Proposed Closed", [], ['DSB13-02: Status is "Proposed Closed" in the log but the minutes of meeting 14 say "Open"']],
    ["Proposed Closed, minutes say ongoing", "DSB13-04", "Proposed Closed", [], ['DSB13-04: Status is "Proposed Closed" in the log but the minutes of meeting 14 say "Ongoing"']],
    ["a Status validate cannot read", "DSB13-04", "Blocked", [], ['DSB13-04: Status is "Blocked" in the log but the minutes of meeting 14 say "Ongoing"']],
  ])("%s", async (_name, ref, status, changes, messages) => {
    const workbook = book(logWith(ref, status));
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    expect(report.changes.filter((c) => c.tab === "Actions").map((c) => [c.column, c.old, c.new])).toEqual(changes);
    expect(conflicts(report)).toEqual(messages.map((m) => expect.stringContaining(m)));
  });
});

describe("importing the same minutes again where the first import had nothing to change", () => {
  it("keeps a member's later edit to a cell the minutes agreed with then, and reports it", async () => {
    const workbook = book({ actions: [{ Ref: "DSB13-04", Meeting: 13, Action: "Confirm", Owner: "GL", Due: "10/12/2025", Status: "Ongoing" }] });
    const first = await importMinutes(workbook, minutesDsb14Text(), options);
    expect(first.changes.filter((c) => c.ref === "DSB13-04")).toEqual([]);
    const edited = memberTypes(workbook.snapshot(), "DSB13-04", "Status", "Open");
    const again = createMemoryWorkbook({ tabs: edited.tabs });
    const report = await importMinutes(again, minutesDsb14Text(), options);
    expect(cellOf(again.snapshot(), "DSB13-04", "Status")).toBe("Open");
    expect(conflicts(report)).toEqual([expect.stringContaining('DSB13-04: Status is "Open" in the log but the minutes of meeting 14 say "Ongoing"')]);
  });
});

describe("which minutes may change a Due: only ones newer than the last that set it", () => {
  /** DSB13-02 as a member left it, with an Audit row saying which meeting's minutes last set its Due (if any). */
  const logSetBy = (meeting: number | null) => {
    const raw = buildLog({ members: [], meetings: [], settings: DSB, actions: [{ Ref: "DSB13-02", Meeting: 13, Action: "Circulate", Owner: "OP", Due: "31/03/2026", Status: "Open" }] });
    if (meeting === null) return createMemoryWorkbook({ tabs: raw.tabs });
    const tabs = raw.tabs.map((tab) => {
      if (tab.name !== "Audit") return tab;
      const cells = tab.headers.map((h) => ({ Tab: "Actions", Ref: "DSB13-02", Column: "Due", New: "31/03/2026", Reason: `from the minutes of meeting ${meeting}` })[h] ?? null);
      return { ...tab, rows: [...tab.rows, { row: tab.rows.length + 2, cells }] };
    });
    return createMemoryWorkbook({ tabs });
  };

  it.each([
    ["no minutes have set it: meeting 14's agreed date is taken", null, "10/12/2025", []],
    ["meeting 13's minutes set it: meeting 14's are newer", 13, "10/12/2025", []],
    ["meeting 14's minutes set it: importing them again keeps the member's date", 14, "31/03/2026", [["log-conflict", 'DSB13-02: Due is "31/03/2026" in the log but the minutes of meeting 14 say']]],
    [
      "meeting 15's minutes set it: the older minutes of 14 never undo them, and are superseded, not in conflict",
      15,
      "31/03/2026",
      [["superseded", 'DSB13-02: Due is "31/03/2026" in the log, set by the minutes of meeting 15 (imported after these); these minutes of meeting 14 say "10/12/2025", which is out of date (left unchanged)']],
    ],
  ])("%s", async (_name, meeting, due, findings) => {
    const workbook = logSetBy(meeting);
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    expect(cellOf(workbook.snapshot(), "DSB13-02", "Due")).toBe(due);
    const about = report.minutes.crossCheck.filter((f) => f.ref === "DSB13-02" && (f.kind === "log-conflict" || f.kind === "superseded"));
    expect(about.map((f) => [f.kind, f.message])).toEqual(findings.map(([kind, message]) => [kind, expect.stringContaining(message ?? "")]));
  });
});

describe("minutes that do not give the meeting date", () => {
  const undated = writeMinutesText({ blocks: minutesDsb14Document().blocks.filter((b) => !(b.kind === "paragraph" && b.text.startsWith("Date of meeting"))) });
  const FIX = "Run again with --meeting-date YYYY-MM-DD, or type the date in the Meetings tab.";

  it.each([
    ["adds the meeting without a date: warns", {}, undated, {}, [`The minutes do not give the meeting date; meeting 14 was added without one. ${FIX}`]],
    ["would add it, on a dry run: warns", {}, undated, { dryRun: true }, [`The minutes do not give the meeting date; meeting 14 would be added without one. ${FIX}`]],
    ["finds meeting 14 in Meetings without a date: warns", { meetings: [{ Meeting: 14, Date: "", Status: "Scheduled" }] }, undated, {}, [`The minutes do not give the meeting date, and meeting 14 has none in the Meetings tab. ${FIX}`]],
    ["is given --meeting-date: no warning", {}, undated, { meetingDate: "2025-11-12" }, []],
    ["finds meeting 14 dated in Meetings: no warning", { meetings: [{ Meeting: 14, Date: "12/11/2025", Status: "Scheduled" }] }, undated, {}, []],
    ["reads dated minutes: no warning", {}, minutesDsb14Text(), {}, []],
  ])("the import %s", async (_name, spec, minutes, extra, warnings) => {
    const report = await importMinutes(book(spec), minutes, { ...options, ...extra });
    expect(report.warnings).toEqual(warnings);
  });
});
