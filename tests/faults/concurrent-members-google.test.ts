/** Members sorting, inserting, deleting and editing rows between the job's read and its write, on the Google adapter over the fake Sheets API. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGoogleWorkbook } from "../../shared/adapters/workbook.google.js";
import type { RawTab } from "../../shared/adapters/workbook.js";
import { runValidate } from "../../shared/jobs/validate-job.js";
import { fakeGoogleAuth } from "../support/fake-sheets/auth.js";
import { type FakeCell, toExtended } from "../support/fake-sheets/store.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { MEMBER_EDITS, RACE_LOG, actionRows, editActions, expectRaceSafe } from "../support/member-edits.js";

/** As many as the memory workbook's suite; each one here is three HTTP round trips through the real client (about 5 ms). */
const INTERLEAVINGS = 1000;
const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");



let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

/** Writes `tab`'s rows over the fake's Actions sheet, as the member's edit leaves it, clearing rows it no longer has. */
function putActions(spreadsheetId: string, tab: RawTab): void {
  const sheet = fake.spreadsheet(spreadsheetId).sheets.find((s) => s.properties.title === "Actions");
  if (!sheet) throw new Error("no Actions sheet");
  const stored = (cells: readonly (string | number | boolean | null)[]): FakeCell[] => cells.map((cell) => {
    const value = toExtended(cell);
    return value ? { value } : {};
  });
  sheet.cells = [stored(tab.headers), ...tab.rows.map((r) => stored(r.cells))];
}


let next = 0;
const auth = fakeGoogleAuth();

describe("guarded writes on a Google Sheet while a member edits it", () => {
  it("never loses a member's edit and never lands an automation value on the wrong row", async () => {
    let interleavings = 0;
    await fc.assert(
      fc.asyncProperty(MEMBER_EDITS, async (edit) => {
        interleavings++;
        next += 1;
        const spreadsheetId = `members-${next}`;
        fake.seed(spreadsheetId, RACE_LOG.tabs);
        const memberTab = editActions(fake.snapshot(spreadsheetId), edit);
        // The member's edit lands after the job's read and before its re-read and write.
        fake.inject({ kind: "mutate", afterCall: fake.calls.length + 1, mutate: () => putActions(spreadsheetId, memberTab) });
        await runValidate(createGoogleWorkbook({ spreadsheetId, rootUrl: fake.url, auth }), { now: NOW, dryRun: false, actor: "test" });
        fake.clearFaults();
        const after = actionRows(fake.snapshot(spreadsheetId));
        const memberView = actionRows({ tabs: [memberTab] }).filter((row) => Object.values(row).some((v) => v !== null && v !== undefined));
        expectRaceSafe(after, memberView);
      }),
      { numRuns: INTERLEAVINGS, seed: 20231011 },
    );
    console.info(`guarded writes on the Google adapter: ${interleavings} interleavings of a member edit between read and write`);
    expect(interleavings).toBe(INTERLEAVINGS);
  });
});
