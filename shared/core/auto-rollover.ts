/** The daily rollover's choice: which Held meetings still lack the register for the meeting after them, and what to tell the PMO. */
import { headerKey, registerTabName, tabNamed } from "../../sheets-schema/tabs.js";
import { cancelledMeetingText, createMeetingCalendar, type MeetingCalendar, missingNextText } from "./meetings.js";
import type { LogData } from "./types.js";

export interface RolloverSelection {
  /** Held meetings to roll forward, oldest first. */
  meetings: number[];
  /** What the PMO should know or do, in words they can act on. */
  notes: string[];
  /**
   * True when a note needs the PMO: meeting papers that are due cannot be built, or a register
   * tab is left for a Cancelled meeting. The daily run then logs a WARNING rather than INFO.
   */
  attention: boolean;
}

/**
 * A Held meeting N is due when the next meeting after it that is not Cancelled (usually N+1) is
 * still Scheduled and its register tab does not exist. A register is only of use before its
 * meeting, so a log imported with years of Held meetings grows no tabs for meetings long past;
 * only the newest Held meeting is explained when the meeting after it is missing from Meetings.
 */
export function meetingsToRollForward(log: LogData, tabNames: readonly string[]): RolloverSelection {
  const calendar = createMeetingCalendar(log.meetings);
  const tabs = new Set(tabNames.map(headerKey));
  const held = [...new Set(log.meetings.filter((m) => m.status === "Held").map((m) => m.number))].sort((a, b) => a - b);
  const meetings = held.filter((n) => {
    const next = calendar.after(n);
    return "found" in next && next.found.status === "Scheduled" && !tabs.has(headerKey(registerTabName(log.settings.committeeCode, next.found.number)));
  });
  const notes: string[] = [];
  let attention = false;
  const latest = held.at(-1);
  const next = latest === undefined ? undefined : calendar.after(latest);
  if (latest !== undefined && next !== undefined && "missing" in next) {
    notes.push(`Meeting ${latest} is Held but ${lowerFirst(missingNextText(next))}`);
    // Meetings listed beyond the missing number are due papers that cannot be built; a calendar
    // that simply ends is the PMO's next meeting not yet being planned.
    attention = log.meetings.some((m) => m.number > next.missing);
  }
  const stale = cancelledRegisterNotes(log, tabNames, calendar);
  return { meetings, notes: [...notes, ...stale], attention: attention || stale.length > 0 };
}

/**
 * A register tab for a Cancelled meeting (built before it was cancelled) is out of date and
 * nothing updates it again. It is reported, never deleted: a tab may hold someone's notes.
 */
export function cancelledRegisterNotes(log: LogData, tabNames: readonly string[], calendar: MeetingCalendar = createMeetingCalendar(log.meetings)): string[] {
  const named = tabNames.map((name) => ({ name }));
  // The calendar's row wins for a number listed twice, as everywhere else.
  const cancelled = [...new Set(log.meetings.map((m) => m.number))].filter((n) => calendar.get(n)?.status === "Cancelled").sort((a, b) => a - b);
  return cancelled.flatMap((n) => {
    const tab = tabNamed(named, registerTabName(log.settings.committeeCode, n));
    if (tab === undefined) return [];
    return [`The tab ${tab.name} is out of date, and nothing updates it. ${cancelledMeetingText(calendar, n)}. Delete ${tab.name} once nobody needs it (actionlog never deletes a tab)`];
  });
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
