/** What every `actionlog` command shares: its shape, the output channel and flag helpers. */
import { realpathSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { ActionlogError } from "../shared/core/errors.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Values = Record<string, string | boolean | undefined>;

/** loadConfig options for commands that never send mail: a malformed ACTIONLOG_SMTP_URL must not stop them. */
export const NO_MAIL = { smtpUrl: false } as const;

export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Values, positionals: string[], io: Io): Promise<number>;
}

export const flag = { type: "boolean" } as const;
export const text = { type: "string" } as const;
export const common = { json: flag, "dry-run": flag, help: flag, sheet: text } as const;

export const required = (values: Values, name: string, hint: string): string => {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new ActionlogError("USAGE", `--${name} is required (${hint})`);
  return value;
};

export const meetingNumber = (values: Values): number => {
  const raw = required(values, "meeting", "the meeting number, such as 29");
  if (!/^\d{1,6}$/.test(raw)) throw new ActionlogError("USAGE", `--meeting "${raw}" is not a meeting number; write a whole number such as 29`);
  return Number(raw);
};

export const print = (io: Io, values: Values, json: unknown, human: string) => io.out(values.json ? JSON.stringify(json, null, 2) : human);

/** The path with symbolic links resolved, for a file that may not exist yet (its folder's links resolved then). */
const realPath = (path: string): string => {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
};

/** Same real path, or (both existing) the same file under two names: a hard link, or another case on a case-insensitive disk. */
const sameFile = (a: string, b: string): boolean => {
  if (realPath(a) === realPath(b)) return true;
  const [first, second] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
};

/** Spreadsheet files: an export never goes over one, since it may be any committee's log. */
const WORKBOOK_EXTENSIONS = new Set(["xlsx", "xlsm", "xls", "ods", "numbers"]);

/**
 * Refuses an --out that would replace the workbook (`--out log.xlsx --sheet log.xlsx` once wrote
 * Markdown over the whole log) and, when `extensions` is given, one whose extension names none
 * of them, rather than guessing a format for `notes.xlsx` or `papers.pdf`. `otherwise` ends that
 * message with the command's other way out, such as giving --format.
 */
export function checkOut(out: string, sheet: string, extensions?: readonly string[], otherwise = ""): void {
  if (!sheet.startsWith("gsheet:") && sameFile(out, sheet)) {
    throw new ActionlogError("USAGE", `--out ${out} is the workbook itself (--sheet ${sheet}); writing there would replace the action log, so nothing was written. Give --out another file name`);
  }
  const extension = extname(out).slice(1).toLowerCase();
  // Whatever --format says: a spreadsheet name is some workbook's, perhaps another committee's log.
  if (WORKBOOK_EXTENSIONS.has(extension)) {
    throw new ActionlogError("USAGE", `--out ${out} names a spreadsheet (.${extension}), which an export would replace with text, so nothing was written; give --out a name ending in the format's own extension`);
  }
  if (extensions === undefined || extensions.includes(extension)) return;
  const accepted = extensions.map((e) => `.${e}`).join(", ");
  const what = extension === "" ? "has no extension" : `ends in .${extension}, which is not a format written here`;
  throw new ActionlogError("USAGE", `--out ${out} ${what}; end the file name in one of ${accepted}${otherwise}`);
}

/** Writes an --out file, turning the system's ENOENT or EACCES into what to do about it. */
export async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "ENOENT") throw new ActionlogError("IO", `Cannot write ${path}: the folder ${dirname(path)} does not exist; create it, or give --out a path in a folder that does`, { cause: error });
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new ActionlogError("IO", `Cannot write ${path}: it, or its folder, may not be written to; give --out another path`, { cause: error });
    if (code === "EISDIR") throw new ActionlogError("IO", `Cannot write ${path}: it is a folder; give --out a file name, such as ${path.replace(/\/+$/, "")}/register.docx`, { cause: error });
    throw error;
  }
}
