/** The .xlsx adapter's formatting: how it lays out tabs it replaces, and that it keeps a member's formatting elsewhere. */
import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { removeTempDirs, seeded, tempPath } from "../../support/xlsx-workbook-files.js";

afterAll(removeTempDirs);

/** exceljs has worksheet.dataValidations at runtime but leaves it out of its type definitions. */
type Validations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void; find(address: string): unknown } };
const validations = (sheet: ExcelJS.Worksheet | undefined) => (sheet as unknown as Validations | undefined)?.dataValidations;

describe("createXlsxWorkbook formatting", () => {
  const load = async (path: string) => {
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(path);
    return excel;
  };

  it("lays out replaced tabs: bold filled frozen header, autofilter, wide wrapped text columns, dates", async () => {
    const { path, book } = await seeded([
      { name: "Actions", headers: ["Ref", "Action", "Due"], rows: [{ row: 2, cells: ["A-1", "Write it up", 45306] }] },
      { name: "Meetings", headers: ["Meeting", "Date"], rows: [] },
    ]);
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Meetings", values: { Meeting: 30, Date: 45307 } }] });
    expect((await book.read()).tabs[1]?.rows).toEqual([{ row: 2, cells: [30, 45307] }]);
    const excel = await load(path);
    expect(excel.getWorksheet("Meetings")?.getCell("B2").numFmt).toMatch(/yyyy/);
    const sheet = excel.getWorksheet("Actions");
    const header = sheet?.getCell("A1");
    expect(header?.font?.bold).toBe(true);
    expect(header?.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBe("A1:C2");
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet?.getCell("B2").alignment?.wrapText).toBe(true);
    expect(sheet?.getCell("C2").numFmt).toMatch(/yyyy/);
  });

  it("keeps a member's formatting on tabs it only updates or appends to, and writes '=' text as text", async () => {
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Actions");
    sheet.addRow(["Ref", "Status", "Due"]);
    sheet.addRow(["A-1", "Open", new Date(Date.UTC(2024, 0, 15))]);
    sheet.getColumn(2).width = 33;
    sheet.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    sheet.getCell("C2").numFmt = "dd/mm/yyyy";
    validations(sheet)?.add("B2:B500", { type: "list", allowBlank: true, formulae: ['"Open,Closed"'] });
    await excel.xlsx.writeFile(path);

    await createXlsxWorkbook({ path }).apply({
      ...emptyBatch(),
      updates: [{ tab: "Actions", row: 2, ref: "A-1", column: "Status", expected: "Open", value: "=1+1" }],
      appends: [{ tab: "Actions", values: { Ref: "A-2", Due: 45307 } }],
    });
    const after = (await load(path)).getWorksheet("Actions");
    expect(after?.getColumn(2).width).toBe(33);
    expect(after?.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFF0000" } });
    expect(after?.getCell("B2").value).toBe("=1+1");
    expect(after?.getCell("B2").formula).toBeUndefined();
    expect(after?.getCell("C3").numFmt).toBe("dd/mm/yyyy");
    expect(validations(after)?.find("B3")).toMatchObject({ type: "list" });
    expect((await stat(path)).size).toBeGreaterThan(0);
  });
});
