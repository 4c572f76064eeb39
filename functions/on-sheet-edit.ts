/** onSheetEdit (HTTP): the Apps Script relay's signed nudge after an edit; re-reads the sheet and validates it. */
import { http } from "@google-cloud/functions-framework";
import * as z from "../sheets-schema/zod.js";
import { plural } from "../shared/core/email-items.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import { signedHandler } from "./signed-request.js";

/**
 * Where the edit happened, for the log only: cell values never come from the request, since
 * the sheet is re-read and validated whole (a sort or paste moves more than the edited range).
 */
export const nudgeSchema = z.object({
  spreadsheetId: z.string().min(1).max(200),
  tab: z.string().max(200),
  range: z.string().max(100),
});

export const onSheetEdit = signedHandler({
  name: "onSheetEdit",
  schema: nudgeSchema,
  async run(nudge, workbook, runtime) {
    const report = await runValidate(workbook, { now: runtime.now(), dryRun: false, actor: "actionlog onSheetEdit" });
    const counts = { rows: report.rows, problems: report.problems.length, changes: report.changes.length, skipped: report.skipped };
    return {
      message: `Validated after an edit to ${nudge.tab} ${nudge.range}: ${plural(counts.problems, "problem")}, ${plural(counts.changes, "change")}`,
      body: { ok: report.ok, ...counts },
      fields: { tab: nudge.tab, range: nudge.range, ...counts },
    };
  },
});

http("onSheetEdit", onSheetEdit);
