/** The Actions cells the automation fills: clearing them on a row a member emptied, and saying so when it replaces a member's text there. */
import type { Action, Change } from "./types.js";

/** Cells actionlog fills on an Actions row (Closed On among them: it dates a Closed action), by column and field. */
const FILLED_BY_ACTIONLOG = [
  ["Due Date", "dueDate"],
  ["Closed On", "closedOn"],
  ["Carried", "carried"],
  ["Checks", "checks"],
] as const;

const EMPTIED_REASON = "row emptied by a member (Ref, Meeting, Area, Action, Owner, Due, Status and Update are blank), so the cells actionlog filled are cleared too";

/**
 * True when a member has "deleted" the row by clearing every column they type, leaving only cells
 * the automation filled: such a row is blank, not a new action, and nothing may bring it back.
 */
export const isEmptiedRow = (row: Action): boolean =>
  row.ref === "" && row.meeting === null && row.area === "" && row.action === "" && row.owner === "" && row.due === "" && row.status === "" && row.update === "";

/** The emptied row's one kind of change: clearing what actionlog filled in it, each audited. */
export function clearEmptiedRow(row: Action, changes: Change[]): void {
  for (const [column, field] of FILLED_BY_ACTIONLOG) {
    if (row[field] !== "") changes.push({ tab: "Actions", row: row.row, ref: "", column, old: row[field], new: "", reason: EMPTIED_REASON });
  }
}

/** Checks lines actionlog writes each start with the column they are about ("Owner ...", `Due "x" ...`). */
const CHECKS_LINE = /^(?:Ref|Meeting|Area|Action|Owner|Due Date|Due|Status|Update|Closed On|Carried|Checks)(?=[\s"':]|$)/;
/** actionlog writes Due Date as YYYY-MM-DD text; anything else there was typed (a date cell reads as its serial number). */
const WRITTEN_DUE_DATE = /^\d{4}-\d{2}-\d{2}$/;

const typedInChecks = (old: string): boolean => old.split("\n").some((line) => line.trim() !== "" && !CHECKS_LINE.test(line.trim()));

/** The Audit reason for a new Checks value, telling a member whose note it replaces where notes go. */
export const checksReason = (old: string, checks: string): string => {
  const why = checks === "" ? "problems fixed" : "problems found";
  return typedInChecks(old) ? `${why}; Checks is filled by actionlog with the row's problems, so the text typed there is replaced: write notes in Update` : why;
};

/** The Audit reason for a new Due Date value, telling a member whose date it replaces where dates go. */
export const dueDateReason = (old: string, why: string): string =>
  old !== "" && !WRITTEN_DUE_DATE.test(old) ? `${why}; Due Date is filled by actionlog from Due, so the date typed there is replaced: write the date in Due` : why;

/** Why Due Date is blanked: the Due it came from is blank, or cannot be read. */
export const blankDueDateReason = (due: string | number): string =>
  due === "" ? "Due is blank; Due Date is blank until a Due is written" : "Due cannot be read; Due Date is blank until Due is fixed";
