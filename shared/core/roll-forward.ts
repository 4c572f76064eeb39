/** Roll-forward: the open actions after meeting N, as the register for meeting N+1. */
import { formatUkDate } from "./dates.js";
import { createMeetingCalendar } from "./meetings.js";
import { parseActionRef } from "./refs.js";
import type { Change, IsoDate, LogData } from "./types.js";
import type { CheckedAction } from "./validate-actions.js";

export interface RegisterEntry {
  section: "new" | "previous";
  area: string;
  ref: string;
  action: string;
  owner: string;
  /** As the minutes print it: ASAP, or the due date as 13/10/2023. */
  due: string;
  dueDate: IsoDate | "";
  carried: number;
}

export type RollForwardResult =
  | { ok: true; meeting: number; next: number; nextDate: IsoDate | null; register: RegisterEntry[]; warnings: string[]; changes: Change[] }
  | { ok: false; message: string };

/**
 * Builds meeting `meeting + 1`'s register from validated actions. Carried is computed from
 * meeting numbers, never incremented, so running it twice gives the same register.
 */
export function rollForward(log: LogData, actions: readonly CheckedAction[], meeting: number, today: IsoDate): RollForwardResult {
  const calendar = createMeetingCalendar(log.meetings);
  const next = meeting + 1;
  const held = calendar.get(meeting);
  const upcoming = calendar.get(next);
  if (!held) return { ok: false, message: `Meeting ${meeting} is not in the Meetings tab; add it (Meeting ${meeting}, its Date, Status Held)` };
  if (held.status !== "Held") return { ok: false, message: `Meeting ${meeting} is ${held.status} in Meetings; set its Status to Held once it has taken place, then roll forward` };
  if (!upcoming) return { ok: false, message: `Meeting ${next} is not in the Meetings tab; add a row for it (Meeting ${next}, Date, Status Scheduled) so its register can be built` };
  if (upcoming.status === "Cancelled") return { ok: false, message: `Meeting ${next} is Cancelled in Meetings; renumber the calendar or set its Status to Scheduled` };

  const warnings: string[] = [];
  const changes: Change[] = [];
  const register: RegisterEntry[] = [];
  for (const action of actions) {
    if (action.raisedAt === null || action.raisedAt > meeting || action.canonicalStatus === "Closed") continue;
    if (!action.placeable) {
      warnings.push(`Actions row ${action.row}${action.ref ? ` (${action.ref})` : ""} is not on the register: ${action.problems[0] ?? "it has problems"}`);
      continue;
    }
    const section = action.raisedAt === meeting ? "new" : "previous";
    // Listed as new at the first meeting after it was raised that went ahead, previous at each after.
    const carried = section === "new" ? 0 : Math.max(0, calendar.countHeldOrScheduled(action.raisedAt, next) - 1);
    register.push({
      section,
      area: action.area,
      ref: action.ref,
      action: action.action,
      owner: action.owner,
      due: isAsap(action.due) ? "ASAP" : action.dueDate ? formatUkDate(action.dueDate) : String(action.due),
      dueDate: action.dueDate,
      carried,
    });
    if (action.dueDate !== "" && action.dueDate < today) warnings.push(`${action.ref} was due ${formatUkDate(action.dueDate)} and is overdue`);
    if (carried >= log.settings.escalateAfterMeetings) warnings.push(`${action.ref} has been carried to ${carried} meetings; escalate it (escalate_after_meetings is ${log.settings.escalateAfterMeetings})`);
    if (action.carried !== String(carried)) {
      changes.push({ tab: "Actions", row: action.row, ref: action.ref, column: "Carried", old: action.carried === "" ? null : action.carried, new: carried, reason: `on the register for meeting ${next}` });
    }
  }
  register.sort(registerOrder);
  return { ok: true, meeting, next, nextDate: upcoming.date, register, warnings, changes };
}

const isAsap = (due: string | number): boolean => typeof due === "string" && due.trim().toUpperCase() === "ASAP";

/** New first, by number; then previous meetings, newest meeting first, then by number. */
function registerOrder(a: RegisterEntry, b: RegisterEntry): number {
  if (a.section !== b.section) return a.section === "new" ? -1 : 1;
  const x = parseActionRef(a.ref);
  const y = parseActionRef(b.ref);
  if (!x || !y) return a.ref.localeCompare(b.ref);
  return y.meeting - x.meeting || x.number - y.number;
}
