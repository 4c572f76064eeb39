/** A save that would drop a member's chart, pivot table or note is refused, and the file is left as it was. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { failsWith } from "../../support/actionlog-error.js";
import { type ChangeBatch, emptyBatch } from "../../../shared/adapters/workbook.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { xlsxLosses } from "../../../shared/adapters/xlsx-losses.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A one-action log as a member's Excel would save it, after `decorate` has added their extras. */
async function memberWorkbook(decorate: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "actionlog-losses-"));
  dirs.push(dir);
  const path = join(dir, "log.xlsx");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Actions");
  sheet.addRow(["Ref", "Status", "Update"]);
  sheet.addRow(["DAG29-01", "open", "Chased on Monday"]);
  decorate(sheet, book);
  await book.xlsx.writeFile(path);
  return path;
}

/** Adds parts to the file as Excel would for a chart or pivot table (exceljs reads past them and never writes them back). */
async function withParts(path: string, parts: Record<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  await writeFile(path, await zip.generateAsync({ type: "uint8array" }));
}

const statusFix: ChangeBatch = {
  ...emptyBatch(),
  updates: [{ tab: "Actions", row: 2, ref: "DAG29-01", column: "Status", expected: "open", value: "Open" }],
};

const refusal = (path: string): Promise<string> => failsWith(createXlsxWorkbook({ path }).apply(statusFix), "WORKBOOK_UNSUPPORTED");

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("saving a local workbook that holds what exceljs cannot write back", () => {
  it.each([
    ["a chart", { "xl/charts/chart1.xml": "<c:chartSpace/>" }, "1 chart", "move them to another workbook"],
    ["two pivot tables", { "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>", "xl/pivotTables/pivotTable2.xml": "<pivotTableDefinition/>" }, "2 pivot tables", "move them to another workbook"],
    ["a macro project", { "xl/vbaProject.bin": "binary" }, "1 macro project", "keep the log in a Google Sheet"],
    [
      "a comment thread with a reply",
      {
        "xl/threadedComments/threadedComment1.xml":
          '<ThreadedComments><threadedComment ref="C2" id="{1}"><text>Lee to confirm</text></threadedComment><threadedComment ref="C2" id="{2}" parentId="{1}"><text>Done</text></threadedComment></ThreadedComments>',
      },
      "2 threaded comments and replies",
      "Convert to Notes",
    ],
  ])("refuses a save that would drop %s, naming it and the way out, and leaves the file byte for byte", async (_, parts, named, fix) => {
    const path = await memberWorkbook(() => undefined);
    await withParts(path, parts);
    const before = await readFile(path);
    const message = await refusal(path);
    expect(message).toContain(`would lose ${named}`);
    expect(message).toContain(path);
    expect(message).toContain("nothing was saved");
    expect(message).toContain(fix);
    expect(await readFile(path)).toEqual(before);
  });

  it("refuses a save that would drop a note on an empty cell, and keeps one on a cell with a value", async () => {
    const path = await memberWorkbook((sheet) => {
      sheet.getCell("C2").note = "Ask Lee before closing";
      sheet.getCell("D2").note = "Nothing typed here yet";
    });
    const before = await readFile(path);
    expect(await refusal(path)).toMatch(/would lose 1 cell note \(Actions!D2\), .*a note on an empty cell stays once the cell has a value/);
    expect(await readFile(path)).toEqual(before);

    const kept = await memberWorkbook((sheet) => {
      sheet.getCell("C2").note = "Ask Lee before closing";
    });
    expect(await createXlsxWorkbook({ path: kept }).apply(statusFix)).toMatchObject({ applied: 1 });
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(kept);
    expect(after.getWorksheet("Actions")?.getCell("B2").value).toBe("Open");
    expect(after.getWorksheet("Actions")?.getCell("C2").note).toBe("Ask Lee before closing");
  });

  it("saves workbooks whose extras exceljs keeps: pictures, Excel tables, formatting", async () => {
    const path = await memberWorkbook((sheet, book) => {
      sheet.addImage(book.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "E2:F4");
      sheet.getCell("A2").font = { bold: true };
    });
    expect(await createXlsxWorkbook({ path }).apply(statusFix)).toMatchObject({ applied: 1 });
    const tabled = await memberWorkbook((sheet) => {
      sheet.addTable({ name: "Notes", ref: "H1", headerRow: true, columns: [{ name: "Note" }], rows: [["first"]] });
    });
    expect(await createXlsxWorkbook({ path: tabled }).apply(statusFix)).toMatchObject({ applied: 1 });
    expect(Object.keys((await JSZip.loadAsync(await readFile(tabled))).files)).toContain("xl/tables/table1.xml");
  });

  it("finds nothing lost between a file and itself, and counts each kind apart", async () => {
    const path = await memberWorkbook((sheet) => {
      sheet.getCell("D2").note = "empty-cell note";
    });
    await withParts(path, { "xl/charts/chart1.xml": "<c:chartSpace/>", "xl/charts/chart2.xml": "<c:chartSpace/>" });
    const bytes = await readFile(path);
    expect(await xlsxLosses(bytes, bytes)).toEqual([]);
    const plain = await readFile(await memberWorkbook(() => undefined));
    expect(await xlsxLosses(bytes, plain)).toEqual(["2 charts", "1 cell note (Actions!D2)"]);
  });

  it("names each lost note's tab and cell, the first three only, wherever Excel numbered its notes part", async () => {
    const path = await memberWorkbook((sheet, book) => {
      for (const cell of ["D2", "D3", "D4", "D5"]) sheet.getCell(cell).note = `note in ${cell}`;
      book.addWorksheet("Register 13").getCell("N5").note = "on a tab with a space";
      book.addWorksheet("Kept").getCell("A1").note = "kept";
    });
    // Excel numbers notes parts in the order it meets them, not by tab: give tab 1's notes the highest number.
    const zip = await JSZip.loadAsync(await readFile(path));
    const partOf = async (sheet: number) => /Target="\.\.\/(comments\d+\.xml)"/.exec((await zip.file(`xl/worksheets/_rels/sheet${sheet}.xml.rels`)?.async("string")) ?? "")?.[1];
    const [first, last] = [await partOf(1), await partOf(3)];
    if (!first || !last) throw new Error("exceljs wrote no notes part");
    const swap = async (name: string, from: string, to: string) => zip.file(name, ((await zip.file(name)?.async("string")) ?? "").replace(from, to));
    const [firstXml, lastXml] = [await zip.file(`xl/${first}`)?.async("string"), await zip.file(`xl/${last}`)?.async("string")];
    zip.file(`xl/${first}`, lastXml ?? "").file(`xl/${last}`, firstXml ?? "");
    await swap("xl/worksheets/_rels/sheet1.xml.rels", first, last);
    await swap("xl/worksheets/_rels/sheet3.xml.rels", last, first);
    const before = await zip.generateAsync({ type: "uint8array" });

    const kept = await memberWorkbook((_, book) => {
      book.addWorksheet("Register 13");
      book.addWorksheet("Kept").getCell("A1").note = "kept";
    });
    expect(await xlsxLosses(before, await readFile(kept))).toEqual(["5 cell notes (Actions!D2, Actions!D3, Actions!D4 and 2 more)"]);
    const oneTab = await memberWorkbook((sheet, book) => {
      for (const cell of ["D2", "D3", "D4", "D5"]) sheet.getCell(cell).note = `note in ${cell}`;
      book.addWorksheet("Register 13");
      book.addWorksheet("Kept").getCell("A1").note = "kept";
    });
    expect(await xlsxLosses(before, await readFile(oneTab))).toEqual(["1 cell note ('Register 13'!N5)"]);
  });
});
