/**
 * `npm run bench`: core speed and memory, Sheets API calls per job, cold start and email throughput.
 * Prints a table (or one JSON object with --json) and writes bench/RESULTS.md. `--only=core,sheets,cold,email`
 * runs a subset and leaves RESULTS.md alone. The fake Sheets server and the SMTP sink come from
 * tests/support, compiled into dist/ with the bench because the bench imports them.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, release, totalmem, type } from "node:os";
import { fileURLToPath } from "node:url";
import { type ColdStartReport, measureColdStart } from "./cold-start.js";
import { type EmailReport, measureEmail } from "./email.js";
import { type BenchResults, type CoreFigure, resultsMarkdown, resultsTable } from "./report.js";
import { type SheetsCallReport, measureSheetsCalls } from "./sheets-calls.js";

const SIZES = [1_000, 10_000, 100_000];
const coreScript = fileURLToPath(new URL("./core-bench.js", import.meta.url));
const resultsFile = fileURLToPath(new URL("../../bench/RESULTS.md", import.meta.url));

const args = process.argv.slice(2);
const json = args.includes("--json");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const wanted = (part: string) => only === undefined || only.includes(part);
const progress = (text: string) => {
  if (!json) process.stderr.write(`${text}\n`);
};

/** One size in a child with --expose-gc, so its peak RSS is its own and runs do not carry each other's garbage. */
const coreRun = (actions: number, ...flags: string[]): CoreFigure =>
  JSON.parse(execFileSync(process.execPath, ["--expose-gc", coreScript, String(actions), ...flags], { encoding: "utf8" })) as CoreFigure;

function measureCore(): CoreFigure[] {
  return SIZES.map((actions) => {
    progress(`core: ${actions.toLocaleString("en-GB")} actions`);
    return coreRun(actions);
  });
}

const machine = () => {
  const cpu = cpus();
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()} ${release()}, Node ${process.version}`;
};

async function main(): Promise<void> {
  const results: BenchResults = { machine: machine(), date: new Date().toISOString().slice(0, 10) };
  if (wanted("core")) {
    results.core = measureCore();
    const at = (n: number) => results.core?.find((f) => f.actions === n)?.ms ?? Number.NaN;
    results.growth = Number((at(100_000) / at(10_000)).toFixed(2));
    progress("core: 100,000 actions without digest planning");
    results.coreWithoutDigest = coreRun(100_000, "--no-digest");
  }
  if (wanted("sheets")) {
    progress("sheets: calls per job, ours and the naive tracker's");
    const report: SheetsCallReport = await measureSheetsCalls();
    results.sheetsCalls = report.figures;
    results.sheetsSheet = report.sheet;
  }
  if (wanted("cold")) {
    progress("cold start: functions-framework, hello world and onSheetEdit alternately");
    const report: ColdStartReport = await measureColdStart();
    results.coldStart = report;
  }
  if (wanted("email")) {
    progress("email: 500 owners' digests over pooled SMTP");
    const report: EmailReport = await measureEmail();
    results.email = { ...report.memory, owners: report.owners, actions: report.actions, withGoogleMailLog: { ...report.google, msAt100: report.googleMsAt100 } };
  }
  process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : `${resultsTable(results)}\n`);
  if (only === undefined) {
    await writeFile(resultsFile, resultsMarkdown(results));
    progress(`wrote ${resultsFile}`);
  }
}

await main();
