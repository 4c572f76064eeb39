/** A runtime for the cloud functions over memory workbooks, with a fixed clock and a captured log. */
import { DateTime } from "luxon";
import { type MemoryMailer, createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { signRequest } from "../../shared/adapters/request-signature.js";
import type { RawWorkbook, Workbook } from "../../shared/adapters/workbook.js";
import { type MemoryWorkbook, createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { loadFunctionConfig } from "../../shared/config.js";
import { type FunctionRuntime, type LogEntry, createRuntime } from "../../functions/function-runtime.js";

export const SECRET = "test-secret-0123456789abcdef";
/** Committee clock (ACTIONLOG_NOW) and the wall clock the signatures are checked against. */
export const NOW_ISO = "2023-10-20T09:00:00Z";
export const NOW_SECONDS = DateTime.fromISO(NOW_ISO).toSeconds();
export const SHEET_A = "sheetAAAAAAAAAAAAAAAAAAAA";
export const SHEET_B = "sheetBBBBBBBBBBBBBBBBBBBB";

export interface TestRuntime {
  runtime: FunctionRuntime;
  books: Map<string, MemoryWorkbook>;
  /** Spreadsheet ids in the order the functions opened them. */
  opened: string[];
  logs: LogEntry[];
  /** Every message the functions sent, across runs. */
  mailer: MemoryMailer;
  /** Moves the wall clock, in seconds from NOW_SECONDS. */
  advance(seconds: number): void;
}

/**
 * `sheets` maps served spreadsheet ids to their contents; a value of `"broken"` serves a
 * workbook whose every read fails, to prove one sheet cannot stop the others.
 */
export function testRuntime(sheets: Record<string, RawWorkbook | "broken">, mail: { reject?: string[] } = {}): TestRuntime {
  const books = new Map<string, MemoryWorkbook>();
  const broken = new Set<string>();
  for (const [id, book] of Object.entries(sheets)) {
    if (book === "broken") broken.add(id);
    else books.set(id, createMemoryWorkbook({ tabs: book.tabs, label: id }));
  }
  const opened: string[] = [];
  const logs: LogEntry[] = [];
  let offset = 0;
  const mailer = createMemoryMailer(mail);
  const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: Object.keys(sheets).join(","), ACTIONLOG_NOW: NOW_ISO });
  const runtime = createRuntime(config, {
    googleWorkbook(id): Workbook {
      opened.push(id);
      const book = books.get(id);
      if (book) return book;
      return { label: id, read: () => Promise.reject(new Error(`${id} is unreachable`)), apply: () => Promise.reject(new Error("unreachable")) };
    },
    log: (entry) => logs.push(entry),
    mailer: () => mailer,
    epochSeconds: () => NOW_SECONDS + offset,
  });
  return { runtime, books, opened, logs, mailer, advance: (seconds) => (offset += seconds) };
}

/** A signed JSON request for the function `target`: the exact bytes and the header the relay would send. */
export function signed(target: string, body: unknown, options: { secret?: string; at?: number } = {}): { raw: string; header: string } {
  const raw = JSON.stringify(body);
  return { raw, header: signRequest(options.secret ?? SECRET, target, raw, options.at ?? NOW_SECONDS) };
}

/** A cell of the Actions tab by ref and column, as the workbook now holds it. */
export function actionCell(book: RawWorkbook, ref: string, column: string) {
  const tab = book.tabs.find((t) => t.name === "Actions");
  const refAt = tab?.headers.indexOf("Ref") ?? -1;
  const at = tab?.headers.indexOf(column) ?? -1;
  return tab?.rows.find((r) => r.cells[refAt] === ref)?.cells[at];
}
