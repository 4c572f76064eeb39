/** Roll-forward: the open actions after Held meeting N, as the register for the next meeting that is not Cancelled. */
import { formatUkDate } from "./dates.js";
import { type MeetingCalendar, cancelledMeetingText, createMeetingCalendar, missingNextText } from "./meetings.js";
import { parseActionRef } from "./refs.js";
import { foldSpaces } from "./text.js";
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
  | {
      ok: true;
      meeting: number;
      next: number;
      nextDate: IsoDate | null;
      /** Cancelled meetings numbered between `meeting` and `next`, passed over. */
      cancelled: number[];
      register: RegisterEntry[];
      warnings: string[];
      /** The warnings about outstanding actions left off the register for their problems (also in `warnings`). */
      leftOff: string[];
      changes: Change[];
    }
  | { ok: false; message: string };

/**
 * Builds the register of the first meeting after Held meeting `meeting` that is not Cancelled
 * (usually `meeting + 1`) from validated actions. Carried is computed from meeting numbers,
 * never incremented, so running it twice gives the same register.
 */
export function rollForward(log: LogData, actions: readonly CheckedAction[], meeting: number, today: IsoDate): RollForwardResult {
  return rollFrom(log, createMeetingCalendar(log.meetings), actions, meeting, today);
}

/**
 * Builds meeting `target`'s register: rolled forward from the last meeting before it that is not
 * Cancelled, which must be Held. A Cancelled `target` has no register, and the message says whose it is.
 */
export function rollForwardTo(log: LogData, actions: readonly CheckedAction[], target: number, today: IsoDate): RollForwardResult {
  const calendar = createMeetingCalendar(log.meetings);
  const meeting = calendar.get(target);
  if (!meeting) return { ok: false, message: missingNextText({ missing: target, cancelled: [] }) };
  if (meeting.status === "Cancelled") return { ok: false, message: cancelledMeetingText(calendar, target) };
  const before = calendar.before(target);
  if ("missing" in before) return { ok: false, message: notInMeetings(before.missing) };
  return rollFrom(log, calendar, actions, before.found.number, today);
}

const notInMeetings = (meeting: number): string => `Meeting ${meeting} is not in the Meetings tab; add it (Meeting ${meeting}, its Date, Status Held)`;

function rollFrom(log: LogData, calendar: MeetingCalendar, actions: readonly CheckedAction[], meeting: number, today: IsoDate): RollForwardResult {
  const held = calendar.get(meeting);
  if (!held) return { ok: false, message: notInMeetings(meeting) };
  if (held.status === "Cancelled") return { ok: false, message: `${cancelledMeetingText(calendar, meeting)}; ${rollInstead(calendar, meeting)}` };
  if (held.status !== "Held") return { ok: false, message: `Meeting ${meeting} is ${held.status} in Meetings; set its Status to Held once it has taken place, then roll forward` };
  const step = calendar.after(meeting);
  if ("missing" in step) return { ok: false, message: missingNextText(step) };
  const upcoming = step.found;
  const next = upcoming.number;

  const warnings: string[] = [];
  const leftOff: string[] = [];
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
      // One line each, whatever the Ref cell holds: the warnings are printed and shown in the sheet's dialog.
      const ref = foldSpaces(action.ref);
      const warning = `Actions row ${action.row}${ref ? ` (${ref})` : ""} is not on the register: ${action.problems[0] ?? "it has problems"}`;
      warnings.push(warning);
      leftOff.push(warning);
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
  return { ok: true, meeting, next, nextDate: upcoming.date, cancelled: step.cancelled, register: inRegisterOrder(register), warnings, leftOff, changes };
}

/** The fix when asked to roll forward from a Cancelled meeting: the Held meeting before it. */
function rollInstead(calendar: MeetingCalendar, cancelled: number): string {
  const before = calendar.before(cancelled);
  return "found" in before && before.found.status === "Held"
    ? `roll forward meeting ${before.found.number} to build it`
    : "mark the last meeting before it that took place Held, and roll that meeting forward";
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
