/** Runs the workbook contract against the .xlsx adapter, then how it reads and refuses files on disk. */
import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { failsWith } from "../../support/actionlog-error.js";
import type { Cell } from "../../../shared/core/types.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { encodeText } from "../../../shared/adapters/xlsx-cells.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { describeWorkbook } from "../../support/describe-workbook.js";
import { actions, asReplacement, leftovers, removeTempDirs, seeded, tempPath } from "../../support/xlsx-workbook-files.js";

afterAll(removeTempDirs);

describeWorkbook("xlsx workbook", async (tabs) => (await seeded(tabs)).book, { propertyRuns: 30 });

describe("createXlsxWorkbook on disk", () => {
  it("persists every apply so a fresh adapter reads the same workbook", async () => {
    const { path, book } = await seeded([actions()]);
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2", Status: "Open" } }] });
    expect(await createXlsxWorkbook({ path }).read()).toEqual(await book.read());
    expect(book.label).toBe(path);
  });

  it("reports exceljs dates as serials and formulas, rich text, links, errors as Sheets would, and a covered merged cell as the value shown there", async () => {
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Kinds");
    const jan15 = new Date(Date.UTC(2024, 0, 15));
    sheet.addRow(["Date", "Noon", "Formula", "Uncached", "Rich", "Link", "Error", "Empty", "Merged", "Covered", "Dated"]);
    sheet.addRow([
      jan15,
      new Date(Date.UTC(2024, 0, 15, 12)),
      { formula: "1+1", result: 2 },
      { formula: "A2" },
      { richText: [{ text: "bold ", font: { bold: true } }, { text: "plain" }] },
      { text: "site", hyperlink: "https://example.org" },
      { error: "#REF!" },
      "",
      "merged",
      null,
      { formula: "TODAY()", result: jan15 },
    ]);
    sheet.mergeCells("I2:J2");
    await excel.xlsx.writeFile(path);
    const [tab] = (await createXlsxWorkbook({ path }).read()).tabs;
    expect(tab?.rows).toEqual([
      { row: 2, cells: [45306, 45306.5, 2, null, "bold plain", "site", "#REF!", null, "merged", "merged", 45306] },
    ]);
    expect(tab?.merges).toEqual(["I2:J2"]);
  });

  it("keeps text exceljs would drop, mangle or write unopenable: control characters, CR, U+FFFE, _xHHHH_", async () => {
    const awkward: Cell[] = ["line\u000Bbreak from Word", "bell\u0001", "crlf\r\nx", "bom\uFFFEx", "del\u007Fx", "half \uD83D x", "_x0041_ _x004a_"];
    const headers = awkward.map((_, index) => `T${index}`);
    // Written the way Excel stores such text (escaped), with a merge so covered cells are exercised too.
    const path = await tempPath();
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Text");
    sheet.addRow(headers);
    sheet.addRow(awkward.map((cell) => (typeof cell === "string" ? encodeText(cell) : cell)));
    sheet.mergeCells("A2:B2");
    await excel.xlsx.writeFile(path);
    const merged = [awkward[0] ?? null, awkward[0] ?? null, ...awkward.slice(2)];
    const book = createXlsxWorkbook({ path });
    expect((await book.read()).tabs[0]?.rows).toEqual([{ row: 2, cells: merged }]);

    await book.apply({
      ...emptyBatch(),
      updates: [{ tab: "Text", row: 2, ref: "", column: "T2", expected: awkward[2] ?? null, value: "again\u000B" }],
      appends: [{ tab: "Text", values: Object.fromEntries(headers.map((h, i) => [h, awkward[i] ?? null])) }],
    });
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Text", values: { T0: "third save" } }] });
    expect((await createXlsxWorkbook({ path }).read()).tabs[0]?.rows).toEqual([
      { row: 2, cells: [awkward[0], awkward[0], "again\u000B", ...awkward.slice(3)] },
      { row: 3, cells: awkward },
      { row: 4, cells: ["third save", null, null, null, null, null, null] },
    ]);
  });

  it("names the missing file and the init command, unless asked to create it", async () => {
    const path = await tempPath();
    const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_NOT_FOUND");
    expect(message).toContain(path);
    expect(message).toContain("actionlog init");
    await failsWith(createXlsxWorkbook({ path }).apply({ ...emptyBatch(), tabs: [asReplacement(actions())] }), "WORKBOOK_NOT_FOUND");
    expect(await leftovers(path)).toEqual([]);

    const creating = createXlsxWorkbook({ path, create: true });
    expect(await creating.read()).toEqual({ tabs: [] });
    await creating.apply({ ...emptyBatch(), tabs: [asReplacement(actions())] });
    expect(await createXlsxWorkbook({ path }).read()).toEqual({ tabs: [actions()] });
  });

  it("refuses garbage, empty and truncated files as unreadable and leaves their bytes alone", async () => {
    const { path: valid } = await seeded([actions()]);
    const good = await readFile(valid);
    for (const bytes of [Buffer.from("not a zip at all"), Buffer.alloc(0), good.subarray(0, Math.floor(good.length / 2))]) {
      const path = await tempPath();
      await writeFile(path, bytes);
      const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_UNREADABLE");
      expect(message).toContain(path);
      expect(message).not.toContain("\n");
      expect(message).not.toMatch(/zip|https?:/i); // the library's words stay in the cause
      await failsWith(createXlsxWorkbook({ path }).apply({ ...emptyBatch(), tabs: [asReplacement(actions())] }), "WORKBOOK_UNREADABLE");
      expect(await readFile(path)).toEqual(bytes);
      expect(await leftovers(path)).toEqual([]);
    }
  });

  it("says a zip with no sheets (a Word document renamed .xlsx) is not a spreadsheet, rather than naming a missing tab", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("word/document.xml", "<w:document/>");
    const path = await tempPath();
    await writeFile(path, await zip.generateAsync({ type: "uint8array" }));
    const message = await failsWith(createXlsxWorkbook({ path }).read(), "WORKBOOK_UNREADABLE");
    expect(message).toContain("has no sheets in it, so it is not a spreadsheet");
  });

  it("rejects tab names Excel cannot hold before writing anything", async () => {
    const { path } = await seeded([actions()]);
    const before = await readFile(path);
    for (const name of ["Register ABCDEFGHIJKLMNOPQRSTUVWXYZ1", "Actions: old", "History"]) {
      const batch = { ...emptyBatch(), tabs: [{ name, headers: ["Ref"], rows: [] }] };
      expect(await failsWith(createXlsxWorkbook({ path }).apply(batch), "SCHEMA")).toContain(name);
    }
    expect(await readFile(path)).toEqual(before);
  });
});
