/** The Mail Log tab: one row per message the digest job tried to send, so each is sent once. */
import type { RawTab, RawWorkbook } from "../shared/adapters/workbook.js";
import { ActionlogError } from "../shared/core/errors.js";
import { cellText } from "../shared/core/text.js";
import { cellAt, locateColumns } from "./columns.js";
import { findTab } from "./parse-log.js";

/**
 * Not one of the required tabs in tabs.ts: validate and rollover never need it, and older
 * workbooks lack it. The digest job creates it the first time it sends.
 */
export const MAIL_LOG_TAB = "Mail Log";

/** Error is an extra column beside the seven, saying why a failed send failed. */
export const MAIL_LOG_HEADERS = ["Time", "Key", "To", "Subject", "Refs", "Status", "Message ID", "Error"] as const;

/** Columns without which the log cannot say what was sent; Error is optional. */
const REQUIRED = ["Time", "Key", "To", "Subject", "Refs", "Status", "Message ID"] as const;

/** "in digest": a reminder not sent alone because the owner's digest, sent in the same run, lists it. */
export type MailStatus = "sent" | "failed" | "in digest";

export type MailLogValues = Record<(typeof MAIL_LOG_HEADERS)[number], string>;

export interface MailLogState {
  /** The tab as read, or undefined when the workbook has none yet. */
  tab: RawTab | undefined;
  /** Keys with a row whose Status is sent (or in digest): these are never sent again. */
  sent: ReadonlySet<string>;
  /**
   * For each of those keys, the To addresses (lower case) of its sent and in-digest rows, so a
   * co-owned reminder logged a row per part can tell which owners it has already reached.
   */
  reached: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The To addresses of a row's To cell (`a@x, b@y; cc: c@z`), in lower case; the cc part is left out. */
const toAddresses = (cell: string): string[] =>
  (cell.split(";")[0] ?? "")
    .split(",")
    .map((address) => address.trim().toLowerCase())
    .filter((address) => address !== "" && !address.startsWith("cc:"));

/**
 * Reads the Mail Log. A tab without its Key or Status header, or with one of them on two
 * columns, would make messages look unsent, so that stops the job with a fix rather than
 * mailing everyone twice.
 */
export function readMailLog(workbook: RawWorkbook): MailLogState {
  const tab = findTab(workbook, MAIL_LOG_TAB);
  if (!tab) return { tab: undefined, sent: new Set(), reached: new Map() };
  const { columns, blocking } = locateColumns(tab, REQUIRED);
  const blocked = blocking[0];
  if (blocked) {
    throw new ActionlogError("SCHEMA", `${MAIL_LOG_TAB}: ${blocked.message}; or delete the tab to start a new log (messages already sent this week would then be sent again)`);
  }
  const sent = new Set<string>();
  const reached = new Map<string, Set<string>>();
  for (const row of tab.rows) {
    const key = cellText(cellAt(row, columns, "Key"));
    const status = cellText(cellAt(row, columns, "Status")).toLowerCase();
    if (key === "" || (status !== "sent" && status !== "in digest")) continue;
    sent.add(key);
    const addresses = reached.get(key) ?? new Set<string>();
    for (const address of toAddresses(cellText(cellAt(row, columns, "To")))) addresses.add(address);
    reached.set(key, addresses);
  }
  return { tab, sent, reached };
}
