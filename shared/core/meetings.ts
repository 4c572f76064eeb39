/** Lookups over the meeting calendar: dates by number and the next Scheduled meeting. */
import type { IsoDate, Meeting } from "./types.js";

export interface MeetingCalendar {
  get(number: number): Meeting | undefined;
  /** The earliest Scheduled meeting numbered after `number`: what "Next meeting" means. */
  nextScheduled(number: number): Meeting | undefined;
  /** How many meetings numbered in (from, to] were not Cancelled. */
  countHeldOrScheduled(from: number, to: number): number;
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
  return {
    get: (number) => byNumber.get(number),
    nextScheduled(number) {
      if (!nextCache.has(number)) nextCache.set(number, scheduled.find((m) => m.number > number));
      return nextCache.get(number);
    },
    countHeldOrScheduled: (from, to) => (to > from ? to - from - (cancelledUpTo(to) - cancelledUpTo(from)) : 0),
  };
}

export const meetingDateOf = (calendar: MeetingCalendar, number: number | null): IsoDate | null =>
  number === null ? null : (calendar.get(number)?.date ?? null);
