/** Runs the actionlog command in-process, capturing its output and exit code. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** Writes a raw workbook to a new .xlsx file through the real adapter. */
export async function writeXlsx(path: string, workbook: RawWorkbook): Promise<void> {
  await createXlsxWorkbook({ path, create: true }).apply({
    tabs: workbook.tabs.map((tab) => ({ name: tab.name, headers: tab.headers, rows: tab.rows.map((r) => r.cells) })),
    updates: [],
    appends: [],
  });
}

export const readXlsx = (path: string): Promise<RawWorkbook> => createXlsxWorkbook({ path }).read();
