/** Action refs (DAG29-01) and decision refs (DAG-DEC76): parsing, checking and assigning. */

export interface ActionRef {
  code: string;
  meeting: number;
  number: number;
}

const ACTION_REF = /^([A-Z]+)(\d+)-(\d+)$/;
const DECISION_REF = /^([A-Z]+)-DEC(\d+)$/;

export function parseActionRef(ref: string): ActionRef | null {
  const match = ACTION_REF.exec(ref);
  if (!match) return null;
  return { code: match[1] as string, meeting: Number(match[2]), number: Number(match[3]) };
}

export function parseDecisionRef(ref: string): { code: string; number: number } | null {
  const match = DECISION_REF.exec(ref);
  return match ? { code: match[1] as string, number: Number(match[2]) } : null;
}

/** `DAG29-01`: two digits at least, as in the minutes. */
export const formatActionRef = (code: string, meeting: number, number: number): string =>
  `${code}${meeting}-${String(number).padStart(2, "0")}`;

export const formatDecisionRef = (code: string, number: number): string => `${code}-DEC${number}`;

/** The problem with an action ref as typed, or null when it is well formed and matches its row. */
export function actionRefProblem(ref: string, code: string, meeting: number | null): string | null {
  const parsed = parseActionRef(ref);
  const example = formatActionRef(code || "DAG", meeting ?? 29, 1);
  if (!parsed || (code !== "" && parsed.code !== code)) {
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

/** Refs that appear on more than one row, with the rows they appear on. */
export function duplicateRefs(rows: readonly { ref: string; row: number }[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (const { ref, row } of rows) {
    if (ref === "") continue;
    const list = seen.get(ref);
    if (list) list.push(row);
    else seen.set(ref, [row]);
  }
  for (const [ref, list] of seen) if (list.length < 2) seen.delete(ref);
  return seen;
}
