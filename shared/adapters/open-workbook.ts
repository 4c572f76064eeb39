/** Picks the workbook adapter for a --sheet value: a local .xlsx path, or gsheet:<id> later. */
import { ActionlogError } from "../core/errors.js";
import type { Workbook } from "./workbook.js";
import { createXlsxWorkbook } from "./workbook.xlsx.js";

export function openWorkbook(sheet: string, options: { create?: boolean } = {}): Workbook {
  if (sheet.startsWith("gsheet:")) {
    throw new ActionlogError("USAGE", "Google Sheets (gsheet:<id>) needs the cloud deployment, which is not part of this release yet; use a local .xlsx file");
  }
  if (!/\.xlsx$/i.test(sheet)) {
    throw new ActionlogError("USAGE", `${sheet} is not an .xlsx workbook; give a file ending in .xlsx`);
  }
  return createXlsxWorkbook({ path: sheet, create: options.create === true });
}
