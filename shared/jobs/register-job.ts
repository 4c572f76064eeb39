/** The register export: meeting N's outstanding actions from the current log, read-only. */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import { committeeToday } from "../core/dates.js";
import { ActionlogError } from "../core/errors.js";
import { type RegisterHeading, registerCsv, registerJson, registerMarkdown } from "../core/register-export.js";
import { registerHtml } from "../core/register-html.js";
import { rollForwardTo } from "../core/roll-forward.js";
import { validateLog } from "../core/validate.js";

export const REGISTER_FORMATS = ["json", "csv", "md", "html", "docx"] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** Formats whose output is bytes (a file), not text. */
export const BINARY_REGISTER_FORMATS: readonly RegisterFormat[] = ["docx"];

/** The papers and the warnings that go with them. */
export interface RegisterExport {
  output: string | Uint8Array;
  /**
   * One per outstanding action the papers leave out because of its problems (an unreadable
   * Status, a bad ref), as rollover warns of them: a PMO printing the papers must know.
   */
  warnings: string[];
}

/**
 * Built fresh from the log rather than copied from the Register tab, so papers published
 * before the meeting show closures and updates made since the roll-forward.
 */
export async function buildRegister(workbook: Workbook, options: { meeting: number; format: RegisterFormat; now: DateTime }): Promise<RegisterExport> {
  const log = parseLog(await workbook.read());
  const validation = validateLog(log, options.now);
  // From the last Held meeting before it, passing over Cancelled ones: 31's papers come from 29 when 30 was cancelled.
  const today = committeeToday(options.now, log.settings.timezone);
  const result = rollForwardTo(log, validation.actions, options.meeting, today);
  if (!result.ok) throw new ActionlogError("MEETING_NOT_FOUND", `No register for meeting ${options.meeting}: ${result.message}`);
  const heading: RegisterHeading = {
    committeeCode: log.settings.committeeCode,
    committeeName: log.settings.committeeName,
    meeting: result.next,
    date: result.nextDate,
    // The papers' "As at" day: the committee's today, from the caller's clock, never the system's.
    asAt: today,
  };
  const warnings = result.leftOff;
  const papers = async (): Promise<string | Uint8Array> => {
    if (options.format === "json") return registerJson(heading, result.register, warnings);
    if (options.format === "csv") return registerCsv(result.register);
    if (options.format === "html") return registerHtml(heading, result.register);
    // The docx library is large and only this format needs it, so it is not loaded at cold start.
    if (options.format === "docx") return (await import("../adapters/register-docx.js")).registerDocx(heading, result.register);
    return registerMarkdown(heading, result.register);
  };
  return { output: await papers(), warnings };
}

/** The papers alone, for callers that do not report warnings (the demo). */
export const exportRegister = async (workbook: Workbook, options: { meeting: number; format: RegisterFormat; now: DateTime }): Promise<string | Uint8Array> =>
  (await buildRegister(workbook, options)).output;
