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
  // goneAhead[n] = meetings numbered 1..n not Cancelled; meetings missing from the tab count,
  // since carried is computed from meeting numbers. Built once: 100k actions ask per row.
  const highest = Math.max(0, ...byNumber.keys());
  const goneAhead = new Int32Array(highest + 2);
  for (let n = 1; n <= highest + 1; n++) goneAhead[n] = (goneAhead[n - 1] ?? 0) + (byNumber.get(n)?.status === "Cancelled" ? 0 : 1);
  const upTo = (n: number): number => (n <= 0 ? 0 : n <= highest + 1 ? (goneAhead[n] ?? 0) : (goneAhead[highest + 1] ?? 0) + (n - highest - 1));
  return {
    get: (number) => byNumber.get(number),
    nextScheduled(number) {
      if (!nextCache.has(number)) nextCache.set(number, scheduled.find((m) => m.number > number));
      return nextCache.get(number);
    },
    countHeldOrScheduled: (from, to) => (to > from ? upTo(to) - upTo(from) : 0),
  };
}

export const meetingDateOf = (calendar: MeetingCalendar, number: number | null): IsoDate | null =>
  number === null ? null : (calendar.get(number)?.date ?? null);
