/** Action refs (DAG29-01) and decision refs (DAG-DEC76): parsing, checking and assigning. */
import { describeCharacter, foldSpaces, invisibleNote, withoutInvisible } from "./text.js";

export interface ActionRef {
  code: string;
  meeting: number;
  number: number;
}

const DECISION_REF = /^([A-Z]+)-DEC(\d+)$/;

const isCapital = (code: number): boolean => code >= 65 && code <= 90;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** True when ref[from..to) is one or more of the digits 0-9. */
const allDigits = (ref: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (!isDigit(ref.charCodeAt(i))) return false;
  return to > from;
};

/**
 * `DAG29-01`: capitals A-Z, digits, a dash, digits. Scanned by hand rather than matched with a
 * regular expression: validation parses every ref several times, and at 100k actions the match
 * arrays were a good part of its garbage.
 */
export function parseActionRef(ref: string): ActionRef | null {
  let letters = 0;
  while (letters < ref.length && isCapital(ref.charCodeAt(letters))) letters++;
  const dash = ref.indexOf("-", letters);
  if (letters === 0 || !allDigits(ref, letters, dash) || !allDigits(ref, dash + 1, ref.length)) return null;
  return { code: ref.slice(0, letters), meeting: Number(ref.slice(letters, dash)), number: Number(ref.slice(dash + 1)) };
}

export function parseDecisionRef(ref: string): { code: string; number: number } | null {
  const match = DECISION_REF.exec(ref);
  return match ? { code: match[1] as string, number: Number(match[2]) } : null;
}

/** `DAG29-01`: two digits at least, as in the minutes. */
export const formatActionRef = (code: string, meeting: number, number: number): string =>
  `${code}${meeting}-${String(number).padStart(2, "0")}`;

const ZERO = 48;
/** Digits without leading zeros, keeping one digit. */
const unpadded = (digits: string): string => {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === ZERO) start++;
  return start === 0 ? digits : digits.slice(start);
};

/** The dashes Word, Teams and phones type for "-", and the underscore beside it on a keyboard. */
const DASH_NAMES: Record<string, string> = {
  "\u2010": "hyphen", "\u2011": "non-breaking hyphen", "\u2012": "figure dash", "\u2013": "en dash", "\u2014": "em dash",
  "\u2015": "horizontal bar", "\u2212": "minus sign", "\ufe58": "small em dash", "\ufe63": "small hyphen-minus",
  "\uff0d": "full-width hyphen-minus", _: "underscore",
};
const DASHES = `\\-${Object.keys(DASH_NAMES).join("")}`;
/**
 * A ref as people type it: any case, a space or dash after the code, any dash, spaces around it and a
 * full stop after it (`dag29–5.`, `DAG 29 - 05`). Invisible characters are taken out before matching.
 */
const LOOSE_REF = new RegExp(`^([A-Za-z]+)[ -]?(\\d+) ?[${DASHES}] ?(\\d+)[.,;:]*$`);
/** Each ref a cell mentions, however typed: `DAG29-40 / DAG29-41`. Bounded, so a hostile cell stays linear. */
const LOOSE_MENTION = new RegExp(`(?<![A-Za-z])([A-Za-z]{1,12})[ -]?(\\d{1,9}) ?[${DASHES}] ?(\\d{1,9})`, "g");

const looseText = (ref: string): string => foldSpaces(withoutInvisible(ref));

/** The action ref that text typed loosely plainly is, in the one spelling; null when it is not one. */
const looseActionRef = (ref: string): string | null => {
  const match = LOOSE_REF.exec(looseText(ref));
  if (!match) return null;
  const [, code = "", meeting = "", number = ""] = match;
  return `${code.toUpperCase()}${unpadded(meeting)}-${unpadded(number).padStart(2, "0")}`;
};

/**
 * The one spelling of an action ref, as {@link formatActionRef} writes it: DAG29-3, DAG29-003 and
 * DAG029-03 are all DAG29-03, the same action, and so are the ways people type it: lower case
 * (`dag29-03`), another dash (`DAG29–03`, an en dash), spaces (`DAG 29 - 03`), a full stop after it,
 * or invisible characters pasted in with it. Any other text (a decision ref, a typo, two refs) comes
 * back unchanged. Works on the digits as text, so a ref too long for a number is still exact; a ref
 * already canonical (nearly all of them) comes back without a copy being made.
 */
export function canonicalActionRef(ref: string): string {
  let letters = 0;
  while (letters < ref.length && isCapital(ref.charCodeAt(letters))) letters++;
  const dash = ref.indexOf("-", letters);
  if (letters === 0 || dash < 0 || !allDigits(ref, letters, dash) || !allDigits(ref, dash + 1, ref.length)) {
    return looseActionRef(ref) ?? ref;
  }
  const numberDigits = ref.length - dash - 1;
  const meetingPadded = dash - letters > 1 && ref.charCodeAt(letters) === ZERO;
  const numberPadded = numberDigits === 1 || (numberDigits > 2 && ref.charCodeAt(dash + 1) === ZERO);
  if (!meetingPadded && !numberPadded) return ref;
  const meeting = unpadded(ref.slice(letters, dash));
  const number = unpadded(ref.slice(dash + 1)).padStart(2, "0");
  return `${ref.slice(0, letters)}${meeting}-${number}`;
}

/** Every action ref of committee `code` that `text` mentions, however typed: two in `DAG29-40 / DAG29-41`. */
export function mentionedActionRefs(text: string, code: string): ActionRef[] {
  const found: ActionRef[] = [];
  for (const match of looseText(text).matchAll(LOOSE_MENTION)) {
    const [, letters = "", meeting = "", number = ""] = match;
    if (code === "" || letters.toUpperCase() === code) found.push({ code: letters.toUpperCase(), meeting: Number(meeting), number: Number(number) });
  }
  return found;
}

/**
 * The Audit reason for writing `written` back in its canonical spelling: what was retyped, so a member can see
 * why a ref that looked right was changed (`en dash (U+2013) as -`). Leading zeros alone need no detail.
 */
export function refRespelling(written: string): string {
  const details: string[] = [];
  const note = invisibleNote(written);
  if (note !== null) details.push(`it ${note}, now removed`);
  const dashes = [...new Set([...written].filter((ch) => DASH_NAMES[ch] !== undefined))];
  for (const ch of dashes) details.push(`${DASH_NAMES[ch]} (${describeCharacter(ch)}) as -`);
  if (/[a-z]/.test(written)) details.push("lower case as capitals");
  if (/^[A-Za-z]+-\d/.test(withoutInvisible(written).trim())) details.push("the dash after the committee code removed");
  if (/\s/.test(written.trim())) details.push("spaces removed");
  if (/[.,;:]$/.test(written.trim())) details.push(`"${written.trim().at(-1)}" after the ref removed`);
  return details.length === 0 ? "canonical spelling of the ref" : `canonical spelling of the ref: ${details.join("; ")}`;
}

/**
 * Ref text as a message shows it, between `quote`s: on one line (Checks holds one problem per line),
 * without invisible characters, which are named after it instead.
 */
export function shownRef(ref: string, quote = ""): string {
  const note = invisibleNote(ref);
  return note === null ? `${quote}${foldSpaces(ref)}${quote}` : `${quote}${foldSpaces(withoutInvisible(ref))}${quote} (it ${note})`;
}

const quotedRef = (ref: string): string => shownRef(ref, '"');

export const formatDecisionRef = (code: string, number: number): string => `${code}-DEC${number}`;

/**
 * The problem with an action ref as typed, or null when it is well formed (in any of the spellings
 * {@link canonicalActionRef} reads) and matches its row.
 */
export function actionRefProblem(ref: string, code: string, meeting: number | null): string | null {
  const parsed = parseActionRef(canonicalActionRef(ref));
  if (!parsed || (code !== "" && parsed.code !== code)) {
    const shown = quotedRef(ref);
    const count = mentionedActionRefs(ref, code).length;
    if (count > 1) return `Ref ${shown} holds ${count} refs; give each action its own row with one ref, or leave Ref blank to have one assigned`;
    const example = formatActionRef(code || "DAG", meeting ?? 29, 1);
    return `Ref ${shown} is not an action ref; write it as ${example} (committee code, meeting number, dash, number), or leave it blank to have one assigned`;
  }
  if (meeting !== null && parsed.meeting !== meeting) {
    return `Ref ${quotedRef(ref)} is for meeting ${parsed.meeting} but Meeting says ${meeting}; correct whichever is wrong`;
  }
  return null;
}

export function decisionRefProblem(ref: string, code: string): string | null {
  const parsed = parseDecisionRef(ref);
  if (!parsed || (code !== "" && parsed.code !== code)) {
    return `Ref "${ref}" is not a decision ref; write it as ${formatDecisionRef(code || "DAG", 76)}, or leave it blank to have one assigned`;
  }
  return null;
}

/**
 * Hands out the next free action number per meeting, never reusing one already in the log: a ref
 * typed loosely (`dag29-37`, `DAG29–50`) or several in one cell (`DAG29-40 / DAG29-41`) count as
 * taken too, so correcting that text later can never make a duplicate.
 */
export function createActionRefAllocator(code: string, existing: Iterable<string>): (meeting: number) => string {
  const highest = new Map<number, number>();
  const take = (parsed: ActionRef): void => {
    if (parsed.code === code) highest.set(parsed.meeting, Math.max(highest.get(parsed.meeting) ?? 0, parsed.number));
  };
  for (const ref of existing) {
    const parsed = parseActionRef(ref);
    if (parsed) take(parsed);
    else if (ref !== "") for (const mentioned of mentionedActionRefs(ref, code)) take(mentioned);
  }
  return (meeting) => {
    const next = (highest.get(meeting) ?? 0) + 1;
    highest.set(meeting, next);
    return formatActionRef(code, meeting, next);
  };
}

/** Hands out decision numbers after the highest one in the log. */
export function createDecisionRefAllocator(code: string, existing: Iterable<string>): () => string {
  let highest = 0;
  for (const ref of existing) {
    const parsed = parseDecisionRef(ref);
    if (parsed && parsed.code === code) highest = Math.max(highest, parsed.number);
  }
  return () => formatDecisionRef(code, ++highest);
}

/**
 * Refs that appear on more than one row, with the rows they appear on (in row order). With
 * `keyOf` (such as {@link canonicalActionRef}), refs with the same key count as one ref, listed
 * under that key.
 */
export function duplicateRefs(rows: readonly { ref: string; row: number }[], keyOf?: (ref: string) => string): Map<string, number[]> {
  // Most refs are unique: remember each one's first row, and make a list only for a repeat.
  const first = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  for (const row of rows) {
    if (row.ref === "") continue;
    const ref = keyOf === undefined ? row.ref : keyOf(row.ref);
    const firstRow = first.get(ref);
    if (firstRow === undefined) {
      first.set(ref, row.row);
      continue;
    }
    const list = repeated.get(ref);
    if (list) list.push(row.row);
    else repeated.set(ref, [firstRow, row.row]);
  }
  return repeated;
}
