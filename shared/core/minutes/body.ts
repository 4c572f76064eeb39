/** The minutes' body: ACTION and DECISION lines, action updates, refs mentioned, and the meeting dates. */
import { isoFromParts } from "../dates.js";
import { foldSpaces } from "../text.js";
import type { IsoDate, Status } from "../types.js";
import { normaliseRef } from "./tables.js";
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
const DECISION_REF = `[A-Za-z]{1,12}\\s?${DASH}\\s?DEC\\s?\\d{1,5}`;
/** What follows the ref of an ACTION or DECISION line: a colon, a full stop or a dash. */
const AFTER_REF = "\\s*[:.\\-\u2013\u2014]\\s*(.*)$";
const ACTION_LINE = new RegExp(`^ACTIONS?\\s*(${ACTION_REF})${AFTER_REF}`, "i");
const DECISION_LINE = new RegExp(`^DECISIONS?\\s*(${DECISION_REF})${AFTER_REF}`, "i");
const UPDATE_LINE = new RegExp(`^(${ACTION_REF})\\s*:\\s*(.+)$`, "i");

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

/** ACTION, DECISION and update lines from the body paragraphs, in order. */
export function readBody(paragraphs: readonly string[]): Body {
  const body: Body = { actions: [], decisions: [], updates: [] };
  for (const paragraph of paragraphs) {
    const text = foldSpaces(paragraph);
    const action = ACTION_LINE.exec(text);
    const decision = action ? null : DECISION_LINE.exec(text);
    const update = action || decision ? null : UPDATE_LINE.exec(text);
    if (action) body.actions.push({ ref: normaliseRef(action[1] ?? ""), text: (action[2] ?? "").trim() });
    else if (decision) body.decisions.push({ ref: normaliseRef(decision[1] ?? ""), text: (decision[2] ?? "").trim() });
    else if (update) {
      const note = (update[2] ?? "").trim();
      body.updates.push({ ref: normaliseRef(update[1] ?? ""), status: updateStatus(note), note });
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
      const ref = normaliseRef(match[0]);
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

/** The text after a label line such as "Date of next meeting:", on the same line or the next one. */
function afterLabel(lines: readonly string[], label: RegExp): string | null {
  for (let i = 0; i < lines.length; i++) {
    const match = label.exec(foldSpaces(lines[i] ?? ""));
    if (!match) continue;
    const rest = (match[1] ?? "").trim();
    if (rest !== "") return rest;
    const next = lines.slice(i + 1).find((line) => foldSpaces(line) !== "");
    if (next !== undefined) return foldSpaces(next);
  }
  return null;
}

/** The meeting's date, the next meeting's date and time, from their label lines. */
export function readMeetingDates(lines: readonly string[]): { date: IsoDate | null; next: IsoDate | null; nextTime: string } {
  const held = afterLabel(lines, MEETING_DATE_LABEL);
  const next = afterLabel(lines, NEXT_MEETING_LABEL);
  return { date: held === null ? null : findDate(held), next: next === null ? null : findDate(next), nextTime: next === null ? "" : findTime(next) };
}
