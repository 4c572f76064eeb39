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
  // A long log warns about most of its actions: the words every warning and change shares are
  // made once, and each warning is joined into one flat string (V8 keeps a concatenation as a
  // tree of its pieces, nearly twice the memory).
  const escalate = ` meetings; escalate it (escalate_after_meetings is ${log.settings.escalateAfterMeetings})`;
  const reason = `on the register for meeting ${next}`;
  // Due dates repeat across actions; each is formatted once and the text shared.
  const ukDates = new Map<IsoDate, string>();
  const ukDate = (date: IsoDate): string => {
    const known = ukDates.get(date);
    if (known !== undefined) return known;
    const text = formatUkDate(date);
    ukDates.set(date, text);
    return text;
  };
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
      due: isAsap(action.due) ? "ASAP" : action.dueDate ? ukDate(action.dueDate) : String(action.due),
      dueDate: action.dueDate,
      carried,
    });
    if (action.dueDate !== "" && action.dueDate < today) warnings.push([action.ref, " was due ", ukDate(action.dueDate), " and is overdue"].join(""));
    if (carried >= log.settings.escalateAfterMeetings) warnings.push([action.ref, " has been carried to ", carried, escalate].join(""));
    if (action.carried !== String(carried)) {
      changes.push({ tab: "Actions", row: action.row, ref: action.ref, column: "Carried", old: action.carried === "" ? null : action.carried, new: carried, reason });
    }
  }
  return { ok: true, meeting, next, nextDate: upcoming.date, register: inRegisterOrder(register), warnings, changes };
}

const isAsap = (due: string | number): boolean => typeof due === "string" && due.trim().toUpperCase() === "ASAP";

/**
 * New first, by number; then previous meetings, newest meeting first, then by number; a ref
 * that does not parse sorts by its text. Each ref is parsed once into flat number arrays, not
 * twice per comparison: 100k entries make about 3 million comparisons.
 */
function inRegisterOrder(register: readonly RegisterEntry[]): RegisterEntry[] {
  const meetings = new Float64Array(register.length);
  const numbers = new Float64Array(register.length);
  const parsed = new Uint8Array(register.length);
  register.forEach((entry, i) => {
    const ref = parseActionRef(entry.ref);
    if (ref === null) return;
    meetings[i] = ref.meeting;
    numbers[i] = ref.number;
    parsed[i] = 1;
  });
  const order = (i: number, j: number): number => {
    const a = register[i] as RegisterEntry;
    const b = register[j] as RegisterEntry;
    if (a.section !== b.section) return a.section === "new" ? -1 : 1;
    if (!parsed[i] || !parsed[j]) return a.ref.localeCompare(b.ref);
    return (meetings[j] as number) - (meetings[i] as number) || (numbers[i] as number) - (numbers[j] as number);
  };
  return register.map((_, i) => i).sort(order).map((i) => register[i] as RegisterEntry);
}
