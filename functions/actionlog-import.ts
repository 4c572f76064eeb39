/** `actionlog import-minutes`: reads a minutes file, merges it into the log, reports the cross-check. */
import { readFile } from "node:fs/promises";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { loadConfig } from "../shared/config.js";
import { formatUkDate, isIsoDate } from "../shared/core/dates.js";
import { plural } from "../shared/core/email-items.js";
import { ActionlogError } from "../shared/core/errors.js";
import { minutesJson } from "../shared/core/minutes/extract.js";
import { ATTENTION_KINDS } from "../shared/core/minutes/types.js";
import { type ImportMinutesReport, importMinutes } from "../shared/jobs/import-minutes-job.js";
import { type Command, type Io, NO_MAIL, common, required, text } from "./actionlog-command.js";

/** Apologies are listed with the attendees in minutes, but they did not attend. */
const apologies = (report: ImportMinutesReport): string => {
  const sent = report.minutes.attendees.filter((a) => a.apology).length;
  return sent === 0 ? "" : ` (and ${sent} ${sent === 1 ? "apology" : "apologies"})`;
};

async function readSource(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ActionlogError(missing ? "USAGE" : "IO", missing ? `${path} does not exist; give the minutes file (.docx or .txt)` : `${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/** One line per change and addition, then the cross-check findings. */
export function formatImport(sheet: string, report: ImportMinutesReport, dryRun: boolean): string {
  const { meeting } = report.minutes;
  const fresh = report.minutes.actions.filter((a) => a.section === "new").length;
  const when = meeting.date ? ` held ${formatUkDate(meeting.date)}` : "";
  const lines = [
    `Minutes of ${meeting.committee} meeting ${meeting.number}${when}: ${plural(report.minutes.actions.length, "action")} (${fresh} new), ${plural(report.minutes.decisions.length, "decision")}, ${plural(report.minutes.attendees.filter((a) => !a.apology).length, "attendee")}${apologies(report)}, ${plural(report.minutes.updates.length, "update")}.`,
    meeting.next ? `Next meeting: ${formatUkDate(meeting.next)}${report.minutes.nextTime ? ` ${report.minutes.nextTime}` : ""}.` : "No date of next meeting found.",
  ];
  const verb = dryRun ? "would add" : "added";
  const total = report.added.length + report.changes.length;
  lines.push("", total === 0 ? `${sheet} already holds everything in these minutes; nothing to change.` : `${sheet}: ${verb} ${plural(report.added.length, "row")} and ${dryRun ? "would change" : "changed"} ${plural(report.changes.length, "cell")}${dryRun ? " (dry run, nothing written)" : " (each recorded in the Audit tab)"}:`);
  for (const a of report.added) lines.push(`  + ${a.tab}: ${a.summary}`);
  for (const c of report.changes) lines.push(`  ~ ${c.tab}${c.ref ? ` ${c.ref}` : ""} ${c.column}: ${c.old === null ? "(blank)" : JSON.stringify(String(c.old))} -> ${JSON.stringify(String(c.new))}`);
  if (report.minutes.crossCheck.length > 0) {
    lines.push("", "Cross-check (nothing was changed for these):");
    for (const f of report.minutes.crossCheck) lines.push(`  [${f.kind}] ${f.message}`);
  }
  if (report.warnings.length > 0) lines.push("", "Warnings:", ...report.warnings.map((w) => `  ${w}`));
  if (report.skipped > 0) lines.push("", `${plural(report.skipped, "change")} skipped because the sheet changed meanwhile; import again.`);
  return lines.join("\n");
}

export const importMinutesCommand: Command = {
  options: { ...common, "meeting-date": text },
  async run(values, positionals, io: Io) {
    const path = positionals[0];
    if (!path) throw new ActionlogError("USAGE", "give the minutes file, such as actionlog import-minutes minutes.docx --sheet log.xlsx");
    const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
    const meetingDate = values["meeting-date"];
    if (typeof meetingDate === "string" && !isIsoDate(meetingDate)) throw new ActionlogError("USAGE", `--meeting-date "${meetingDate}" must be a real date written YYYY-MM-DD, such as 2023-10-11`);
    const dryRun = values["dry-run"] === true;
    const bytes = await readSource(path);
    const report = await importMinutes(openWorkbook(sheet), bytes, {
      now: loadConfig(undefined, NO_MAIL).now(),
      dryRun,
      actor: "actionlog import-minutes",
      meetingDate: typeof meetingDate === "string" ? meetingDate : null,
      label: path,
    });
    if (values.json) {
      io.out(JSON.stringify({ ...minutesJson(report.minutes), warnings: report.warnings }, null, 2));
      io.err(`${dryRun ? "Would add" : "Added"} ${plural(report.added.length, "row")}, ${dryRun ? "would change" : "changed"} ${plural(report.changes.length, "cell")} in ${sheet}.`);
      for (const warning of report.warnings) io.err(warning);
    } else io.out(formatImport(sheet, report, dryRun));
    return report.minutes.crossCheck.some((f) => ATTENTION_KINDS.has(f.kind)) ? 1 : 0;
  },
};
