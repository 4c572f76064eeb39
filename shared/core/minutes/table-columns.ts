/** The header rows of the actions table (Area | Ref | Action | Owner | Due) and the Decisions table (Area | Dec Ref | Decision). */
import { foldSpaces } from "../text.js";

const headerCell = (cell: string): string => foldSpaces(cell).toLowerCase().replace(/[.:]$/, "");

/** Column names as committees write them; the first matching header cell wins. */
export const ACTION_COLUMNS = {
  area: ["area", "item", "agenda item", "topic"],
  ref: ["ref", "action ref", "ref no", "no", "reference", "action no", "action ref no"],
  action: ["action", "actions", "action description", "action required", "description"],
  owner: ["owner", "owner(s)", "owners", "action owner", "action owner(s)", "lead", "action lead", "responsible"],
  due: ["due", "due date", "due by", "deadline", "date due", "target date", "by when"],
} as const;

export const DECISION_COLUMNS = {
  area: ["area", "item", "agenda item", "topic"],
  ref: ["dec ref", "decision ref", "ref", "dec no"],
  decision: ["decision", "decisions", "decision description"],
} as const;

/** Where each named column is (-1 when absent), and how many cells the header row has. */
export type Columns<K extends string> = Record<K, number> & { width: number };

function locate<K extends string>(row: readonly string[], names: Record<K, readonly string[]>, required: readonly NoInfer<K>[]): Columns<K> | null {
  const cells = row.map(headerCell);
  const found = { width: row.length } as Columns<K>;
  for (const key of Object.keys(names) as K[]) (found as Record<K, number>)[key] = cells.findIndex((cell) => names[key].includes(cell));
  return required.every((key) => found[key] >= 0) ? found : null;
}

export type ActionColumns = Columns<keyof typeof ACTION_COLUMNS>;
export type DecisionColumns = Columns<keyof typeof DECISION_COLUMNS>;

/** The actions header's columns, or null when `row` is not one (Ref, Action, Owner and Due are needed). */
export const actionColumns = (row: readonly string[]): ActionColumns | null => locate(row, ACTION_COLUMNS, ["ref", "action", "owner", "due"]);

/** The decisions header's columns, or null when `row` is not one (or is an actions header). */
export const decisionColumns = (row: readonly string[]): DecisionColumns | null =>
  actionColumns(row) ? null : locate(row, DECISION_COLUMNS, ["ref", "decision"]);

/** True for the header row of an actions or decisions table. */
export const isRegisterHeader = (row: readonly string[]): boolean => actionColumns(row) !== null || decisionColumns(row) !== null;
