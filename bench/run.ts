/** `npm run bench`: core speed and memory over 1k, 10k and 100k actions; prints a table, or JSON with --json. */
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

interface CoreFigure {
  actions: number;
  ms: number;
  perSecond: number;
  rssMb: number;
}

const SIZES = [1_000, 10_000, 100_000];
const TARGETS: Record<number, number> = { 10000: 100, 100000: 1000 };
const core = fileURLToPath(new URL("./core-bench.js", import.meta.url));

const figures: CoreFigure[] = SIZES.map((n) => JSON.parse(execFileSync(process.execPath, [core, String(n)], { encoding: "utf8" })) as CoreFigure);
const at = (n: number) => figures.find((f) => f.actions === n);
const growth = Number(((at(100_000)?.ms ?? 0) / (at(10_000)?.ms ?? 1)).toFixed(2));
const machine = `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ machine, core: figures, growth }, null, 2)}\n`);
} else {
  const lines = [
    `actionlog bench: validate + roll-forward (parse, rules, register), median of runs; ${machine}`,
    "",
    "| actions | ms | actions/s | peak RSS MB | target |",
    "|---:|---:|---:|---:|---|",
    ...figures.map((f) => `| ${f.actions.toLocaleString("en-GB")} | ${f.ms} | ${f.perSecond.toLocaleString("en-GB")} | ${f.rssMb} | ${TARGETS[f.actions] ? `<= ${TARGETS[f.actions]} ms: ${f.ms <= (TARGETS[f.actions] ?? 0) ? "met" : "MISSED"}` : ""} |`),
    "",
    `growth 10k -> 100k: x${growth} (linear is x10; target <= 12: ${growth <= 12 ? "met" : "MISSED"})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
