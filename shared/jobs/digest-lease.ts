/** One sending digest run per sheet at a time: a lease row in the Mail Log, so runs that start together never mail anyone twice. */
import { randomUUID } from "node:crypto";
import type { DateTime } from "luxon";
import { MAIL_LOG_HEADERS, MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { cellAt, locateColumns } from "../../sheets-schema/columns.js";
import { findTab } from "../../sheets-schema/parse-log.js";
import type { RawWorkbook, Workbook } from "../adapters/workbook.js";
import { parseCommitteeTime, sheetTime } from "../core/dates.js";
import { cellText } from "../core/text.js";

/**
 * A lease row older than this is a crashed run's: the cloud function's timeout is 9 minutes and
 * a local run holds a file lock as well, so no live run holds one this long.
 */
export const LEASE_MINUTES = 15;

const KEY_PREFIX = "run:";

/** True for a lease row's Key (`run:<id>`), which records a run, not a message. */
export const isLeaseKey = (key: unknown): boolean => typeof key === "string" && key.startsWith(KEY_PREFIX);

export type LeaseOutcome =
  | { held: true; workbook: RawWorkbook; release(): Promise<void> }
  | { held: false; message: string };

interface LeaseRow {
  row: number;
  key: string;
  time: string;
}

/** The Mail Log's lease rows still running, in sheet order (the order Sheets appended them). */
function runningLeases(workbook: RawWorkbook, now: DateTime): LeaseRow[] {
  const tab = findTab(workbook, MAIL_LOG_TAB);
  if (!tab) return [];
  const { columns } = locateColumns(tab, ["Time", "Key", "Status"]);
  return tab.rows
    .map((r) => ({ row: r.row, key: cellText(cellAt(r, columns, "Key")), status: cellText(cellAt(r, columns, "Status")), time: cellText(cellAt(r, columns, "Time")) }))
    .filter((r) => isLeaseKey(r.key) && r.status === "running")
    .filter((r) => {
      const started = parseCommitteeTime(r.time);
      return started.isValid && Math.abs(now.diff(started, "minutes").minutes) < LEASE_MINUTES;
    })
    .sort((a, b) => a.row - b.row);
}

/**
 * Appends this run's lease row, reads the Mail Log again, and holds the lease only if no running
 * lease row comes before its own. Two runs that start together both append; whichever row Sheets
 * placed first wins, and the other sends nothing. If the other's append landed on the same row
 * (the write is planned from a read, so two runs can pick one row), only the surviving row holds.
 * The fresh read is returned so the holder decides what is unsent from the Mail Log as it is now.
 * `createTab` creates the Mail Log in the same write, for a workbook that has none yet.
 */
export async function takeDigestLease(workbook: Workbook, options: { now: DateTime; timezone: string; actor: string; createTab: boolean }): Promise<LeaseOutcome> {
  const key = `${KEY_PREFIX}${randomUUID()}`;
  const time = sheetTime(options.now, options.timezone);
  const tabs = options.createTab ? [{ name: MAIL_LOG_TAB, headers: [...MAIL_LOG_HEADERS], rows: [] }] : [];
  await workbook.apply({ tabs, updates: [], appends: [{ tab: MAIL_LOG_TAB, values: { Time: time, Key: key, Subject: `digest run by ${options.actor}`, Status: "running" } }] });
  // After the append, never before: only a read that follows it can see whose row came first.
  const fresh = await workbook.read({ tabs: [MAIL_LOG_TAB] });
  const running = runningLeases(fresh, options.now);
  const own = running.find((r) => r.key === key);
  const first = running[0];
  const setStatus = async (row: number, status: string) => {
    await workbook.apply({ tabs: [], appends: [], updates: [{ tab: MAIL_LOG_TAB, row, ref: "", column: "Status", expected: "running", value: status, match: { column: "Key", value: key } }] });
  };
  if (own && first?.key === key) return { held: true, workbook: fresh, release: () => setStatus(own.row, "finished") };
  if (own) await setStatus(own.row, "yielded");
  return {
    held: false,
    message: `Another digest run (Mail Log row ${first?.row ?? "?"}, started ${first?.time ?? "just now"}) is sending, so this one sent nothing: running both would mail everyone twice. Its messages are in the Mail Log; a run after it sends whatever it left.`,
  };
}
