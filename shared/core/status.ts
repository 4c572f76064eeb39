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
const CLOSING_ADVICE = "if it is finished, write Closed (or Proposed Closed for the committee to confirm) and put the note in Update; if not, write Ongoing";

/**
 * Words members use for an action's end or pause: not statuses, because the register and the
 * digest must know whether to chase it, but each has an obvious way to say it.
 */
const ADVICE = new Map<string, string>([
  ...["cancelled", "canceled", "withdrawn", "superseded"].map((word) => [word, "write Closed and say why in Update"] as const),
  ...["on hold", "onhold", "paused"].map((word) => [word, "write Ongoing and say why in Update"] as const),
]);

/**
 * Hyphens are spaces (`in-progress`, `On-going`) and a trailing full stop is dropped (`Complete.`).
 * A question or exclamation mark is not: `Closed?` doubts the closure, so it is not read as one.
 * Typographic dashes are already plain ones after matchKey.
 */
const wordsOf = (key: string): string => foldSpaces(key.replace(/-/g, " ").replace(/[\s.]+$/, ""));

/** Where a comment after a leading status starts: ` - `, `:`, `;`, `,` or `(`; -1 when there is none. */
const commentAt = (key: string): number => key.search(/ - |[:;,(]/);

/** The leading words before a comment (`closed - see minutes` → `closed`), or null when there is no comment. */
const leadOf = (key: string): string | null => {
  const at = commentAt(key);
  return at > 0 ? wordsOf(key.slice(0, at)) : null;
};

/** Statuses a comment may follow: reading them keeps the action chased whatever the comment says. */
const STILL_CHASED = new Set<Status>(["Open", "Ongoing"]);

/**
 * The canonical status for what a member typed, or null when it is not a status. Open or Ongoing
 * followed by a comment (`Open: awaiting CR`, `Ongoing (see update)`) reads as that status. A
 * closure with a comment does not (`Closed - reopened 5/11`, `Complete - not yet`, `Closed (tbc)`):
 * the comment may take the closure back, and reading it wrongly would drop a live action from the
 * papers and the digests, so it stays a problem (and is chased as Open) until the member says plainly.
 */
export const normaliseStatus = (text: string): Status | null => {
  const key = matchKey(text);
  // Nearly every cell is already a plain spelling: one lookup, no rewriting.
  const whole = SPELLINGS.get(key) ?? SPELLINGS.get(wordsOf(key));
  if (whole !== undefined) return whole;
  const lead = leadOf(key);
  const status = lead === null ? undefined : SPELLINGS.get(lead);
  return status !== undefined && STILL_CHASED.has(status) ? status : null;
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
  const advice = ADVICE.get(wordsOf(key)) ?? ADVICE.get(leadOf(key) ?? "");
  if (advice !== undefined) return advice;
  // A closure with a doubt or a note (`Closed?`, `Done - not yet`): say both ways to write it plainly.
  const lead = SPELLINGS.get(leadOf(key) ?? wordsOf(key).replace(/[\s!?]+$/, ""));
  return lead === "Closed" || lead === "Proposed Closed" ? CLOSING_ADVICE : ANY_STATUS;
};

/** The Checks message for a Status that is not a status, on one line whatever the cell holds. */
export const statusProblem = (text: string): string => `Status "${foldSpaces(text)}" is not a status; ${statusAdvice(text)}`;

/** Statuses that keep an action on the register. */
export const isOutstanding = (status: Status): boolean => status !== "Closed";
