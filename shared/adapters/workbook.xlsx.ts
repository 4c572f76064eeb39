/** The local .xlsx workbook: each batch is one locked, atomic read-modify-write; exceljs loads only when used. */
import { constants } from "node:fs";
import { access, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Workbook as ExcelWorkbook } from "exceljs";
import { ActionlogError, isActionlogError } from "../core/errors.js";
import { removeLeftoverTemps, writeFileAtomic } from "./atomic-file.js";
import { planBatch } from "./batch-plan.js";
import { withFileLock } from "./file-lock.js";
import { encodeWorkbookText, readWorkbook, writeCells } from "./xlsx-cells.js";
import { xlsxLosses } from "./xlsx-losses.js";
import { replaceWorksheet } from "./xlsx-tabs.js";
import type { ApplyResult, ChangeBatch, RawWorkbook, Workbook } from "./workbook.js";
import { isEmptyBatch } from "./workbook.js";

export interface XlsxWorkbookOptions {
  path: string;
  /** Treat a missing file as an empty workbook and create it on the first apply (for `actionlog init`). */
  create?: boolean;
  /** How long apply waits for another actionlog command's lock before giving up. */
  lockTimeoutMs?: number;
}

const defaults = { create: false, lockTimeoutMs: 10_000 };
/** No save holds the lock anywhere near this long, so an older lock was left by a crash. */
const STALE_LOCK_MS = 60_000;

/** exceljs is CommonJS: under ESM its API is the default export. Imported lazily so the cloud path never loads it. */
const loadExcel = async () => (await import("exceljs")).default;

const errnoCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Why this process may not write `target`: EACCES, EPERM or EROFS; undefined when it may (or it does not exist). */
const writeRefusal = (target: string): Promise<string | undefined> =>
  access(target, constants.W_OK).then(
    () => undefined,
    (error: unknown) => {
      const code = errnoCode(error);
      return code === "EACCES" || code === "EPERM" || code === "EROFS" ? code : undefined;
    },
  );

/** Files Excel (`~$name`) and LibreOffice (`.~lock.name#`) keep beside a workbook while it is open. */
export const officeLockFiles = (path: string): string[] => {
  const directory = dirname(path);
  const name = basename(path);
  return [join(directory, `~$${name}`), join(directory, `.~lock.${name}#`)];
};

export const createXlsxWorkbook = (options: XlsxWorkbookOptions): Workbook => {
  const { path, create, lockTimeoutMs } = { ...defaults, ...options };

  const notFound = () =>
    new ActionlogError(
      "WORKBOOK_NOT_FOUND",
      `No workbook at ${path}; create one with: actionlog init ${path} --committee CODE --name "Committee name"`,
    );

  /** The one place fs and exceljs failures become ActionlogErrors. */
  const guard = async <T>(action: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isActionlogError(error)) throw error;
      if (errnoCode(error) === "ENOENT" && !create && !(await exists(path))) throw notFound();
      throw new ActionlogError("IO", `Could not ${action} ${path}: ${firstLine(error)}`, { cause: error });
    }
  };

  /** The file's bytes, or undefined when it is missing and `create` allows that. */
  const loadBytes = async (): Promise<Buffer | undefined> => {
    try {
      return await readFile(path);
    } catch (error) {
      if (errnoCode(error) !== "ENOENT") throw error;
      if (create) return undefined;
      throw notFound();
    }
  };

  const parse = async (bytes: Buffer | undefined): Promise<ExcelWorkbook> => {
    const excel = await loadExcel();
    const workbook = new excel.Workbook();
    if (bytes === undefined) {
      workbook.creator = "actionlog";
      return workbook;
    }
    // The zip library's own words ("Corrupted zip?", a link to its docs) mean nothing to a PMO; they stay in the cause.
    const unreadable = (what: string, cause?: unknown) =>
      new ActionlogError("WORKBOOK_UNREADABLE", `${path} ${what}; open it in Excel or LibreOffice to check it, or use a saved copy`, { cause });
    try {
      await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      throw unreadable("is not a readable .xlsx workbook (it is damaged, cut short, or another kind of file)", error);
    }
    // Any zip opens, so a Word document renamed .xlsx gets this far, with no sheets in it.
    if (workbook.worksheets.length === 0) throw unreadable("has no sheets in it, so it is not a spreadsheet (a renamed Word document looks like this)");
    return workbook;
  };

  const refuseIfOpenElsewhere = async (): Promise<void> => {
    for (const lockFile of officeLockFiles(path)) {
      if (await exists(lockFile)) {
        throw new ActionlogError(
          "WORKBOOK_OPEN_ELSEWHERE",
          `${path} is open in Excel or LibreOffice (${lockFile} exists); close it there and run the command again, or your edits there would overwrite these changes`,
        );
      }
    }
  };

  /** Before any work: a save writes a lock file and a new copy beside the workbook, then replaces it. */
  const refuseIfNotWritable = async (): Promise<void> => {
    const directory = dirname(path);
    if (await writeRefusal(directory)) {
      throw new ActionlogError(
        "WORKBOOK_FORBIDDEN",
        `The folder ${directory} is not writable, so ${path} cannot be saved (a save writes a new copy beside it and renames it over the old one); nothing was saved. Make the folder writable (or move the workbook to a folder you can write to) and run again.`,
      );
    }
    const info = await stat(path).catch(() => undefined);
    // No write bit at all means someone marked it read-only; root could replace it anyway but should not, as rm asks first.
    if (info && ((info.mode & 0o222) === 0 || (await writeRefusal(path)))) {
      throw new ActionlogError("WORKBOOK_FORBIDDEN", `${path} is read-only; nothing was saved. Make it writable (or save a copy) and run again.`);
    }
  };

  /** A script or sync client ignores our lock: if it saved while we worked, its save wins and ours is dropped. */
  const refuseIfChangedOnDisk = async (original: Buffer | undefined): Promise<void> => {
    const current = await readFile(path).catch((error: unknown) => {
      if (errnoCode(error) === "ENOENT") return undefined;
      throw error;
    });
    const unchanged = current === undefined || original === undefined ? current === original : current.equals(original);
    if (!unchanged) {
      throw new ActionlogError(
        "CONFLICT",
        `${path} changed on disk while actionlog was saving it (probably another program or a sync client saved it); nothing was saved, so the other program's changes are kept. Run the command again to make actionlog's changes on top of them.`,
      );
    }
  };

  const read = (): Promise<RawWorkbook> =>
    guard("read", async () => {
      const bytes = await loadBytes();
      return bytes === undefined ? { tabs: [] } : readWorkbook(await parse(bytes));
    });

  const apply = (batch: ChangeBatch): Promise<ApplyResult> =>
    guard("save", async () => {
      if (isEmptyBatch(batch)) return { applied: 0, skipped: [] };
      if (!create && !(await exists(path))) throw notFound();
      await refuseIfOpenElsewhere();
      await refuseIfNotWritable();
      return withFileLock(`${path}.lock`, { timeoutMs: lockTimeoutMs, staleMs: STALE_LOCK_MS }, async () => {
        await removeLeftoverTemps(path, STALE_LOCK_MS);
        // Re-read under the lock: another command may have saved since this job's read().
        const original = await loadBytes();
        const workbook = await parse(original);
        const plan = planBatch(readWorkbook(workbook), batch);
        if (plan.applied === 0) return { applied: 0, skipped: plan.skipped };
        for (const tab of plan.tabs) replaceWorksheet(workbook, tab);
        writeCells(workbook, plan);
        encodeWorkbookText(workbook);
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        const lost = original === undefined ? [] : await xlsxLosses(original, bytes);
        if (lost.length > 0) {
          throw new ActionlogError(
            "WORKBOOK_UNSUPPORTED",
            `Saving ${path} would lose ${lost.join(", ")}, which actionlog's .xlsx writer cannot keep, so nothing was saved; move them to another workbook (a note on an empty cell stays once the cell has a value; Excel's Review > Notes > Convert to Notes turns threaded comments into notes, which are kept; a register tab is rebuilt, so keep nothing there) and run the command again, or keep the log in a Google Sheet, where actionlog writes only its own cells`,
          );
        }
        // Checked again at the last moment, once the new file is written: the member may have opened the file, or another program saved it, while we worked.
        const beforeRename = async () => {
          await refuseIfOpenElsewhere();
          await refuseIfChangedOnDisk(original);
        };
        await writeFileAtomic(path, bytes, { beforeRename });
        return { applied: plan.applied, skipped: plan.skipped };
      });
    });

  return { label: path, read, apply };
};
