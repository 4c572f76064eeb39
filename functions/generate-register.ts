/** generateRegister (HTTP): the PMO's menu items Roll forward and Generate register, signed like onSheetEdit. */
import { http } from "@google-cloud/functions-framework";
import * as z from "../sheets-schema/zod.js";
import { runAutoRollover } from "../shared/jobs/auto-rollover-job.js";
import { type RolloverReport, leftForRebuild, runRollover } from "../shared/jobs/rollover-job.js";
import { signedHandler } from "./signed-request.js";

/** With `meeting` (a Held meeting N), rebuilds Register N+1; without, rolls every Held meeting still due. */
export const registerRequestSchema = z.object({
  spreadsheetId: z.string().min(1).max(200),
  meeting: z.number().int().positive().max(999_999).optional(),
});

const summary = (report: RolloverReport) => ({
  meeting: report.meeting,
  next: report.next,
  tab: report.tab,
  actions: report.register.length,
  registerWritten: report.registerWritten,
  warnings: report.warnings,
  /** Outstanding actions left off for their problems (each named in warnings): the sheet's dialog must not read as all done. */
  leftOff: report.leftOff,
  skipped: report.skipped,
});

export const generateRegister = signedHandler({
  name: "generateRegister",
  schema: registerRequestSchema,
  async run(request, workbook, runtime) {
    const options = { now: runtime.now(), dryRun: false, actor: "actionlog generateRegister" };
    const { rolled, notes } =
      request.meeting === undefined
        ? await runAutoRollover(workbook, options)
        : { rolled: [await runRollover(workbook, { ...options, meeting: request.meeting })], notes: [] };
    const registers = rolled.map(summary);
    const tabs = registers.map((r) => r.tab);
    const skipped = registers.reduce((sum, r) => sum + r.skipped, 0);
    const leftOff = registers.reduce((sum, r) => sum + r.leftOff, 0);
    const missing = leftOff === 0 ? "" : `; ${leftOff} outstanding action${leftOff === 1 ? " is" : "s are"} left off for problems (see warnings and Checks)`;
    return {
      message: `${tabs.length === 0 ? "No register to build" : `Built ${tabs.join(", ")}`}${missing}${skipped > 0 ? `; ${leftForRebuild(skipped)}` : ""}`,
      body: { registers, notes },
      fields: { meeting: request.meeting ?? null, tabs, notes, leftOff },
    };
  },
});

http("generateRegister", generateRegister);
