/** The "New / Outstanding Actions" table (Area | Ref | Action | Owner | Due) and the Decisions table (Area | Dec Ref | Decision). */
import { parseUkDate } from "../dates.js";
import { foldSpaces } from "../text.js";
import { isActionRefShape, normaliseRef, type RefReading, readNotedRef } from "./minutes-refs.js";
import { type ActionColumns, type DecisionColumns, actionColumns, decisionColumns } from "./table-columns.js";
import type { MinutesTable } from "./table-groups.js";
import type { CrossCheckFinding, MinutesDecision, MinutesSection } from "./types.js";

/** An actions-table row as written; status comes later, from the body's updates. */
export interface TableAction {
  ref: string;
  area: string;
  action: string;
  owner: string;
  dueText: string;
  section: MinutesSection;
}

/** What reading the tables noticed: findings, and refs read in their log form (DAG29-3 as DAG29-03). */
export interface TableNotes {
  findings: CrossCheckFinding[];
  readings: RefReading[];
}

const PREVIOUS_LABEL = /^previous meetings?(?:\s*\(s\))?$/i;
const NEW_LABEL = /^new(?: actions?)?$/i;

const at = (row: readonly string[], index: number): string => (index < 0 ? "" : foldSpaces(row[index] ?? ""));

/** The due as the JSON reports it: YYYY-MM-DD for a date, else the text as written. */
export const dueValue = (dueText: string): string => parseUkDate(dueText) ?? dueText;

interface RowState {
  columns: ActionColumns;
  section: MinutesSection;
  area: string;
}

/** One row under an actions header: an action, a group label, or a finding. */
function actionRow(row: readonly string[], last: boolean, state: RowState, notes: TableNotes): TableAction | null {
  const { columns } = state;
  const filled = row.map((cell) => foldSpaces(cell)).filter((cell) => cell !== "");
  const refCell = at(row, columns.ref);
  const shown = clip(filled.join(" | "));
  if (filled.length === 0) return null;
  if (filled.length === 1 && (PREVIOUS_LABEL.test(filled[0] ?? "") || NEW_LABEL.test(filled[0] ?? ""))) {
    [state.section, state.area] = [PREVIOUS_LABEL.test(filled[0] ?? "") ? "previous" : "new", ""];
    return null;
  }
  if (last && row.length < columns.width) {
    notes.findings.push({ kind: "cut-short", ref: normaliseRef(refCell), message: `The file ends part-way through the actions table: its last row ("${shown}") has ${row.length} of its ${columns.width} cells, so it was not imported; the file looks cut short, so save the minutes again and import the whole file` });
    return null;
  }
  if (refCell === "") {
    notes.findings.push({ kind: "missing-ref", ref: "", message: `An actions-table row has no Ref ("${shown}"); give it a ref such as DAG29-01 in the minutes or add it to the log by hand` });
    return null;
  }
  if (!isActionRefShape(refCell)) {
    notes.findings.push({ kind: "bad-ref", ref: normaliseRef(refCell), message: `Actions-table row "${shown}": Ref "${clip(refCell, 40)}" is not an action ref such as DAG29-01 (committee code, meeting number, dash, action number), so the row was not imported; correct the ref in the minutes and import them again` });
    return null;
  }
  const ref = readNotedRef(refCell, "the actions table", notes.readings);
  const areaCell = at(row, columns.area);
  if (PREVIOUS_LABEL.test(areaCell)) [state.section, state.area] = ["previous", ""];
  else if (areaCell !== "") state.area = areaCell;
  return { ref, area: state.area, action: at(row, columns.action), owner: at(row, columns.owner), dueText: at(row, columns.due), section: state.section };
}

/**
 * Rows under every actions header. A blank Area continues the one above; a "Previous Meeting(s)"
 * label, in its own row or in the Area cell, starts the previous group. `headed` is false when no
 * table has an actions header at all.
 */
export function readActionsTable(tables: readonly MinutesTable[], notes: TableNotes): { actions: TableAction[]; headed: boolean } {
  const actions: TableAction[] = [];
  let headed = false;
  for (const table of tables) {
    let state: RowState | null = null;
    table.rows.forEach((row, index) => {
      const header = actionColumns(row);
      if (header) {
        state = { columns: header, section: "new", area: "" };
        headed = true;
      } else if (decisionColumns(row)) state = null;
      else if (state !== null) {
        const action = actionRow(row, table.atEnd && index === table.rows.length - 1, state, notes);
        if (action) actions.push(action);
      }
    });
  }
  return { actions, headed };
}

/** Rows under every decisions header, a blank Area continuing the one above. */
export function readDecisionsTable(tables: readonly MinutesTable[]): MinutesDecision[] {
  const decisions: MinutesDecision[] = [];
  for (const { rows } of tables) {
    let columns: DecisionColumns | null = null;
    let area = "";
    for (const row of rows) {
      const header = decisionColumns(row);
      if (header) [columns, area] = [header, ""];
      else if (actionColumns(row)) columns = null;
      else if (columns !== null) {
        const ref = normaliseRef(at(row, columns.ref));
        const areaCell = at(row, columns.area);
        if (areaCell !== "") area = areaCell;
        if (ref !== "") decisions.push({ ref, area, decision: at(row, columns.decision) });
      }
    }
  }
  return decisions;
}

export const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The end of a long text, where an update states its outcome. */
export const clipStart = (text: string, max = 80): string => (text.length > max ? `…${text.slice(text.length - max + 1)}` : text);
