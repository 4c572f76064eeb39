/** Lookups over the meeting calendar: dates by number, the next Scheduled meeting, and the steps that skip Cancelled ones. */
import { listInWords } from "./text.js";
import type { IsoDate, Meeting } from "./types.js";

/**
 * The nearest meeting in one direction that is not Cancelled, with the Cancelled numbers passed
 * over on the way; or the first number on the way that is not in Meetings at all.
 */
export type MeetingStep = { found: Meeting; cancelled: number[] } | { missing: number; cancelled: number[] };

export interface MeetingCalendar {
  get(number: number): Meeting | undefined;
  /** The earliest Scheduled meeting numbered after `number`: what "Next meeting" means. */
  nextScheduled(number: number): Meeting | undefined;
  /** How many meetings numbered in (from, to] were not Cancelled. */
  countHeldOrScheduled(from: number, to: number): number;
  /** The meeting after `number` that is not Cancelled: the one whose register takes `number`'s actions. */
  after(number: number): MeetingStep;
  /** The meeting before `number` that is not Cancelled: the one rolled forward to `number`'s register. */
  before(number: number): MeetingStep;
}

export function createMeetingCalendar(meetings: readonly Meeting[]): MeetingCalendar {
  const byNumber = new Map<number, Meeting>();
  for (const meeting of meetings) if (!byNumber.has(meeting.number)) byNumber.set(meeting.number, meeting);
  const scheduled = [...byNumber.values()]
    .filter((m) => m.status === "Scheduled")
    .sort((a, b) => a.number - b.number);
  const nextCache = new Map<number, Meeting | undefined>();
  // Carried is computed from meeting numbers: every number counts unless that meeting was
  // Cancelled, so only the cancelled numbers need remembering (sorted, for binary search).
  const cancelled = [...byNumber.values()].filter((m) => m.status === "Cancelled").map((m) => m.number).sort((a, b) => a - b);
  const cancelledUpTo = (n: number): number => {
    let low = 0;
    let high = cancelled.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cancelled[mid] ?? 0) <= n) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  // A walk ends at the first number missing from Meetings, so it visits at most every row once.
  const step = (number: number, by: 1 | -1): MeetingStep => {
    const passed: number[] = [];
    for (let n = number + by; ; n += by) {
      const meeting = byNumber.get(n);
      if (meeting === undefined) return { missing: n, cancelled: passed };
      if (meeting.status !== "Cancelled") return { found: meeting, cancelled: passed };
      passed.push(n);
    }
  };
  return {
    get: (number) => byNumber.get(number),
    nextScheduled(number) {
      if (!nextCache.has(number)) nextCache.set(number, scheduled.find((m) => m.number > number));
      return nextCache.get(number);
    },
    countHeldOrScheduled: (from, to) => (to > from ? to - from - (cancelledUpTo(to) - cancelledUpTo(from)) : 0),
    after: (number) => step(number, 1),
    before: (number) => step(number, -1),
  };
}

export const meetingDateOf = (calendar: MeetingCalendar, number: number | null): IsoDate | null =>
  number === null ? null : (calendar.get(number)?.date ?? null);

/**
 * What a Cancelled meeting means for registers, worded once for every command, the menu and the
 * daily run: it has no register of its own, and the actions of the last Held meeting before it go
 * on the register of the next meeting after it that is not Cancelled.
 */
export function cancelledMeetingText(calendar: MeetingCalendar, number: number): string {
  const before = calendar.before(number);
  const after = calendar.after(number);
  const from = "found" in before && before.found.status === "Held" ? `meeting ${before.found.number}'s actions` : "the actions of the last Held meeting before it";
  const to = "found" in after ? `the register for meeting ${after.found.number}` : `the register for meeting ${after.missing} once it is in Meetings (add it with its Date and Status Scheduled)`;
  return `Meeting ${number} is Cancelled in Meetings, so it has no register and ${from} go on ${to}`;
}

/** The fix for a meeting missing from Meetings that the register for the meeting after `number` needs. */
export function missingNextText(step: { missing: number; cancelled: number[] }): string {
  const skipped = step.cancelled.length === 0 ? "" : ` (${listOf(step.cancelled)} ${step.cancelled.length === 1 ? "is" : "are"} Cancelled)`;
  return `Meeting ${step.missing} is not in the Meetings tab; add a row for it (Meeting ${step.missing}, Date, Status Scheduled) so its register can be built${skipped}`;
}

const listOf = (numbers: readonly number[]): string => `${numbers.length === 1 ? "meeting" : "meetings"} ${listInWords(numbers.map(String))}`;
