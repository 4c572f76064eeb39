/** Action refs (DAG29-01) and decision refs (DAG-DEC76): parsing, checking and assigning. */

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
/** Digits ref[from..to) without leading zeros, keeping one digit. */
const withoutLeadingZeros = (ref: string, from: number, to: number): string => {
  let start = from;
  while (start < to - 1 && ref.charCodeAt(start) === ZERO) start++;
  return ref.slice(start, to);
};

/**
 * The one spelling of an action ref, as {@link formatActionRef} writes it: DAG29-3, DAG29-003 and
 * DAG029-03 are all DAG29-03, the same action. Any other text (a decision ref, a typo) comes back
 * unchanged. Works on the digits as text, so a ref too long for a number is still exact; a ref
 * already canonical (nearly all of them) comes back without a copy being made.
 */
export function canonicalActionRef(ref: string): string {
  let letters = 0;
  while (letters < ref.length && isCapital(ref.charCodeAt(letters))) letters++;
  const dash = ref.indexOf("-", letters);
  if (letters === 0 || dash < 0) return ref;
  const numberDigits = ref.length - dash - 1;
  const meetingPadded = dash - letters > 1 && ref.charCodeAt(letters) === ZERO;
  const numberPadded = numberDigits === 1 || (numberDigits > 2 && ref.charCodeAt(dash + 1) === ZERO);
  // Checked in this order because validation calls this for every row: the digits are only scanned for a ref it would change.
  if (!meetingPadded && !numberPadded) return ref;
  if (!allDigits(ref, letters, dash) || !allDigits(ref, dash + 1, ref.length)) return ref;
  const meeting = withoutLeadingZeros(ref, letters, dash);
  const number = withoutLeadingZeros(ref, dash + 1, ref.length).padStart(2, "0");
  return `${ref.slice(0, letters)}${meeting}-${number}`;
}

export const formatDecisionRef = (code: string, number: number): string => `${code}-DEC${number}`;

/** The problem with an action ref as typed, or null when it is well formed and matches its row. */
export function actionRefProblem(ref: string, code: string, meeting: number | null): string | null {
  const parsed = parseActionRef(ref);
  if (!parsed || (code !== "" && parsed.code !== code)) {
    const example = formatActionRef(code || "DAG", meeting ?? 29, 1);
    return `Ref "${ref}" is not an action ref; write it as ${example} (committee code, meeting number, dash, number), or leave it blank to have one assigned`;
  }
  if (meeting !== null && parsed.meeting !== meeting) {
    return `Ref "${ref}" is for meeting ${parsed.meeting} but Meeting says ${meeting}; correct whichever is wrong`;
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

/** Hands out the next free action number per meeting, never reusing one already in the log. */
export function createActionRefAllocator(code: string, existing: Iterable<string>): (meeting: number) => string {
  const highest = new Map<number, number>();
  for (const ref of existing) {
    const parsed = parseActionRef(ref);
    if (parsed && parsed.code === code) {
      highest.set(parsed.meeting, Math.max(highest.get(parsed.meeting) ?? 0, parsed.number));
    }
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
