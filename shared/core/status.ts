/** Action status words: any case, spacing, hyphens and trailing comment in, one canonical spelling out. */
import { foldSpaces, matchKey } from "./text.js";
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
  ["on going", "Ongoing"],
  ["wip", "Ongoing"],
  ["work in progress", "Ongoing"],
]);

const ANY_STATUS = "write Open, Ongoing, Proposed Closed or Closed";

/**
 * Words members use for an action's end or pause: not statuses, because the register and the
 * digest must know whether to chase it, but each has an obvious way to say it.
 */
const ADVICE = new Map<string, string>([
  ...["cancelled", "canceled", "withdrawn", "superseded"].map((word) => [word, "write Closed and say why in Update"] as const),
  ...["on hold", "onhold", "paused"].map((word) => [word, "write Ongoing and say why in Update"] as const),
]);

/**
 * Hyphens are spaces (`in-progress`, `On-going`) and trailing punctuation is dropped (`Complete.`).
 * Typographic dashes are already plain ones after matchKey.
 */
const wordsOf = (key: string): string => foldSpaces(key.replace(/-/g, " ").replace(/[\s.!?]+$/, ""));

/** Where a comment after a leading status starts: ` - `, `:`, `;`, `,` or `(`; -1 when there is none. */
const commentAt = (key: string): number => key.search(/ - |[:;,(]/);

/** The leading words before a comment (`closed - see minutes` → `closed`), or null when there is no comment. */
const leadOf = (key: string): string | null => {
  const at = commentAt(key);
  return at > 0 ? wordsOf(key.slice(0, at)) : null;
};

/**
 * The canonical status for what a member typed, or null when it is not a status. A recognised
 * status followed by a comment (`Closed - see minutes`, `Open: awaiting CR`, `Ongoing (see update)`)
 * reads as that status.
 */
export const normaliseStatus = (text: string): Status | null => {
  const key = matchKey(text);
  // Nearly every cell is already a plain spelling: one lookup, no rewriting.
  const whole = SPELLINGS.get(key) ?? SPELLINGS.get(wordsOf(key));
  if (whole !== undefined) return whole;
  const lead = leadOf(key);
  return lead === null ? null : (SPELLINGS.get(lead) ?? null);
};

/**
 * True when the Status reads as a status only thanks to a comment after it: the cell is then kept
 * as written, since rewriting it to the bare status would drop the member's words.
 */
export const hasStatusComment = (text: string): boolean => {
  const key = matchKey(text);
  return !SPELLINGS.has(wordsOf(key)) && normaliseStatus(text) !== null;
};

/** What to write instead of a Status that is not a status: `write Closed and say why in Update` for `Cancelled`. */
export const statusAdvice = (text: string): string => {
  const key = matchKey(text);
  return ADVICE.get(wordsOf(key)) ?? ADVICE.get(leadOf(key) ?? "") ?? ANY_STATUS;
};

/** The Checks message for a Status that is not a status, on one line whatever the cell holds. */
export const statusProblem = (text: string): string => `Status "${foldSpaces(text)}" is not a status; ${statusAdvice(text)}`;

/** Statuses that keep an action on the register. */
export const isOutstanding = (status: Status): boolean => status !== "Closed";
