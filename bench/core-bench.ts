/** One benchmark size in its own process, so peak RSS belongs to that size alone. */
import { DateTime } from "luxon";
import { rollForward } from "../shared/core/roll-forward.js";
import { validateLog } from "../shared/core/validate.js";
import { parseLog } from "../sheets-schema/parse-log.js";
import { syntheticLog } from "./synthetic-log.js";

const NOW = DateTime.fromISO("2024-06-12T09:00:00Z");

/** Parse, validate and roll forward: what validate plus rollover cost once the sheet is read. */
function runOnce(actions: number): number {
  const raw = syntheticLog(actions);
  const start = performance.now();
  const log = parseLog(raw);
  const validation = validateLog(log, NOW);
  const lastHeld = Math.max(...log.meetings.filter((m) => m.status === "Held").map((m) => m.number));
  const result = rollForward(log, validation.actions, lastHeld, "2024-06-12");
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(result.message);
  return ms;
}

const actions = Number(process.argv[2] ?? 1000);
runOnce(Math.min(actions, 2000)); // warm the JIT and the holiday caches
const runs = Array.from({ length: actions >= 100_000 ? 3 : 5 }, () => runOnce(actions)).sort((a, b) => a - b);
const ms = runs[Math.floor(runs.length / 2)] ?? 0;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ actions, ms: Number(ms.toFixed(1)), perSecond: Math.round(actions / (ms / 1000)), rssMb: Number(rssMb.toFixed(1)) })}\n`);
