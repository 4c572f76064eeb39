/** The register export names every outstanding action it leaves out, in every format (QA messy 3). */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { REGISTER_FORMATS, buildRegister } from "../../../shared/jobs/register-job.js";
import { action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");

const LOG = buildLog({
  actions: [
    action(),
    action({ Ref: "DAG29-12", Status: "WIP" }), // read as Ongoing: on the papers
    action({ Ref: "DAG29-14", Status: "Complete.", Update: "As minuted" }), // read as Closed: off them, rightly
    action({ Ref: "DAG29-15", Status: "On hold" }), // not a status: left off, and said so
    action({ Ref: "DAG28-04", Meeting: 28, Status: "Ongoing", Due: "08/11/2023" }), // overdue warnings are not about rows left off
    action({ Ref: "DAG28-05", Meeting: 28, Status: "Cancelled" }),
  ],
});

const LEFT_OFF = [
  'Actions row 5 (DAG29-15) is not on the register: Status "On hold" is not a status; write Ongoing and say why in Update',
  'Actions row 7 (DAG28-05) is not on the register: Status "Cancelled" is not a status; write Closed and say why in Update',
];

describe("buildRegister", () => {
  it.each(REGISTER_FORMATS)("%s: warns of each outstanding action left off, and of nothing else", async (format) => {
    const { output, warnings } = await buildRegister(createMemoryWorkbook({ tabs: LOG.tabs }), { meeting: 30, format, now: NOW });
    expect(warnings).toEqual(LEFT_OFF);
    if (format === "docx") return;
    // The JSON's warnings name the refs left off; its register must not list them.
    const papers = format === "json" ? JSON.stringify(JSON.parse(String(output)).register) : String(output);
    expect(papers).toContain("DAG29-12");
    for (const ref of ["DAG29-14", "DAG29-15", "DAG28-05"]) expect(papers).not.toContain(ref);
  });

  it("carries the warnings in the JSON, and an empty list when nothing is left off", async () => {
    const { output } = await buildRegister(createMemoryWorkbook({ tabs: LOG.tabs }), { meeting: 30, format: "json", now: NOW });
    const json = JSON.parse(String(output));
    expect(json.warnings).toEqual(LEFT_OFF);
    expect(json.register.map((e: { ref: string }) => e.ref)).toEqual(["DAG29-01", "DAG29-12", "DAG28-04"]);
    const clean = await buildRegister(createMemoryWorkbook({ tabs: buildLog({ actions: [action()] }).tabs }), { meeting: 30, format: "json", now: NOW });
    expect(clean.warnings).toEqual([]);
    expect(JSON.parse(String(clean.output)).warnings).toEqual([]);
  });
});
