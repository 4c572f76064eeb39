/** The import-minutes use case: read the minutes and the log once, merge, write one guarded batch. */
import type { DateTime } from "luxon";
import { findTab, parseLog } from "../../sheets-schema/parse-log.js";
import { cellAt, locateColumns } from "../../sheets-schema/columns.js";
import { TAB } from "../../sheets-schema/tabs.js";
import { readMinutes } from "../adapters/minutes-file.js";
import type { CellUpdate, ChangeBatch, RawWorkbook, Workbook } from "../adapters/workbook.js";
import { ActionlogError } from "../core/errors.js";
import { extractMinutes } from "../core/minutes/extract.js";
import { type RowAddition, mergeMinutes, minutesKey, minutesMeetingOf, minutesReason } from "../core/minutes/merge.js";
import type { CrossCheckFinding, MinutesExtract } from "../core/minutes/types.js";
import { cellText } from "../core/text.js";
import type { Cell, Change, IsoDate } from "../core/types.js";
import { auditRow, changesToBatch } from "./change-batch.js";
import { createRowLocator } from "./row-locator.js";

export interface ImportMinutesOptions {
  now: DateTime;
  dryRun: boolean;
  /** Who made the change, for Audit, e.g. "actionlog import-minutes". */
  actor: string;
  /** The meeting's date when the minutes do not state it (`--meeting-date`); wins over the text. */
  meetingDate?: IsoDate | null;
  /** Names the minutes in messages, e.g. the file path. */
  label?: string;
}

export interface ImportMinutesReport {
  /** What the minutes say; crossCheck also holds the disagreements with the log. */
  minutes: MinutesExtract;
  /** Cells changed in existing rows (each audited). */
  changes: Change[];
  /** Rows added (each audited). */
  added: RowAddition[];
  /** Changes left for the next run because the sheet moved under the job. */
  skipped: number;
  /** False for a dry run, and when there was nothing to change. */
  written: boolean;
  /** What the import did that needs a member's attention, such as a meeting left without a date. */
  warnings: string[];
}

/** Raw cells by tab, row and header, for exact compare-and-set guards. */
function rawCells(raw: RawWorkbook): (tab: string, row: number, column: string) => Cell {
  const cache = new Map<string, { rows: Map<number, RawWorkbook["tabs"][number]["rows"][number]>; columns: ReturnType<typeof locateColumns>["columns"] }>();
  return (tabName, row, column) => {
    let entry = cache.get(tabName);
    const tab = findTab(raw, tabName);
    if (!tab) return null;
    if (!entry) {
      entry = { rows: new Map(tab.rows.map((r) => [r.row, r])), columns: locateColumns(tab, []).columns };
      cache.set(tabName, entry);
    }
    const found = entry.rows.get(row);
    return found ? cellAt(found, entry.columns, column) : null;
  };
}

function settingRows(raw: RawWorkbook): Map<string, number> {
  const rows = new Map<string, number>();
  const tab = findTab(raw, TAB.settings);
  if (!tab) return rows;
  const { columns } = locateColumns(tab, []);
  for (const row of tab.rows) {
    const key = cellText(cellAt(row, columns, "Key")).toLowerCase();
    if (key !== "" && !rows.has(key)) rows.set(key, row.row);
  }
  return rows;
}

/** What earlier imports left in Audit, read in one pass over a tab that grows without bound. */
interface ImportHistory {
  /** minutesKey(ref, column) → the newest meeting whose minutes set that cell ("*": added the action). */
  setBy: Map<string, number>;
  /** The newest meeting whose minutes were imported; 0 for none. */
  newest: number;
  /** Every meeting whose minutes were imported (a change they made, or the record of the import). */
  imported: Set<number>;
}

function importHistory(raw: RawWorkbook): ImportHistory {
  const history: ImportHistory = { setBy: new Map(), newest: 0, imported: new Set() };
  const tab = findTab(raw, TAB.audit);
  if (!tab) return history;
  const { columns } = locateColumns(tab, []);
  for (const row of tab.rows) {
    const meeting = minutesMeetingOf(cellText(cellAt(row, columns, "Reason")));
    if (meeting === null) continue;
    history.imported.add(meeting);
    history.newest = Math.max(history.newest, meeting);
    if (cellText(cellAt(row, columns, "Tab")) !== TAB.actions) continue;
    const key = minutesKey(cellText(cellAt(row, columns, "Ref")), cellText(cellAt(row, columns, "Column")) || "*");
    history.setBy.set(key, Math.max(meeting, history.setBy.get(key) ?? meeting));
  }
  return history;
}

/** Minutes older than ones already imported disagree with the log where the newer minutes moved it on; one line says so first. */
function olderMinutesFinding(newest: number, number: number): CrossCheckFinding[] {
  if (newest <= number) return [];
  return [{ kind: "older-minutes", ref: "", message: `These are the minutes of meeting ${number}; the minutes of meeting ${newest} were imported after them, so the log is newer: the differences marked superseded below are expected, and nothing was changed for them` }];
}

/** Rows without a ref column are found by number, guarded by their key cell (Meeting, Key). */
function locator(cell: ReturnType<typeof rawCells>, log: ReturnType<typeof parseLog>): (change: Change) => Pick<CellUpdate, "ref" | "match"> {
  const byRef = createRowLocator(log);
  const keyColumn: Record<string, string> = { Meetings: "Meeting", Settings: "Key" };
  return (change) => {
    const column = keyColumn[change.tab];
    return column === undefined ? byRef(change) : { ref: "", match: { column, value: cell(change.tab, change.row, column) } };
  };
}

/** A meeting added (or left) without a date only shows up later in validate, so the import says so now. */
function undatedMeetingWarnings(cell: ReturnType<typeof rawCells>, log: ReturnType<typeof parseLog>, extract: MinutesExtract, added: RowAddition[], dryRun: boolean): string[] {
  const number = extract.meeting.number;
  if (extract.meeting.date !== null || number === null) return [];
  const fix = "Run again with --meeting-date YYYY-MM-DD, or type the date in the Meetings tab.";
  if (added.some((a) => a.tab === TAB.meetings && a.values.Meeting === number)) {
    return [`The minutes do not give the meeting date; meeting ${number} ${dryRun ? "would be" : "was"} added without one. ${fix}`];
  }
  const row = log.meetings.find((m) => m.number === number)?.row;
  const blank = row !== undefined && cellText(cell(TAB.meetings, row, "Date")) === "";
  return blank ? [`The minutes do not give the meeting date, and meeting ${number} has none in the Meetings tab. ${fix}`] : [];
}

/**
 * Imports one set of minutes (text saved from Word, or .docx bytes) into the log. Importing the
 * same minutes again changes nothing; conflicts with the log are reported, never overwritten.
 */
export async function importMinutes(workbook: Workbook, minutes: string | Uint8Array, options: ImportMinutesOptions): Promise<ImportMinutesReport> {
  const label = options.label ?? "the minutes";
  const doc = await readMinutes(minutes, label);
  const raw = await workbook.read();
  const log = parseLog(raw);
  const knownRefs = [...log.actions.map((a) => a.ref), ...log.decisions.map((d) => d.ref)].filter((r) => r !== "");
  const extract = extractMinutes(doc, { meetingDate: options.meetingDate ?? null, members: log.members, knownRefs });
  const number = extract.meeting.number;
  if (number === null) {
    throw new ActionlogError("MINUTES_UNREADABLE", `${label}: found no action refs (such as DAG29-01) to tell which meeting these minutes are for; check it is the minutes, with its "New / Outstanding Actions" table or ACTION lines`);
  }
  const cell = rawCells(raw);
  const history = importHistory(raw);
  const plan = mergeMinutes({ log, extract, cell, settingRows: settingRows(raw), setByMinutes: history.setBy, newestImported: history.newest }, number);
  extract.crossCheck.unshift(...olderMinutesFinding(history.newest, number));
  extract.crossCheck.push(...plan.findings);

  const audit = { now: options.now, timezone: log.settings.timezone, actor: options.actor };
  const batch: ChangeBatch = changesToBatch(plan.changes, locator(cell, log), audit);
  for (const addition of plan.additions) batch.appends.push({ tab: addition.tab, values: addition.values });
  for (const addition of plan.additions) {
    batch.appends.push(auditRow(audit, { tab: addition.tab, ref: addition.ref, column: "", old: null, new: `added ${addition.summary}`, reason: addition.reason }));
  }
  // The first import of these minutes is recorded even when it changes nothing, so importing them
  // again after members' edits knows they are not new (merge's newestImported).
  if (!history.imported.has(number)) {
    const ref = `${log.settings.committeeCode || extract.meeting.committee || ""}${number}`;
    batch.appends.push(auditRow(audit, { tab: TAB.meetings, ref, column: "", old: null, new: `imported the minutes of meeting ${number} (${label})`, reason: minutesReason(number) }));
  }
  let skipped = 0;
  const written = !options.dryRun && batch.appends.length + batch.updates.length > 0;
  if (written) skipped = (await workbook.apply(batch)).skipped.length;
  const warnings = undatedMeetingWarnings(cell, log, extract, plan.additions, options.dryRun);
  return { minutes: extract, changes: plan.changes, added: plan.additions, skipped, written, warnings };
}
