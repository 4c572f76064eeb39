/** Creates or replaces whole worksheets for the xlsx adapter, laid out so a member can read them straight away. */
import { columnLetter } from "../../sheets-schema/columns.js";
import type { Workbook as ExcelWorkbook, Worksheet } from "exceljs";
import { headerKey } from "../../sheets-schema/tabs.js";
import { ActionlogError } from "../core/errors.js";
import { cellText } from "../core/text.js";
import type { Cell } from "../core/types.js";
import { findTab } from "./batch-plan.js";
import type { TabReplacement } from "./workbook.js";
import { toExcel } from "./xlsx-cells.js";

/** Long free-text columns: wide and wrapped rather than one endless line. */
const TEXT_COLUMNS = new Set(["action", "update", "checks", "decision", "notes", "reason", "old", "new"]);
/** Columns whose numbers are sheet dates, shown as dates rather than 45306; text in them is untouched. */
const DATE_COLUMNS = new Set(["date", "due", "due date", "closed on"]);
const DATE_FORMAT = "d mmm yyyy";
const HEADER_FILL = "FFDCE6F1";
const TEXT_WIDTH = 48;
const MIN_WIDTH = 10;
const MAX_WIDTH = 32;

/** Excel's own limits on sheet names; breaking them makes exceljs truncate or throw mid-save. */
export const checkTabName = (name: string): void => {
  const problem =
    name.trim() === ""
      ? "it is empty"
      : name.length > 31
        ? "it is longer than 31 characters"
        : /[*?:/\\[\]]/.test(name)
          ? "it contains one of * ? : \\ / [ ]"
          : /^'|'$/.test(name)
            ? "it starts or ends with an apostrophe"
            : name.toLowerCase() === "history"
              ? "Excel reserves it"
              : undefined;
  if (problem) throw new ActionlogError("SCHEMA", `Cannot create tab "${name}" in an Excel workbook: ${problem}.`);
};

const widthFor = (header: string, index: number, rows: readonly Cell[][]): number => {
  if (TEXT_COLUMNS.has(headerKey(header))) return TEXT_WIDTH;
  const longest = rows.reduce((max, row) => {
    const cell = row[index];
    const text = DATE_COLUMNS.has(headerKey(header)) && typeof cell === "number" ? "30 Sep 2026" : cellText(cell ?? null);
    const firstLine = text.split("\n")[0] ?? "";
    return Math.max(max, firstLine.length);
  }, header.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
};

const layOut = (sheet: Worksheet, tab: TabReplacement): void => {
  tab.headers.forEach((header, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = widthFor(header, index, tab.rows);
    // Column-level styles, so rows appended later, by us or by members in Excel, look the same.
    column.alignment = { vertical: "top", wrapText: TEXT_COLUMNS.has(headerKey(header)) };
    if (DATE_COLUMNS.has(headerKey(header))) column.numFmt = DATE_FORMAT;
  });
  const headerRow = sheet.getRow(1);
  tab.headers.forEach((_, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8EA9C8" } } };
    cell.alignment = { vertical: "middle", wrapText: false };
  });
  if (tab.headers.length > 0) {
    const lastRow = Math.max(1, tab.rows.length + 1);
    sheet.autoFilter = `A1:${columnLetter(tab.headers.length)}${lastRow}`;
  }
};

const fill = (sheet: Worksheet, tab: TabReplacement): void => {
  tab.headers.forEach((header, index) => {
    sheet.getCell(1, index + 1).value = toExcel(header);
  });
  tab.rows.forEach((cells, rowIndex) => {
    cells.forEach((cell, index) => {
      if (cell === null || cell === "") return;
      sheet.getCell(rowIndex + 2, index + 1).value = toExcel(cell);
    });
  });
};

/** exceljs keeps sheet order in an untyped `orderNo`; copying it keeps a replaced tab where the members had it. */
type OrderedSheet = Worksheet & { orderNo?: number };

/** Replaces the tab matching `tab.name` (ignoring case) in place, keeping its position, or adds it at the end. */
export const replaceWorksheet = (workbook: ExcelWorkbook, tab: TabReplacement): void => {
  checkTabName(tab.name);
  const existing: OrderedSheet | undefined = findTab(workbook.worksheets, tab.name);
  const orderNo = existing?.orderNo;
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet: OrderedSheet = workbook.addWorksheet(tab.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  if (orderNo !== undefined) sheet.orderNo = orderNo;
  fill(sheet, tab);
  layOut(sheet, tab);
};
