/** One benchmark size in its own process, so peak RSS belongs to that size alone: validate, roll forward, plan the digest. */
import { DateTime } from "luxon";
import { planMail } from "../shared/core/digest-plan.js";
import { rollForward } from "../shared/core/roll-forward.js";
import type { LogData } from "../shared/core/types.js";
import { type ValidationResult, validateLog } from "../shared/core/validate.js";
import { parseLog } from "../sheets-schema/parse-log.js";
import { syntheticLog } from "./synthetic-log.js";

/** A Wednesday in June 2024; the digest is planned as if due (weekly "always"), with reminders. */
const NOW = DateTime.fromISO("2024-06-12T09:00:00Z");

/** What one pass produced, so the work cannot be optimised away and a broken core shows up. */
interface CoreCounts {
  problems: number;
  changes: number;
  register: number;
  messages: number;
  /** Characters of text and HTML across the planned messages. */
  mailChars: number;
}

/**
 * Each stage in its own function, so nothing outlives the stage that uses it, as in the jobs
 * (rollover never plans mail; the digest never rolls forward). The raw workbook stays alive
 * throughout, as the jobs keep it (the Mail Log and the register check read it).
 */
function rollStage(log: LogData, validation: ValidationResult): number {
  const held = log.meetings.filter((m) => m.status === "Held").map((m) => m.number);
  const result = rollForward(log, validation.actions, held.reduce((a, b) => Math.max(a, b), 0), "2024-06-12");
  if (!result.ok) throw new Error(result.message);
  return result.register.length;
}

function planStage(log: LogData, validation: ValidationResult): Pick<CoreCounts, "messages" | "mailChars"> {
  const plan = planMail(log, validation, NOW, { weekly: "always", reminders: true });
  return { messages: plan.messages.length, mailChars: plan.messages.reduce((sum, m) => sum + m.text.length + m.html.length, 0) };
}

/** `--no-digest`: validate and roll forward only, to show what digest planning adds. */
const withDigest = !process.argv.includes("--no-digest");

function runOnce(actions: number): { ms: number; counts: CoreCounts } {
  const raw = syntheticLog(actions);
  const start = performance.now();
  const log = parseLog(raw);
  const validation = validateLog(log, NOW);
  const register = rollStage(log, validation);
  const mail = withDigest ? planStage(log, validation) : { messages: 0, mailChars: 0 };
  const ms = performance.now() - start;
  return { ms, counts: { problems: validation.problems.length, changes: validation.changes.length, register, ...mail } };
}

/** node --expose-gc: collect the previous pass's garbage first, so a run does not pay for (or hold) the one before. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const actions = Number(process.argv[2] ?? 1000);
runOnce(Math.min(actions, 2000)); // warm the JIT and the holiday caches
const runs: { ms: number; counts: CoreCounts }[] = [];
for (let i = 0; i < (actions >= 100_000 ? 3 : 5); i++) {
  collect();
  runs.push(runOnce(actions));
}
runs.sort((a, b) => a.ms - b.ms);
const median = runs[Math.floor(runs.length / 2)] ?? { ms: 0, counts: undefined };
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ actions, ms: Number(median.ms.toFixed(1)), perSecond: Math.round(actions / (median.ms / 1000)), rssMb: Number(rssMb.toFixed(1)), gc: typeof (globalThis as { gc?: unknown }).gc === "function", ...median.counts })}\n`,
);
