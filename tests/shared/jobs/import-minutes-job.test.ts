import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import type { RawWorkbook } from "../../../shared/adapters/workbook.js";
import type { Cell } from "../../../shared/core/types.js";
import { validateLog } from "../../../shared/core/validate.js";
import { minutesDsb14Text } from "../../../shared/demo/minutes-dsb14.js";
import { importMinutes } from "../../../shared/jobs/import-minutes-job.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { HEADERS } from "../../../sheets-schema/tabs.js";
import { type LogSpec, buildLog } from "../../support/log-fixture.js";
import { minutesDsb15Text } from "../../support/minutes-dsb15.js";

const now = DateTime.fromISO("2025-11-20T10:00:00Z");
const options = { now, dryRun: false, actor: "test import" };
const DSB = { committee_code: "DSB", committee_name: "Data Standards Board" };

const book = (spec: LogSpec) => createMemoryWorkbook({ tabs: buildLog({ members: [], meetings: [], settings: DSB, ...spec }).tabs });
const rows = (raw: RawWorkbook, tab: keyof typeof HEADERS) => {
  const found = raw.tabs.find((t) => t.name === tab);
  return (found?.rows ?? []).map((r) => Object.fromEntries(HEADERS[tab].map((h, i) => [h, r.cells[i] ?? null])) as Record<string, Cell>);
};

describe("importMinutes into an empty log", () => {
  it("starts the log: actions, decisions, members, meetings, each row audited", async () => {
    const workbook = book({});
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    const raw = workbook.snapshot();
    expect(report.written).toBe(true);
    expect(report.changes).toEqual([]);
    expect(rows(raw, "Actions").map((a) => [a.Ref, a.Meeting, a.Status])).toHaveLength(13);
    expect(rows(raw, "Actions").find((a) => a.Ref === "DSB14-02")).toMatchObject({ Meeting: 14, Area: "UTC vs Clock Time", Owner: "Programme (Ruth Adeyemi)", Due: "10/12/2025", Status: "Open" });
    expect(rows(raw, "Actions").find((a) => a.Ref === "DSB13-04")).toMatchObject({ Meeting: 13, Status: "Ongoing", Update: expect.stringContaining("two of the five") });
    expect(rows(raw, "Decisions").map((d) => [d.Ref, d.Meeting])).toEqual([["DSB-DEC40", 14], ["DSB-DEC41", 14], ["DSB-DEC42", 14]]);
    expect(rows(raw, "Meetings")).toEqual([
      { Meeting: 14, Date: "12/11/2025", Time: null, Status: "Held", Notes: null },
      { Meeting: 15, Date: "10/12/2025", Time: "10:00", Status: "Scheduled", Notes: null },
    ]);
    expect(rows(raw, "Members")).toHaveLength(12);
    expect(rows(raw, "Members")[1]).toEqual({ Name: "Gwen Llewellyn", Initials: "GL", Organisation: null, Role: "Network Operator Representative", Email: null, Aliases: null, Active: "Yes" });
    expect(report.minutes.crossCheck.filter((f) => f.kind === "no-email").map((f) => f.message)).toEqual([expect.stringContaining("Added to Members without an Email: Helen Marsh, Gwen Llewellyn")]);
    const audit = rows(raw, "Audit");
    // One row per addition, and the import's own record, which a later import of the same minutes finds.
    expect(audit).toHaveLength(report.added.length + 1);
    expect(audit.at(-1)).toMatchObject({ Tab: "Meetings", Ref: "DSB14", New: expect.stringMatching(/^imported the minutes of meeting 14 \(/), Reason: "from the minutes of meeting 14" });
    expect(audit[0]).toMatchObject({ Actor: "test import", Tab: "Meetings", Ref: "DSB14", New: "added meeting 14 (Held, 12/11/2025)", Reason: "from the minutes of meeting 14", Time: "2025-11-20T10:00:00+00:00" });
  });

  it("importing the same minutes twice changes nothing the second time", async () => {
    const workbook = book({});
    await importMinutes(workbook, minutesDsb14Text(), options);
    const before = workbook.snapshot();
    const again = await importMinutes(workbook, minutesDsb14Text(), options);
    expect([again.written, again.added, again.changes]).toEqual([false, [], []]);
    expect(again.minutes.crossCheck.some((f) => f.kind === "log-conflict")).toBe(false);
    expect(workbook.snapshot()).toEqual(before);
  });

  it("a dry run reports the same plan and writes nothing", async () => {
    const workbook = book({});
    const before = workbook.snapshot();
    const report = await importMinutes(workbook, minutesDsb14Text(), { ...options, dryRun: true });
    expect([report.written, report.added.length]).toEqual([false, 30]);
    expect(workbook.snapshot()).toEqual(before);
  });

  it("fills a blank committee_code from the refs, audited", async () => {
    const workbook = book({ settings: { ...DSB, committee_code: "" } });
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    expect(report.changes).toEqual([expect.objectContaining({ tab: "Settings", column: "Value", old: null, new: "DSB" })]);
    expect(rows(workbook.snapshot(), "Settings")).toContainEqual({ Key: "committee_code", Value: "DSB" });
    expect(rows(workbook.snapshot(), "Audit")).toContainEqual(expect.objectContaining({ Tab: "Settings", Column: "Value", New: "DSB" }));
  });

  it.each([
    ["another committee's minutes", () => book({ settings: { committee_code: "DAG" } }), minutesDsb14Text(), "USAGE", "log's committee_code is DAG"],
    ["text that is not minutes", () => book({}), "Shopping list\n\tmilk\n\n", "MINUTES_UNREADABLE", "found no action refs"],
  ])("refuses %s and leaves the log untouched", async (_name, make, text, code, message) => {
    const workbook = make();
    const before = workbook.snapshot();
    const error = await importMinutes(workbook, text, options).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(workbook.snapshot()).toEqual(before);
  });
});

const member = (Name: string, Initials: string, Email = `${Initials.toLowerCase()}@example.org`, Aliases: string | null = null) => ({ Name, Initials, Email, Aliases });
const existingLog = (): LogSpec => ({
  members: [member("Owen Pryce", "OP", "owen@example.org", "Programme (PMO); PMO"), { ...member("Gwen Llewellyn", "GL"), Role: "Network rep (as typed)" }, member("Isla Robertson", "IR", "")],
  meetings: [{ Meeting: 13, Date: "15/10/2025", Status: "Held" }, { Meeting: 14, Date: "13/11/2025", Status: "" }, { Meeting: 15, Date: "", Status: "Scheduled" }],
  actions: [
    { Ref: "DSB12-03", Meeting: 12, Action: "Publish the change log", Owner: "Programme (PMO)", Due: "Next meeting", Status: "Ongoing" },
    { Ref: "DSB13-02", Meeting: 13, Action: "Circulate worked examples", Owner: "OP", Due: "31/03/2026", Status: "Open", Update: "Our own words" },
    { Ref: "DSB13-04", Meeting: 13, Action: "Confirm the 25-hour day", Owner: "GL", Due: "ASAP", Status: "open" },
    { Ref: "DSB13-05", Meeting: 13, Action: "Update the Terms of Reference", Owner: "OP", Due: "10/12/2025", Status: "Proposed Closed", Update: "Draft circulated" },
    { Ref: "DSB14-06", Meeting: 14, Action: "Send the RAID link", Owner: "OP", Due: "ASAP", Status: "Closed", Update: "Sent" },
  ],
  decisions: [{ Ref: "DSB-DEC40", Meeting: 14, Area: "Typed by a member", Decision: "Our wording" }],
});

describe("importMinutes into a log that already has some of it", () => {
  it("updates status and due from the minutes, never overwriting member text, and reports conflicts", async () => {
    const workbook = book(existingLog());
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    expect(report.changes.map((c) => [c.tab, c.ref, c.column, c.old, c.new])).toEqual([
      ["Meetings", "DSB14", "Status", null, "Held"],
      ["Meetings", "DSB15", "Date", null, "10/12/2025"],
      ["Meetings", "DSB15", "Time", null, "10:00"],
      ["Actions", "DSB13-02", "Due", "31/03/2026", "10/12/2025"],
      ["Actions", "DSB13-04", "Status", "open", "Ongoing"],
      ["Actions", "DSB13-04", "Update", null, expect.stringContaining("two of the five")],
      ["Actions", "DSB13-04", "Due", "ASAP", "10/12/2025"],
      ["Actions", "DSB13-05", "Status", "Proposed Closed", "Closed"],
      ["Actions", "DSB13-05", "Closed On", null, "2025-11-12"], // the meeting that closed it, not the day validate next runs
    ]);
    const raw = workbook.snapshot();
    const actions = rows(raw, "Actions");
    expect(actions.find((a) => a.Ref === "DSB12-03")).toMatchObject({ Status: "Ongoing", Due: "Next meeting" });
    expect(actions.find((a) => a.Ref === "DSB13-02")).toMatchObject({ Update: "Our own words", Action: "Circulate worked examples" });
    expect(actions.find((a) => a.Ref === "DSB13-05")).toMatchObject({ Status: "Closed", Update: "Draft circulated" });
    expect(actions.find((a) => a.Ref === "DSB14-06")).toMatchObject({ Status: "Closed", Action: "Send the RAID link" });
    expect(rows(raw, "Decisions").find((d) => d.Ref === "DSB-DEC40")).toMatchObject({ Area: "Typed by a member", Decision: "Our wording" });
    expect(rows(raw, "Members").find((m) => m.Name === "Gwen Llewellyn")?.Role).toBe("Network rep (as typed)");
    expect(rows(raw, "Meetings").find((m) => m.Meeting === 14)).toMatchObject({ Date: "13/11/2025", Status: "Held" });

    const conflicts = report.minutes.crossCheck.filter((f) => f.kind === "log-conflict");
    expect(conflicts.map((f) => f.ref)).toEqual(["DSB14", "DSB14-06"]);
    expect(conflicts[0]?.message).toContain("dated 13/11/2025 in Meetings but the minutes say 12/11/2025");
    expect(conflicts[1]?.message).toContain("DSB14-06 is Closed in the log but the minutes list it as outstanding");
    expect(report.minutes.crossCheck).toContainEqual(expect.objectContaining({ kind: "no-email", message: expect.stringContaining("In Members without an Email: Isla Robertson") }));
    expect(report.minutes.crossCheck).toContainEqual(expect.objectContaining({ kind: "update-not-in-log", ref: "DSB12-06" }));
    expect(report.minutes.crossCheck.some((f) => f.kind === "unknown-owner")).toBe(false);

    const audit = rows(raw, "Audit");
    expect(audit.filter((a) => a.Column !== null)).toHaveLength(report.changes.length);
    expect(audit).toContainEqual(expect.objectContaining({ Tab: "Actions", Ref: "DSB13-04", Column: "Status", Old: "open", New: "Ongoing" }));
    expect(audit).toHaveLength(report.changes.length + report.added.length + 1);
  });

  it("is idempotent over an existing log too", async () => {
    const workbook = book(existingLog());
    await importMinutes(workbook, minutesDsb14Text(), options);
    const before = workbook.snapshot();
    const again = await importMinutes(workbook, minutesDsb14Text(), options);
    expect([again.written, again.added.length, again.changes.length]).toEqual([false, 0, 0]);
    expect(workbook.snapshot()).toEqual(before);
  });

  it("does not rewrite a Due that already means the minutes' date", async () => {
    const spec = existingLog();
    spec.meetings = [{ Meeting: 12, Date: "17/09/2025", Status: "Held" }, { Meeting: 13, Date: "15/10/2025", Status: "Held" }, { Meeting: 14, Date: "12/11/2025", Status: "Held" }, { Meeting: 15, Date: "10/12/2025", Time: "10:00", Status: "Scheduled" }];
    spec.actions = [{ Ref: "DSB12-03", Meeting: 12, Action: "Publish", Owner: "OP", Due: "Next meeting", Status: "Open" }];
    const report = await importMinutes(book(spec), minutesDsb14Text(), options);
    expect(report.changes.filter((c) => c.tab === "Actions")).toEqual([]);
  });
});

describe("importing minutes older than ones already imported", () => {
  /** A log with the minutes of meetings 14 and then 15 imported. */
  async function after15() {
    const workbook = book({});
    await importMinutes(workbook, minutesDsb14Text(), options);
    const second = await importMinutes(workbook, minutesDsb15Text(), options);
    expect(second.changes.map((c) => [c.ref, c.column, c.new])).toEqual(expect.arrayContaining([["DSB14-02", "Due", "14/01/2026"], ["DSB14-03", "Status", "Closed"]]));
    return workbook;
  }

  it("says first that the log is newer, and shows the differences as superseded, not conflicts (regression: 'reopen it in the log')", async () => {
    const workbook = await after15();
    const before = workbook.snapshot();
    const report = await importMinutes(workbook, minutesDsb14Text(), options);
    expect([report.written, report.changes, report.added]).toEqual([false, [], []]);
    expect(workbook.snapshot()).toEqual(before);
    expect(report.minutes.crossCheck[0]).toEqual({
      kind: "older-minutes",
      ref: "",
      message: "These are the minutes of meeting 14; the minutes of meeting 15 were imported after them, so the log is newer: the differences marked superseded below are expected, and nothing was changed for them",
    });
    expect(report.minutes.crossCheck.filter((f) => f.kind === "superseded").map((f) => f.message)).toEqual([
      'DSB14-02: Due is "14/01/2026" in the log, set by the minutes of meeting 15 (imported after these); these minutes of meeting 14 say "10/12/2025", which is out of date (left unchanged)',
      "DSB14-03 is Closed in the log, set by the minutes of meeting 15 (imported after these); these minutes of meeting 14 list it as outstanding, which is out of date (left unchanged)",
    ]);
    expect(report.minutes.crossCheck.some((f) => f.kind === "log-conflict")).toBe(false);
  });

  it("a member's edit to what the older minutes set is still a conflict", async () => {
    const workbook = await after15();
    const raw = workbook.snapshot();
    const actions = raw.tabs.find((t) => t.name === "Actions");
    const row = actions?.rows.find((r) => r.cells[0] === "DSB14-04");
    if (!actions || !row) throw new Error("DSB14-04 was not imported");
    row.cells[actions.headers.indexOf("Due")] = "ASAP";
    const report = await importMinutes(createMemoryWorkbook({ tabs: raw.tabs }), minutesDsb14Text(), options);
    expect(report.minutes.crossCheck[0]?.kind).toBe("older-minutes");
    expect(report.minutes.crossCheck.filter((f) => f.kind === "log-conflict").map((f) => f.ref)).toEqual(["DSB14-04"]);
    expect(report.minutes.crossCheck.filter((f) => f.kind === "superseded").map((f) => f.ref)).toEqual(["DSB14-02", "DSB14-03"]);
  });

  it.each([
    ["the same minutes again", minutesDsb14Text()],
    ["newer minutes", minutesDsb15Text()],
  ])("%s: no older-minutes line", async (_name, minutes) => {
    const workbook = book({});
    await importMinutes(workbook, minutesDsb14Text(), options);
    const report = await importMinutes(workbook, minutes, options);
    expect(report.minutes.crossCheck.some((f) => f.kind === "older-minutes" || f.kind === "superseded")).toBe(false);
  });
});

describe("an action the minutes add already closed (QA messy 8)", () => {
  it.each([
    // ref, Status added, Closed On added
    ["DSB13-05", "Closed", "2025-11-12"], // listed in the table and closed in the minutes: dated the meeting
    ["DSB13-04", "Ongoing", null],
    ["DSB14-02", "Open", null],
  ])("%s is added %s with Closed On %s, and validate then leaves Closed On alone", async (ref, status, closedOn) => {
    const workbook = book({});
    await importMinutes(workbook, minutesDsb14Text(), options);
    expect(rows(workbook.snapshot(), "Actions").find((a) => a.Ref === ref)).toMatchObject({ Status: status, "Closed On": closedOn });
    const validation = validateLog(parseLog(workbook.snapshot()), now);
    expect(validation.changes.filter((c) => c.ref === ref && c.column === "Closed On")).toEqual([]);
  });
});
