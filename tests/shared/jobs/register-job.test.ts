/** The register export names every outstanding action it leaves out, in every format (QA messy 3). */
import JSZip from "jszip";
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

  // 23:30 UTC is already the next day in London in summer and still the same day in winter: the papers say the committee's day.
  it.each([
    ["2023-10-19T23:30:00Z", "As at 20 Oct 2023"],
    ["2023-10-29T00:30:00Z", "As at 29 Oct 2023"],
    ["2023-11-20T23:30:00Z", "As at 20 Nov 2023"],
  ])("papers made at %s say %s, in HTML and in the DOCX's body and footer", async (instant, line) => {
    const now = DateTime.fromISO(instant, { zone: "utc" });
    const html = String((await buildRegister(createMemoryWorkbook({ tabs: LOG.tabs }), { meeting: 30, format: "html", now })).output);
    expect(html).toContain(`<p class="as-at">${line}</p>`);
    const zip = await JSZip.loadAsync((await buildRegister(createMemoryWorkbook({ tabs: LOG.tabs }), { meeting: 30, format: "docx", now })).output);
    expect(await zip.file("word/document.xml")?.async("string")).toContain(line);
    expect(await zip.file("word/footer1.xml")?.async("string")).toContain(`Meeting 30 – New / Outstanding Actions – ${line}`);
  });
});
