/** The commands of `actionlog`: each parses its flags, builds adapters and calls one use case. */
import { extname } from "node:path";
import { existsSync } from "node:fs";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { loadConfig } from "../shared/config.js";
import { meansNextMeeting, resolveDue } from "../shared/core/due-dates.js";
import { ActionlogError } from "../shared/core/errors.js";
import { HOLIDAY_REGIONS, type HolidayRegion } from "../shared/core/types.js";
import { initLog } from "../shared/jobs/init-job.js";
import { BINARY_REGISTER_FORMATS, REGISTER_FORMATS, type RegisterFormat, buildRegister } from "../shared/jobs/register-job.js";
import { runRollover } from "../shared/jobs/rollover-job.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import { runDemo } from "./actionlog-demo.js";
import { initGoogleSheet } from "./actionlog-init-gsheet.js";
import { importMinutesCommand } from "./actionlog-import.js";
import { DIGEST_COMMANDS } from "./actionlog-digest.js";
import { serve } from "./actionlog-serve.js";
import { type Command, NO_MAIL, type Values, checkOut, common, flag, meetingNumber, print, required, text, writeOut } from "./actionlog-command.js";
import { formatRollover, formatValidate } from "./actionlog-output.js";

export const USAGE = `actionlog: a committee's action log, checked, dated and rolled forward

Usage:
  actionlog init <file.xlsx> --committee DAG --name "Design Advisory Group"
  actionlog init --sheet gsheet:<spreadsheetId> --committee DAG --name "Design Advisory Group"
  actionlog validate --sheet <file> [--dry-run] [--json]
  actionlog rollover --sheet <file> --meeting N [--dry-run] [--json]
  actionlog register --sheet <file> --meeting N [--format json|csv|md|html|docx] [--out FILE]   (format from --out's extension, else md; docx needs --out)
  actionlog import-minutes <minutes.docx|minutes.txt> --sheet <file> [--meeting-date YYYY-MM-DD] [--dry-run] [--json]
  actionlog due "<text>" --from YYYY-MM-DD [--next YYYY-MM-DD] [--region england-and-wales] [--asap-days 5] [--json]
  actionlog digest --sheet <file> [--today YYYY-MM-DD] [--outbox DIR | --smtp URL] [--dry-run] [--json]
  actionlog preview --sheet <file> --person "Name" [--today YYYY-MM-DD] [--out FILE.html]
  actionlog demo [--dir ./actionlog-demo]
  actionlog serve --sheet <file.xlsx> [--port 8080]

Exit codes: 0 done; 1 done, but something to act on (log problems, minutes that conflict
with the log, a message that failed and will be retried, outstanding actions left off a
register); 2 bad usage or unreadable workbook.
--sheet takes a local .xlsx path or gsheet:<spreadsheetId>.
Due accepts 13/10/2023, 13 Oct 2023, 2023-10-13, ASAP, Next meeting, +10 WD, 10 working days.
`;

/**
 * --format, else the --out file's extension, else md. A format that contradicts the extension is
 * refused: Word cannot open Markdown saved as register.docx.
 */
function registerFormat(values: Values): RegisterFormat {
  const out = typeof values.out === "string" ? values.out : undefined;
  const extension = out === undefined ? undefined : extname(out).slice(1).toLowerCase();
  const fromOut = REGISTER_FORMATS.find((f) => f === extension);
  const format = (typeof values.format === "string" ? values.format.toLowerCase() : (fromOut ?? "md")) as RegisterFormat;
  if (!REGISTER_FORMATS.includes(format)) throw new ActionlogError("USAGE", `--format "${format}" is not supported; use ${REGISTER_FORMATS.join(", ")}`);
  if (fromOut !== undefined && fromOut !== format) {
    throw new ActionlogError("USAGE", `--out ${out} ends in .${fromOut} but --format is ${format}; name the file register.${format}, or leave --format out to write ${fromOut}`);
  }
  return format;
}

export const COMMANDS = {
  init: {
    options: { committee: text, name: text, sheet: text, help: flag },
    async run(values, positionals, io) {
      const path = positionals[0] ?? (typeof values.sheet === "string" ? values.sheet : undefined);
      if (!path) throw new ActionlogError("USAGE", "give the workbook to create, such as actionlog init log.xlsx --committee DAG --name \"Design Advisory Group\"");
      const code = required(values, "committee", "the ref prefix, such as DAG").toUpperCase();
      if (!/^[A-Z]{1,12}$/.test(code)) throw new ActionlogError("USAGE", `--committee "${code}" must be letters only, such as DAG, since refs are written DAG29-01`);
      if (path.startsWith("gsheet:")) return initGoogleSheet(path, { code, name: typeof values.name === "string" ? values.name : "" }, io);
      if (existsSync(path)) throw new ActionlogError("WORKBOOK_EXISTS", `${path} already exists; choose a new file name (init never overwrites a log)`);
      const tabs = await initLog(openWorkbook(path, { create: true }), { code, name: typeof values.name === "string" ? values.name : "" });
      io.out(`Created ${path} with tabs ${tabs.join(", ")}.\nNext: fill in Members, Meetings and Actions, then run actionlog validate --sheet ${path}`);
      return 0;
    },
  },
  validate: {
    options: common,
    async run(values, _positionals, io) {
      const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
      const report = await runValidate(openWorkbook(sheet), { now: loadConfig(undefined, NO_MAIL).now(), dryRun: values["dry-run"] === true, actor: "actionlog validate" });
      const { skipped: _skipped, ...json } = report;
      print(io, values, json, formatValidate(sheet, report, values["dry-run"] === true));
      return report.ok ? 0 : 1;
    },
  },
  rollover: {
    options: { ...common, meeting: text },
    async run(values, _positionals, io) {
      const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
      const report = await runRollover(openWorkbook(sheet), { meeting: meetingNumber(values), now: loadConfig(undefined, NO_MAIL).now(), dryRun: values["dry-run"] === true, actor: "actionlog rollover" });
      print(io, values, { meeting: report.meeting, next: report.next, register: report.register, warnings: report.warnings }, formatRollover(sheet, report, values["dry-run"] === true));
      // Carried values left because rows changed mid-run, or outstanding actions left off the register (as register exits): done, but not all of it.
      return report.skipped > 0 || report.leftOff > 0 ? 1 : 0;
    },
  },
  register: {
    options: { sheet: text, meeting: text, format: text, out: text, help: flag },
    async run(values, _positionals, io) {
      const sheet = required(values, "sheet", "the workbook, such as log.xlsx");
      const format = registerFormat(values);
      if (typeof values.out === "string") checkOut(values.out, sheet, typeof values.format === "string" ? undefined : REGISTER_FORMATS, `, or give --format ${REGISTER_FORMATS.join("|")}`);
      if (BINARY_REGISTER_FORMATS.includes(format) && typeof values.out !== "string") throw new ActionlogError("USAGE", `--format ${format} writes a file; give it with --out, such as --out register.${format}`);
      const { output, warnings } = await buildRegister(openWorkbook(sheet), { meeting: meetingNumber(values), format, now: loadConfig(undefined, NO_MAIL).now() });
      if (typeof values.out === "string") {
        await writeOut(values.out, output);
        io.err(`Wrote ${values.out}`);
      } else io.out(String(output));
      // On stderr, so the papers on stdout stay clean; the JSON format carries them too.
      if (warnings.length > 0) io.err(["Warnings (not in the papers until fixed; run actionlog validate):", ...warnings.map((w) => `  ${w}`)].join("\n"));
      // Done, but live actions are missing from the papers: something to act on.
      return warnings.length > 0 ? 1 : 0;
    },
  },
  due: {
    options: { from: text, next: text, region: text, "asap-days": text, json: flag, help: flag },
    async run(values, positionals, io) {
      const input = positionals.join(" ");
      if (input.trim() === "") throw new ActionlogError("USAGE", 'give the Due text, such as actionlog due "+10 WD" --from 2023-10-11');
      const from = required(values, "from", "the meeting date, YYYY-MM-DD");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new ActionlogError("USAGE", `--from "${from}" must be written YYYY-MM-DD`);
      const region = (values.region ?? "england-and-wales") as HolidayRegion;
      if (!HOLIDAY_REGIONS.includes(region)) throw new ActionlogError("USAGE", `--region "${region}" is not a region; use ${HOLIDAY_REGIONS.join(", ")}`);
      const asap = Number(values["asap-days"] ?? 5);
      if (!Number.isInteger(asap) || asap < 0) throw new ActionlogError("USAGE", "--asap-days must be a whole number");
      const next = typeof values.next === "string" ? values.next : null;
      if (next !== null && !/^\d{4}-\d{2}-\d{2}$/.test(next)) throw new ActionlogError("USAGE", `--next "${next}" must be written YYYY-MM-DD`);
      // Without a log there is no Meetings tab to look in, so the date has to come from the command line.
      if (next === null && meansNextMeeting(input)) throw new ActionlogError("USAGE", `"${input}" needs the next meeting's date; give it with --next YYYY-MM-DD`);
      const result = resolveDue(input, { meetingDate: from, nextMeetingDate: next, asapWorkingDays: asap, region });
      if (!result.ok) throw new ActionlogError("USAGE", result.message);
      print(io, values, { input, date: result.date, rule: result.rule }, `${result.date} (${result.rule})`);
      return 0;
    },
  },
  demo: {
    options: { dir: text, help: flag },
    async run(values, _positionals, io) {
      return runDemo(typeof values.dir === "string" ? values.dir : "actionlog-demo", loadConfig(undefined, NO_MAIL).now(), io);
    },
  },
  serve,
  "import-minutes": importMinutesCommand,
  ...DIGEST_COMMANDS,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
