/** Merging the minutes' meeting, attendees and committee code into Meetings, Members and Settings. */
import { formatUkDate } from "../dates.js";
import { ActionlogError } from "../errors.js";
import { cellText, matchKey } from "../text.js";
import type { Meeting } from "../types.js";
import type { MergeInput, MergePlan } from "./merge.js";

const MEETINGS = "Meetings";

/** The committee code: filled in when Settings has none; minutes of another committee are refused. */
export function mergeCommitteeCode(input: MergeInput, plan: MergePlan): void {
  const logCode = input.log.settings.committeeCode;
  const code = input.extract.meeting.committee;
  if (code === "" || logCode === code) return;
  if (logCode !== "") {
    throw new ActionlogError("USAGE", `These minutes are for committee ${code} (refs such as ${code}${input.extract.meeting.number ?? ""}-01) but the log's committee_code is ${logCode}; import them into ${code}'s log`);
  }
  const row = input.settingRows.get("committee_code");
  const reason = `committee code from the refs in the minutes of meeting ${input.extract.meeting.number}`;
  if (row === undefined) plan.additions.push({ tab: "Settings", ref: "committee_code", values: { Key: "committee_code", Value: code }, summary: `committee_code ${code}`, reason });
  else plan.changes.push({ tab: "Settings", row, ref: "committee_code", column: "Value", old: input.cell("Settings", row, "Value"), new: code, reason });
}

interface MeetingFacts {
  number: number;
  status: "Held" | "Scheduled";
  date: string | null;
  time: string;
}

/** One meeting row: fill what is blank, set the status, report a date that disagrees. */
function mergeMeeting(input: MergeInput, plan: MergePlan, facts: MeetingFacts): void {
  const existing: Meeting | undefined = input.log.meetings.find((m) => m.number === facts.number);
  const reason = `from the minutes of meeting ${input.extract.meeting.number}`;
  const ref = `${input.extract.meeting.committee}${facts.number}`;
  if (!existing) {
    if (facts.date === null && facts.status === "Scheduled") return;
    const values = { Meeting: facts.number, Date: facts.date === null ? null : formatUkDate(facts.date), Time: facts.time || null, Status: facts.status };
    plan.additions.push({ tab: MEETINGS, ref, values, summary: `meeting ${facts.number} (${facts.status}${facts.date ? `, ${formatUkDate(facts.date)}` : ""})`, reason });
    return;
  }
  const set = (column: string, value: string) =>
    plan.changes.push({ tab: MEETINGS, row: existing.row, ref, column, old: input.cell(MEETINGS, existing.row, column), new: value, reason });
  if (facts.status === "Held" && existing.status !== "Held") {
    if (existing.status === "Cancelled") plan.findings.push({ kind: "log-conflict", ref, message: `Meeting ${facts.number} is Cancelled in Meetings but these are its minutes; set its Status to Held if it took place (left unchanged)` });
    else set("Status", "Held");
  }
  if (facts.date !== null) {
    const written = cellText(input.cell(MEETINGS, existing.row, "Date"));
    if (written === "") set("Date", formatUkDate(facts.date));
    else if (existing.date !== facts.date) {
      plan.findings.push({ kind: "log-conflict", ref, message: `Meeting ${facts.number} is dated ${written} in Meetings but the minutes say ${formatUkDate(facts.date)}; correct whichever is wrong (left unchanged)` });
    }
  }
  if (facts.time !== "" && cellText(input.cell(MEETINGS, existing.row, "Time")) === "") set("Time", facts.time);
}

/** This meeting is Held, the next one Scheduled; rows are added when Meetings lacks them. */
export function mergeMeetings(input: MergeInput, plan: MergePlan, number: number): void {
  const { meeting, nextTime } = input.extract;
  mergeMeeting(input, plan, { number, status: "Held", date: meeting.date, time: "" });
  mergeMeeting(input, plan, { number: number + 1, status: "Scheduled", date: meeting.next, time: nextTime });
}

/** Attendees not yet in Members are added; anyone without an Email is flagged. Nobody is changed. */
export function mergeMembers(input: MergeInput, plan: MergePlan): void {
  const known = new Map<string, { name: string; email: string }>();
  for (const m of input.log.members) {
    for (const key of [m.name, ...m.aliases]) if (!known.has(matchKey(key))) known.set(matchKey(key), m);
  }
  const reason = `attended meeting ${input.extract.meeting.number} (from its minutes)`;
  const added: string[] = [];
  const withoutEmail: string[] = [];
  for (const attendee of input.extract.attendees) {
    const key = matchKey(attendee.name);
    const member = known.get(key);
    if (member) {
      if (member.email.trim() === "" && !withoutEmail.includes(member.name)) withoutEmail.push(member.name);
      continue;
    }
    known.set(key, { name: attendee.name, email: "" });
    added.push(attendee.name);
    const values = { Name: attendee.name, Initials: attendee.initials || null, Role: attendee.role || null, Active: "Yes" };
    plan.additions.push({ tab: "Members", ref: "", values, summary: `member ${attendee.name}${attendee.initials ? ` (${attendee.initials})` : ""}`, reason });
  }
  if (added.length > 0) plan.findings.push({ kind: "no-email", ref: "", message: `Added to Members without an Email: ${added.join(", ")}; add their Email so they can be chased` });
  if (withoutEmail.length > 0) plan.findings.push({ kind: "no-email", ref: "", message: `In Members without an Email: ${withoutEmail.join(", ")}; add their Email so they can be chased` });
}
