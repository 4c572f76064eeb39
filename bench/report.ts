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
  /** Rendering every planned message one at a time after the timed pass (median), as the job does when none was sent yet. */
  renderMs: number;
  /** Characters of text and HTML across those messages. */
  renderChars: number;
}

export interface BenchResults {
  machine: string;
  date: string;
  core?: CoreFigure[];
  growth?: number;
  /** 100k actions, validate and roll-forward only: what the digest's planning (and rendering, for RSS) add. */
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
    "| actions | ms | actions/s | peak RSS MB | changes | register | messages planned | render all messages, ms | target |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...r.core.map(
      (f) =>
        `| ${n(f.actions)} | ${f.ms} | ${n(f.perSecond)} | ${f.rssMb} | ${n(f.changes)} | ${n(f.register)} | ${f.messages} | ${f.renderMs} (${(f.renderChars / 1e6).toFixed(1)} M chars) | ${target(f)} |`,
    ),
    "",
    "ms is parse, validate, roll forward and plan the mail: decide who gets which message, with which actions, its key and its",
    "subject. The bodies are rendered per message as the digest job sends it, never for a message the Mail Log has, a reminder",
    "folded into a digest or a dry run; the render column times rendering every planned message one at a time after that pass,",
    "as the first run of a week does. Peak RSS is the process's maximum, covering both.",
    "",
    `Growth 10k -> 100k: x${r.growth} (linear is x10; target <= ${TARGETS.growth}: ${verdict((r.growth ?? Number.POSITIVE_INFINITY) <= TARGETS.growth)}).`,
    ...(r.coreWithoutDigest
      ? [
          "",
          `Without digest planning (validate + roll-forward only), 100,000 actions take ${r.coreWithoutDigest.ms} ms and peak at ${r.coreWithoutDigest.rssMb} MB RSS:`,
          "the rest of the time is planning the week's mail; the rest of the memory is the plan and the garbage of rendering its messages",
          "one after another (each body is dropped before the next, but the collector reclaims them in its own time).",
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
    `the deploy bundle (dist/cloud/index.cjs, from its code cache) ${c.importMs.function} ms. The rest of onSheetEdit's first answer is the first`,
    "request: initialising the Google client and Node's fetch stack under it (undici, about 9 ms), and reading and validating the sheet.",
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
  shapes) is parsed, validated and rolled forward, and the owners' digests and due-soon reminders
  planned (its Settings have no pmo_email, so no PMO summary), timed from the raw rows. Planning
  decides recipients, items, keys and subjects; it renders no bodies. Then, in the same process and
  timed apart, every planned message is rendered one at a time, each body dropped before the next,
  as the digest job does when nothing was sent yet. The median of 5 runs (3 at 100k), after a
  warm-up; garbage from the previous run is collected before each run, so peak RSS is one pass's,
  rendering included (the process's maximum resident set, Node and its modules included).
- **Sheets calls**: the real jobs (\`runValidate\` behind onSheetEdit and sweep, \`runAutoRollover\`,
  \`runDigest\` with a memory mailer) on the Google Sheets adapter against the fake Sheets server
  (\`tests/support/fake-sheets-server.ts\`). The naive baseline (\`bench/naive-workbook.ts\`) runs the
  same jobs over the same fake through a workbook that reads row by row (one values.get per row,
  until an empty row) and writes cell by cell (one values.update per cell), as typical Apps Script
  trackers do; it is given the kindness of never re-reading and of skipping the Audit tab's rows.
  Wall time at 100 ms/call is measured for actionlog; the naive tracker's calls are sequential, so
  its figure is calls x 100 ms.
- **Cold start**: \`functions-framework --target=... --source=...\` spawned fresh each time, timed
  from spawn to the first 200: \`bench/hello.ts\` answering GET, and the deployable (package.json
  main: \`dist/cloud/index.cjs\`, which runs the esbuild bundle \`dist/cloud/bundle.cjs\` from the
  V8 code cache \`npm run build\` makes, as Cloud Build's gcp-build does) answering a signed nudge
  by reading a 60-action sheet from the fake.
- **Email**: \`runDigest\` with \`createSmtpMailer\` (pooled) sending to \`tests/support/smtp-sink.ts\`.

## Where the time and memory go

- Parsing uses the row schemas compiled with \`z.compile\` for tabs of 500 rows or more: zod's
  runtime parser allocated enough per field to keep the garbage collector busy for about 400 ms at
  100k rows. Smaller tabs use the runtime parser, which is quicker than compiling (see cold start).
- Beyond validate and roll-forward, the core's time is planning the digest: classifying each
  outstanding action and resolving its owners. Rendering is the costly part of the mail (at 100k
  actions each owner's digest lists well over a thousand overdue actions as inline-styled HTML,
  since mail clients drop style sheets, and as text: tens of millions of characters in all), so it
  happens per message while sending and only one message's bodies are held at once.
- Owner and Due cells repeat heavily (a few dozen members, "ASAP" for every action of a meeting),
  so validation resolves each distinct one once per run, and shares one resolution of an Owner
  cell among its actions when planning; roll-forward parses each ref once to sort the register.
  That more than halved validation's allocations per row, and so the garbage collector's share.
- Cold start, from x2.76 to about x1.2 in steps (each measured against the one before):
  - One esbuild bundle, with nodemailer, exceljs, jszip and docx left in node_modules until first
    use: x2.76 to about x1.9.
  - The bundle run from a V8 code cache (\`functions/code-cache.ts\`): about 55 ms. Without it V8
    compiles zod, luxon, the Google client and the core function by function on every cold start.
    \`npm run build\` makes the cache with a training run (\`functions/train-code-cache.ts\`: two
    edit nudges through the real Sheets client against the fake), on the Node that will serve it,
    since V8 takes only a cache from its own version and flags; refused or missing, the bundle
    compiles from source and the function logs one WARNING.
  - Europe/London worked out by the UK's clock-change rule (\`shared/core/london-zone.ts\`), and an
    explicit locale for the clock: luxon asked ICU for both, and the first Intl call of a process
    costs about 10 ms.
  - zod without its per-schema code generation (\`jitless\`), and the row schemas compiled only for
    big tabs: generating and compiling parsers cost about 7 ms on a first edit of 60 rows.
  - The embedded bank-holiday list is held to its shape by the type checker and to its rules by the
    tests, instead of being validated by zod on each cold start (about 2.5 ms).
  - googleapis-common's HTTP/2 client, which loads Node's http2 module, is replaced in the bundle by
    a stand-in that throws (\`functions/build-bundle.ts\`): actionlog never asks for HTTP/2 (about 4 ms).
  - What is left over hello world: crypto for the signature check, initialising the Google client,
    and Node's fetch stack (undici, about 9 ms), which gaxios loads for its Headers class.
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
