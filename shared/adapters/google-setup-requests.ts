/** Plans the one spreadsheets.batchUpdate that prepares a Google Sheet for actionlog; pure, and empty when nothing is missing. */
import { defaultSettingRows, parseSettings } from "../../sheets-schema/settings.js";
import { HEADERS, TAB, headerKey } from "../../sheets-schema/tabs.js";
import { cellText } from "../core/text.js";
import { MEETING_STATUSES, STATUSES, type Cell } from "../core/types.js";
import { columnIndex, findTab, isBlankRow, trimHeaders } from "./batch-plan.js";
import { dashboardRequests } from "./google-dashboard-requests.js";
import { DEFAULT_COLUMNS, DEFAULT_ROWS, sheetIdAllocator } from "./google-grid.js";
import { addSheet, boldRow, type InventoryTab, type PlanSink, type SheetInventory, type SheetRequest, type TabLayout, writeRow } from "./google-setup-parts.js";
import { ruleRequests } from "./google-setup-rules.js";

export interface SetupOptions {
  committeeCode: string;
  committeeName: string;
  /** When and by whom, for the Audit rows that record what setup added (none when nothing is added). */
  audit?: { time: string; actor: string };
}

export interface SetupPlan {
  requests: SheetRequest[];
  /** One line per thing added, in words for the PMO; empty when the sheet was already set up. */
  changes: string[];
  /** Options the sheet already answers otherwise: its values stay, and the PMO is told. */
  kept: string[];
}

const headerRow = (tab: InventoryTab): string[] => trimHeaders((tab.cells[0] ?? []).map((cell) => cellText(cell)));

/** Every tab from the core issue with its headers: missing tabs added, missing headers added after the last, header rows frozen. */
const layOutTabs = (inventory: SheetInventory, out: PlanSink, newId: () => number): Map<string, TabLayout> => {
  const layouts = new Map<string, TabLayout>();
  for (const [name, required] of Object.entries(HEADERS)) {
    const found = findTab(inventory.tabs, name);
    if (!found) {
      const sheetId = newId();
      out.add(`added the ${name} tab with its headers`, addSheet(sheetId, name, required.length, 1), writeRow(sheetId, 1, 1, [...required]), boldRow(sheetId));
      layouts.set(name, { sheetId, name, headers: [...required], rowCount: DEFAULT_ROWS, columnCount: Math.max(DEFAULT_COLUMNS, required.length), found: undefined });
      continue;
    }
    const headers = headerRow(found);
    const missing = required.filter((header) => columnIndex(headers, header) < 0);
    const layout: TabLayout = { sheetId: found.sheetId, name: found.name, headers: [...headers, ...missing], rowCount: found.rowCount, columnCount: found.columnCount, found };
    if (missing.length > 0) {
      const grow: SheetRequest[] =
        layout.headers.length > found.columnCount
          ? [{ appendDimension: { sheetId: found.sheetId, dimension: "COLUMNS", length: layout.headers.length - found.columnCount } }]
          : [];
      layout.columnCount = Math.max(found.columnCount, layout.headers.length);
      out.add(`added the headers ${missing.join(", ")} to ${found.name}`, ...grow, writeRow(found.sheetId, 1, headers.length + 1, missing), boldRow(found.sheetId));
    }
    if (found.frozenRowCount < 1) {
      out.add(`froze the header row of ${found.name}`, {
        updateSheetProperties: { properties: { sheetId: found.sheetId, gridProperties: { frozenRowCount: 1 } }, fields: "gridProperties.frozenRowCount" },
      });
    }
    layouts.set(name, layout);
  }
  return layouts;
};

/** Default Settings rows for keys the tab lacks; values already there are the committee's and stay. */
const addSettings = (layout: TabLayout, options: SetupOptions, out: PlanSink): void => {
  const cells = layout.found?.cells ?? [];
  const keyColumn = columnIndex(layout.headers, "Key");
  const present = new Set(cells.slice(1).map((row) => headerKey(cellText(row[keyColumn] ?? null))));
  const missing = defaultSettingRows(options.committeeCode, options.committeeName).filter(([key]) => !present.has(key));
  if (missing.length === 0) return;
  const rows = rowsBelow(layout, missing.map(([key, value]) => ({ Key: key, Value: value })));
  out.add(`added the Settings ${missing.map(([key]) => key).join(", ")}`, ...rows);
};

/** Rows written below a tab's last filled row, each cell placed by its header's name. */
const rowsBelow = (layout: TabLayout, records: readonly Record<string, Cell>[]): SheetRequest[] => {
  const cells = layout.found?.cells ?? [];
  let last = Math.max(1, cells.length);
  while (last > 1 && isBlankRow(cells[last - 1] ?? [])) last -= 1;
  return records.map((record, index) => {
    const placed = Object.entries(record).map(([header, value]) => [columnIndex(layout.headers, header), value] as const);
    const row: Cell[] = Array.from({ length: Math.max(...placed.map(([column]) => column)) + 1 }, () => null);
    for (const [column, value] of placed) row[column] = value;
    return writeRow(layout.sheetId, last + 1 + index, 1, row);
  });
};

/** A Status drop-down over rows 2 and below, unless row 2 already has a list rule. */
const addDropDown = (layout: TabLayout, choices: readonly string[], out: PlanSink): void => {
  const column = columnIndex(layout.headers, "Status");
  if (column < 0 || layout.found?.row2Validation[column] === "ONE_OF_LIST") return;
  out.add(`added a Status drop-down to ${layout.name} (${choices.join(", ")})`, {
    setDataValidation: {
      range: { sheetId: layout.sheetId, startRowIndex: 1, endRowIndex: layout.rowCount, startColumnIndex: column, endColumnIndex: column + 1 },
      // Not strict: the rules accept any spelling and fold it to the canonical one.
      rule: { condition: { type: "ONE_OF_LIST", values: choices.map((userEnteredValue) => ({ userEnteredValue })) }, strict: false, showCustomUi: true },
    },
  });
};

/** --committee or --name that differ from what the sheet's Settings already say (which win). */
const keptSettings = (settings: ReturnType<typeof parseSettings>["settings"], options: SetupOptions): string[] => {
  const kept: string[] = [];
  const differ = (sheet: string, asked: string) => sheet !== "" && asked.trim() !== "" && sheet.toLowerCase() !== asked.trim().toLowerCase();
  if (differ(settings.committeeCode, options.committeeCode)) {
    kept.push(`committee_code stays ${settings.committeeCode}, as the sheet's Settings say, not ${options.committeeCode.trim().toUpperCase()}; change it there if that is wrong`);
  }
  if (differ(settings.committeeName, options.committeeName)) {
    kept.push(`committee_name stays "${settings.committeeName}", as the sheet's Settings say, not "${options.committeeName.trim()}"; change it there if that is wrong`);
  }
  return kept;
};

/**
 * Everything `actionlog init --sheet gsheet:<id>` adds, as requests for one spreadsheets.batchUpdate.
 * Each step looks for its own work first (tabs by name, headers by name, rules by colour, protections
 * by description, charts by title), so a second run plans nothing.
 */
export function planSheetSetup(inventory: SheetInventory, options: SetupOptions): SetupPlan {
  const plan: SetupPlan = { requests: [], changes: [], kept: [] };
  const out: PlanSink = {
    add(change, ...requests) {
      plan.changes.push(change);
      plan.requests.push(...requests);
    },
  };
  const newId = sheetIdAllocator(inventory.tabs.map((tab) => tab.sheetId));
  const layouts = layOutTabs(inventory, out, newId);
  const layout = (name: string): TabLayout => {
    const found = layouts.get(name);
    if (!found) throw new Error(`setup laid out no ${name} tab`);
    return found;
  };
  addSettings(layout(TAB.settings), options, out);
  addDropDown(layout(TAB.actions), STATUSES, out);
  addDropDown(layout(TAB.meetings), MEETING_STATUSES, out);
  const settingsTab = layout(TAB.settings);
  const { settings } = parseSettings({
    name: settingsTab.name,
    headers: settingsTab.headers,
    rows: (settingsTab.found?.cells ?? []).slice(1).map((cells, index) => ({ row: index + 2, cells })),
  });
  plan.kept = keptSettings(settings, options);
  ruleRequests(layout(TAB.actions), layout(TAB.audit), settings.reminderWorkingDays, out);
  dashboardRequests(inventory, layout(TAB.actions), newId, out);
  if (options.audit) plan.requests.push(...auditRequests(layout(TAB.audit), plan.changes, options.audit));
  return plan;
}

/** One Audit row per thing setup added, below the tab's last row, in the same all-or-nothing write. */
const auditRequests = (audit: TabLayout, changes: readonly string[], by: { time: string; actor: string }): SheetRequest[] =>
  rowsBelow(audit, changes.map((change) => ({ Time: by.time, Actor: by.actor, New: change, Reason: "set up the sheet for actionlog" })));
