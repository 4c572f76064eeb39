/** The minutes' body: ACTION and DECISION lines, action updates, refs mentioned, and the meeting dates. */
import { isoFromParts } from "../dates.js";
import { foldSpaces } from "../text.js";
import type { IsoDate, Status } from "../types.js";
import { normaliseRef, type RefReading, readNotedRef, readRef } from "./minutes-refs.js";
import type { ActionUpdate } from "./types.js";

export interface BodyLine {
  ref: string;
  text: string;
}

export interface Body {
  actions: BodyLine[];
  decisions: BodyLine[];
  updates: ActionUpdate[];
}

const DASH = "[-\u2010-\u2015\u2212]";
const ACTION_REF = `[A-Za-z]{1,12}\\s?\\d{1,4}\\s?${DASH}\\s?\\d{1,3}`;
/** At the start of an ACTION or update line a space between meeting and number is a typo for the dash (DAG29 08). */
const LINE_ACTION_REF = `[A-Za-z]{1,12}\\s?\\d{1,4}(?:\\s?${DASH}\\s?|\\s)\\d{1,3}`;
const DECISION_REF = `[A-Za-z]{1,12}\\s?${DASH}\\s?DEC\\s?\\d{1,5}`;
/** What follows the ref of an ACTION or DECISION line: a colon, a full stop or a dash. */
const AFTER_REF = "\\s*[:.\\-\u2013\u2014]\\s*(.*)$";
const ACTION_LINE = new RegExp(`^ACTIONS?\\s*(${LINE_ACTION_REF})${AFTER_REF}`, "i");
const DECISION_LINE = new RegExp(`^DECISIONS?\\s*(${DECISION_REF})${AFTER_REF}`, "i");
const UPDATE_LINE = new RegExp(`^(${LINE_ACTION_REF})\\s*:\\s*(.+)$`, "i");

/** Status phrases in an update; the last one in the note is what the meeting concluded. */
const STATUS_PHRASES: [RegExp, Status][] = [
  [/\baction (?:is |has been |was |now )?closed\b/gi, "Closed"],
  [/\b(?:action )?(?:changed|moved|updated) to ongoing\b/gi, "Ongoing"],
  [/\baction (?:remains|is|to remain) ongoing\b/gi, "Ongoing"],
  [/\b(?:the )?action (?:remains|to remain|is) open\b/gi, "Open"],
  [/\baction (?:re-?opened)\b/gi, "Open"],
  [/\b(?:action )?proposed (?:for )?(?:closure|closed|to close)\b/gi, "Proposed Closed"],
];

/** The status the note concludes with, or null when it records none. */
export function updateStatus(note: string): Status | null {
  let best: { index: number; status: Status } | null = null;
  for (const [pattern, status] of STATUS_PHRASES) {
    for (const match of note.matchAll(pattern)) if (best === null || match.index >= best.index) best = { index: match.index, status };
  }
  return best?.status ?? null;
}

/**
 * ACTION, DECISION and update lines from the body paragraphs, in order. Action refs are read in
 * the log's form (DAG29-3 as DAG29-03), each one retyped noted in `readings`.
 */
export function readBody(paragraphs: readonly string[], readings?: RefReading[]): Body {
  const body: Body = { actions: [], decisions: [], updates: [] };
  for (const paragraph of paragraphs) {
    const text = foldSpaces(paragraph);
    const action = ACTION_LINE.exec(text);
    const decision = action ? null : DECISION_LINE.exec(text);
    const update = action || decision ? null : UPDATE_LINE.exec(text);
    if (action) body.actions.push({ ref: readNotedRef(action[1] ?? "", "an ACTION line", readings), text: (action[2] ?? "").trim() });
    else if (decision) body.decisions.push({ ref: normaliseRef(decision[1] ?? ""), text: (decision[2] ?? "").trim() });
    else if (update) {
      const note = (update[2] ?? "").trim();
      body.updates.push({ ref: readNotedRef(update[1] ?? "", "an update", readings), status: updateStatus(note), note });
    }
  }
  return body;
}

/** Every action and decision ref of `code` mentioned anywhere in `lines`. */
export function mentionedRefs(lines: readonly string[], code: string): Set<string> {
  const refs = new Set<string>();
  if (code === "") return refs;
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${ACTION_REF}|${DECISION_REF})(?![0-9])`, "gi");
  for (const line of lines) {
    for (const match of foldSpaces(line).matchAll(pattern)) {
      const { ref } = readRef(match[0]);
      if (/^[A-Z]+/.exec(ref)?.[0] === code) refs.add(ref);
    }
  }
  return refs;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WORDED_DATE = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i;
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** The first date written in `text` (13 October 2023, 13/10/2023, 2023-10-13), or null. */
export function findDate(text: string): IsoDate | null {
  const folded = foldSpaces(text);
  const iso = ISO_DATE.exec(folded);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const worded = WORDED_DATE.exec(folded);
  if (worded) return isoFromParts(Number(worded[3]), MONTHS.indexOf((worded[2] ?? "").toLowerCase()) + 1, Number(worded[1]));
  const numeric = NUMERIC_DATE.exec(folded);
  if (!numeric) return null;
  const year = (numeric[3] ?? "").length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
  return isoFromParts(year, Number(numeric[2]), Number(numeric[1]));
}

/** "10am", "2.30pm", "14:00" → HH:MM; "" when no time is written. */
export function findTime(text: string): string {
  const folded = foldSpaces(text).toLowerCase();
  const twelve = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b/.exec(folded);
  const clock = twelve ? null : /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(folded);
  const hour = twelve ? (Number(twelve[1]) % 12) + (twelve[3] === "pm" ? 12 : 0) : Number(clock?.[1]);
  const minute = twelve ? Number(twelve[2] ?? 0) : Number(clock?.[2]);
  if (!(twelve || clock) || hour > 23 || minute > 59) return "";
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const MEETING_DATE_LABEL = /^(?:date of (?:the )?meeting|meeting date|date(?: and time)?)\s*(?:[:\-\u2013]\s*(.*))?$/i;
const NEXT_MEETING_LABEL = /^(?:date of (?:the )?next meeting|next meeting(?: date)?)\s*(?:[:\-\u2013]\s*(.*))?$/i;

/** Each text after a label line such as "Date of next meeting:", on the same line or the next one, in order. */
function* afterLabel(lines: readonly string[], label: RegExp): Generator<string> {
  for (let i = 0; i < lines.length; i++) {
    const match = label.exec(foldSpaces(lines[i] ?? ""));
    if (!match) continue;
    const rest = (match[1] ?? "").trim();
    if (rest !== "") yield rest;
    else {
      const next = lines.slice(i + 1).find((line) => foldSpaces(line) !== "");
      if (next !== undefined) yield foldSpaces(next);
    }
  }
}

/** The first date after the label that gives one: a label whose text holds no date is passed over. */
function datedLabel(lines: readonly string[], label: RegExp): { date: IsoDate; text: string } | null {
  for (const text of afterLabel(lines, label)) {
    const date = findDate(text);
    if (date !== null) return { date, text };
  }
  return null;
}

/**
 * The meeting's date, the next meeting's date and time, from their label lines in the body
 * paragraphs; only when the body has none, from `otherCells` (the cells of tables that are not
 * the actions or decisions table, such as a heading table). A Due cell of "Next meeting" is never a label.
 */
export function readMeetingDates(paragraphs: readonly string[], otherCells: readonly string[] = []): { date: IsoDate | null; next: IsoDate | null; nextTime: string } {
  const held = datedLabel(paragraphs, MEETING_DATE_LABEL) ?? datedLabel(otherCells, MEETING_DATE_LABEL);
  const next = datedLabel(paragraphs, NEXT_MEETING_LABEL) ?? datedLabel(otherCells, NEXT_MEETING_LABEL);
  return { date: held?.date ?? null, next: next?.date ?? null, nextTime: next === null ? "" : findTime(next.text) };
}
