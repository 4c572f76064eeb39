/** A member editing the sheet between a job's read and its write: sort, insert, delete, edit. */
import type { RawTab, RawWorkbook } from "../../shared/adapters/workbook.js";
import type { Cell } from "../../shared/core/types.js";

export type MemberEdit =
  | { kind: "sort"; descending: boolean }
  | { kind: "insert"; at: number }
  | { kind: "delete"; at: number }
  | { kind: "edit"; at: number; column: string; value: string };

/** The Actions tab after the member's edit, as a whole-tab replacement (what the member sees). */
export function editActions(book: RawWorkbook, edit: MemberEdit): RawTab {
  const tab = book.tabs.find((t) => t.name === "Actions");
  if (!tab) throw new Error("no Actions tab");
  const rows: Cell[][] = tab.rows.map((r) => [...r.cells]);
  const refIndex = tab.headers.indexOf("Ref");
  const at = (n: number) => (rows.length === 0 ? 0 : n % rows.length);
  switch (edit.kind) {
    case "sort":
      rows.sort((a, b) => String(a[refIndex] ?? "").localeCompare(String(b[refIndex] ?? "")) * (edit.descending ? -1 : 1));
      break;
    case "insert":
      rows.splice(at(edit.at), 0, tab.headers.map((h) => (h === "Action" ? "Inserted by a member" : h === "Meeting" ? 29 : null)));
      break;
    case "delete":
      rows.splice(at(edit.at), 1);
      break;
    case "edit": {
      const row = rows[at(edit.at)];
      if (row) row[tab.headers.indexOf(edit.column)] = edit.value;
      break;
    }
  }
  return { name: tab.name, headers: tab.headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}
