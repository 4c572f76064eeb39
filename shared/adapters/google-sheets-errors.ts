/** Google Sheets API failures, read out of gaxios's errors once and put in words a PMO can act on. */
import { type ActionlogErrorCode, isActionlogError } from "../core/errors.js";
import { hideUrlCredentials } from "../core/url-credentials.js";

/** What went wrong with one request, pulled out of gaxios's error once. */
export interface Failure {
  status: number | undefined;
  message: string;
  retryAfterMs: number | undefined;
  /**
   * answered: Google sent a status. unanswered: a timeout or a dropped connection, after which a
   * write may or may not have landed. local: the request never left (no usable credentials).
   */
  kind: "answered" | "unanswered" | "local";
}

export const failureOf = (error: unknown): Failure => {
  const e = error as { status?: unknown; message?: unknown; config?: unknown; name?: unknown; response?: { status?: number; data?: unknown; headers?: { get?: (name: string) => string | null } } };
  const status = typeof e.response?.status === "number" ? e.response.status : typeof e.status === "number" ? e.status : undefined;
  const data = e.response?.data as { error?: { message?: unknown } } | undefined;
  // The client's own errors quote the request URL, credentials and all: hidden here, once, for every message built from it.
  const message = hideUrlCredentials(typeof data?.error?.message === "string" ? data.error.message : String(e.message ?? error));
  const retryAfter = Number(e.response?.headers?.get?.("retry-after"));
  // gaxios errors carry their request config; errors raised before any request (credentials) do not.
  const kind = status !== undefined ? "answered" : typeof e.config === "object" || e.name === "AbortError" ? "unanswered" : "local";
  return { status, message, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined, kind };
};

/** The HTTP status behind an error from this module, when Google answered at all. */
export const sheetsStatus = (error: unknown): number | undefined =>
  isActionlogError(error) && typeof error.cause === "object" && error.cause !== null && "status" in error.cause && typeof error.cause.status === "number"
    ? error.cause.status
    : undefined;

/** Google's answer in words a PMO can act on: what failed, where, and how to fix it. */
export interface FailureContext {
  spreadsheetId: string;
  /** What actionlog was doing, as a verb: "read", "write to", "set up". */
  purpose: string;
  attempts: number;
  timeoutMs: number;
  /** The service account to share the sheet with, when it could be found out. */
  account: string | undefined;
  /** ACTIONLOG_SHEETS_ROOT_URL (a Sheets API other than Google's), when one is set. */
  rootUrl?: string | undefined;
}

/**
 * Nothing listening, a host that does not exist, or credentials the client cannot send: with a
 * Sheets API of one's own choosing that is the setting, not a passing fault, so running the job
 * again would not help. Google's own API failing to connect is still treated as passing.
 */
const rootUrlProblem = (failure: Failure, rootUrl: string | undefined): string | undefined => {
  if (rootUrl === undefined || failure.status !== undefined) return undefined;
  if (/embedded credentials/i.test(failure.message)) return "it holds a user name or password, which the Sheets client cannot send; write the URL without them";
  const refused = /\b(ECONNREFUSED|ENOTFOUND)\b.*$/.exec(failure.message);
  return refused ? `nothing answers there (${refused[0]}); check the address and port, or unset ACTIONLOG_SHEETS_ROOT_URL to use Google's Sheets API` : undefined;
};

export const explain = (failure: Failure, context: FailureContext): { code: ActionlogErrorCode; message: string } => {
  const { purpose, attempts, timeoutMs, account } = context;
  const where = `Google Sheet ${context.spreadsheetId}`;
  const { status, message } = failure;
  if (status === 404) {
    return { code: "WORKBOOK_NOT_FOUND", message: `${where} was not found; check the id, the part of the sheet's URL between /d/ and /edit` };
  }
  if (status === 401) {
    return { code: "WORKBOOK_FORBIDDEN", message: `Google refused actionlog's credentials for ${where} (${message}); on your machine run gcloud auth application-default login, in the cloud check the function's service account` };
  }
  if (status === 403 && /has not been used|is disabled|SERVICE_DISABLED/i.test(message)) {
    return { code: "WORKBOOK_FORBIDDEN", message: `The Google Sheets API is not enabled for this project (${message}); enable sheets.googleapis.com with gcloud services enable sheets.googleapis.com` };
  }
  if (status === 403) {
    return { code: "WORKBOOK_FORBIDDEN", message: `actionlog may not ${purpose} ${where}; share the sheet as an Editor with ${account ?? "the account actionlog runs as (in the cloud, the function's service account; on your machine, the Google account you logged in with)"}` };
  }
  if (failure.kind === "local") {
    return { code: "WORKBOOK_FORBIDDEN", message: `Could not ${purpose} ${where}: no usable Google credentials (${message}); on your machine run gcloud auth application-default login, in the cloud check the function's service account` };
  }
  const again = "nothing is lost: run the job again, and it re-reads the sheet and writes only what is still needed";
  const setting = rootUrlProblem(failure, context.rootUrl);
  if (setting !== undefined && context.rootUrl !== undefined) {
    return { code: "CONFIG", message: `Could not ${purpose} ${where} through the Sheets API at ${hideUrlCredentials(context.rootUrl)} (ACTIONLOG_SHEETS_ROOT_URL): ${setting}` };
  }
  if (status === undefined) {
    const what = /abort|timeout/i.test(message) ? `no answer within ${timeoutMs / 1000}s` : message;
    return { code: "SHEETS_API", message: `Could not ${purpose} ${where}: ${what}; ${again}` };
  }
  if (status === 429) {
    return { code: "SHEETS_API", message: `Google Sheets' quota for actionlog's service account (about 60 requests a minute) stayed used up through ${attempts} attempts to ${purpose} ${where} (429); ${again}` };
  }
  if (status >= 500) {
    return { code: "SHEETS_API", message: `Google Sheets was busy or unavailable (${status}) for ${attempts} attempts to ${purpose} ${where}; ${again}` };
  }
  if (status === 400 && /already exists/i.test(message)) {
    // A batchUpdate is all or nothing, so the refused one wrote nothing: the other run's tab stands.
    return { code: "CONFLICT", message: `Another run changed ${where} while actionlog was about to ${purpose} it (${message}); nothing was written, and ${again}` };
  }
  return { code: "SHEETS_API", message: `Google Sheets refused to ${purpose} ${where} (${status}): ${message}` };
};
