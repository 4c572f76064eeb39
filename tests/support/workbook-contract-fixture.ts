/** The workbook contract's shared parts: the adapter factory type, a small Actions tab, and batch and lookup helpers. */
import type { Cell } from "../../shared/core/types.js";
import type { CellUpdate, ChangeBatch, RawTab, RawWorkbook, Workbook } from "../../shared/adapters/workbook.js";
import { emptyBatch } from "../../shared/adapters/workbook.js";

/** Builds an adapter holding exactly `tabs`; each call must return an independent workbook. */
export type WorkbookFactory = (tabs: RawTab[]) => Promise<Workbook>;

export interface ContractOptions {
  /** fast-check runs for the property; adapters with slow I/O may ask for fewer. */
  propertyRuns?: number;
}

export const ACTION_HEADERS = ["Ref", "Meeting", "Action", "Owner", "Status", "Member Notes"];

export const tab = (name: string, headers: string[], rows: Cell[][]): RawTab => ({
  name,
  headers,
  rows: rows.map((cells, index) => ({ row: index + 2, cells })),
});

/** Three actions A-1..A-3 on rows 2–4; A-1 has a member's note. */
export const actions = (): RawTab =>
  tab("Actions", ACTION_HEADERS, [
    ["A-1", 1, "Draft the terms of reference", "JS", "Open", "ask Priya"],
    ["A-2", 1, "Book the room", "AB", "Ongoing", null],
    ["A-3", 2, "Circulate minutes", "JS", "Closed", null],
  ]);

export const batchOf = (parts: Partial<ChangeBatch>): ChangeBatch => ({ ...emptyBatch(), ...parts });

/** A Status update on the Actions tab, overridable per field. */
export const update = (parts: Partial<CellUpdate>): CellUpdate => ({
  tab: "Actions",
  row: 0,
  ref: "",
  column: "Status",
  expected: null,
  value: null,
  ...parts,
});

export const tabNamed = (book: RawWorkbook, name: string): RawTab => {
  const found = book.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`test workbook has no tab ${name}`);
  return found;
};

/** The value under `column` in the row whose Ref is `ref`, as the port reports it. */
export const cellOf = (book: RawWorkbook, ref: string, column: string, tabName = "Actions"): Cell | undefined => {
  const found = tabNamed(book, tabName);
  const index = found.headers.indexOf(column);
  return found.rows.find((row) => row.cells[0] === ref)?.cells[index];
};
