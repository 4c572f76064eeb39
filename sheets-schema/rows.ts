/** Zod schemas that turn one raw row of each tab into a typed row, or into problems. */
import * as z from "./zod.js";
import { cellText } from "../shared/core/text.js";
import { type Cell, MEETING_STATUSES, type MeetingStatus } from "../shared/core/types.js";

/** What every adapter reports for a cell. A check rather than a union: a union tries each type in turn and builds an issue for each miss, which costs a 100k-row sheet hundreds of megabytes. */
const isCell = (value: unknown): value is Cell => value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
const cell = z.custom<Cell>(isCell, "is not a text, number, true/false or blank cell");

/** Any cell as trimmed text: members type numbers, booleans and dates into text columns. */
export const text = cell.transform((value) => cellText(value));

/** A meeting number written as 29, "29" or "DAG29"; null when blank or unreadable. */
export const meetingNumber = cell.transform((value): number | null => {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value < 1_000_000 ? value : null;
  const match = /^[A-Za-z]*\s*(\d{1,6})$/.exec(cellText(value));
  return match ? Number(match[1]) : null;
});

const yesNo = cell.transform((value, ctx): boolean => {
  if (typeof value === "boolean") return value;
  const word = cellText(value).toLowerCase();
  if (["", "yes", "y", "true", "1", "active"].includes(word)) return true;
  if (["no", "n", "false", "0", "inactive"].includes(word)) return false;
  ctx.addIssue({ code: "custom", message: `"${cellText(value)}" is not Yes or No; write Yes or No` });
  return z.NEVER;
});

const emailAddress = z.email();

/**
 * Checked apart from the row, so a member whose Email is mistyped is still a member: their
 * actions then say the address is the problem, not that they are missing from Members.
 */
export const isEmailAddress = (value: string): boolean => emailAddress.safeParse(value).success;

const memberSchema = z.object({
  Name: text,
  Initials: text,
  Organisation: text,
  Role: text,
  Email: text,
  Aliases: text.transform((aliases) => aliases.split(";").map((alias) => alias.trim()).filter(Boolean)),
  Active: yesNo,
});

const meetingStatus = text.transform((value, ctx): MeetingStatus => {
  if (value === "") return "Scheduled";
  const word = value.toLowerCase() === "canceled" ? "cancelled" : value.toLowerCase();
  const status = MEETING_STATUSES.find((s) => s.toLowerCase() === word);
  if (status) return status;
  ctx.addIssue({ code: "custom", message: `"${value}" is not a meeting status; write Scheduled, Held or Cancelled` });
  return z.NEVER;
});

const meetingSchema = z.object({
  Meeting: meetingNumber.refine((n) => n !== null, "is not a meeting number; write the number, such as 29"),
  Date: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  Time: text,
  Status: meetingStatus,
  Notes: text,
});

const actionSchema = z.object({
  Ref: text,
  Meeting: meetingNumber,
  Area: text,
  Action: text,
  Owner: text,
  // Kept as typed: the due-date rules read serials and text differently.
  Due: cell.transform((value): string | number => (typeof value === "number" ? value : cellText(value))),
  "Due Date": text,
  Status: text,
  Update: text,
  "Closed On": text,
  Carried: text,
  Checks: text,
});

const decisionSchema = z.object({
  Ref: text,
  Meeting: meetingNumber,
  Area: text,
  Decision: text,
});

/** Tabs with at least this many rows are parsed by the compiled schema. */
export const COMPILE_FROM_ROWS = 500;

/**
 * A row schema for a tab of `rows` rows. Big tabs get it compiled (z.compile): zod generates a
 * fast path and falls back to its runtime parser for any row the fast path rejects, so problems
 * read exactly as before. On 100k Actions rows the runtime parser's per-field allocations kept
 * the garbage collector busy for ~400 ms; compiled, the whole parse takes about a fifth of the
 * time. Compiling costs about a millisecond a schema, though, and its generated code is never in
 * the functions' code cache: an edit's 60-row sheet is parsed sooner than its schemas compile.
 */
const sizedRowSchema = <S extends z.ZodType>(schema: S) => {
  let compiled: ReturnType<typeof z.compile<S>> | undefined;
  return (rows: number) => {
    if (rows < COMPILE_FROM_ROWS) return schema;
    compiled ??= z.compile(schema);
    return compiled;
  };
};

export const memberRow = sizedRowSchema(memberSchema);
export const meetingRow = sizedRowSchema(meetingSchema);
export const actionRow = sizedRowSchema(actionSchema);
export const decisionRow = sizedRowSchema(decisionSchema);

/** The first issue of a failed parse as "<Column> <message>", for a Problem. */
export const firstIssue = (error: z.ZodError): { column: string; message: string } => {
  const issue = error.issues[0];
  const column = String(issue?.path[0] ?? "");
  return { column, message: `${column} ${issue?.message ?? "is not valid"}` };
};
