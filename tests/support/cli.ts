/** Runs the actionlog command in-process, capturing its output and exit code. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { main } from "../../functions/actionlog.js";
import { createXlsxWorkbook } from "../../shared/adapters/workbook.xlsx.js";
import type { RawWorkbook } from "../../shared/adapters/workbook.js";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "actionlog-cli-"));

/**
 * Gives each test of the file a folder of its own and the path of a log.xlsx in it (not written),
 * with the command's clock at `nowIso` when given; the folder and the clock go after each test.
 * Read `dir` and `sheet` inside a test or hook: they change from one test to the next.
 */
export function sheetPerTest(nowIso?: string): { readonly dir: string; readonly sheet: string } {
  const files = { dir: "", sheet: "" };
  beforeEach(async () => {
    files.dir = await tempDir();
    files.sheet = join(files.dir, "log.xlsx");
    if (nowIso !== undefined) vi.stubEnv("ACTIONLOG_NOW", nowIso);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(files.dir, { recursive: true, force: true });
  });
  return files;
}

/** Writes a raw workbook to a new .xlsx file through the real adapter. */
export async function writeXlsx(path: string, workbook: RawWorkbook): Promise<void> {
  await createXlsxWorkbook({ path, create: true }).apply({
    tabs: workbook.tabs.map((tab) => ({ name: tab.name, headers: tab.headers, rows: tab.rows.map((r) => r.cells) })),
    updates: [],
    appends: [],
  });
}

export const readXlsx = (path: string): Promise<RawWorkbook> => createXlsxWorkbook({ path }).read();
