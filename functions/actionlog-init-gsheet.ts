/** `actionlog init --sheet gsheet:<id>`: prepares an existing Google Sheet, adding only what it lacks. */
import { createGoogleSheetSetup } from "../shared/adapters/google-sheet-setup.js";
import { spreadsheetIdOf } from "../shared/adapters/open-workbook.js";
import { loadConfig } from "../shared/config.js";
import { sheetTime } from "../shared/core/dates.js";
import { setupGoogleSheet } from "../shared/jobs/setup-google-sheet-job.js";
import { type Io, NO_MAIL } from "./actionlog-command.js";

export async function initGoogleSheet(sheet: string, options: { code: string; name: string }, io: Io): Promise<number> {
  const config = loadConfig(undefined, NO_MAIL);
  const rootUrl = config.sheetsRootUrl;
  const target = createGoogleSheetSetup({ spreadsheetId: spreadsheetIdOf(sheet), ...(rootUrl ? { rootUrl } : {}) });
  const now = config.now();
  const audit = { time: sheetTime(now, "Europe/London"), actor: "actionlog init" };
  const report = await setupGoogleSheet(target, { committeeCode: options.code, committeeName: options.name, audit });
  const kept = report.kept.map((line) => `\nNote: ${line}.`).join("");
  if (report.changes.length === 0) {
    io.out(`${target.label} is already set up; nothing changed.${kept}`);
    return 0;
  }
  io.out(`Set up ${target.label}:\n${report.changes.map((change) => `  - ${change}`).join("\n")}${kept}\nNext: fill in Members, Meetings and Actions, then run actionlog validate --sheet ${target.label}`);
  return 0;
}
