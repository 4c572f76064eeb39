/** What every cloud function shares: config, the workbook for a spreadsheet id, the replay guard and the log line. */
import type { DateTime } from "luxon";
import type { Mailer } from "../shared/adapters/mailer.js";
import { createSmtpMailer } from "../shared/adapters/mailer.smtp.js";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { type ReplayGuard, createReplayGuard } from "../shared/adapters/request-signature.js";
import type { Workbook } from "../shared/adapters/workbook.js";
import { type FunctionConfig, loadFunctionConfig } from "../shared/config.js";
import { ActionlogError } from "../shared/core/errors.js";

/** One structured line for Cloud Logging, which reads `severity` and `message` from JSON on stdout. */
export interface LogEntry {
  severity: "INFO" | "WARNING" | "ERROR";
  message: string;
  [field: string]: unknown;
}

export interface FunctionRuntime {
  /** The committee clock (ACTIONLOG_NOW when rehearsing), passed to every use case. */
  now(): DateTime;
  /** The wall clock for signature windows, in unix seconds: a rehearsal clock must not make live signatures stale. */
  epochSeconds(): number;
  webhookSecret: string;
  /** The spreadsheet ids the scheduled functions visit, in ACTIONLOG_SHEETS order. */
  sheets: readonly string[];
  /** The workbook behind a spreadsheet id, or undefined when this deployment does not serve it. */
  openSheet(spreadsheetId: string): Promise<Workbook | undefined>;
  replays: ReplayGuard;
  /** The pooled SMTP mailer from ACTIONLOG_SMTP_URL; the caller closes it. */
  openMailer(): Mailer;
  log(entry: LogEntry): void;
}

export interface RuntimeOptions {
  /** Builds the workbook for a served spreadsheet id; the Google Sheets adapter unless a test swaps it. */
  googleWorkbook?: (spreadsheetId: string) => Workbook | Promise<Workbook>;
  log?: (entry: LogEntry) => void;
  epochSeconds?: () => number;
  /** Builds the mailer; SMTP from ACTIONLOG_SMTP_URL unless a test swaps it. */
  mailer?: () => Mailer;
}

const stdoutLog = (entry: LogEntry): void => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/** The shared adapter picker, so the functions open a sheet exactly as `actionlog --sheet gsheet:<id>` does. */
const googleDefault = (spreadsheetId: string): Workbook => openWorkbook(`gsheet:${spreadsheetId}`);

/**
 * The workbook factory: a local sheet (actionlog serve, ACTIONLOG_LOCAL_SHEET) answers for
 * every id, since there is only the one; in the cloud only ids in ACTIONLOG_SHEETS are served.
 */
export function createRuntime(config: FunctionConfig, options: RuntimeOptions = {}): FunctionRuntime {
  const local = config.localSheet;
  const google = options.googleWorkbook ?? googleDefault;
  return {
    now: config.now,
    epochSeconds: options.epochSeconds ?? (() => Math.floor(Date.now() / 1000)),
    webhookSecret: config.webhookSecret,
    sheets: local === undefined ? config.sheets : [local],
    async openSheet(spreadsheetId) {
      if (local !== undefined) return openWorkbook(local);
      return config.sheets.includes(spreadsheetId) ? await google(spreadsheetId) : undefined;
    },
    replays: createReplayGuard(),
    openMailer:
      options.mailer ??
      (() => {
        if (!config.smtpUrl) throw new ActionlogError("CONFIG", "ACTIONLOG_SMTP_URL is not set; deploy the SMTP URL secret so digests can be sent");
        return createSmtpMailer({ url: config.smtpUrl });
      }),
    log: options.log ?? stdoutLog,
  };
}

let current: FunctionRuntime | undefined;

/**
 * The runtime for this instance, built from the environment on first use (not at import, so a
 * bad variable becomes a logged 500 with every problem listed rather than a crash loop).
 */
export function functionRuntime(): FunctionRuntime {
  current ??= createRuntime(loadFunctionConfig());
  return current;
}

/** Swaps the runtime: `actionlog serve` points it at a local workbook, tests at memory workbooks. */
export function useRuntime(runtime: FunctionRuntime | undefined): void {
  current = runtime;
}

/** Logs a failure before a runtime exists (bad configuration); the message names variables, never values. */
export const logStartupFailure = (fn: string, error: unknown): void =>
  stdoutLog({ severity: "ERROR", message: `${fn}: ${error instanceof Error ? error.message : String(error)}`, function: fn });

/** The runtime for a scheduled function; a bad configuration is logged (names, never values) and rethrown. */
export function scheduledRuntime(fn: string): FunctionRuntime {
  try {
    return functionRuntime();
  } catch (error) {
    logStartupFailure(fn, error);
    throw error;
  }
}
