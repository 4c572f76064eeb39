/** Email throughput: 500 owners' digests through the real digest job and pooled SMTP mailer to a loopback smtp-server. */
import { DateTime } from "luxon";
import { createSmtpMailer } from "../shared/adapters/mailer.smtp.js";
import { createGoogleWorkbook } from "../shared/adapters/workbook.google.js";
import { createMemoryWorkbook } from "../shared/adapters/workbook.memory.js";
import type { Workbook } from "../shared/adapters/workbook.js";
import { runDigest } from "../shared/jobs/digest-job.js";
import { startFakeSheets } from "../tests/support/fake-sheets-server.js";
import { startSmtpSink } from "../tests/support/smtp-sink.js";
import { syntheticLog } from "./synthetic-log.js";

export interface EmailFigure {
  /** Where the Mail Log lives: a memory workbook (mail alone) or a Google Sheet (the fake). */
  workbook: string;
  messages: number;
  ms: number;
  perSecond: number;
  /** Sheets API calls the run made (Google only): one read, then a write and a re-read per message. */
  sheetsCalls?: number;
}

export interface EmailReport {
  owners: number;
  actions: number;
  /** Mail alone, Mail Log in memory: the headline throughput. */
  memory: EmailFigure;
  /** The same run with the Mail Log on a Google Sheet (fake, no added latency). */
  google: EmailFigure;
  /** What the Google run's calls would cost at 100 ms each, as the job awaits each Mail Log write in turn. */
  googleMsAt100: number;
}

const OWNERS = 500;
const ACTIONS = 1_000;
/** Monday 3 June 2024, 09:00 London: digest day; eleven meetings from July 2023 to April 2024, so every owner has overdue actions. */
const NOW = DateTime.fromISO("2024-06-03T09:00:00", { zone: "Europe/London" });

const committee = () =>
  syntheticLog(ACTIONS, { members: OWNERS, allEmails: true, firstMeeting: "2023-07-05", settings: { pmo_email: "pmo@example.org", from_email: "actionlog@example.org" } });

async function sendAll(label: string, workbook: Workbook, smtpUrl: string): Promise<EmailFigure> {
  const mailer = createSmtpMailer({ url: smtpUrl });
  const began = performance.now();
  try {
    const report = await runDigest(workbook, mailer, { now: NOW });
    if (report.failed.length > 0) throw new Error(`${label}: ${report.failed.length} messages failed: ${report.failed[0]?.error}`);
    const ms = performance.now() - began;
    return { workbook: label, messages: report.sent.length, ms: Math.round(ms), perSecond: Math.round(report.sent.length / (ms / 1000)) };
  } finally {
    await mailer.close();
  }
}

export async function measureEmail(): Promise<EmailReport> {
  const sink = await startSmtpSink();
  const fake = await startFakeSheets();
  try {
    const memory = await sendAll("memory", createMemoryWorkbook({ tabs: committee().tabs }), sink.url);
    if (sink.messages.length !== memory.messages) throw new Error(`the SMTP server received ${sink.messages.length} of ${memory.messages} messages`);
    fake.seed("bench-email", committee().tabs);
    const mark = fake.calls.length;
    const google = await sendAll("google sheet (fake)", createGoogleWorkbook({ spreadsheetId: "bench-email", rootUrl: fake.url }), sink.url);
    google.sheetsCalls = fake.calls.length - mark;
    return { owners: OWNERS, actions: ACTIONS, memory, google, googleMsAt100: google.sheetsCalls * 100 + google.ms };
  } finally {
    await fake.close();
    await sink.close();
  }
}
