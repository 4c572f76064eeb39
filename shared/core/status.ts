/** Action status words: any case and spacing in, one canonical spelling out. */
import { matchKey } from "./text.js";
import { STATUSES, type Status } from "./types.js";

const SPELLINGS = new Map<string, Status>([
  ...STATUSES.map((status) => [status.toLowerCase(), status] as const),
  ["proposed close", "Proposed Closed"],
  ["proposed to close", "Proposed Closed"],
  ["complete", "Closed"],
  ["completed", "Closed"],
  ["done", "Closed"],
  ["finished", "Closed"],
  ["in progress", "Ongoing"],
]);

/** The canonical status for what a member typed, or null when it is not a status. */
export const normaliseStatus = (text: string): Status | null => SPELLINGS.get(matchKey(text)) ?? null;

/** Statuses that keep an action on the register. */
export const isOutstanding = (status: Status): boolean => status !== "Closed";
