/** Cold start: functions-framework serving onSheetEdit against a hello-world function, spawned alternately, timed to the first 200. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { signRequest } from "../shared/adapters/request-signature.js";
import { createGoogleWorkbook } from "../shared/adapters/workbook.google.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import { startFakeSheets } from "../tests/support/fake-sheets-server.js";
import { repoRoot, spawnFramework } from "../tests/support/framework-process.js";
import { syntheticLog } from "./synthetic-log.js";
import { DateTime } from "luxon";

export interface ColdStartReport {
  runs: number;
  /** Medians, spawn to first 200. */
  helloMs: number;
  functionMs: number;
  ratio: number;
  helloAllMs: number[];
  functionAllMs: number[];
  /** Medians of a bare `node` importing each source and exiting: how much of the gap is loading code. */
  importMs: { node: number; hello: number; function: number };
}

const RUNS = 7;
const SECRET = "bench-webhook-secret-0123456789";
const SHEET = "benchColdStartSheet0001";
/** The deployable, as Cloud Functions loads it: package.json main, the esbuild bundle in dist/cloud. */
const deployed = join(repoRoot, (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { main: string }).main);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Target {
  name: "hello" | "onSheetEdit";
  source: string;
  env: Record<string, string>;
  request(url: string): Promise<Response>;
}

/** Spawns the framework and polls until the target answers 200; connection refusals mean "not listening yet". */
async function timeToFirst200(target: Target): Promise<number> {
  const began = performance.now();
  const framework = await spawnFramework({ target: target.name, source: target.source, env: target.env });
  try {
    for (;;) {
      if (framework.exitCode() !== null) throw new Error(`${target.name} exited: ${framework.output()}`);
      const response = await target.request(framework.url).catch(() => undefined);
      if (response?.status === 200) return performance.now() - began;
      if (response) throw new Error(`${target.name} answered ${response.status}: ${await response.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await framework.stop();
  }
}

/** Spawn to exit of `node` importing `source` (nothing when undefined), in ms. */
function importTime(source: string | undefined): number {
  const began = performance.now();
  execFileSync(process.execPath, ["--input-type=module", "-e", source === undefined ? "" : `await import(${JSON.stringify(source)})`], { cwd: repoRoot, stdio: "ignore" });
  return performance.now() - began;
}

export async function measureColdStart(): Promise<ColdStartReport> {
  const fake = await startFakeSheets();
  try {
    fake.seed(SHEET, syntheticLog(60, { members: 12, firstMeeting: "2024-05-15" }).tabs);
    // Validated once, so the timed nudge finds nothing to write: one read, as most edits cost.
    await runValidate(createGoogleWorkbook({ spreadsheetId: SHEET, rootUrl: fake.url }), { now: DateTime.now(), dryRun: false, actor: "bench" });
    const hello: Target = {
      name: "hello",
      source: fileURLToPath(new URL("./hello.js", import.meta.url)),
      env: {},
      request: (url) => fetch(url),
    };
    const onSheetEdit: Target = {
      name: "onSheetEdit",
      source: deployed,
      env: { ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: SHEET, ACTIONLOG_SHEETS_ROOT_URL: fake.url },
      request: (url) => {
        const body = JSON.stringify({ spreadsheetId: SHEET, tab: "Actions", range: "F2" });
        const signature = signRequest(SECRET, "onSheetEdit", body, Math.floor(Date.now() / 1000));
        return fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-actionlog-signature": signature }, body });
      },
    };
    const helloAllMs: number[] = [];
    const functionAllMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      helloAllMs.push(Math.round(await timeToFirst200(hello)));
      functionAllMs.push(Math.round(await timeToFirst200(onSheetEdit)));
    }
    const helloMs = median(helloAllMs);
    const functionMs = median(functionAllMs);
    const imports = { node: [] as number[], hello: [] as number[], function: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      imports.node.push(importTime(undefined));
      imports.hello.push(importTime(hello.source));
      imports.function.push(importTime(onSheetEdit.source));
    }
    const importMs = { node: Math.round(median(imports.node)), hello: Math.round(median(imports.hello)), function: Math.round(median(imports.function)) };
    return { runs: RUNS, helloMs, functionMs, ratio: Number((functionMs / Math.max(1, helloMs)).toFixed(2)), helloAllMs, functionAllMs, importMs };
  } finally {
    await fake.close();
  }
}
