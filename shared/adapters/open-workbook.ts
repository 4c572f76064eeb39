/** Picks the workbook adapter for a --sheet value: a local .xlsx path, or gsheet:<id> for a Google Sheet. */
import { loadConfig } from "../config.js";
import { ActionlogError } from "../core/errors.js";
import type { Workbook } from "./workbook.js";
import { createGoogleWorkbook } from "./workbook.google.js";
import { createXlsxWorkbook } from "./workbook.xlsx.js";

/** The id in `gsheet:<id>`, the part of the sheet's URL between /d/ and /edit. */
export function spreadsheetIdOf(sheet: string): string {
  const id = sheet.slice("gsheet:".length).trim();
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(id)) {
    throw new ActionlogError("USAGE", `"${sheet}" does not name a Google Sheet; write gsheet:<id> with the id from the sheet's URL (docs.google.com/spreadsheets/d/<id>/edit)`);
  }
  return id;
}

/** Google Sheets need nothing but Application Default Credentials; ACTIONLOG_SHEETS_ROOT_URL points them at a local fake. */
export function openWorkbook(sheet: string, options: { create?: boolean; sheetsRootUrl?: string } = {}): Workbook {
  if (sheet.startsWith("gsheet:")) {
    // Opening a workbook sends no mail: a malformed ACTIONLOG_SMTP_URL is for the commands that do to report.
    const rootUrl = options.sheetsRootUrl ?? loadConfig(undefined, { smtpUrl: false }).sheetsRootUrl;
    return createGoogleWorkbook({ spreadsheetId: spreadsheetIdOf(sheet), ...(rootUrl ? { rootUrl } : {}) });
  }
  if (!/\.xlsx$/i.test(sheet)) {
    throw new ActionlogError("USAGE", `${sheet} is not an .xlsx workbook; give a file ending in .xlsx`);
  }
  return createXlsxWorkbook({ path: sheet, create: options.create === true });
}
