/**
 * The minutes' tables as the PMO meant them: a table carried onto the next page (split in Word,
 * or saved as text with blank lines inside it) without its header row continues the table before.
 */
import { foldSpaces } from "../text.js";
import type { MinutesDocument } from "./document.js";
import { isActionRefShape, isDecisionRefShape, readRef } from "./minutes-refs.js";
import { actionColumns, decisionColumns, isRegisterHeader } from "./table-columns.js";

/** One table, continuations joined on. */
export interface MinutesTable {
  rows: string[][];
  /** Nothing but blank paragraphs follows it: where a file that was cut short ends. */
  atEnd: boolean;
}

interface Header {
  width: number;
  ref: number;
  isRef: (cell: string) => boolean;
}

/** The header that governs a table's last rows: its last actions or decisions header row. */
function lastHeader(rows: readonly string[][]): Header | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] ?? [];
    const actions = actionColumns(row);
    if (actions) return { width: actions.width, ref: actions.ref, isRef: isActionRefShape };
    const decisions = decisionColumns(row);
    if (decisions) return { width: decisions.width, ref: decisions.ref, isRef: isDecisionRefShape };
  }
  return null;
}

const filledCells = (row: readonly string[]): number => row.filter((cell) => foldSpaces(cell) !== "").length;

/** A header-less table as wide as `header` whose first row with content has a ref in the Ref column. */
function continues(rows: readonly string[][], header: Header): boolean {
  if (rows.some(isRegisterHeader)) return false;
  if (Math.max(...rows.map((row) => row.length)) !== header.width) return false;
  const first = rows.find((row) => filledCells(row) > 1);
  return first !== undefined && header.isRef(first[header.ref] ?? "");
}

/** Every table in document order; one that continues the actions or decisions table before it is joined to it. */
export function minutesTables(doc: MinutesDocument): MinutesTable[] {
  const blocks = doc.blocks.filter((block) => block.kind === "table" || foldSpaces(block.text) !== "");
  const tables: MinutesTable[] = [];
  let previous: MinutesTable | null = null;
  blocks.forEach((block, index) => {
    const atEnd = index === blocks.length - 1;
    if (block.kind === "paragraph") {
      previous = null;
      return;
    }
    const header: Header | null = previous === null ? null : lastHeader(previous.rows);
    if (previous !== null && header !== null && continues(block.rows, header)) {
      previous.rows.push(...block.rows);
      previous.atEnd = atEnd;
      return;
    }
    previous = { rows: [...block.rows], atEnd };
    tables.push(previous);
  });
  return tables;
}

/** A table with action refs in it that is read as neither actions nor decisions. */
export interface UnreadTable {
  /** The refs in it, as read (DAG28-12). */
  refs: string[];
  /** How many columns its widest row has. */
  width: number;
  /** The row just before its first ref, when it has two or more cells filled: likely a header the reader did not know. */
  header: string[] | null;
}

/** Tables without an actions or decisions header that hold cells shaped like action refs. */
export function unreadTables(tables: readonly MinutesTable[]): UnreadTable[] {
  const unread: UnreadTable[] = [];
  for (const { rows } of tables) {
    if (rows.some(isRegisterHeader)) continue;
    const first = rows.findIndex((row) => row.some(isActionRefShape));
    if (first < 0) continue;
    const refs = rows.flatMap((row) => row.filter(isActionRefShape).map((cell) => readRef(cell).ref));
    const before = rows[first - 1];
    const header = before !== undefined && filledCells(before) > 1 ? before.map(foldSpaces) : null;
    unread.push({ refs, width: Math.max(...rows.map((row) => row.length)), header });
  }
  return unread;
}

/** Tables that are neither actions, decisions nor unread actions: where a "Date of meeting" cell may be. */
export const otherTables = (tables: readonly MinutesTable[]): MinutesTable[] =>
  tables.filter(({ rows }) => !rows.some(isRegisterHeader) && !rows.some((row) => row.some(isActionRefShape)));
