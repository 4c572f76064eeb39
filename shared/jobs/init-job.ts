/** Creates a new action log: every tab with its headers, and the default Settings. */
import { HEADERS } from "../../sheets-schema/tabs.js";
import { defaultSettingRows } from "../../sheets-schema/settings.js";
import type { Workbook } from "../adapters/workbook.js";

export async function initLog(workbook: Workbook, options: { code: string; name: string }): Promise<string[]> {
  const tabs = Object.entries(HEADERS).map(([name, headers]) => ({
    name,
    headers: [...headers],
    rows: name === "Settings" ? defaultSettingRows(options.code, options.name) : [],
  }));
  await workbook.apply({ tabs, updates: [], appends: [] });
  return tabs.map((tab) => tab.name);
}
