/** Decides how a guarded write finds its row again: by a unique ref, else by row and text. */
import type { CellUpdate } from "../adapters/workbook.js";
import { canonicalActionRef, duplicateRefs } from "../core/refs.js";
import type { Change, LogData } from "../core/types.js";

type Location = Pick<CellUpdate, "ref" | "match">;

export function createRowLocator(log: LogData): (change: Change) => Location {
  const rows = new Map<string, Location>();
  const add = (tab: string, list: readonly { row: number; ref: string }[], textColumn: string, text: (i: number) => string) => {
    const duplicated = duplicateRefs(list);
    list.forEach((item, i) => {
      // Validate respells DAG29-3 as DAG29-03 early in the batch; later writes to the row could not find it by the old ref.
      const unique = item.ref !== "" && !duplicated.has(item.ref) && canonicalActionRef(item.ref) === item.ref;
      rows.set(`${tab}:${item.row}`, unique ? { ref: item.ref } : { ref: "", match: { column: textColumn, value: text(i) || null } });
    });
  };
  add("Actions", log.actions, "Action", (i) => log.actions[i]?.action ?? "");
  add("Decisions", log.decisions, "Decision", (i) => log.decisions[i]?.decision ?? "");
  return (change) => rows.get(`${change.tab}:${change.row}`) ?? { ref: "" };
}
