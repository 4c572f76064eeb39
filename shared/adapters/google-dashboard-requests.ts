/** Setup's Dashboard tab: helper tables of open and overdue actions by owner and by area, with a native chart over each; pure. */
import type { sheets_v4 } from "@googleapis/sheets";
import { columnIndex, findTab } from "./batch-plan.js";
import { DEFAULT_COLUMNS, DEFAULT_ROWS, quoteSheetName } from "./google-grid.js";
import { columnLetter } from "../../sheets-schema/columns.js";
import type { PlanSink, SheetInventory, SheetRequest, TabLayout } from "./google-setup-parts.js";
import { addSheet, boldRow } from "./google-setup-parts.js";

export const DASHBOARD = "Dashboard";

/** One helper table: a key column, then Open and Overdue counts, starting at `column` (0-based). */
interface Block {
  key: "Owner" | "Area";
  title: string;
  column: number;
  /** Row (0-based) where its chart's top-left corner sits, beside the tables. */
  chartRow: number;
}

const BLOCKS: readonly Block[] = [
  { key: "Owner", title: "Open and overdue actions by owner", column: 0, chartRow: 1 },
  { key: "Area", title: "Open and overdue actions by area", column: 4, chartRow: 21 },
];
const CHART_COLUMN = 8;

/**
 * Live formulas over the Actions tab, so the charts follow every edit without actionlog running.
 * Status blank counts as Open, as the rules say; Due Date is ISO text (DATEVALUE) or a typed date.
 */
export const blockFormulas = (actions: TabLayout, block: Block) => {
  const range = (header: string) => {
    const letter = columnLetter(columnIndex(actions.headers, header) + 1);
    return `${quoteSheetName(actions.name)}!${letter}2:${letter}`;
  };
  const key = range(block.key);
  const status = range("Status");
  const due = range("Due Date");
  const date = `IFERROR(DATEVALUE(${due}),${due})`;
  const keys = `${columnLetter(block.column + 1)}3:${columnLetter(block.column + 1)}`;
  return {
    keys: `=IFERROR(SORT(UNIQUE(FILTER(${key},${key}<>"",LOWER(${status})<>"closed"))),"")`,
    open: `=BYROW(${keys},LAMBDA(k,IF(k="",,COUNTIFS(${key},k,${status},"<>Closed"))))`,
    overdue: `=BYROW(${keys},LAMBDA(k,IF(k="",,SUMPRODUCT((${key}=k)*(LOWER(${status})<>"closed")*ISNUMBER(${date})*(${date}<TODAY())))))`,
  };
};

const text = (value: string): sheets_v4.Schema$CellData => ({ userEnteredValue: { stringValue: value } });
const formula = (value: string): sheets_v4.Schema$CellData => ({ userEnteredValue: { formulaValue: value } });

const tableRequest = (sheetId: number, actions: TabLayout, block: Block): SheetRequest => {
  const formulas = blockFormulas(actions, block);
  return {
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: block.column },
      rows: [
        { values: [text(block.title)] },
        { values: [text(block.key), text("Open"), text("Overdue")] },
        { values: [formula(formulas.keys), formula(formulas.open), formula(formulas.overdue)] },
      ],
      fields: "userEnteredValue",
    },
  };
};

const column = (sheetId: number, index: number, rows: number): sheets_v4.Schema$GridRange => ({
  sheetId,
  startRowIndex: 1,
  endRowIndex: rows,
  startColumnIndex: index,
  endColumnIndex: index + 1,
});

/** A column chart: the key column as the domain, Open and Overdue as two series, row 2 as their names. */
const chartRequest = (sheetId: number, block: Block, rows: number): SheetRequest => ({
  addChart: {
    chart: {
      spec: {
        title: block.title,
        basicChart: {
          chartType: "COLUMN",
          legendPosition: "BOTTOM_LEGEND",
          headerCount: 1,
          axis: [
            { position: "BOTTOM_AXIS", title: block.key },
            { position: "LEFT_AXIS", title: "Actions" },
          ],
          domains: [{ domain: { sourceRange: { sources: [column(sheetId, block.column, rows)] } } }],
          series: [1, 2].map((offset) => ({ series: { sourceRange: { sources: [column(sheetId, block.column + offset, rows)] } }, targetAxis: "LEFT_AXIS" })),
        },
      },
      position: { overlayPosition: { anchorCell: { sheetId, rowIndex: block.chartRow, columnIndex: CHART_COLUMN }, widthPixels: 640, heightPixels: 360 } },
    },
  },
});

/** The Dashboard tab, each helper table unless its key header is already in row 2, and each chart unless one has its title. */
export const dashboardRequests = (inventory: SheetInventory, actions: TabLayout, newId: () => number, out: PlanSink): void => {
  const found = findTab(inventory.tabs, DASHBOARD);
  const sheetId = found?.sheetId ?? newId();
  const rows = found?.rowCount ?? DEFAULT_ROWS;
  if (!found) out.add(`added the ${DASHBOARD} tab`, addSheet(sheetId, DASHBOARD, DEFAULT_COLUMNS, 0), boldRow(sheetId));
  for (const block of BLOCKS) {
    if (found?.cells[1]?.[block.column] !== block.key) {
      out.add(`added the ${DASHBOARD} table of open and overdue actions by ${block.key.toLowerCase()}`, tableRequest(sheetId, actions, block));
    }
    if (!found?.chartTitles.includes(block.title)) out.add(`added the chart "${block.title}"`, chartRequest(sheetId, block, rows));
  }
};
