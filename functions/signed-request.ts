/** The path every HTTP function shares: size, content type, signature, replay, body schema, sheet, one job, one log line. */
import type { HttpFunction, Request } from "@google-cloud/functions-framework";
import type * as z from "../sheets-schema/zod.js";
import { SIGNATURE_HEADER, verifySignature } from "../shared/adapters/request-signature.js";
import type { Workbook } from "../shared/adapters/workbook.js";
import { isActionlogError } from "../shared/core/errors.js";
import { hideUrlCredentials } from "../shared/core/url-credentials.js";
import { type FunctionRuntime, type LogEntry, functionRuntime, logStartupFailure } from "./function-runtime.js";
import { oneJobAtATime } from "./sheet-queue.js";

/** A nudge is about 200 bytes; anything near this is not from the relay. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What a job hands back: the JSON reply and the fields for its log line. */
export interface JobOutcome {
  message: string;
  body: Record<string, unknown>;
  fields?: Record<string, unknown>;
}

export interface SignedJob<T extends { spreadsheetId: string }> {
  name: string;
  schema: z.ZodType<T>;
  run(input: T, workbook: Workbook, runtime: FunctionRuntime): Promise<JobOutcome>;
}

type Refusal = { status: number; error: string };

/** Every check that must pass before the sheet is opened; a refusal never touches it. */
function refuse(req: Request, runtime: FunctionRuntime, target: string): Refusal | undefined {
  if (req.method !== "POST") return { status: 405, error: "use POST" };
  const size = Math.max(req.rawBody?.length ?? 0, Number(req.get("content-length") ?? 0) || 0);
  if (size > MAX_BODY_BYTES) return { status: 413, error: `the body is over ${MAX_BODY_BYTES / 1024} KiB` };
  if (!req.is("application/json") || !Buffer.isBuffer(req.rawBody)) {
    return { status: 400, error: "send a JSON body with Content-Type: application/json" };
  }
  const check = verifySignature(req.get(SIGNATURE_HEADER), req.rawBody, { secret: runtime.webhookSecret, target, nowSeconds: runtime.epochSeconds() });
  if (!check.ok) return { status: 401, error: check.reason };
  if (!runtime.replays.claim(check.signature, check.timestamp, runtime.epochSeconds())) {
    return { status: 401, error: "signature already used; sign every request afresh" };
  }
  return undefined;
}

/** Expected job failures (a missing tab, a meeting not yet Held) carry messages meant for the PMO. */
function failure(error: unknown): Refusal {
  if (!isActionlogError(error)) return { status: 500, error: "internal error; see the function's logs" };
  const status =
    error.code === "SCHEMA" || error.code === "MEETING_NOT_FOUND" || error.code === "USAGE" ? 422 : error.code.startsWith("WORKBOOK_") || error.code === "CONFLICT" ? 409 : 500;
  return { status, error: hideUrlCredentials(error.message) };
}

/** Wraps a job as a functions-framework HTTP handler. Bodies and headers are never logged. */
export function signedHandler<T extends { spreadsheetId: string }>(job: SignedJob<T>): HttpFunction {
  return async (req, res) => {
    let runtime: FunctionRuntime;
    try {
      runtime = functionRuntime();
    } catch (error) {
      logStartupFailure(job.name, error);
      res.status(500).json({ error: "the function is misconfigured; see its logs" });
      return;
    }
    const reply = (status: number, body: Record<string, unknown>, entry: { message: string; [field: string]: unknown }) => {
      const severity: LogEntry["severity"] = status >= 500 ? "ERROR" : status >= 400 ? "WARNING" : "INFO";
      runtime.log({ severity, function: job.name, status, ...entry });
      res.status(status).json(body);
    };
    const refusal = refuse(req, runtime, job.name);
    if (refusal) {
      if (refusal.status === 405) res.set("Allow", "POST");
      reply(refusal.status, { error: refusal.error }, { message: `${job.name} refused: ${refusal.error}` });
      return;
    }
    const parsed = job.schema.safeParse(req.body);
    if (!parsed.success) {
      const error = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
      reply(400, { error }, { message: `${job.name} refused: ${error}` });
      return;
    }
    const { spreadsheetId } = parsed.data;
    try {
      const workbook = await runtime.openSheet(spreadsheetId);
      if (!workbook) {
        const error = "this spreadsheet is not served here; add its id to ACTIONLOG_SHEETS and redeploy";
        reply(404, { error }, { message: `${job.name} refused: ${error}`, spreadsheetId });
        return;
      }
      const outcome = await oneJobAtATime(spreadsheetId, () => job.run(parsed.data, workbook, runtime));
      reply(200, outcome.body, { message: outcome.message, spreadsheetId, ...outcome.fields });
    } catch (error) {
      const { status, error: message } = failure(error);
      const detail = hideUrlCredentials(error instanceof Error ? error.message : String(error));
      reply(status, { error: message }, { message: `${job.name} failed: ${detail}`, spreadsheetId });
    }
  };
}
