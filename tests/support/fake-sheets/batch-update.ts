/** The fake's writes: spreadsheets.batchUpdate request kinds and values.batchUpdate, each all-or-nothing like the real API. */
import type { sheets_v4 } from "@googleapis/sheets";
import type { FakeCell, FakeSheet, FakeSpreadsheet } from "./store.js";
import { FakeApiError, isCovered, newSheet, resolveRange, sheetById } from "./store.js";

type Request = sheets_v4.Schema$Request;
type Reply = sheets_v4.Schema$Response;

const bounds = (sheet: FakeSheet, range: sheets_v4.Schema$GridRange, where: string) => {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const box = {
    startRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? rowCount,
    startColumn: range.startColumnIndex ?? 0,
    endColumn: range.endColumnIndex ?? columnCount,
  };
  if (box.endRow > rowCount || box.endColumn > columnCount) {
    throw new FakeApiError(400, `Invalid ${where}: Range exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
  }
  return box;
};

const cellAt = (sheet: FakeSheet, row: number, column: number): FakeCell => {
  const cells = sheet.cells[row] ?? [];
  sheet.cells[row] = cells;
  const cell = cells[column] ?? {};
  cells[column] = cell;
  return cell;
};

/** Writes the CellData fields named in `fields` ("userEnteredValue", "dataValidation", "*"); formats are accepted and not kept. */
const writeCell = (sheet: FakeSheet, row: number, column: number, data: sheets_v4.Schema$CellData | undefined, fields: string) => {
  if (isCovered(sheet, row, column)) return;
  const all = fields === "*";
  const cell = cellAt(sheet, row, column);
  if (all || fields.includes("userEnteredValue")) {
    const value = data?.userEnteredValue;
    if (value && Object.keys(value).length > 0) cell.value = { ...value };
    else delete cell.value;
  }
  if (all || fields.includes("dataValidation")) {
    if (data?.dataValidation) cell.dataValidation = structuredClone(data.dataValidation);
    else delete cell.dataValidation;
  }
};

const updateCells = (book: FakeSpreadsheet, request: sheets_v4.Schema$UpdateCellsRequest, where: string) => {
  const rows = request.rows ?? [];
  const fields = request.fields ?? "";
  if (fields === "") throw new FakeApiError(400, `Invalid ${where}: At least one field must be specified.`);
  if (request.range) {
    const sheet = sheetById(book, request.range.sheetId);
    const box = bounds(sheet, request.range, where);
    for (let row = box.startRow; row < box.endRow; row += 1) {
      for (let column = box.startColumn; column < box.endColumn; column += 1) {
        const data = rows[row - box.startRow]?.values?.[column - box.startColumn];
        if (data || sheet.cells[row]?.[column]) writeCell(sheet, row, column, data, fields);
      }
    }
    return;
  }
  const start = request.start ?? {};
  const sheet = sheetById(book, start.sheetId);
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  const top = start.rowIndex ?? 0;
  const left = start.columnIndex ?? 0;
  bounds(sheet, { startRowIndex: top, endRowIndex: top + rows.length, startColumnIndex: left, endColumnIndex: left + width }, where);
  rows.forEach((rowData, r) => {
    (rowData.values ?? []).forEach((data, c) => {
      writeCell(sheet, top + r, left + c, data, fields);
    });
  });
};

const handlers: Record<string, (book: FakeSpreadsheet, body: never, where: string) => Reply | undefined> = {
  addSheet(book, body: sheets_v4.Schema$AddSheetRequest) {
    const properties = body.properties ?? {};
    const sheet = newSheet(book, properties.title ?? `Sheet${book.sheets.length + 1}`, properties.sheetId ?? undefined);
    const grid = properties.gridProperties ?? {};
    sheet.properties.gridProperties = {
      rowCount: grid.rowCount ?? 1000,
      columnCount: grid.columnCount ?? 26,
      ...(grid.frozenRowCount ? { frozenRowCount: grid.frozenRowCount } : {}),
    };
    book.sheets.push(sheet);
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },
  updateCells(book, body: sheets_v4.Schema$UpdateCellsRequest, where) {
    updateCells(book, body, where);
    return undefined;
  },
  repeatCell(book, body: sheets_v4.Schema$RepeatCellRequest, where) {
    const sheet = sheetById(book, body.range?.sheetId);
    const box = bounds(sheet, body.range ?? {}, where);
    const fields = body.fields ?? "";
    if (!fields.includes("userEnteredValue") && !fields.includes("dataValidation")) return undefined;
    for (let row = box.startRow; row < box.endRow; row += 1) {
      for (let column = box.startColumn; column < box.endColumn; column += 1) writeCell(sheet, row, column, body.cell ?? {}, fields);
    }
    return undefined;
  },
  unmergeCells(book, body: sheets_v4.Schema$UnmergeCellsRequest, where) {
    const sheet = sheetById(book, body.range?.sheetId);
    const box = bounds(sheet, body.range ?? {}, where);
    const inside = (m: sheets_v4.Schema$GridRange) =>
      (m.startRowIndex ?? 0) < box.endRow && (m.endRowIndex ?? 0) > box.startRow && (m.startColumnIndex ?? 0) < box.endColumn && (m.endColumnIndex ?? 0) > box.startColumn;
    sheet.merges = sheet.merges.filter((m) => !inside(m));
    return undefined;
  },
  appendDimension(book, body: sheets_v4.Schema$AppendDimensionRequest) {
    const grid = sheetById(book, body.sheetId).properties.gridProperties;
    if (body.dimension === "ROWS") grid.rowCount += body.length ?? 0;
    else grid.columnCount += body.length ?? 0;
    return undefined;
  },
  updateSheetProperties(book, body: sheets_v4.Schema$UpdateSheetPropertiesRequest, where) {
    const sheet = sheetById(book, body.properties?.sheetId);
    const fields = (body.fields ?? "").split(",").map((f) => f.trim());
    for (const field of fields) {
      if (field === "title" && body.properties?.title) sheet.properties.title = body.properties.title;
      else if (field === "gridProperties.frozenRowCount") sheet.properties.gridProperties.frozenRowCount = body.properties?.gridProperties?.frozenRowCount ?? 0;
      else throw new FakeApiError(400, `Invalid ${where}: the fake does not update field "${field}"`);
    }
    return undefined;
  },
  setDataValidation(book, body: sheets_v4.Schema$SetDataValidationRequest, where) {
    const range = body.range ?? {};
    const sheet = sheetById(book, range.sheetId);
    const box = bounds(sheet, range, where);
    for (let row = box.startRow; row < box.endRow; row += 1) {
      for (let column = box.startColumn; column < box.endColumn; column += 1) {
        writeCell(sheet, row, column, body.rule ? { dataValidation: body.rule } : {}, "dataValidation");
      }
    }
    return undefined;
  },
  addConditionalFormatRule(book, body: sheets_v4.Schema$AddConditionalFormatRuleRequest) {
    const sheet = sheetById(book, body.rule?.ranges?.[0]?.sheetId);
    sheet.conditionalFormats.splice(body.index ?? 0, 0, structuredClone(body.rule ?? {}));
    return undefined;
  },
  addProtectedRange(book, body: sheets_v4.Schema$AddProtectedRangeRequest) {
    const protectedRange = { ...structuredClone(body.protectedRange ?? {}), protectedRangeId: book.nextId++ };
    sheetById(book, protectedRange.range?.sheetId).protectedRanges.push(protectedRange);
    return { addProtectedRange: { protectedRange } };
  },
  addChart(book, body: sheets_v4.Schema$AddChartRequest) {
    const chart = { ...structuredClone(body.chart ?? {}), chartId: body.chart?.chartId ?? book.nextId++ };
    sheetById(book, chart.position?.overlayPosition?.anchorCell?.sheetId).charts.push(chart);
    return { addChart: { chart } };
  },
};

/** Applies every request to a copy and returns it, so a bad request leaves the original untouched. */
export const batchUpdate = (book: FakeSpreadsheet, requests: readonly Request[]): { book: FakeSpreadsheet; replies: Reply[] } => {
  const copy = structuredClone(book);
  const replies = requests.map((request, index) => {
    const kinds = Object.keys(request);
    const kind = kinds[0];
    const handler = kind === undefined ? undefined : handlers[kind];
    if (kinds.length !== 1 || !kind || !handler) throw new FakeApiError(400, `Invalid requests[${index}]: the fake does not support "${kinds.join(",")}"`);
    return handler(copy, request[kind as keyof Request] as never, `requests[${index}].${kind}`) ?? {};
  });
  return { book: copy, replies };
};

/** values.batchUpdate with RAW input: null skips a cell, "" clears it, and the grid grows to fit as Google's does. */
export const valuesBatchUpdate = (book: FakeSpreadsheet, body: sheets_v4.Schema$BatchUpdateValuesRequest): FakeSpreadsheet => {
  if (body.valueInputOption !== "RAW") throw new FakeApiError(400, `The fake supports valueInputOption RAW only, not ${body.valueInputOption}`);
  const copy = structuredClone(book);
  for (const data of body.data ?? []) {
    const { sheet, parsed } = resolveRange(copy, data.range ?? "");
    const top = parsed.startRow ?? 0;
    const left = parsed.startColumn ?? 0;
    const values = (data.values ?? []) as unknown[][];
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        if ((parsed.endRow !== undefined && top + r >= parsed.endRow) || (parsed.endColumn !== undefined && left + c >= parsed.endColumn)) {
          throw new FakeApiError(400, `Requested writing within range [${data.range}], but tried writing beyond it`);
        }
        if (value === null || value === undefined || isCovered(sheet, top + r, left + c)) return;
        const cell = cellAt(sheet, top + r, left + c);
        if (value === "") delete cell.value;
        else if (typeof value === "string") cell.value = { stringValue: value };
        else if (typeof value === "number") cell.value = { numberValue: value };
        else if (typeof value === "boolean") cell.value = { boolValue: value };
        else throw new FakeApiError(400, `Invalid value at data.values: ${JSON.stringify(value)}`);
        const grid = sheet.properties.gridProperties;
        grid.rowCount = Math.max(grid.rowCount, top + r + 1);
        grid.columnCount = Math.max(grid.columnCount, left + c + 1);
      });
    });
  }
  return copy;
};
