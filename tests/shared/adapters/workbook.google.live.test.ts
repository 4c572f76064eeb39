/** Optional: the Google adapter against a real sheet, only when ACTIONLOG_TEST_SHEET and Google credentials are set. */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGoogleWorkbook } from "../../../shared/adapters/workbook.google.js";

const sheet = process.env.ACTIONLOG_TEST_SHEET?.trim() ?? "";
const credentials =
  (process.env.GOOGLE_APPLICATION_CREDENTIALS ?? "") !== "" || existsSync(join(homedir(), ".config", "gcloud", "application_default_credentials.json"));
const skip = sheet === "" || !credentials;
if (skip) {
  console.warn(
    "Skipping the live Google Sheets test: set ACTIONLOG_TEST_SHEET to the id of a scratch sheet shared with your credentials, and provide Application Default Credentials (gcloud auth application-default login).",
  );
}

/** A tab of its own, replaced whole each run, so the scratch sheet never grows. */
const TAB = "actionlog live test";

describe.skipIf(skip)("createGoogleWorkbook on a real Google Sheet", () => {
  it("replaces a tab, updates a row by ref with compare-and-set, appends, and reads it all back", async () => {
    const book = createGoogleWorkbook({ spreadsheetId: sheet });
    await book.apply({ tabs: [{ name: TAB, headers: ["Ref", "Status", "Note"], rows: [["A-1", "Open", "=not a formula"], ["A-2", "Open", 45306]] }], updates: [], appends: [] });
    await book.read();
    const result = await book.apply({
      tabs: [],
      updates: [
        { tab: TAB, row: 2, ref: "A-2", column: "Status", expected: "Open", value: "Closed" },
        { tab: TAB, row: 2, ref: "A-1", column: "Status", expected: "Stale", value: "Closed" },
      ],
      appends: [{ tab: TAB, values: { Ref: "A-3", Note: "Bob's note" } }],
    });
    expect(result.applied).toBe(2);
    expect(result.skipped).toHaveLength(1);
    const tab = (await book.read()).tabs.find((t) => t.name === TAB);
    expect(tab?.rows.map((r) => r.cells)).toEqual([
      ["A-1", "Open", "=not a formula"],
      ["A-2", "Closed", 45306],
      ["A-3", null, "Bob's note"],
    ]);
  });
});
