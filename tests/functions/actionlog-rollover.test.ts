/** `actionlog rollover` with outstanding actions it leaves off the register: warns and exits 1, as register does (README's exit codes). */
import { describe, expect, it } from "vitest";
import { cli, readXlsx, sheetPerTest, writeXlsx } from "../support/cli.js";
import { action, buildLog } from "../support/log-fixture.js";

const files = sheetPerTest("2023-10-20T09:00:00Z");

const WARNING = 'Actions row 3 (DAG29-15) is not on the register: Status "On hold" is not a status; write Ongoing and say why in Update';
const registerRefs = async () => (await readXlsx(files.sheet)).tabs.find((t) => t.name === "Register DAG30")?.rows.map((r) => r.cells[2]);

describe("actionlog rollover exit codes (regression: it exited 0 with actions left off the register)", () => {
  it.each([
    ["text", []],
    ["--json", ["--json"]],
    ["--dry-run", ["--dry-run"]],
  ])("%s: names the action left off and exits 1, writing the rest unless a dry run", async (_name, extra) => {
    await writeXlsx(files.sheet, buildLog({ actions: [action(), action({ Ref: "DAG29-15", Status: "On hold" })] }));
    const result = await cli("rollover", "--sheet", files.sheet, "--meeting", "29", ...extra);
    expect([result.code, result.err]).toEqual([1, ""]);
    if (extra[0] === "--json") expect(JSON.parse(result.out).warnings).toContain(WARNING);
    else expect(result.out.split("\nWarnings:\n")[1]?.split("\n")).toContain(`  ${WARNING}`);
    expect(await registerRefs()).toEqual(extra[0] === "--dry-run" ? undefined : ["DAG29-01"]);
  });

  it("exits 0 when its warnings are only about actions on the register (overdue) or problems that leave none off", async () => {
    const actions = [action({ Due: "01/10/2023" }), action({ Ref: "DAG29-02", Due: "31/02/2024" })];
    await writeXlsx(files.sheet, buildLog({ actions }));
    const result = await cli("rollover", "--sheet", files.sheet, "--meeting", "29");
    expect(result.out).toContain("DAG29-01 was due 01/10/2023 and is overdue");
    expect(result.out).toContain("The log has 1 problem;");
    expect([result.code, result.err]).toEqual([0, ""]);
    expect(await registerRefs()).toEqual(["DAG29-01", "DAG29-02"]);
  });
});
