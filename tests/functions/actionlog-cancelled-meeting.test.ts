// qa-year finding 2: after a Cancelled meeting, `rollover` and `register` built no papers and contradicted each other.
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { REGISTER_HEADERS } from "../../sheets-schema/tabs.js";
import { cli, readXlsx, tempDir, writeXlsx } from "../support/cli.js";
import { MEETINGS, action, buildLog } from "../support/log-fixture.js";

let sheet: string;

beforeEach(async () => {
  sheet = join(await tempDir(), "log.xlsx");
  vi.stubEnv("ACTIONLOG_NOW", "2023-12-06T09:00:00Z");
  const log = buildLog({
    meetings: MEETINGS.map((m) => (m.Meeting === 30 ? { ...m, Status: "Cancelled" } : m)),
    actions: [action({ Due: "Next meeting" }), action({ Ref: "DAG28-04", Meeting: 28, Due: "13/12/2023" })],
  });
  // Built before the PMO cancelled meeting 30.
  const left = { name: "Register DAG30", headers: [...REGISTER_HEADERS], rows: [{ row: 2, cells: ["New", "Area", "DAG29-01", "Someone's copy", "PMO", "08/11/2023"] }] };
  await writeXlsx(sheet, { tabs: [...log.tabs, left] });
});

const tab = async (name: string) => (await readXlsx(sheet)).tabs.find((t) => t.name === name)?.rows.map((r) => r.cells);
const CANCELLED = "Meeting 30 is Cancelled in Meetings, so it has no register and meeting 29's actions go on the register for meeting 31";

describe("a Cancelled meeting on the command line", () => {
  it("rollover --meeting 29 builds meeting 31's register, warning of the Register DAG30 tab it leaves in place", async () => {
    const result = await cli("rollover", "--sheet", sheet, "--meeting", "29", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect([json.meeting, json.next]).toEqual([29, 31]);
    expect(json.register.map((e: { section: string; ref: string; due: string; carried: number }) => [e.section, e.ref, e.due, e.carried])).toEqual([
      ["new", "DAG29-01", "13/12/2023", 0],
      ["previous", "DAG28-04", "13/12/2023", 1],
    ]);
    expect(json.warnings).toContain(`The tab Register DAG30 is out of date, and nothing updates it. ${CANCELLED}. Delete Register DAG30 once nobody needs it (actionlog never deletes a tab)`);
    expect((await tab("Register DAG31"))?.map((row) => row[2])).toEqual(["DAG29-01", "DAG28-04"]);
    expect(await tab("Register DAG30")).toEqual([["New", "Area", "DAG29-01", "Someone's copy", "PMO", "08/11/2023"]]);
  });

  it("register --meeting 31 exports the same papers", async () => {
    const result = await cli("register", "--sheet", sheet, "--meeting", "31", "--format", "json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.register.map((e: { ref: string }) => e.ref)).toEqual(["DAG29-01", "DAG28-04"]);
    expect(JSON.stringify(json)).toContain("2023-12-13");
  });

  it.each([
    [["rollover", "--meeting", "30"], `actionlog rollover: ${CANCELLED}; roll forward meeting 29 to build it`],
    [["register", "--meeting", "30"], `actionlog register: No register for meeting 30: ${CANCELLED}`],
  ])("%j says the same thing about the Cancelled meeting, and exits 2", async (args, message) => {
    const result = await cli(...args, "--sheet", sheet);
    expect([result.code, result.err.trim()]).toEqual([2, message]);
  });
});
