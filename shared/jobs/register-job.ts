/** The register export: meeting N's outstanding actions from the current log, read-only. */
import type { DateTime } from "luxon";
import { parseLog } from "../../sheets-schema/parse-log.js";
import type { Workbook } from "../adapters/workbook.js";
import { committeeToday } from "../core/dates.js";
import { ActionlogError } from "../core/errors.js";
import { type RegisterHeading, registerCsv, registerJson, registerMarkdown } from "../core/register-export.js";
import { registerHtml } from "../core/register-html.js";
import { rollForward } from "../core/roll-forward.js";
import { validateLog } from "../core/validate.js";

export const REGISTER_FORMATS = ["json", "csv", "md", "html", "docx"] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** Formats whose output is bytes (a file), not text. */
export const BINARY_REGISTER_FORMATS: readonly RegisterFormat[] = ["docx"];

/**
 * Built fresh from the log rather than copied from the Register tab, so papers published
 * before the meeting show closures and updates made since the roll-forward.
 */
export async function exportRegister(workbook: Workbook, options: { meeting: number; format: RegisterFormat; now: DateTime }): Promise<string | Uint8Array> {
  const log = parseLog(await workbook.read());
  const validation = validateLog(log, options.now);
  const result = rollForward(log, validation.actions, options.meeting - 1, committeeToday(options.now, log.settings.timezone));
  if (!result.ok) throw new ActionlogError("MEETING_NOT_FOUND", `No register for meeting ${options.meeting}: ${result.message}`);
  const heading: RegisterHeading = {
    committeeCode: log.settings.committeeCode,
    committeeName: log.settings.committeeName,
    meeting: result.next,
    date: result.nextDate,
  };
  if (options.format === "json") return registerJson(heading, result.register);
  if (options.format === "csv") return registerCsv(result.register);
  if (options.format === "html") return registerHtml(heading, result.register);
  // The docx library is large and only this format needs it, so it is not loaded at cold start.
  if (options.format === "docx") return (await import("../adapters/register-docx.js")).registerDocx(heading, result.register);
  return registerMarkdown(heading, result.register);
}
