/** The Google side of `actionlog init --sheet gsheet:<id>`: one read of what the sheet has, one batchUpdate of what it lacks. */
import type { sheets_v4 } from "@googleapis/sheets";
import { cellFromValue, isGridSheet, sheetInfo } from "./google-grid.js";
import type { InventoryTab, SheetInventory, SheetRequest } from "./google-setup-parts.js";
import { createSheetsApi, type SheetsApiOptions } from "./google-sheets-api.js";

/** What setup needs from a spreadsheet: its inventory, and a way to apply the planned requests at once. */
export interface SheetSetupTarget {
  readonly label: string;
  inspect(): Promise<SheetInventory>;
  /** All or nothing: Google applies a batchUpdate whole or not at all. */
  update(requests: SheetRequest[]): Promise<void>;
}

/** Everything setup checks before adding anything: tabs, their cells, row-2 drop-downs, rules, protections and charts. */
const INVENTORY_FIELDS = [
  "sheets(properties(sheetId,title,index,sheetType,gridProperties(rowCount,columnCount,frozenRowCount))",
  "conditionalFormats(ranges,booleanRule(condition(type),format(backgroundColor)))",
  "protectedRanges(protectedRangeId,description,warningOnly)",
  "charts(chartId,spec(title))",
  "data(startRow,rowData(values(effectiveValue,dataValidation(condition(type))))))",
].join(",");

const inventoryTab = (sheet: sheets_v4.Schema$Sheet): InventoryTab => {
  const info = sheetInfo(sheet);
  const rowData = sheet.data?.[0]?.rowData ?? [];
  const cells = rowData.map((row) => (row?.values ?? []).map((value) => cellFromValue(value?.effectiveValue)));
  return {
    ...info,
    frozenRowCount: sheet.properties?.gridProperties?.frozenRowCount ?? 0,
    cells,
    row2Validation: (rowData[1]?.values ?? []).map((value) => value?.dataValidation?.condition?.type ?? undefined),
    conditionalFormats: sheet.conditionalFormats ?? [],
    protectedRanges: sheet.protectedRanges ?? [],
    chartTitles: (sheet.charts ?? []).map((chart) => chart.spec?.title ?? "").filter((title) => title !== ""),
  };
};

export function createGoogleSheetSetup(options: SheetsApiOptions): SheetSetupTarget {
  const api = createSheetsApi(options);
  return {
    label: `gsheet:${options.spreadsheetId}`,
    async inspect() {
      const spreadsheet = await api.get({ fields: INVENTORY_FIELDS }, "read");
      return { tabs: (spreadsheet.sheets ?? []).filter(isGridSheet).map(inventoryTab) };
    },
    async update(requests) {
      if (requests.length > 0) await api.batchUpdate(requests, "set up");
    },
  };
}

