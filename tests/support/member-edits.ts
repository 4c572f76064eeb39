/** A member editing the sheet between a job's read and its write: sort, insert, delete, edit. */
import type { RawTab, RawWorkbook } from "../../shared/adapters/workbook.js";
import fc from "fast-check";
import { expect } from "vitest";
import type { Cell } from "../../shared/core/types.js";
import { action, buildLog } from "./log-fixture.js";

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

/** A log with every kind of row a race can hurt: refs to find, a blank ref, normalisations and a problem. */
export const RACE_LOG = buildLog({
  actions: [
    action({ Ref: "DAG29-03", Due: "ASAP", Status: "open" }),
    action({ Ref: "DAG29-01", Due: "+10 WD" }),
    action({ Ref: "", Action: "Blank ref row", Due: "Next meeting" }),
    action({ Ref: "DAG29-02", Owner: "SC", Status: "ongoing" }),
    action({ Ref: "DAG28-07", Meeting: 28, Due: "31/02/2024" }),
  ],
});

/** One member edit of any kind. */
export const MEMBER_EDITS: fc.Arbitrary<MemberEdit> = fc.oneof(
  fc.record({ kind: fc.constant("sort" as const), descending: fc.boolean() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(10) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(10) }),
  fc.record({ kind: fc.constant("edit" as const), at: fc.nat(10), column: fc.constantFrom("Status", "Due", "Action", "Owner"), value: fc.constantFrom("Closed", "13/12/2023", "Edited by a member", "PP") }),
);

/** The Actions columns the race properties compare, row by row. */
export const actionRows = (book: RawWorkbook) => {
  const tab = book.tabs.find((t) => t.name === "Actions");
  const col = (name: string) => tab?.headers.indexOf(name) ?? -1;
  return (tab?.rows ?? []).map((r) => ({ ref: r.cells[col("Ref")], action: r.cells[col("Action")], status: r.cells[col("Status")], due: r.cells[col("Due")], dueDate: r.cells[col("Due Date")], checks: r.cells[col("Checks")] }));
};

/**
 * After a job raced a member's edit: the member's text is all there (statuses only re-cased),
 * and every automation value sits on the row of the ref it was computed for.
 */
export function expectRaceSafe(after: ReturnType<typeof actionRows>, memberView: ReturnType<typeof actionRows>): void {
  expect(after).toHaveLength(memberView.length);
  after.forEach((row, i) => {
    const seen = memberView[i];
    expect(row.action).toBe(seen?.action);
    expect(row.due).toBe(seen?.due);
    if (seen?.ref) expect(row.ref).toBe(seen.ref);
    if (seen?.status) expect(String(row.status).toLowerCase()).toBe(String(seen.status).toLowerCase());
    if (row.ref === "DAG29-03" && row.dueDate) expect(row.dueDate).toBe("2023-10-18");
    if (row.ref === "DAG29-01" && row.dueDate) expect(row.dueDate).toBe("2023-10-25");
    if (row.ref === "DAG28-07") expect(row.dueDate ?? null).toBeNull();
    if (row.action === "Inserted by a member") expect([row.ref, row.dueDate, row.checks]).toEqual([null, null, null]);
  });
}
