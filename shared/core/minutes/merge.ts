/**
 * Merging minutes into the log: new actions and decisions added, existing actions moved on to the
 * minutes' status and blank cells filled, nothing deleted, a member's value never replaced: a
 * difference is reported as a conflict instead.
 */
import { formatUkDate, parseUkDate, serialToIso } from "../dates.js";
import { resolveDue } from "../due-dates.js";
import { type MeetingCalendar, createMeetingCalendar, meetingDateOf } from "../meetings.js";
import { parseActionRef } from "../refs.js";
import { normaliseStatus } from "../status.js";
import { matchKey } from "../text.js";
import { type Action, type Cell, type Change, type IsoDate, type LogData, type Meeting, STATUSES, type Status } from "../types.js";
import { mergeCommitteeCode, mergeMeetings, mergeMembers } from "./merge-people.js";
import { clipStart } from "./tables.js";
import type { CrossCheckFinding, MinutesAction, MinutesExtract } from "./types.js";

/** A row to append, with the Audit summary of what it adds. */
export interface RowAddition {
  tab: string;
  ref: string;
  values: Record<string, Cell>;
  summary: string;
  reason: string;
}

export interface MergeInput {
  log: LogData;
  extract: MinutesExtract;
  /** The raw cell as read, so each guarded write expects exactly what is in the sheet. */
  cell: (tab: string, row: number, column: string) => Cell;
  /** Settings key → sheet row. */
  settingRows: ReadonlyMap<string, number>;
  /**
   * minutesKey(ref, column) → the newest meeting whose minutes set that cell (column "*": added
   * the action), from Audit: where newer minutes set it, these are reported as superseded there.
   */
  setByMinutes: ReadonlyMap<string, number>;
  /**
   * The newest meeting whose minutes were ever imported into this log (Audit), 0 for none. Only
   * newer minutes change a member's value: a cell the same minutes left alone because it agreed
   * then has no Audit row of its own, and a member may have changed it since.
   */
  newestImported: number;
}

/** The Audit reason of every change an import makes; the job finds its earlier changes by it. */
export const minutesReason = (number: number | null): string => `from the minutes of meeting ${number}`;

/** The meeting in an Audit reason written by minutesReason, else null. */
export const minutesMeetingOf = (reason: string): number | null => {
  const match = /^from the minutes of meeting (\d+)$/.exec(reason);
  return match ? Number(match[1]) : null;
};

export const minutesKey = (ref: string, column: string): string => `${ref}\u0000${column}`;

export interface MergePlan {
  changes: Change[];
  additions: RowAddition[];
  /** Disagreements with the log, and members to complete; nothing is changed for these. */
  findings: CrossCheckFinding[];
}

/** The calendar as it will be after this import: meeting N Held, N+1 Scheduled, with the minutes' dates where blank. */
function mergedMeetings(input: MergeInput, number: number): Meeting[] {
  const { date, next } = input.extract.meeting;
  const meetings = input.log.meetings.map((m): Meeting => {
    if (m.number === number) return { ...m, status: m.status === "Cancelled" ? m.status : "Held", date: m.date ?? date };
    if (m.number === number + 1) return { ...m, date: m.date ?? next };
    return m;
  });
  if (!meetings.some((m) => m.number === number + 1)) meetings.push({ row: 0, number: number + 1, date: next, time: "", status: "Scheduled", notes: "" });
  return meetings;
}

/**
 * What the log's Due currently means, for comparing with the minutes' Due without reporting
 * equivalents. The Due a member typed wins over the Due Date cell, which is stale until validate runs.
 */
function logDueDate(input: MergeInput, action: Action, calendar: MeetingCalendar): IsoDate | null {
  const meeting = action.meeting ?? parseActionRef(action.ref)?.meeting ?? null;
  const resolved = resolveDue(action.due, {
    meetingDate: meetingDateOf(calendar, meeting),
    nextMeetingDate: meeting === null ? null : (calendar.nextScheduled(meeting)?.date ?? null),
    asapWorkingDays: input.log.settings.asapWorkingDays,
    region: input.log.settings.holidayRegion,
  });
  if (resolved.ok) return resolved.date;
  return action.dueDate === "" ? null : parseUkDate(action.dueDate);
}

const sameDue = (input: MergeInput, action: Action, dueText: string, calendar: MeetingCalendar): boolean => {
  if (matchKey(String(action.due)) === matchKey(dueText)) return true;
  const minutesDate = parseUkDate(dueText);
  return minutesDate !== null && minutesDate === logDueDate(input, action, calendar);
};

/** The Due cell as a member reads it: a date cell shown as 13/10/2023. */
const dueShown = (due: string | number): string => {
  if (typeof due === "string") return due;
  const iso = serialToIso(due);
  return iso === null ? String(due) : formatUkDate(iso);
};

/** STATUSES runs from Open to Closed: the minutes may move an action on along it, never back. */
const movesOn = (from: Status, to: Status): boolean => STATUSES.indexOf(to) > STATUSES.indexOf(from);

interface Existing {
  action: Action;
  listed: MinutesAction | undefined;
  update: { status: Status; note: string } | undefined;
  calendar: MeetingCalendar;
}

function mergeExisting(input: MergeInput, plan: MergePlan, { action, listed, update, calendar }: Existing): void {
  const current = action.status === "" ? "Open" : normaliseStatus(action.status);
  const reason = minutesReason(input.extract.meeting.number);
  const set = (column: string, value: Cell) =>
    plan.changes.push({ tab: "Actions", row: action.row, ref: action.ref, column, old: input.cell("Actions", action.row, column), new: value, reason });
  const number = input.extract.meeting.number ?? 0;
  const lastSetBy = (column: string) => Math.max(input.setByMinutes.get(minutesKey(action.ref, column)) ?? 0, input.setByMinutes.get(minutesKey(action.ref, "*")) ?? 0);
  // newestImported is at least every cell's lastSetBy, so it alone decides.
  const newerThanLastImport = number > input.newestImported;
  // Newer minutes set this cell: these older minutes are out of date there, not in conflict.
  const superseded = (column: string, inLog: string, minutesSay: string): boolean => {
    if (lastSetBy(column) <= number) return false;
    const message = `${inLog} in the log, set by the minutes of meeting ${lastSetBy(column)} (imported after these); these minutes of meeting ${number} ${minutesSay}, which is out of date (left unchanged)`;
    plan.findings.push({ kind: "superseded", ref: action.ref, message });
    return true;
  };
  const keep = (column: string, logValue: string, minutesValue: string) => {
    if (superseded(column, `${action.ref}: ${column} is "${logValue}"`, `say "${minutesValue}"`)) return;
    plan.findings.push({
      kind: "log-conflict",
      ref: action.ref,
      message: `${action.ref}: ${column} is "${logValue}" in the log but the minutes of meeting ${input.extract.meeting.number} say "${minutesValue}"; keep the log's ${column}, or change it to "${minutesValue}" if the minutes are right (left unchanged)`,
    });
  };
  if (current === "Closed") {
    // Minutes that themselves record the closure agree with the log (listed-but-closed reports the table).
    const says = update ? (update.status === "Closed" ? "" : `record it as ${update.status}`) : listed ? "list it as outstanding" : "";
    if (says !== "" && !superseded("Status", `${action.ref} is Closed`, says)) {
      plan.findings.push({ kind: "log-conflict", ref: action.ref, message: `${action.ref} is Closed in the log but the minutes ${says}; reopen it in the log if that is right (left unchanged)` });
    }
    return;
  }
  // "Remains open" confirms an Ongoing action is still outstanding; it does not demote it.
  const confirmed = update?.status === "Open" && current === "Ongoing";
  if (update && update.status !== current && !confirmed) {
    // Moving back, over a status validate cannot read, or again after a member's edit would undo that edit.
    const movedOn = current !== null && movesOn(current, update.status) && newerThanLastImport;
    if (action.status === "" || movedOn) {
      set("Status", update.status);
      if (action.update === "") set("Update", update.note);
      // Closed at the meeting, not on the day someone next runs validate.
      const held = input.extract.meeting.date;
      if (update.status === "Closed" && action.closedOn === "" && held !== null) set("Closed On", held);
    } else keep("Status", action.status, update.status);
  }
  if (listed && listed.dueText !== "" && !sameDue(input, action, listed.dueText, calendar)) {
    // A newer meeting's minutes record a date the committee agreed; the same minutes again would undo a member's edit.
    if (action.due === "" || newerThanLastImport) set("Due", listed.dueText);
    else keep("Due", dueShown(action.due), listed.dueText);
  }
}

function mergeActions(input: MergeInput, plan: MergePlan, number: number): void {
  const byRef = new Map<string, Action>();
  for (const action of input.log.actions) if (action.ref !== "" && !byRef.has(action.ref)) byRef.set(action.ref, action);
  const updates = new Map<string, { status: Status; note: string }>();
  for (const u of input.extract.updates) if (u.status !== null) updates.set(u.ref, { status: u.status, note: u.note });
  const listed = new Map(input.extract.actions.map((a) => [a.ref, a]));
  const reason = minutesReason(number);
  const calendar = createMeetingCalendar(mergedMeetings(input, number));

  for (const a of input.extract.actions) {
    const existing = byRef.get(a.ref);
    if (existing) {
      mergeExisting(input, plan, { action: existing, listed: a, update: updates.get(a.ref), calendar });
      continue;
    }
    const meeting = parseActionRef(a.ref)?.meeting ?? number;
    const note = updates.get(a.ref)?.note ?? "";
    // Closed at the meeting whose minutes record it, not on the day someone next runs validate.
    const closedOn = a.status === "Closed" ? input.extract.meeting.date : null;
    const values = { Ref: a.ref, Meeting: meeting, Area: a.area || null, Action: a.action || null, Owner: a.owner || null, Due: a.dueText || null, Status: a.status, Update: note || null, "Closed On": closedOn };
    plan.additions.push({ tab: "Actions", ref: a.ref, values, summary: `action ${a.ref} (${a.section === "new" ? "new" : `from meeting ${meeting}`}, ${a.status})`, reason });
  }
  for (const [ref, update] of updates) {
    if (listed.has(ref)) continue;
    const existing = byRef.get(ref);
    if (existing) mergeExisting(input, plan, { action: existing, listed: undefined, update, calendar });
    else plan.findings.push({ kind: "update-not-in-log", ref, message: `${ref}: the minutes record it as ${update.status} ("${clipStart(update.note, 60)}") but the log has no such action; add it to the log if it should be tracked` });
  }
}

function mergeDecisions(input: MergeInput, plan: MergePlan, number: number): void {
  const known = new Set(input.log.decisions.map((d) => d.ref));
  for (const d of input.extract.decisions) {
    if (known.has(d.ref)) continue;
    known.add(d.ref);
    const values = { Ref: d.ref, Meeting: number, Area: d.area || null, Decision: d.decision || null };
    plan.additions.push({ tab: "Decisions", ref: d.ref, values, summary: `decision ${d.ref}`, reason: minutesReason(number) });
  }
}

/** The whole merge as data; `extract.meeting.number` must be known. Pure: the job writes the plan. */
export function mergeMinutes(input: MergeInput, number: number): MergePlan {
  const plan: MergePlan = { changes: [], additions: [], findings: [] };
  mergeCommitteeCode(input, plan);
  mergeMeetings(input, plan, number);
  mergeMembers(input, plan);
  mergeActions(input, plan, number);
  mergeDecisions(input, plan, number);
  return plan;
}

