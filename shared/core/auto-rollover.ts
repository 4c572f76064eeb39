/** The daily rollover's choice: which Held meetings still lack the register for the meeting after them. */
import { headerKey, registerTabName } from "../../sheets-schema/tabs.js";
import { createMeetingCalendar } from "./meetings.js";
import type { LogData } from "./types.js";

export interface RolloverSelection {
  /** Held meetings to roll forward, oldest first. */
  meetings: number[];
  /** Why the latest Held meeting cannot be rolled yet, in words the PMO can act on. */
  notes: string[];
}

/**
 * A Held meeting N is due when `Register CODE(N+1)` does not exist and meeting N+1 is still
 * Scheduled. A register is only of use before its meeting, so a log imported with years of
 * Held meetings grows no tabs for meetings long past; only the newest Held meeting is
 * explained when its successor is missing or Cancelled.
 */
export function meetingsToRollForward(log: LogData, tabNames: readonly string[]): RolloverSelection {
  const calendar = createMeetingCalendar(log.meetings);
  const tabs = new Set(tabNames.map(headerKey));
  const held = [...new Set(log.meetings.filter((m) => m.status === "Held").map((m) => m.number))].sort((a, b) => a - b);
  const meetings = held.filter((n) => calendar.get(n + 1)?.status === "Scheduled" && !tabs.has(headerKey(registerTabName(log.settings.committeeCode, n + 1))));
  const notes: string[] = [];
  const latest = held.at(-1);
  if (latest !== undefined) {
    const next = calendar.get(latest + 1);
    if (!next) notes.push(`Meeting ${latest} is Held but meeting ${latest + 1} is not in the Meetings tab; add it (Meeting ${latest + 1}, Date, Status Scheduled) so its register can be built`);
    else if (next.status === "Cancelled") notes.push(`Meeting ${latest + 1} is Cancelled; renumber the calendar or set its Status to Scheduled so meeting ${latest}'s actions can be rolled forward`);
  }
  return { meetings, notes };
}
