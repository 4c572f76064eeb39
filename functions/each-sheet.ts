/** Runs a scheduled job over every configured sheet, so one sheet's failure never stops the others. */
import type { Workbook } from "../shared/adapters/workbook.js";
import { hideUrlCredentials } from "../shared/core/url-credentials.js";
import type { FunctionRuntime } from "./function-runtime.js";

export type SheetOutcome = ({ ok: true } & Record<string, unknown>) | { ok: false; error: string };

export interface SheetResult {
  spreadsheetId: string;
  outcome: SheetOutcome;
}

/** Sheets run one after another: a few committees share one service account's Sheets API quota. */
export async function eachSheet(runtime: FunctionRuntime, job: (workbook: Workbook) => Promise<Record<string, unknown>>): Promise<SheetResult[]> {
  const results: SheetResult[] = [];
  for (const spreadsheetId of runtime.sheets) {
    try {
      const workbook = await runtime.openSheet(spreadsheetId);
      if (!workbook) throw new Error("not served by this deployment");
      results.push({ spreadsheetId, outcome: { ok: true, ...(await job(workbook)) } });
    } catch (error) {
      results.push({ spreadsheetId, outcome: { ok: false, error: hideUrlCredentials(error instanceof Error ? error.message : String(error)) } });
    }
  }
  return results;
}

/**
 * The one log line of a scheduled run: ERROR when any sheet failed, so an alert can match it, else
 * `concern`, which the job raises when a sheet ran but left something undone (mail that failed).
 */
export function logSheets(
  runtime: FunctionRuntime,
  fn: string,
  eventId: string,
  results: SheetResult[],
  summary: string,
  concern: "INFO" | "WARNING" | "ERROR" = "INFO",
): void {
  const failed = results.filter((r) => !r.outcome.ok).length;
  runtime.log({
    severity: failed > 0 ? "ERROR" : concern,
    message: `${fn}: ${summary}${failed > 0 ? `; ${failed} of ${results.length} sheets failed` : ""}`,
    function: fn,
    eventId,
    sheets: results.map((r) => ({ spreadsheetId: r.spreadsheetId, ...r.outcome })),
  });
}
