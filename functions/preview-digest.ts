/** previewDigest (HTTP, signed like onSheetEdit): the sheet menu's Preview digest, by the same code path as the send. */
import { http } from "@google-cloud/functions-framework";
import * as z from "../sheets-schema/zod.js";
import { runPreview } from "../shared/jobs/preview-job.js";
import { signedHandler } from "./signed-request.js";

export const previewRequestSchema = z.object({
  spreadsheetId: z.string().min(1).max(200),
  person: z.string().trim().min(1).max(200),
});

export const previewDigest = signedHandler({
  name: "previewDigest",
  schema: previewRequestSchema,
  async run(request, workbook, runtime) {
    const preview = await runPreview(workbook, { person: request.person, now: runtime.now() });
    return {
      message: `previewed ${preview.person}'s digest`,
      body: { person: preview.person, subject: preview.subject, preview: `${preview.subject}\n\n${preview.text}`, html: preview.html },
      // The log names whose digest was previewed, never its contents.
      fields: { person: preview.person },
    };
  },
});

http("previewDigest", previewDigest);
