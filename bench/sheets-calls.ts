/** Sheets API calls per job against the fake Sheets server, beside a naive cell-by-cell tracker, and wall time at 100 ms a call. */
import { DateTime } from "luxon";
import { createMemoryMailer } from "../shared/adapters/mailer.memory.js";
import { createGoogleWorkbook } from "../shared/adapters/workbook.google.js";
import type { RawWorkbook, Workbook } from "../shared/adapters/workbook.js";
import type { Cell } from "../shared/core/types.js";
import { runAutoRollover } from "../shared/jobs/auto-rollover-job.js";
import { runDigest } from "../shared/jobs/digest-job.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import { type FakeSheets, startFakeSheets } from "../tests/support/fake-sheets-server.js";
import { createNaiveWorkbook } from "./naive-workbook.js";
import { syntheticLog } from "./synthetic-log.js";

export interface SheetsCallFigure {
  job: string;
  calls: number;
  naiveCalls: number;
  /** naiveCalls / calls. */
  ratio: number;
  /** Wall time of actionlog's job with 100 ms added to every call. */
  msAt100: number;
  /** The naive tracker's calls are sequential, so at 100 ms a call it takes at least this long. */
  naiveMsAt100: number;
}

export interface SheetsCallReport {
  sheet: { actions: number; members: number };
  latencyMs: number;
  figures: SheetsCallFigure[];
}

/** Monday 3 June 2024, 09:00 London: the digest's weekday, meeting 1 Held on 15 May, meeting 2 on 12 June. */
const NOW = DateTime.fromISO("2024-06-03T09:00:00", { zone: "Europe/London" });
const ACTIONS = 60;
const MEMBERS = 12;
const LATENCY_MS = 100;

interface Scenario {
  job: string;
  /** Member edits made before the job runs: [row index among Actions rows, column, value]. */
  edits: [number, string, Cell][];
  run(workbook: Workbook): Promise<unknown>;
}

const validate = (workbook: Workbook) => runValidate(workbook, { now: NOW, dryRun: false, actor: "actionlog bench" });
// "+15 WD" is a due date no synthetic row already has, so every edit changes a Due Date.
const tenDueEdits = Array.from({ length: 10 }, (_, i): [number, string, Cell] => [i * 5 + 1, "Due", "+15 WD"]);

const SCENARIOS: Scenario[] = [
  { job: "edit nudge, nothing to change", edits: [], run: validate },
  { job: "edit nudge, one Due edited", edits: [[7, "Due", "+15 WD"]], run: validate },
  { job: "sweep of one sheet, 10 rows edited", edits: tenDueEdits, run: validate },
  { job: "roll-forward (register tab added)", edits: [], run: (workbook) => runAutoRollover(workbook, { now: NOW, actor: "actionlog bench" }) },
  { job: "digest (Mail Log row per message)", edits: [], run: (workbook) => runDigest(workbook, createMemoryMailer(), { now: NOW }) },
];

/** The committee's sheet after a first validation: what every job starts from. */
async function preparedSheet(fake: FakeSheets): Promise<RawWorkbook> {
  fake.seed("bench-prepare", syntheticLog(ACTIONS, { members: MEMBERS, firstMeeting: "2024-05-15", settings: { pmo_email: "pmo@example.org", from_email: "actionlog@example.org" } }).tabs);
  await validate(createGoogleWorkbook({ spreadsheetId: "bench-prepare", rootUrl: fake.url }));
  return fake.snapshot("bench-prepare");
}

function edited(book: RawWorkbook, edits: Scenario["edits"]): RawWorkbook {
  const tabs = book.tabs.map((tab) => ({ ...tab, rows: tab.rows.map((r) => ({ row: r.row, cells: [...r.cells] })) }));
  const actions = tabs.find((tab) => tab.name === "Actions");
  for (const [index, column, value] of edits) {
    const row = actions?.rows[index];
    const at = actions?.headers.indexOf(column) ?? -1;
    if (!row || at < 0) throw new Error(`bench edit: no Actions row ${index} or column ${column}`);
    row.cells[at] = value;
  }
  return { tabs };
}

let sheetNumber = 0;

/** Runs one scenario on a fresh copy of the sheet; returns the calls it made and its wall time. */
async function measure(fake: FakeSheets, start: RawWorkbook, scenario: Scenario, open: (id: string) => Workbook): Promise<{ calls: number; ms: number }> {
  sheetNumber += 1;
  const id = `bench-sheet-${sheetNumber}`;
  fake.seed(id, edited(start, scenario.edits).tabs);
  const mark = fake.calls.length;
  const began = performance.now();
  await scenario.run(open(id));
  const ms = performance.now() - began;
  return { calls: fake.calls.slice(mark).filter((call) => call.path.includes(id)).length, ms };
}

export async function measureSheetsCalls(): Promise<SheetsCallReport> {
  const fake = await startFakeSheets();
  try {
    const start = await preparedSheet(fake);
    const ours = (id: string) => createGoogleWorkbook({ spreadsheetId: id, rootUrl: fake.url });
    const naive = (id: string) => createNaiveWorkbook({ spreadsheetId: id, rootUrl: fake.url });
    const figures: SheetsCallFigure[] = [];
    for (const scenario of SCENARIOS) {
      const fast = await measure(fake, start, scenario, ours);
      const slow = await measure(fake, start, scenario, naive);
      fake.latencyMs = LATENCY_MS;
      const timed = await measure(fake, start, scenario, ours);
      fake.latencyMs = 0;
      figures.push({
        job: scenario.job,
        calls: fast.calls,
        naiveCalls: slow.calls,
        ratio: Number((slow.calls / Math.max(1, fast.calls)).toFixed(1)),
        msAt100: Math.round(timed.ms),
        naiveMsAt100: slow.calls * LATENCY_MS,
      });
    }
    return { sheet: { actions: ACTIONS, members: MEMBERS }, latencyMs: LATENCY_MS, figures };
  } finally {
    await fake.close();
  }
}
