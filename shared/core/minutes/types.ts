/** What minutes say, as data: the meeting, its actions, decisions, attendees, updates and cross-check findings. */
import type { IsoDate, Status } from "../types.js";

export interface MinutesMeeting {
  /** The committee code inferred from the refs (DAG), or "" when the minutes have none. */
  committee: string;
  /** The meeting number: the one most new actions were raised at. */
  number: number | null;
  date: IsoDate | null;
  /** The next meeting's date, from "Date of next meeting". */
  next: IsoDate | null;
}

export type MinutesSection = "new" | "previous";

export interface MinutesAction {
  ref: string;
  area: string;
  action: string;
  owner: string;
  /** YYYY-MM-DD when the Due cell is a date, else the text as written (ASAP, Next meeting). */
  due: string;
  /** From the body's update for this ref; Open when the minutes record none. */
  status: Status;
  section: MinutesSection;
  /** The Due cell exactly as written (folded), for the log's Due column. */
  dueText: string;
}

export interface MinutesDecision {
  ref: string;
  area: string;
  decision: string;
}

export interface Attendee {
  name: string;
  initials: string;
  role: string;
  /** The heading row the attendee is listed under, such as "Industry Representatives". */
  group: string;
  partMeeting: boolean;
  apology: boolean;
  /** "Donna Jamieson" for "(on behalf of Donna Jamieson)", else "". */
  onBehalfOf: string;
}

/** A body line `<ref>: … Action closed.`: the status it records (null when none) and the text. */
export interface ActionUpdate {
  ref: string;
  status: Status | null;
  note: string;
}

export type CrossCheckKind =
  | "table-only"
  | "body-only"
  | "listed-but-closed"
  | "unknown-ref"
  | "unknown-owner"
  | "ambiguous-owner"
  | "shared-initials"
  | "missing-ref"
  | "duplicate-ref"
  | "log-conflict"
  | "no-email"
  | "update-not-in-log"
  | "no-actions-table"
  | "unread-table"
  | "cut-short"
  | "bad-ref"
  | "ref-typo"
  | "older-minutes"
  | "superseded";

/**
 * Findings that mean part of the minutes was not imported, or the log disagrees with them: the
 * command exits 1 for these. The others (a typo read, an unknown owner) are for the PMO to tidy.
 */
export const ATTENTION_KINDS: ReadonlySet<CrossCheckKind> = new Set<CrossCheckKind>(["log-conflict", "no-actions-table", "unread-table", "cut-short", "bad-ref"]);

export interface CrossCheckFinding {
  kind: CrossCheckKind;
  /** The action or decision ref concerned; "" for findings about people. */
  ref: string;
  message: string;
}

/** Everything read from one set of minutes. */
export interface MinutesExtract {
  meeting: MinutesMeeting;
  /** The next meeting's time as HH:MM, when "Date of next meeting" gives one. */
  nextTime: string;
  actions: MinutesAction[];
  decisions: MinutesDecision[];
  attendees: Attendee[];
  updates: ActionUpdate[];
  crossCheck: CrossCheckFinding[];
}
