/** One benchmark size in its own process, so peak RSS belongs to that size alone: validate, roll forward, plan the digest, render it. */
import { DateTime } from "luxon";
import { type MailPlan, planMail } from "../shared/core/digest-plan.js";
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
  /** Characters of text and HTML across the planned messages, once rendered. */
  renderChars: number;
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

const planStage = (log: LogData, validation: ValidationResult): MailPlan => planMail(log, validation, NOW, { weekly: "always", reminders: true });

/**
 * Every planned message rendered one at a time, as the digest job does when none was sent yet:
 * each body is dropped before the next is rendered. Timed apart from the core, since the job
 * renders only what it sends; peak RSS (the process's maximum) still covers it.
 */
function renderStage(plan: MailPlan): { renderMs: number; renderChars: number } {
  const start = performance.now();
  let renderChars = 0;
  for (const mail of plan.messages) {
    const { text, html } = mail.render();
    renderChars += text.length + html.length;
  }
  return { renderMs: performance.now() - start, renderChars };
}

/** `--no-digest`: validate and roll forward only, to show what digest planning adds. */
const withDigest = !process.argv.includes("--no-digest");

interface Run {
  /** Parse, validate, roll forward and plan the mail (who gets what, keys, subjects). */
  ms: number;
  renderMs: number;
  counts: CoreCounts;
}

function runOnce(actions: number): Run {
  const raw = syntheticLog(actions);
  const start = performance.now();
  const log = parseLog(raw);
  const validation = validateLog(log, NOW);
  const register = rollStage(log, validation);
  const plan = withDigest ? planStage(log, validation) : undefined;
  const ms = performance.now() - start;
  const { renderMs, renderChars } = plan ? renderStage(plan) : { renderMs: 0, renderChars: 0 };
  const counts = { problems: validation.problems.length, changes: validation.changes.length, register, messages: plan?.messages.length ?? 0, renderChars };
  return { ms, renderMs, counts };
}

/** node --expose-gc: collect the previous pass's garbage first, so a run does not pay for (or hold) the one before. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const actions = Number(process.argv[2] ?? 1000);
runOnce(Math.min(actions, 2000)); // warm the JIT and the holiday caches
const runs: Run[] = [];
for (let i = 0; i < (actions >= 100_000 ? 3 : 5); i++) {
  collect();
  runs.push(runOnce(actions));
}
const middle = <T>(values: T[], by: (value: T) => number): T | undefined => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
const median = middle(runs, (r) => r.ms) ?? { ms: 0, counts: undefined };
const renderMs = middle(runs, (r) => r.renderMs)?.renderMs ?? 0;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({
    actions,
    ms: Number(median.ms.toFixed(1)),
    perSecond: Math.round(actions / (median.ms / 1000)),
    renderMs: Number(renderMs.toFixed(1)),
    rssMb: Number(rssMb.toFixed(1)),
    gc: typeof (globalThis as { gc?: unknown }).gc === "function",
    ...median.counts,
  })}\n`,
);
