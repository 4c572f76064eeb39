/** The Sheets API calls actionlog makes: a lazily loaded client, retries with backoff and jitter, errors translated once. */
import type { sheets_v4 } from "@googleapis/sheets";
import type { GoogleAuth, OAuth2Client } from "google-auth-library";
import { ActionlogError } from "../core/errors.js";
import { explain, type Failure, failureOf } from "./google-sheets-errors.js";

export interface RetryPolicy {
  /** Tries in all, the first included, for 5xx answers and unanswered reads. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Tries in all for 429. Sheets quotas are per minute (60 requests per minute per service
   * account), so a 429 is retried for longer than a 5xx: the waits run on up to the ceiling
   * below, spanning about a minute, before the job gives up.
   */
  quotaAttempts?: number;
  quotaMaxDelayMs?: number;
}

export interface SheetsApiOptions {
  spreadsheetId: string;
  /** Test hook: the fake Sheets server's base URL, passed to the client's rootUrl. */
  rootUrl?: string;
  /**
   * Credentials; defaults to Application Default Credentials (the runtime service account, shared
   * on the sheet as an Editor). With a rootUrl and no auth, a placeholder token is sent instead, so
   * real credentials never leave for a host that is not Google's.
   */
  auth?: GoogleAuth | OAuth2Client;
  /** Retry policy for 429 and 5xx answers; tests shrink the delays. */
  retry?: RetryPolicy;
  /** Per-request timeout, so a hung request fails cleanly instead of holding the job. */
  timeoutMs?: number;
}

export interface SheetsApi {
  get(params: { ranges?: string[]; fields: string }, purpose: string): Promise<sheets_v4.Schema$Spreadsheet>;
  batchUpdate(requests: sheets_v4.Schema$Request[], purpose: string): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse>;
  valuesBatchUpdate(data: sheets_v4.Schema$ValueRange[], purpose: string): Promise<void>;
}

const SCOPES = ["https://www.googleapis.com/auth/spreadsheets"];
const defaults = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, quotaAttempts: 8, quotaMaxDelayMs: 32_000, timeoutMs: 20_000 };

/** Full-jitter exponential backoff: a random wait up to base·2^n, capped, never shorter than Retry-After asks. */
const backoff = (attempt: number, baseDelayMs: number, maxDelayMs: number, retryAfterMs: number | undefined): number => {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + (Math.random() * ceiling) / 2;
  return Math.min(maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service account's email for a 403 message, best effort and quick: it is only a hint. */
const accountOf = async (auth: GoogleAuth | OAuth2Client | undefined): Promise<string | undefined> => {
  if (!auth || !("getCredentials" in auth)) return undefined;
  const lookup = auth.getCredentials().then(
    (credentials) => credentials.client_email ?? undefined,
    () => undefined,
  );
  return Promise.race([lookup, sleep(2_000).then(() => undefined)]);
};

export function createSheetsApi(options: SheetsApiOptions): SheetsApi {
  const { spreadsheetId } = options;
  const retry = options.retry ?? {};
  // A caller that sets attempts or a ceiling (tests, the bench) gets them for 429 too, unless it sets the quota ones.
  const policy: Required<RetryPolicy> = {
    attempts: retry.attempts ?? defaults.attempts,
    baseDelayMs: retry.baseDelayMs ?? defaults.baseDelayMs,
    maxDelayMs: retry.maxDelayMs ?? defaults.maxDelayMs,
    quotaAttempts: retry.quotaAttempts ?? retry.attempts ?? defaults.quotaAttempts,
    quotaMaxDelayMs: retry.quotaMaxDelayMs ?? retry.maxDelayMs ?? defaults.quotaMaxDelayMs,
  };
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  let auth = options.auth;

  // Loaded on first use, so commands on a local workbook never pay for the Google client.
  let client: Promise<sheets_v4.Sheets> | undefined;
  const connect = () =>
    (client ??= (async () => {
      const [sheetsModule, authModule] = await Promise.all([import("@googleapis/sheets"), import("google-auth-library")]);
      // Both are CommonJS: read through `default` (module.exports), which Node and the deploy bundle both provide.
      const { sheets } = sheetsModule.default;
      const library = authModule.default;
      if (!auth && options.rootUrl !== undefined) {
        const placeholder = new library.OAuth2Client();
        placeholder.setCredentials({ access_token: "actionlog-local" });
        auth = placeholder;
      }
      auth ??= new library.GoogleAuth({ scopes: SCOPES });
      // gaxios's own retries skip POSTs and cannot be counted; the loop below does them all.
      return sheets({ version: "v4", auth, retry: false, timeout: timeoutMs, ...(options.rootUrl === undefined ? {} : { rootUrl: options.rootUrl }) });
    })());

  const translate = async (failure: Failure, purpose: string, attempts: number): Promise<ActionlogError> => {
    const account = failure.status === 403 ? await accountOf(auth) : undefined;
    const error = explain(failure, { spreadsheetId, purpose, attempts, timeoutMs, account, rootUrl: options.rootUrl });
    return new ActionlogError(error.code, error.message, { cause: { status: failure.status, message: failure.message } });
  };

  /**
   * Retries 429 and 5xx for every call, POSTs included: each write is one atomic request of
   * fixed ranges and compare-and-set-planned values, so sending it twice writes the same cells
   * twice. Unanswered requests are retried only when `safeUnanswered` (reads): a write that
   * timed out may have landed, and the caller's next run re-plans it from a fresh read.
   */
  const call = async <T>(purpose: string, safeUnanswered: boolean, send: (api: sheets_v4.Sheets) => Promise<{ data: T }>): Promise<T> => {
    const api = await connect();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await send(api)).data;
      } catch (error) {
        const failure = failureOf(error);
        const quota = failure.status === 429;
        const busy = quota || (failure.status !== undefined && failure.status >= 500);
        if (attempt >= (quota ? policy.quotaAttempts : policy.attempts) || !(busy || (failure.kind === "unanswered" && safeUnanswered))) {
          throw await translate(failure, purpose, attempt);
        }
        await sleep(backoff(attempt, policy.baseDelayMs, quota ? policy.quotaMaxDelayMs : policy.maxDelayMs, failure.retryAfterMs));
      }
    }
  };

  return {
    get: (params, purpose) =>
      call(purpose, true, (api) => api.spreadsheets.get({ spreadsheetId, fields: params.fields, ...(params.ranges ? { ranges: params.ranges } : {}) })),
    batchUpdate: (requests, purpose) =>
      call(purpose, false, (api) => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } })),
    valuesBatchUpdate: async (data, purpose) => {
      await call(purpose, false, (api) =>
        api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: "RAW", data } }),
      );
    },
  };
}
