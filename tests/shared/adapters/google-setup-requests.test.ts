/** The pure parts of the Google adapter and of setup: cell conversion, A1 ranges, sheet ids, and how setup recognises its own work. */
import { describe, expect, it } from "vitest";
import { a1, cellFromValue, sheetIdAllocator, valueRanges } from "../../../shared/adapters/google-grid.js";
import type { InventoryTab } from "../../../shared/adapters/google-setup-parts.js";
import { planSheetSetup } from "../../../shared/adapters/google-setup-requests.js";
import { dueFormulas, RULE_COLORS } from "../../../shared/adapters/google-setup-rules.js";
import { HEADERS } from "../../../sheets-schema/tabs.js";

const OPTIONS = { committeeCode: "DAG", committeeName: "Design Advisory Group" };

const inventoryTab = (name: string, sheetId: number, headers: readonly string[], extra: Partial<InventoryTab> = {}): InventoryTab => ({
  sheetId,
  name,
  rowCount: 1000,
  columnCount: 26,
  frozenRowCount: 1,
  cells: [[...headers]],
  row2Validation: [],
  conditionalFormats: [],
  protectedRanges: [],
  chartTitles: [],
  ...extra,
});

describe("google grid conversions", () => {
  it.each([
    [{ stringValue: "Open" }, "Open"],
    [{ stringValue: "" }, null],
    [{ numberValue: 45306 }, 45306],
    [{ boolValue: false }, false],
    [{ errorValue: { type: "N_A" } }, "#N/A"],
    [{ errorValue: { type: "DIVIDE_BY_ZERO" } }, "#DIV/0!"],
    [{ errorValue: { type: "SOMETHING_NEW" } }, "#ERROR!"],
    [{}, null],
    [undefined, null],
  ])("reads %j as %j", (value, cell) => {
    expect(cellFromValue(value)).toBe(cell);
  });

  it.each([
    ["Actions", 14, 12, 12, "'Actions'!L14"],
    ["Bob's tab", 3, 1, 2, "'Bob''s tab'!A3:B3"],
    ["Audit", 9, 1, 28, "'Audit'!A9:AB9"],
  ])("writes %s row %i columns %i-%i as %s", (tab, row, column, last, range) => {
    expect(a1(tab, row, column, last)).toBe(range);
  });

  it("clears a cell with an empty string and leaves the blank cells of an appended row alone", () => {
    expect(valueRanges({ writes: [{ tab: "Actions", row: 2, column: 12, value: null }], appends: [{ tab: "Audit", row: 5, cells: ["t", null, "x"] }] })).toEqual([
      { range: "'Actions'!L2", values: [[""]] },
      { range: "'Audit'!A5:C5", values: [["t", null, "x"]] },
    ]);
  });

  it("hands out the smallest unused sheet ids", () => {
    const next = sheetIdAllocator([0, 1, 3]);
    expect([next(), next(), next()]).toEqual([2, 4, 5]);
  });
});

describe("planSheetSetup", () => {
  const complete = (): InventoryTab[] => Object.entries(HEADERS).map(([name, headers], index) => inventoryTab(name, index + 10, headers));

  it.each([
    ["as written", RULE_COLORS.overdue],
    ["rounded to Google's precision", { red: 0.95686275, green: 0.8, blue: 0.8 }],
  ])("recognises its overdue rule by colour %s and does not add it again", (_how, backgroundColor) => {
    const tabs = complete();
    const actions = tabs.find((t) => t.name === "Actions");
    if (actions) actions.conditionalFormats = [{ booleanRule: { format: { backgroundColor } } }];
    const changes = planSheetSetup({ tabs }, OPTIONS).changes;
    expect(changes).not.toContain("added red for overdue actions");
    expect(changes).toContain("added amber for actions due within 3 working days");
  });

  it("treats a colour with its zero components left out as that colour", () => {
    const tabs = complete();
    const checks = { red: 1, green: 242 / 255, blue: 204 / 255 };
    const actions = tabs.find((t) => t.name === "Actions");
    if (actions) actions.conditionalFormats = [{ booleanRule: { format: { backgroundColor: checks } } }, { booleanRule: { format: { backgroundColor: { red: 1 } } } }];
    expect(planSheetSetup({ tabs }, OPTIONS).changes).not.toContain("added yellow for a non-empty Checks cell");
  });

  it("works with a tab whose name differs in case, and quotes it in the Dashboard formulas", () => {
    const tabs = complete().map((t) => (t.name === "Actions" ? { ...t, name: "actions" } : t));
    const plan = planSheetSetup({ tabs }, OPTIONS);
    expect(plan.changes).not.toContain("added the Actions tab with its headers");
    expect(JSON.stringify(plan.requests)).toContain("'actions'!E2:E");
  });

  it.each([
    [["Ref", "Status", "Due Date"], "$B2", "$C2"],
    [[...HEADERS.Actions], "$H2", "$G2"],
    [["Due Date", ...Array.from({ length: 26 }, (_, i) => `Extra ${i}`), "Status"], "$AB2", "$A2"],
  ])("writes the due formulas for headers %j with Status %s and Due Date %s", (headers, status, due) => {
    const layout = { sheetId: 1, name: "Actions", headers, rowCount: 1000, columnCount: 30, found: undefined };
    const { overdue, dueSoon } = dueFormulas(layout, 4);
    expect(overdue).toBe(`=AND(LOWER(${status})<>"closed",ISNUMBER(IFERROR(DATEVALUE(${due}),${due})),IFERROR(DATEVALUE(${due}),${due})<TODAY())`);
    expect(dueSoon).toContain("WORKDAY(TODAY(),4)");
  });
});
