/** The one place that reads the environment: parsed with zod, every bad variable reported at once. */
import { DateTime } from "luxon";
import * as z from "../sheets-schema/zod.js";
import { parseCommitteeTime } from "./core/dates.js";
import { ActionlogError } from "./core/errors.js";
import { hasUrlCredentials } from "./core/url-credentials.js";

const NOT_SMTP = "is not an SMTP URL; write smtp://user:password@host:587 or smtps://user:password@host:465";

/**
 * Why `value` cannot be used as an smtp(s):// URL, in words that never repeat it (it holds a
 * password); undefined when it can. A % that starts no escape (`pa%ss`) is named as such, rather
 * than surfacing later as a bare "URI malformed".
 */
export const smtpUrlProblem = (value: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return NOT_SMTP;
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "") return NOT_SMTP;
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return "has a % in its user name or password that starts no escape; write a % itself as %25 (and @ as %40, : as %3A, / as %2F)";
  }
  return undefined;
};

const schema = z.object({
  /**
   * A fixed committee clock (ISO instant, e.g. 2023-10-11T10:00:00Z) for demos, rehearsals
   * and tests; unset in production, where the shells read the real clock.
   */
  ACTIONLOG_NOW: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseCommitteeTime(value).isValid, "is not an ISO date-time such as 2023-10-11T10:00:00Z"),
  /**
   * Where `actionlog digest` and the digest function send mail: smtp(s)://user:password@host:port,
   * from Secret Manager in production. The message never echoes the value, which holds a password.
   */
  ACTIONLOG_SMTP_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined || value.trim() === "" ? undefined : smtpUrlProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
    }),
  /**
   * Sends gsheet:<id> traffic to another Sheets API, such as the test suite's local fake
   * (http://127.0.0.1:8081/). Real Google credentials are never sent there.
   */
  ACTIONLOG_SHEETS_ROOT_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.trim() === "" || /^https?:\/\/[^/\s]+/.test(value.trim()), "is not an http(s) URL; write the Sheets API base, such as http://127.0.0.1:8081/")
    // The Sheets client cannot send them, and every failure message would quote them.
    .refine((value) => value === undefined || !hasUrlCredentials(value), "holds a user name or password, which the Sheets client cannot send; write the URL without them, such as http://127.0.0.1:8081/"),
});

export interface Config {
  /** The clock: every use case takes `now` from here, never from Date.now(). */
  now(): DateTime;
  /** ACTIONLOG_SMTP_URL when set (a secret: never print it). */
  smtpUrl: string | undefined;
  /** ACTIONLOG_SHEETS_ROOT_URL when set: a Sheets API other than Google's, for local testing. */
  sheetsRootUrl: string | undefined;
}

export interface LoadOptions {
  /**
   * False for a run that sends mail some other way (--outbox, --smtp) or none at all: it never
   * uses ACTIONLOG_SMTP_URL, so a malformed one must not stop it (smtpUrl is then undefined).
   */
  smtpUrl?: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, options: LoadOptions = {}): Config {
  const parsed = schema.safeParse(options.smtpUrl === false ? { ...env, ACTIONLOG_SMTP_URL: undefined } : env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ActionlogError("CONFIG", `Bad configuration: ${lines.join("; ")}`);
  }
  const fixed = parsed.data.ACTIONLOG_NOW;
  return {
    // An explicit locale: luxon otherwise asks Intl for the system's, the first Intl call of a cold start (~10 ms).
    now: () => (fixed ? parseCommitteeTime(fixed) : DateTime.fromMillis(Date.now(), { locale: "en-GB" })),
    smtpUrl: parsed.data.ACTIONLOG_SMTP_URL?.trim() || undefined,
    sheetsRootUrl: parsed.data.ACTIONLOG_SHEETS_ROOT_URL?.trim() || undefined,
  };
}

const SPREADSHEET_ID = /^[A-Za-z0-9_-]{10,100}$/;

/**
 * The cloud functions' variables, on top of the command's. Kept apart so the CLI never needs
 * a webhook secret. Messages name the variable, never its value: the secret must not reach a log.
 */
const functionSchema = schema
  .extend({
    // Trimmed: a secret stored from `openssl rand -hex 32` ends in a line break that the copy
    // pasted into the relay's Script Properties has lost, and every signature would then differ.
    ACTIONLOG_WEBHOOK_SECRET: z
      .string({ error: "is missing; set it to a random secret (openssl rand -hex 32): export it for actionlog serve, or let deploy.sh store it in Secret Manager" })
      .trim()
      .refine((value) => value.length >= 16, "is shorter than 16 characters; generate one with openssl rand -hex 32"),
    ACTIONLOG_SHEETS: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(",").map((id) => id.trim()).filter((id) => id !== ""))
      .refine((ids) => ids.every((id) => SPREADSHEET_ID.test(id)), "holds something that is not a spreadsheet id; list ids from the sheet URLs (docs.google.com/spreadsheets/d/<id>/edit), separated by commas"),
    ACTIONLOG_LOCAL_SHEET: z.string().trim().min(1).optional(),
  });

const NO_SHEETS = "ACTIONLOG_SHEETS is empty; list the spreadsheet ids this deployment serves, separated by commas (or set ACTIONLOG_LOCAL_SHEET to a local .xlsx)";

export interface FunctionConfig extends Config {
  /** The HMAC key for X-Actionlog-Signature; never logged, never echoed. */
  webhookSecret: string;
  /** Spreadsheet ids this deployment serves (ACTIONLOG_SHEETS, in order, without duplicates). */
  sheets: string[];
  /** A local .xlsx served in place of every spreadsheet id (actionlog serve); undefined in the cloud. */
  localSheet: string | undefined;
}

/**
 * Config for the cloud functions and `actionlog serve`. `localSheet` (the serve command's
 * --sheet) takes the place of ACTIONLOG_LOCAL_SHEET, and then ACTIONLOG_SHEETS may be empty.
 */
export function loadFunctionConfig(env: Record<string, string | undefined> = process.env, localSheet?: string): FunctionConfig {
  const input = localSheet === undefined ? env : { ...env, ACTIONLOG_LOCAL_SHEET: localSheet };
  const parsed = functionSchema.safeParse(input);
  const lines = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  // Checked by hand so it is reported alongside the other variables, not only once they are fixed.
  const noSheets = (input.ACTIONLOG_SHEETS ?? "").trim() === "" && (input.ACTIONLOG_LOCAL_SHEET ?? "").trim() === "";
  if (noSheets) lines.push(NO_SHEETS);
  if (!parsed.success || noSheets) throw new ActionlogError("CONFIG", `Bad configuration: ${lines.join("; ")}`);
  const { ACTIONLOG_WEBHOOK_SECRET, ACTIONLOG_SHEETS, ACTIONLOG_LOCAL_SHEET } = parsed.data;
  return {
    ...loadConfig(env),
    webhookSecret: ACTIONLOG_WEBHOOK_SECRET,
    sheets: [...new Set(ACTIONLOG_SHEETS)],
    localSheet: ACTIONLOG_LOCAL_SHEET,
  };
}

/**
 * For `actionlog serve`: express answers a body it cannot parse as it does when deployed, with a
 * bare page rather than a stack trace with file paths. Kept here, with every other use of the
 * environment; a NODE_ENV already set is left alone.
 */
export function servePlainErrorPages(env: Record<string, string | undefined> = process.env): void {
  env.NODE_ENV ??= "production";
}
