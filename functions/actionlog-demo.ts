/** `actionlog demo`: builds a sample committee's log, then validates, rolls forward and exports. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DateTime } from "luxon";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { committeeToday } from "../shared/core/dates.js";
import { SAMPLE, sampleTabs } from "../shared/demo/sample-committee.js";
import { REGISTER_FORMATS, exportRegister } from "../shared/jobs/register-job.js";
import { runRollover } from "../shared/jobs/rollover-job.js";
import { runValidate } from "../shared/jobs/validate-job.js";
import type { Io } from "./actionlog-command.js";
import { formatRollover, formatValidate } from "./actionlog-output.js";

export async function runDemo(dir: string, now: DateTime, io: Io): Promise<number> {
  const folder = resolve(dir);
  const path = join(folder, "action-log.xlsx");
  await mkdir(folder, { recursive: true });
  // The demo owns this one file; anything else in the folder is left alone.
  await rm(path, { force: true });
  await openWorkbook(path, { create: true }).apply({ tabs: sampleTabs(committeeToday(now, "Europe/London")), updates: [], appends: [] });
  io.out(`1. Created ${path}: the ${SAMPLE.name} (${SAMPLE.code}) log after meeting ${SAMPLE.heldMeeting}.\n`);

  const workbook = openWorkbook(path);
  const validation = await runValidate(workbook, { now, dryRun: false, actor: "actionlog demo" });
  io.out(`2. actionlog validate --sheet ${path}\n${indent(formatValidate(path, validation, false))}\n`);

  const rollover = await runRollover(workbook, { meeting: SAMPLE.heldMeeting, now, dryRun: false, actor: "actionlog demo" });
  io.out(`3. actionlog rollover --sheet ${path} --meeting ${SAMPLE.heldMeeting}\n${indent(formatRollover(path, rollover, false))}\n`);

  const files: string[] = [];
  for (const format of REGISTER_FORMATS) {
    const file = join(folder, `register-${SAMPLE.code}${rollover.next}.${format}`);
    await writeFile(file, await exportRegister(workbook, { meeting: rollover.next, format, now }), "utf8");
    files.push(file);
  }
  io.out(`4. actionlog register --sheet ${path} --meeting ${rollover.next} --format json|csv|md\n${files.map((f) => `     ${f}`).join("\n")}\n`);
  io.out(`Open ${path} to see the Checks column, the Audit tab and the "${rollover.tab}" tab.`);
  return 0;
}

const indent = (text: string): string => text.split("\n").map((line) => (line ? `   ${line}` : line)).join("\n");
