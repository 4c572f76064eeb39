/** Converts between exceljs worksheets and the port's cells: serial dates, cached formula results, plain text. */
import type { CellValue, Workbook as ExcelWorkbook, Worksheet } from "exceljs";
import type { Cell } from "../core/types.js";
import type { BatchPlan } from "./batch-plan.js";
import { alignRow, isBlankRow, trimHeaders } from "./batch-plan.js";
import { type MergeBox, rangeName, withMerges } from "./merged-cells.js";
import type { RawTab, RawWorkbook } from "./workbook.js";

const MS_PER_DAY = 86_400_000;
/** Sheet serial day 0 is 1899-12-30, the epoch Google Sheets' SERIAL_NUMBER uses too. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** exceljs's ValueType.Merge: a cell covered by a merge, other than its top-left (master) cell. */
const MERGE_TYPE = 1;

export const dateToSerial = (date: Date): number => (date.getTime() - SERIAL_EPOCH_MS) / MS_PER_DAY;

const richText = (value: unknown): string | undefined => {
  if (typeof value !== "object" || value === null || !("richText" in value)) return undefined;
  const runs = (value as { richText: unknown }).richText;
  return Array.isArray(runs) ? runs.map((run) => String((run as { text?: unknown }).text ?? "")).join("") : undefined;
};

/** One exceljs cell value as the port reports it. */
export const fromExcel = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value !== "object") return null;
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) return fromExcel((value as { result?: unknown }).result);
  if ("hyperlink" in value && "text" in value) return fromExcel(richText(value.text) ?? value.text);
  const text = richText(value);
  return text === undefined || text === "" ? null : text;
};

/** One worksheet as a RawTab: header text from row 1, non-blank data rows after it, each merged cell showing its top-left value. */
export const readWorksheet = (sheet: Worksheet): RawTab => {
  // Found from the covered cells, since exceljs keeps its list of merges private.
  const merges = new Map<string, MergeBox>();
  const cellsOf = (rowNumber: number): Cell[] => {
    const row = sheet.findRow(rowNumber);
    if (!row) return [];
    // findCell, not getCell: reading must not create cells that the next save would write out.
    return Array.from({ length: row.cellCount }, (_, index) => {
      const cell = row.findCell(index + 1);
      if (cell === undefined) return null;
      if (cell.type !== MERGE_TYPE) return fromExcel(cell.value);
      const master = cell.master;
      const box = merges.get(master.address) ?? { top: Number(master.row), left: Number(master.col), bottom: rowNumber, right: index + 1 };
      merges.set(master.address, { ...box, bottom: Math.max(box.bottom, rowNumber), right: Math.max(box.right, index + 1) });
      return null;
    });
  };
  const headers = trimHeaders(cellsOf(1).map((cell) => (cell === null ? "" : String(cell))));
  const rows: RawTab["rows"] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const cells = cellsOf(rowNumber);
    if (!isBlankRow(cells)) rows.push({ row: rowNumber, cells: alignRow(cells, headers.length) });
  }
  return withMerges({ name: sheet.name, headers, rows }, [...merges.values()].map(rangeName));
};

export const readWorkbook = (workbook: ExcelWorkbook): RawWorkbook => ({
  tabs: workbook.worksheets.map(readWorksheet),
});

/**
 * Text in the form Excel stores it. exceljs decodes Excel's `_xHHHH_` escapes on load but never
 * encodes on save: it drops control characters (Word's \v line break among them), lets XML turn
 * \r\n into \n, writes U+FFFE and lone surrogates raw (a file nothing can open again) and turns a
 * literal `_x0041_` into "A" next time. Escaping them the way Excel does keeps every cell exact.
 */
export const encodeText = (text: string): string =>
  text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
      /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );

/**
 * Escapes the text of every string, rich-text and hyperlink cell just before saving. It must run
 * over the whole workbook, not only the cells this batch wrote: exceljs holds decoded text for
 * every cell it loaded and would otherwise save the members' text without the escapes.
 */
export const encodeWorkbookText = (workbook: ExcelWorkbook): void => {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        // A cell covered by a merge reads and writes through to its master, which has its own turn.
        if (cell.type === MERGE_TYPE) return;
        const value = cell.value;
        if (typeof value === "string") {
          cell.value = encodeText(value);
        } else if (value && typeof value === "object" && "richText" in value) {
          cell.value = { richText: value.richText.map((run) => ({ ...run, text: encodeText(run.text) })) };
        } else if (value && typeof value === "object" && "hyperlink" in value && typeof value.text === "string") {
          cell.value = { ...value, text: encodeText(value.text) };
        }
      });
    });
  }
};

/** Strings go in as plain text (exceljs never turns "=1+1" into a formula); blanks clear the value. */
export const toExcel = (cell: Cell): CellValue => (cell === "" ? null : cell);

/**
 * Extends an existing "A1:L20" autofilter down to `lastRow`, so appended rows can be filtered too.
 * Filters set up some other way are the member's business and are left alone.
 */
const extendAutoFilter = (sheet: Worksheet, lastRow: number): void => {
  const match = typeof sheet.autoFilter === "string" ? /^([A-Z]+)1:([A-Z]+)(\d+)$/.exec(sheet.autoFilter) : null;
  if (match && Number(match[3]) < lastRow) sheet.autoFilter = `${match[1]}1:${match[2]}${lastRow}`;
};

/** Writes the plan's cell updates and appended rows; appended cells take the style of the row above, as Sheets does. */
export const writeCells = (workbook: ExcelWorkbook, plan: Pick<BatchPlan, "writes" | "appends">): void => {
  const sheetFor = (name: string): Worksheet => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`Planned a write to missing worksheet "${name}"`);
    return sheet;
  };
  for (const write of plan.writes) sheetFor(write.tab).getCell(write.row, write.column).value = toExcel(write.value);
  for (const append of plan.appends) {
    const sheet = sheetFor(append.tab);
    const above = append.row > 2 ? sheet.findRow(append.row - 1) : undefined;
    const row = sheet.getRow(append.row);
    append.cells.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      const template = above?.findCell(index + 1);
      if (template && Object.keys(template.style).length > 0) cell.style = structuredClone(template.style);
      if (value !== null) cell.value = toExcel(value);
    });
    extendAutoFilter(sheet, append.row);
  }
};
