/** `actionlog demo`: a sample committee's minutes in; a checked log, meeting papers and owners' emails out. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DateTime } from "luxon";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
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
  await mkdir(folder, { recursive: true });
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
  const outbox = join(folder, "outbox");
  await rm(outbox, { recursive: true, force: true });
  const digests = await writeDemoDigests(workbook, outbox, now);
  io.out(step(6, `actionlog digest --sheet ${path} --outbox ${outbox}`, formatDigest(digests)));
  io.out(`Open ${path} to see the Checks column, the Audit tab, the Mail Log and the "${rollover.tab}" tab;
the .eml files in ${outbox} open in any mail client.`);
  return 0;
}

const step = (n: number, command: string, report: string): string =>
  `${n}. ${command}\n${report.split("\n").map((line) => (line ? `   ${line}` : line)).join("\n")}\n`;
