/** Reads one set of minutes into data: infers the committee and meeting, joins tables and body, cross-checks. */
import { parseActionRef, parseDecisionRef } from "../refs.js";
import { foldSpaces } from "../text.js";
import type { IsoDate, Member, Status } from "../types.js";
import { readAttendees } from "./attendees.js";
import { mentionedRefs, readBody, readMeetingDates } from "./body.js";
import { crossCheck } from "./cross-check.js";
import { bodyParagraphs, documentLines, type MinutesDocument } from "./document.js";
import { type MinutesTable, type UnreadTable, minutesTables, otherTables, unreadTables } from "./table-groups.js";
import { type TableNotes, dueValue, readActionsTable, readDecisionsTable } from "./tables.js";
import type { CrossCheckFinding, MinutesAction, MinutesDecision, MinutesExtract } from "./types.js";

export interface ExtractOptions {
  /** Overrides the date read from the text (`--meeting-date`). */
  meetingDate?: IsoDate | null;
  /** The log's members: owners they name are not findings. */
  members?: readonly Member[];
  /** Refs the log already holds: mentioning them is not a finding. */
  knownRefs?: Iterable<string>;
}

/** The value seen most often, the first seen winning a tie; undefined for none. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** The first of each ref; `repeated` collects the refs seen again. */
const firstOnce = <T extends { ref: string }>(items: readonly T[], repeated: string[] = []): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.ref)) {
      repeated.push(item.ref);
      return false;
    }
    seen.add(item.ref);
    return true;
  });
};

/** "Meeting 14", "DSB 14" in a heading, when the minutes raise no action to infer it from. */
const numberFromHeadings = (paragraphs: readonly string[], code: string): number | null => {
  const pattern = new RegExp(`\\b(?:meeting|${code || "meeting"})\\s*(?:no\\.?\\s*)?(\\d{1,4})\\b`, "i");
  for (const text of paragraphs.slice(0, 20)) {
    const match = pattern.exec(foldSpaces(text));
    if (match) return Number(match[1]);
  }
  return null;
};

/** The mentioned refs that no finding names yet: a row cut short is not also an unknown ref. */
const unnamed = (mentioned: Set<string>, findings: readonly CrossCheckFinding[]): Set<string> => {
  for (const finding of findings) mentioned.delete(finding.ref);
  return mentioned;
};

/** Tables read as nothing that hold the committee's action refs, other than ones the actions table has. */
const unreadOf = (tables: readonly MinutesTable[], committee: string, inTable: ReadonlySet<string>): UnreadTable[] =>
  unreadTables(tables)
    .map((t) => ({ ...t, refs: [...new Set(t.refs)].filter((ref) => parseActionRef(ref)?.code === committee && !inTable.has(ref)) }))
    .filter((t) => t.refs.length > 0);

/** Never throws: text that is not minutes gives an extract with nothing in it. */
export function extractMinutes(doc: MinutesDocument, options: ExtractOptions = {}): MinutesExtract {
  const findings: CrossCheckFinding[] = [];
  const notes: TableNotes = { findings, readings: [] };
  const repeated: string[] = [];
  const tables = minutesTables(doc);
  const read = readActionsTable(tables, notes);
  const table = firstOnce(read.actions, repeated);
  const tableDecisions = firstOnce(readDecisionsTable(tables), repeated);
  for (const ref of repeated) findings.push({ kind: "duplicate-ref", ref, message: `${ref} is on more than one row of the minutes' tables; only the first is imported, so give the others their own refs` });
  const attendees = readAttendees(doc);
  const paragraphs = bodyParagraphs(doc);
  const body = readBody(paragraphs, notes.readings);

  const actionRefs = [...table.map((a) => a.ref), ...body.actions.map((a) => a.ref)].map(parseActionRef);
  const decisionCodes = [...tableDecisions, ...body.decisions].map((d) => parseDecisionRef(d.ref)?.code);
  const committee = mostCommon([...actionRefs.map((r) => r?.code), ...decisionCodes].filter((c) => c !== undefined)) ?? "";
  body.updates = body.updates.filter((u) => parseActionRef(u.ref)?.code === committee);

  const newMeetings = table.filter((a) => a.section === "new").map((a) => parseActionRef(a.ref)?.meeting);
  const anyMeeting = actionRefs.filter((r) => r?.code === committee).map((r) => r?.meeting);
  const number = mostCommon(newMeetings.filter((n) => n !== undefined)) ?? mostCommon(anyMeeting.filter((n) => n !== undefined)) ?? numberFromHeadings(paragraphs, committee);
  const lines = documentLines(doc);
  const dates = readMeetingDates(paragraphs, otherTables(tables).flatMap((t) => t.rows.flat()));
  const inTable = new Set(table.map((a) => a.ref));

  const statusOf = new Map<string, Status>();
  for (const update of body.updates) if (update.status !== null) statusOf.set(update.ref, update.status);
  const bodyOnly = firstOnce(body.actions).filter((a) => !inTable.has(a.ref));
  const actions: MinutesAction[] = [
    ...table,
    ...bodyOnly.map((a) => ({ ref: a.ref, area: "", action: a.text, owner: "", dueText: "", section: parseActionRef(a.ref)?.meeting === number ? ("new" as const) : ("previous" as const) })),
  ].map((a) => ({ ref: a.ref, area: a.area, action: a.action, owner: a.owner, due: dueValue(a.dueText), status: statusOf.get(a.ref) ?? "Open", section: a.section, dueText: a.dueText }));

  const decisionRefs = new Set(tableDecisions.map((d) => d.ref));
  const decisions: MinutesDecision[] = [
    ...tableDecisions,
    ...firstOnce(body.decisions).filter((d) => !decisionRefs.has(d.ref)).map((d) => ({ ref: d.ref, area: "", decision: d.text })),
  ];

  findings.push(
    ...crossCheck({
      table,
      tableDecisions,
      body,
      attendees,
      mentioned: unnamed(mentionedRefs(lines, committee), findings),
      knownRefs: new Set(options.knownRefs ?? []),
      members: options.members ?? [],
      headed: read.headed,
      unread: unreadOf(tables, committee, inTable),
      readings: notes.readings.filter((r) => parseActionRef(r.ref)?.code === committee),
    }),
  );
  return {
    meeting: { committee, number, date: options.meetingDate ?? dates.date, next: dates.next },
    nextTime: dates.nextTime,
    actions,
    decisions,
    attendees,
    updates: body.updates,
    crossCheck: findings,
  };
}

/** The pinned JSON shape of `actionlog import-minutes --json`. */
export function minutesJson(extract: MinutesExtract) {
  return {
    meeting: extract.meeting,
    actions: extract.actions.map(({ ref, area, action, owner, due, status, section }) => ({ ref, area, action, owner, due, status, section })),
    decisions: extract.decisions,
    attendees: extract.attendees.map(({ name, initials, role, group, partMeeting, apology, onBehalfOf }) => ({ name, initials, role, group, partMeeting, apology, onBehalfOf })),
    updates: extract.updates,
    crossCheck: extract.crossCheck,
  };
}
