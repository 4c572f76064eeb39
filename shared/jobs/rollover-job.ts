/** The roll-forward use case: validate, build the next meeting's register (skipping Cancelled ones), write it all in one batch. */
import type { DateTime } from "luxon";
import { findTab, parseLog } from "../../sheets-schema/parse-log.js";
import { REGISTER_HEADERS, registerTabName } from "../../sheets-schema/tabs.js";
import type { ChangeBatch, RawTab, RawWorkbook, Workbook } from "../adapters/workbook.js";
import { cancelledRegisterNotes } from "../core/auto-rollover.js";
import { committeeToday } from "../core/dates.js";
import { ActionlogError } from "../core/errors.js";
import { registerTabRows } from "../core/register-export.js";
import { type RegisterEntry, rollForward } from "../core/roll-forward.js";
import { cellText } from "../core/text.js";
import type { Cell } from "../core/types.js";
import { validateLog } from "../core/validate.js";
import { auditRow, changesToBatch } from "./change-batch.js";
import { createRowLocator } from "./row-locator.js";

export interface RolloverReport {
  meeting: number;
  next: number;
  tab: string;
  register: RegisterEntry[];
  warnings: string[];
  /** How many outstanding actions were left off the register for their problems (each also in `warnings`). */
  leftOff: number;
  /** False when the register tab already held exactly this register. */
  registerWritten: boolean;
  changes: number;
  skipped: number;
}

/** For the cloud's replies: Carried writes skip rows a member edited mid-run, and rebuilding that register finishes them. */
export const leftForRebuild = (skipped: number): string =>
  `${skipped} Carried ${skipped === 1 ? "value was" : "values were"} left because the rows changed while it ran; choose Generate register in the sheet's Action log menu for that meeting to finish`;

export async function runRollover(
  workbook: Workbook,
  options: { meeting: number; now: DateTime; dryRun: boolean; actor: string; raw?: RawWorkbook },
): Promise<RolloverReport> {
  // A caller that already read the workbook (the daily rollover) passes it in: one read per job.
  const raw = options.raw ?? (await workbook.read());
  const log = parseLog(raw);
  const validation = validateLog(log, options.now);
  const today = committeeToday(options.now, log.settings.timezone);
  const result = rollForward(log, validation.actions, options.meeting, today);
  if (!result.ok) throw new ActionlogError("MEETING_NOT_FOUND", result.message);

  const tab = registerTabName(log.settings.committeeCode, result.next);
  const rows = registerTabRows(result.register);
  const registerWritten = !sameTab(findTab(raw, tab), rows);
  const changes = [...validation.changes, ...result.changes];
  const audit = { now: options.now, timezone: log.settings.timezone, actor: options.actor };
  const batch: ChangeBatch = { tabs: [], updates: [], appends: [] };
  if (registerWritten) {
    batch.tabs.push({ name: tab, headers: [...REGISTER_HEADERS], rows });
    batch.appends.push(auditRow(audit, { tab, ref: "", column: "", old: null, new: `${rows.length} actions`, reason: builtReason(result) }));
  }
  changesToBatch(changes, createRowLocator(log), audit, batch);
  let skipped = 0;
  if (!options.dryRun && (batch.tabs.length > 0 || batch.updates.length > 0)) {
    skipped = (await workbook.apply(batch)).skipped.length;
  }
  const warnings = [...result.warnings, ...cancelledRegisterNotes(log, raw.tabs.map((t) => t.name))];
  return { meeting: result.meeting, next: result.next, tab, register: result.register, warnings: withProblemNote(warnings, validation.problems.length), leftOff: result.leftOff.length, registerWritten, changes: changes.length, skipped };
}

/** Audit's reason names the Cancelled meetings passed over, so a register for 31 built from 29 is explained. */
const builtReason = (result: { meeting: number; next: number; cancelled: number[] }): string =>
  `register for meeting ${result.next} built from meeting ${result.meeting}${result.cancelled.length === 0 ? "" : ` (${result.cancelled.map((n) => `meeting ${n}`).join(", ")} Cancelled)`}`;

const withProblemNote = (warnings: string[], problems: number): string[] =>
  problems === 0 ? warnings : [...warnings, `The log has ${problems} problem${problems === 1 ? "" : "s"}; run actionlog validate to see them in the Checks column`];

const sameTab = (tab: RawTab | undefined, rows: Cell[][]): boolean =>
  tab !== undefined &&
  tab.rows.length === rows.length &&
  tab.rows.every((row, i) => (rows[i] ?? []).every((cell, j) => cellText(cell) === cellText(row.cells[j] ?? null)));
