/** `actionlog demo`: a sample committee's minutes in; a checked log, meeting papers and owners' emails out. */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DateTime } from "luxon";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { ActionlogError } from "../shared/core/errors.js";
import { parseSettings } from "../sheets-schema/settings.js";
import { TAB, tabNamed } from "../sheets-schema/tabs.js";
import { committeeToday } from "../shared/core/dates.js";
import { minutesDsb14Text } from "../shared/demo/minutes-dsb14.js";
import { SAMPLE, sampleMeetingDate, sampleTabs } from "../shared/demo/sample-committee.js";
import { importMinutes } from "../shared/jobs/import-minutes-job.js";
import { REGISTER_FORMATS, exportRegister } from "../shared/jobs/register-job.js";
import { runRollover } from "../shared/jobs/rollover-job.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import type { Io } from "./actionlog-command.js";
import { formatDigest, writeDemoDigests } from "./actionlog-digest.js";
import { formatImport } from "./actionlog-import.js";
import { formatRollover, formatValidate } from "./actionlog-output.js";

export async function runDemo(dir: string, now: DateTime, io: Io): Promise<number> {
  const folder = resolve(dir);
  const path = join(folder, "action-log.xlsx");
  const minutesPath = join(folder, `minutes-${SAMPLE.code}${SAMPLE.heldMeeting}.txt`);
  const today = committeeToday(now, "Europe/London");
  const held = SAMPLE.heldMeeting;
  const outbox = join(folder, "outbox");
  await mkdir(folder, { recursive: true });
  await refuseOthersFiles(path, outbox);
  // The demo owns these files; anything else in the folder is left alone.
  await rm(path, { force: true });
  const minutes = minutesDsb14Text({ held: sampleMeetingDate(today, held), next: sampleMeetingDate(today, held + 1) });
  await writeFile(minutesPath, minutes, "utf8");
  await openWorkbook(path, { create: true }).apply({ tabs: sampleTabs(today, { beforeMeeting: held }), updates: [], appends: [] });
  io.out(`1. Created ${path}: the ${SAMPLE.name} (${SAMPLE.code}) log up to meeting ${held - 1}.\n`);

  const workbook = openWorkbook(path);
  const imported = await importMinutes(workbook, minutes, { now, dryRun: false, actor: "actionlog demo", label: minutesPath });
  io.out(step(2, `actionlog import-minutes ${minutesPath} --sheet ${path}`, formatImport(path, imported, false)));

  const validation = await runValidate(workbook, { now, dryRun: false, actor: "actionlog demo" });
  io.out(step(3, `actionlog validate --sheet ${path}`, formatValidate(path, validation, false)));

  const rollover = await runRollover(workbook, { meeting: held, now, dryRun: false, actor: "actionlog demo" });
  io.out(step(4, `actionlog rollover --sheet ${path} --meeting ${held}`, formatRollover(path, rollover, false)));

  const files: string[] = [];
  for (const format of REGISTER_FORMATS) {
    const file = join(folder, `register-${SAMPLE.code}${rollover.next}.${format}`);
    await writeFile(file, await exportRegister(workbook, { meeting: rollover.next, format, now }));
    files.push(file);
  }
  io.out(step(5, `actionlog register --sheet ${path} --meeting ${rollover.next} --format ${REGISTER_FORMATS.join("|")}`, files.join("\n")));
  await rm(outbox, { recursive: true, force: true });
  const digests = await writeDemoDigests(workbook, outbox, now);
  io.out(step(6, `actionlog digest --sheet ${path} --outbox ${outbox}`, formatDigest(digests)));
  io.out(`Open ${path} to see the Checks column, the Audit tab, the Mail Log and the "${rollover.tab}" tab;
the .eml files in ${outbox} open in any mail client.`);
  return 0;
}

/** Files listed in a folder, none when it does not exist. */
const filesIn = (folder: string): Promise<string[]> => readdir(folder).catch(() => []);

/**
 * The demo replaces its workbook and empties its outbox on every run, so it stops unless what is
 * there is its own: a workbook for the sample committee, and an outbox beside one. Someone who
 * points --dir at their real log's folder keeps their log and their sent mail.
 */
async function refuseOthersFiles(path: string, outbox: string): Promise<void> {
  const [here, mail] = await Promise.all([filesIn(join(path, "..")), filesIn(outbox)]);
  const hasWorkbook = here.includes("action-log.xlsx");
  const code = hasWorkbook ? await committeeCodeOf(path) : undefined;
  const ours = code === SAMPLE.code;
  const elsewhere = "Run the demo in a folder of its own: actionlog demo --dir actionlog-demo";
  if (hasWorkbook && !ours) {
    const what = code === undefined ? "is not a workbook the demo can read" : `is the ${code || "(blank code)"} log, not the demo's ${SAMPLE.code} sample`;
    throw new ActionlogError("WORKBOOK_EXISTS", `${path} ${what}; the demo replaces action-log.xlsx, so it stopped and changed nothing. ${elsewhere}`);
  }
  if (!ours && mail.length > 0) {
    throw new ActionlogError("WORKBOOK_EXISTS", `${outbox} holds ${mail.length === 1 ? "a file" : `${mail.length} files`} the demo did not write; the demo empties its outbox, so it stopped and changed nothing. ${elsewhere}`);
  }
}

/** Settings committee_code of a local workbook, or undefined when it cannot be read as one. */
async function committeeCodeOf(path: string): Promise<string | undefined> {
  const book = await openWorkbook(path).read().catch(() => undefined);
  const settings = book && tabNamed(book.tabs, TAB.settings);
  return settings ? parseSettings(settings).settings.committeeCode : undefined;
}

const step = (n: number, command: string, report: string): string =>
  `${n}. ${command}\n${report.split("\n").map((line) => (line ? `   ${line}` : line)).join("\n")}\n`;
