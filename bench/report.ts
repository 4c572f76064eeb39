/** The bench's figures as a console table and as bench/RESULTS.md, each beside its target. */
import type { ColdStartReport } from "./cold-start.js";
import type { EmailFigure } from "./email.js";
import type { SheetsCallFigure } from "./sheets-calls.js";

export interface CoreFigure {
  actions: number;
  ms: number;
  perSecond: number;
  rssMb: number;
  problems: number;
  changes: number;
  register: number;
  messages: number;
  mailChars: number;
}

export interface BenchResults {
  machine: string;
  date: string;
  core?: CoreFigure[];
  growth?: number;
  /** 100k actions, validate and roll-forward only: what the digest's planning and rendering add. */
  coreWithoutDigest?: CoreFigure;
  sheetsCalls?: SheetsCallFigure[];
  sheetsSheet?: { actions: number; members: number };
  coldStart?: ColdStartReport;
  email?: EmailFigure & { owners: number; actions: number; withGoogleMailLog: EmailFigure & { msAt100: number } };
}

export const TARGETS = { ms10k: 100, ms100k: 1000, rssMb: 300, growth: 12, coldStartRatio: 1.3 } as const;

const n = (value: number) => value.toLocaleString("en-GB");
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function coreLines(r: BenchResults): string[] {
  if (!r.core) return [];
  const target = (f: CoreFigure) => {
    const ms = f.actions === 10_000 ? TARGETS.ms10k : f.actions === 100_000 ? TARGETS.ms100k : undefined;
    const time = ms === undefined ? "" : `<= ${n(ms)} ms: ${verdict(f.ms <= ms)}; `;
    return `${time}RSS <= ${TARGETS.rssMb} MB: ${verdict(f.rssMb <= TARGETS.rssMb)}`;
  };
  return [
    "### Core: validate + roll-forward + digest planning (median of runs, parse included)",
    "",
    "| actions | ms | actions/s | peak RSS MB | changes | register | messages planned | target |",
    "|---:|---:|---:|---:|---:|---:|---:|---|",
    ...r.core.map((f) => `| ${n(f.actions)} | ${f.ms} | ${n(f.perSecond)} | ${f.rssMb} | ${n(f.changes)} | ${n(f.register)} | ${f.messages} (${(f.mailChars / 1e6).toFixed(1)} M chars) | ${target(f)} |`),
    "",
    `Growth 10k -> 100k: x${r.growth} (linear is x10; target <= ${TARGETS.growth}: ${verdict((r.growth ?? Number.POSITIVE_INFINITY) <= TARGETS.growth)}).`,
    ...(r.coreWithoutDigest
      ? [
          "",
          `Without digest planning (validate + roll-forward only), 100,000 actions take ${r.coreWithoutDigest.ms} ms and peak at ${r.coreWithoutDigest.rssMb} MB RSS:`,
          "the rest is planning and rendering the week's mail, every owner's overdue actions as inline-styled HTML and text.",
        ]
      : []),
    "",
  ];
}

function sheetsLines(r: BenchResults): string[] {
  if (!r.sheetsCalls) return [];
  const sheet = r.sheetsSheet ? ` (a committee sheet of ${r.sheetsSheet.actions} actions and ${r.sheetsSheet.members} members)` : "";
  return [
    `### Sheets API calls per job${sheet}`,
    "",
    "| job | calls | naive calls | ratio | wall time at 100 ms/call | naive at 100 ms/call (at least) |",
    "|---|---:|---:|---:|---:|---:|",
    ...r.sheetsCalls.map((f) => `| ${f.job} | ${f.calls} | ${n(f.naiveCalls)} | x${f.ratio} | ${n(f.msAt100)} ms | ${seconds(f.naiveMsAt100)} |`),
    "",
  ];
}

function coldLines(r: BenchResults): string[] {
  const c = r.coldStart;
  if (!c) return [];
  return [
    `### Cold start: spawn functions-framework to the first 200 (median of ${c.runs}, alternating)`,
    "",
    "| function | median ms | every run (ms) |",
    "|---|---:|---|",
    `| hello world | ${c.helloMs} | ${c.helloAllMs.join(", ")} |`,
    `| onSheetEdit (signed nudge, one read of the sheet) | ${c.functionMs} | ${c.functionAllMs.join(", ")} |`,
    "",
    `Ratio x${c.ratio} (target <= ${TARGETS.coldStartRatio}: ${verdict(c.ratio <= TARGETS.coldStartRatio)}).`,
    "",
    `Loading the code alone (spawn to exit of node importing it, median): bare node ${c.importMs.node} ms, hello world ${c.importMs.hello} ms,`,
    `functions/index.js ${c.importMs.function} ms. The rest of onSheetEdit's first answer is the first request: loading the Sheets client,`,
    "reading the sheet and validating it.",
    "",
  ];
}

function emailLines(r: BenchResults): string[] {
  const e = r.email;
  if (!e) return [];
  const g = e.withGoogleMailLog;
  return [
    `### Email: ${e.owners} owners' digests over pooled SMTP to a loopback smtp-server (${n(e.actions)} actions)`,
    "",
    "| Mail Log kept in | messages | total | messages/s | Sheets calls |",
    "|---|---:|---:|---:|---:|",
    `| memory (mail alone) | ${e.messages} | ${seconds(e.ms)} | ${e.perSecond} | - |`,
    `| Google Sheet (fake, no latency) | ${g.messages} | ${seconds(g.ms)} | ${g.perSecond} | ${n(g.sheetsCalls ?? 0)} |`,
    `| Google Sheet at 100 ms/call (estimated: calls x 100 ms + the run above) | ${g.messages} | ${seconds(g.msAt100)} | ${Math.round(g.messages / (g.msAt100 / 1000))} | ${n(g.sheetsCalls ?? 0)} |`,
    "",
    "The digest job writes one Mail Log row per message (a re-read and a write: two Sheets calls), so a",
    "crash can repeat at most one message and never loses one; on a Google Sheet that write, not SMTP, sets the pace.",
    "",
  ];
}

export const resultsTable = (r: BenchResults): string =>
  [`actionlog bench, ${r.date}; ${r.machine}`, "", ...coreLines(r), ...sheetsLines(r), ...coldLines(r), ...emailLines(r)].join("\n");

const METHOD = `## How these were measured

- **Core**: \`bench/core-bench.ts\`, one process per size, run with \`--expose-gc\`. A synthetic log
  (\`bench/synthetic-log.ts\`: 50 members, meetings of 100 actions, the seed's owner and due-date
  shapes) is parsed, validated, rolled forward, and the owners' digests and due-soon reminders
  planned and rendered (its Settings have no pmo_email, so no PMO summary), timed from the raw rows. The median of 5 runs (3 at 100k), after a warm-up;
  garbage from the previous run is collected before each run, so peak RSS is one pass's (the
  process's maximum resident set, Node and its modules included).
- **Sheets calls**: the real jobs (\`runValidate\` behind onSheetEdit and sweep, \`runAutoRollover\`,
  \`runDigest\` with a memory mailer) on the Google Sheets adapter against the fake Sheets server
  (\`tests/support/fake-sheets-server.ts\`). The naive baseline (\`bench/naive-workbook.ts\`) runs the
  same jobs over the same fake through a workbook that reads row by row (one values.get per row,
  until an empty row) and writes cell by cell (one values.update per cell), as typical Apps Script
  trackers do; it is given the kindness of never re-reading and of skipping the Audit tab's rows.
  Wall time at 100 ms/call is measured for actionlog; the naive tracker's calls are sequential, so
  its figure is calls x 100 ms.
- **Cold start**: \`functions-framework --target=... --source=...\` spawned fresh each time, timed
  from spawn to the first 200: \`bench/hello.ts\` answering GET, and \`dist/functions/index.js\`
  answering a signed nudge by reading a 60-action sheet from the fake.
- **Email**: \`runDigest\` with \`createSmtpMailer\` (pooled) sending to \`tests/support/smtp-sink.ts\`.

## Where the time and memory go

- Parsing uses the row schemas compiled with \`z.compile\`: zod's runtime parser allocated enough
  per field to keep the garbage collector busy for about 400 ms at 100k rows.
- Beyond validate and roll-forward, the core's time and memory are the digest: at 100k actions
  each owner's digest lists well over a thousand overdue actions as inline-styled HTML (mail
  clients drop style sheets) and as text, tens of millions of characters in all.
- Cold start: the gap to hello world is loading code (zod, nodemailer, which the SMTP mailer loads
  even for functions that send no mail, luxon and actionlog's modules) and then, on the first
  request, the Sheets client and the read and validation of the sheet.
- Email: the job writes one Mail Log row per message, right after its send, so that a crash can
  duplicate at most one message and lose none. On a Google Sheet each row is a re-read and a write,
  which sets the pace long before SMTP does.
`;

export function resultsMarkdown(r: BenchResults): string {
  const body = resultsTable(r).split("\n").slice(2).join("\n");
  return `# Benchmark results

Written by \`npm run bench\` on ${r.date}.

Machine: ${r.machine}.

Targets: 10,000 actions in ${TARGETS.ms10k} ms or less, 100,000 in ${n(TARGETS.ms100k)} ms or less, peak RSS
${TARGETS.rssMb} MB or less, growth 10k -> 100k of ${TARGETS.growth} or less, cold start ${TARGETS.coldStartRatio} x hello world or less.

${body}
${METHOD}`;
}
