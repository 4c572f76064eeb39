/** The "New / Outstanding Actions" table (Area | Ref | Action | Owner | Due) and the Decisions table (Area | Dec Ref | Decision). */
import { parseUkDate } from "../dates.js";
import { foldSpaces } from "../text.js";
import type { MinutesDocument } from "./document.js";
import { documentTables } from "./document.js";
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

const headerCell = (cell: string): string => foldSpaces(cell).toLowerCase().replace(/[.:]$/, "");

/** Column names as committees write them; the first matching header cell wins. */
const ACTION_COLUMNS = {
  area: ["area", "item", "agenda item", "topic"],
  ref: ["ref", "action ref", "ref no", "no"],
  action: ["action", "actions", "action description"],
  owner: ["owner", "owner(s)", "owners", "action owner"],
  due: ["due", "due date", "deadline", "date due"],
} as const;

const DECISION_COLUMNS = {
  area: ["area", "item", "agenda item", "topic"],
  ref: ["dec ref", "decision ref", "ref", "dec no"],
  decision: ["decision", "decisions", "decision description"],
} as const;

type Columns<K extends string> = Record<K, number>;

function locate<K extends string>(row: readonly string[], names: Record<K, readonly string[]>, required: readonly NoInfer<K>[]): Columns<K> | null {
  const cells = row.map(headerCell);
  const found = {} as Columns<K>;
  for (const key of Object.keys(names) as K[]) found[key] = cells.findIndex((cell) => names[key].includes(cell));
  return required.every((key) => found[key] >= 0) ? found : null;
}

const actionColumns = (row: readonly string[]) => locate(row, ACTION_COLUMNS, ["ref", "action", "owner", "due"]);
const decisionColumns = (row: readonly string[]) =>
  actionColumns(row) ? null : locate(row, DECISION_COLUMNS, ["ref", "decision"]);

/** True for the header row of an actions or decisions table. */
export const isRegisterHeader = (row: readonly string[]): boolean => actionColumns(row) !== null || decisionColumns(row) !== null;

/** DAG29-01 however Word typed it: any case, spaces, en dashes. */
export const normaliseRef = (text: string): string =>
  foldSpaces(text).replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, "").toUpperCase();

const PREVIOUS_LABEL = /^previous meetings?(?:\s*\(s\))?$/i;
const NEW_LABEL = /^new(?: actions?)?$/i;

const at = (row: readonly string[], index: number): string => (index < 0 ? "" : foldSpaces(row[index] ?? ""));

/** The due as the JSON reports it: YYYY-MM-DD for a date, else the text as written. */
export const dueValue = (dueText: string): string => parseUkDate(dueText) ?? dueText;

/**
 * Rows under every actions header. A blank Area continues the one above; a "Previous Meeting(s)"
 * label, in its own row or in the Area cell, starts the previous group.
 */
export function readActionsTable(doc: MinutesDocument, findings: CrossCheckFinding[]): TableAction[] {
  const actions: TableAction[] = [];
  for (const rows of documentTables(doc)) {
    let columns: Columns<keyof typeof ACTION_COLUMNS> | null = null;
    let section: MinutesSection = "new";
    let area = "";
    for (const row of rows) {
      const header = actionColumns(row);
      if (header) {
        columns = header;
        section = "new";
        area = "";
        continue;
      }
      if (columns === null) continue;
      if (decisionColumns(row)) {
        columns = null;
        continue;
      }
      const filled = row.map((cell) => foldSpaces(cell)).filter((cell) => cell !== "");
      const ref = normaliseRef(at(row, columns.ref));
      const areaCell = at(row, columns.area);
      if (filled.length === 0) continue;
      if (ref === "") {
        const [label = ""] = filled;
        if (filled.length === 1 && PREVIOUS_LABEL.test(label)) [section, area] = ["previous", ""];
        else if (filled.length === 1 && NEW_LABEL.test(label)) [section, area] = ["new", ""];
        else findings.push({ kind: "missing-ref", ref: "", message: `An actions-table row has no Ref ("${clip(filled.join(" | "))}"); give it a ref such as DAG29-01 in the minutes or add it to the log by hand` });
        continue;
      }
      if (PREVIOUS_LABEL.test(areaCell)) [section, area] = ["previous", ""];
      else if (areaCell !== "") area = areaCell;
      actions.push({ ref, area, action: at(row, columns.action), owner: at(row, columns.owner), dueText: at(row, columns.due), section });
    }
  }
  return actions;
}

/** Rows under every decisions header, a blank Area continuing the one above. */
export function readDecisionsTable(doc: MinutesDocument): MinutesDecision[] {
  const decisions: MinutesDecision[] = [];
  for (const rows of documentTables(doc)) {
    let columns: Columns<keyof typeof DECISION_COLUMNS> | null = null;
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
