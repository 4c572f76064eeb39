import { describe, expect, it } from "vitest";
import { parseAttendeeName } from "../../../../shared/core/minutes/attendees.js";
import type { MinutesBlock } from "../../../../shared/core/minutes/document.js";
import { findDate, findTime, readBody, readMeetingDates, updateStatus } from "../../../../shared/core/minutes/body.js";
import { extractMinutes, minutesJson } from "../../../../shared/core/minutes/extract.js";
import { readMinutesText } from "../../../../shared/core/minutes/text-table.js";
import type { Member } from "../../../../shared/core/types.js";
import { minutesDsb14Document, minutesDsb14Text } from "../../../../shared/demo/minutes-dsb14.js";

const fixture = () => extractMinutes(readMinutesText(minutesDsb14Text()));

describe("extractMinutes on the DSB 14 fixture (text format)", () => {
  it("infers the committee, meeting number and both dates", () => {
    expect(fixture().meeting).toEqual({ committee: "DSB", number: 14, date: "2025-11-12", next: "2025-12-10" });
    expect(fixture().nextTime).toBe("10:00");
  });

  it("reads the actions table: sections, continued areas, wrapped owners, dues as dates or text", () => {
    const json = minutesJson(fixture());
    expect(json.actions.map((a) => `${a.section} ${a.ref}`)).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07", "08"].map((n) => `new DSB14-${n}`),
      "previous DSB13-02", "previous DSB13-04", "previous DSB13-05", "previous DSB12-03", "new DSB14-09",
    ]);
    expect(json.actions[2]).toEqual({ ref: "DSB14-03", area: "UTC vs Clock Time", action: "Programme to raise UTC vs clock time with the Implementation Group", owner: "Programme (Owen Pryce)", due: "ASAP", status: "Open", section: "new" });
    expect(json.actions[1]?.owner).toBe("Programme (Ruth Adeyemi)");
    expect(json.actions[0]?.due).toBe("2025-11-26");
    expect(json.actions[5]?.area).toBe("Risks");
    expect(json.actions.slice(8, 12).map((a) => [a.area, a.status])).toEqual([["", "Open"], ["", "Ongoing"], ["", "Closed"], ["", "Open"]]);
    expect(Object.keys(json)).toEqual(["meeting", "actions", "decisions", "attendees", "updates", "crossCheck"]);
  });

  it("reads decisions, attendees and updates", () => {
    const extract = fixture();
    expect(extract.decisions.map((d) => [d.ref, d.area])).toEqual([["DSB-DEC40", "Minutes and Actions"], ["DSB-DEC41", "Change Request CR041"], ["DSB-DEC42", "Interface Code of Connection"]]);
    expect(extract.attendees).toHaveLength(12);
    expect(extract.attendees.find((a) => a.name === "Marcus Bell")).toEqual({ name: "Marcus Bell", initials: "MB", role: "Consumer Representative", group: "Industry Representatives", partMeeting: false, apology: false, onBehalfOf: "Isla Robertson" });
    expect(extract.attendees.find((a) => a.name === "Isla Robertson")).toMatchObject({ group: "Apologies", apology: true });
    expect(extract.attendees.filter((a) => a.partMeeting).map((a) => a.name)).toEqual(["Sana Chaudhry", "Tom Whitfield", "Farah Quinn"]);
    expect(extract.updates.map((u) => [u.ref, u.status])).toEqual([["DSB12-03", "Open"], ["DSB12-06", "Closed"], ["DSB13-02", "Open"], ["DSB13-04", "Ongoing"], ["DSB13-05", "Closed"]]);
  });

  it("cross-checks the minutes against themselves", () => {
    expect(fixture().crossCheck.map((f) => [f.kind, f.ref])).toEqual([
      ["body-only", "DSB14-09"],
      ["listed-but-closed", "DSB13-05"],
      ["unknown-ref", "DSB11-09"],
      ["unknown-owner", "DSB14-05"],
      ["unknown-owner", "DSB14-06"],
      ["unknown-owner", "DSB13-05"],
      ["shared-initials", ""],
    ]);
    expect(fixture().crossCheck.at(-1)?.message).toContain('"SC" belong to Simon Carter and Sana Chaudhry');
  });

  it("owners and refs the log knows are not findings", () => {
    const pmo: Member = { row: 2, name: "Owen Pryce", initials: "OP", organisation: "", role: "", email: "owen@example.org", aliases: ["Programme (PMO)", "PMO"], active: true };
    const extract = extractMinutes(readMinutesText(minutesDsb14Text()), { members: [pmo], knownRefs: ["DSB11-09"] });
    expect(extract.crossCheck.map((f) => f.kind)).toEqual(["body-only", "listed-but-closed", "shared-initials"]);
  });

  it("--meeting-date wins over the date in the text", () => {
    expect(extractMinutes(readMinutesText(minutesDsb14Text()), { meetingDate: "2025-11-13" }).meeting.date).toBe("2025-11-13");
  });

  it("reports a table row without a ref instead of dropping it silently", () => {
    const text = "\tArea\n\tRef\n\tAction\n\tOwner\n\tDue\n\n\tX\n\t\n\tDo it\n\tPP\n\tASAP\n\n";
    expect(extractMinutes(readMinutesText(text)).crossCheck).toEqual([expect.objectContaining({ kind: "missing-ref", ref: "" })]);
  });
});

describe("minutes rules", () => {
  it.each([
    ["David Yeoman (DY) ", { name: "David Yeoman", initials: "DY", partMeeting: false, onBehalfOf: "" }],
    ["Riccardo Lampini (RLamp)", { name: "Riccardo Lampini", initials: "RLamp", partMeeting: false, onBehalfOf: "" }],
    ["Justin Andrews\u00a0(Chair)", { name: "Justin Andrews", initials: "", partMeeting: false, onBehalfOf: "" }],
    ["Stuart Scott (SS) (part meeting)", { name: "Stuart Scott", initials: "SS", partMeeting: true, onBehalfOf: "" }],
    ["Morven Hunter (MHu) (on behalf of Donna Jamieson)", { name: "Morven Hunter", initials: "MHu", partMeeting: false, onBehalfOf: "Donna Jamieson" }],
    ["Caroline Farquhar", { name: "Caroline Farquhar", initials: "", partMeeting: false, onBehalfOf: "" }],
  ])("attendee %j", (cell, expected) => {
    expect(parseAttendeeName(cell)).toMatchObject(expected);
  });

  it.each([
    ["Discussed under agenda item 11 below. Action closed.", "Closed"],
    ["PP advised the action was ongoing … Action closed and to be picked up as part of CR023 solution development.", "Closed"],
    ["SJ requested the action remain as ongoing until the CRs are implemented. Action changed to ongoing.", "Ongoing"],
    ["The draft is with the design team. The action remains open.", "Open"],
    ["OP proposed the action for closure. Action proposed closed.", "Proposed Closed"],
    ["An example report can be found on SwaggerHub.", null],
  ])("update %j records %s", (note, status) => {
    expect(updateStatus(note)).toBe(status);
  });

  it("reads ACTION, DECISION and update lines, folding NBSP and en dashes", () => {
    const body = readBody(["ACTION DAG29\u201301:\u00a0NGESO to amend", "DECISION DAG-DEC76: The SRO agreed", "DAG28-15: Discussed. Action closed.", "With regard to ACTION DAG28-15, FM advised", "Action updates can be found"]);
    expect(body).toEqual({
      actions: [{ ref: "DAG29-01", text: "NGESO to amend" }],
      decisions: [{ ref: "DAG-DEC76", text: "The SRO agreed" }],
      updates: [{ ref: "DAG28-15", status: "Closed", note: "Discussed. Action closed." }],
    });
  });

  it.each([
    ["08 November 2023 10am", "2023-11-08", "10:00"],
    ["Wednesday 12th Nov 2025, 2.30pm", "2025-11-12", "14:30"],
    ["13/10/23 at 14:00", "2023-10-13", "14:00"],
    ["2023-10-13", "2023-10-13", ""],
    ["31/02/2024", null, ""],
    ["to be confirmed", null, ""],
  ])("date and time in %j", (text, date, time) => {
    expect(findDate(text)).toBe(date);
    expect(findTime(text)).toBe(time);
  });
});

describe("duplicate refs in the minutes' tables", () => {
  it("imports the first row and reports the repeat", () => {
    const row = (action: string) => `\tX\n\tDAG29-01\n\t${action}\n\tPP\n\tASAP\n\n`;
    const extract = extractMinutes(readMinutesText(`\tArea\n\tRef\n\tAction\n\tOwner\n\tDue\n\n${row("First")}${row("Second")}`));
    expect(extract.actions.map((a) => a.action)).toEqual(["First"]);
    expect(extract.crossCheck.filter((f) => f.kind === "duplicate-ref")).toEqual([expect.objectContaining({ ref: "DAG29-01" })]);
  });
});

describe("the meeting dates", () => {
  it.each([
    ["a label with the date on the next line", ["Date of next meeting:", "08 November 2023 10am"], [], { date: null, next: "2023-11-08", nextTime: "10:00" }],
    ["a label that gives no date is passed over for a later one", ["Date of next meeting: to be confirmed", "Next meeting date: 10/12/2025 2pm"], [], { date: null, next: "2025-12-10", nextTime: "14:00" }],
    ["a label whose next line holds no date is passed over (regression: the first match won)", ["Next meeting", "DAG30-09", "Date of next meeting:", "06 December 2023 10am"], [], { date: null, next: "2023-12-06", nextTime: "10:00" }],
    ["a heading table's cells, when the body has no label", ["Minutes"], ["Date of meeting", "12 November 2025", "Date of next meeting", "10/12/2025"], { date: "2025-11-12", next: "2025-12-10", nextTime: "" }],
    ["the body wins over a heading table", ["Date of meeting: 13/11/2025"], ["Date of meeting", "12 November 2025"], { date: "2025-11-13", next: null, nextTime: "" }],
  ])("%s", (_name, paragraphs, cells, expected) => {
    expect(readMeetingDates(paragraphs, cells)).toEqual(expected);
  });

  it("a Due of Next meeting in the actions table leaves the next meeting's date as the minutes give it (regression: next meeting not found)", () => {
    const blocks = minutesDsb14Document().blocks.map((b) => (b.kind === "table" ? { kind: "table" as const, rows: b.rows.map((row) => (row[1] === "DSB14-03" ? [...row.slice(0, 4), "Next meeting"] : row)) } : b));
    const extract = extractMinutes({ blocks });
    expect(extract.actions.find((a) => a.ref === "DSB14-03")?.due).toBe("Next meeting");
    expect(extract.meeting).toMatchObject({ date: "2025-11-12", next: "2025-12-10" });
    expect(extract.nextTime).toBe("10:00");
  });

  it("a Due of Next meeting is never read as the label when the minutes have none", () => {
    const blocks = minutesDsb14Document().blocks.flatMap((b): MinutesBlock[] => {
      if (b.kind === "paragraph") return b.text.startsWith("Date of next meeting") || b.text.includes("10am") ? [] : [b];
      return [{ kind: "table" as const, rows: b.rows.map((row) => (row[1] === "DSB14-03" ? [...row.slice(0, 4), "Next meeting"] : row)) }];
    });
    expect(extractMinutes({ blocks }).meeting.next).toBeNull();
  });
});
