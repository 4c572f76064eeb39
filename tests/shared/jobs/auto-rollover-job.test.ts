import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Workbook } from "../../../shared/adapters/workbook.js";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { runAutoRollover } from "../../../shared/jobs/auto-rollover-job.js";
import { REGISTER_HEADERS } from "../../../sheets-schema/tabs.js";
import { MEETINGS, action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");

/** Counts the port's calls, so the test can hold the job to one read and one write. */
function counted(book = buildLog({ actions: [action(), action({ Ref: "DAG28-01", Meeting: 28, Action: "Older" })] })) {
  const inner = createMemoryWorkbook({ tabs: book.tabs });
  const calls = { read: 0, apply: 0 };
  const workbook: Workbook = {
    label: "counted",
    read() {
      calls.read++;
      return inner.read();
    },
    apply(batch) {
      calls.apply++;
      return inner.apply(batch);
    },
  };
  return { workbook, inner, calls };
}

describe("runAutoRollover", () => {
  it("reads once, writes once, and builds the register of the meeting after the newest Held one", async () => {
    const { workbook, inner, calls } = counted();
    const report = await runAutoRollover(workbook, { now: NOW, actor: "test" });
    expect(calls).toEqual({ read: 1, apply: 1 });
    expect(report.rolled.map((r) => [r.tab, r.register.map((e) => `${e.section} ${e.ref}`)])).toEqual([["Register DAG30", ["new DAG29-01", "previous DAG28-01"]]]);
    const audit = inner.snapshot().tabs.find((t) => t.name === "Audit")?.rows ?? [];
    expect(audit.map((r) => r.cells[7])).toContain("register for meeting 30 built from meeting 29");
  });

  it("a second run reads once and writes nothing", async () => {
    const { workbook, inner, calls } = counted();
    await runAutoRollover(workbook, { now: NOW, actor: "test" });
    const after = inner.snapshot();
    const again = await runAutoRollover(workbook, { now: NOW, actor: "test" });
    expect(again).toEqual({ rolled: [], notes: [], attention: false });
    expect(calls).toEqual({ read: 2, apply: 1 });
    expect(inner.snapshot()).toEqual(after);
  });

  it("a dry run reports the register without writing", async () => {
    const { workbook, calls } = counted();
    const report = await runAutoRollover(workbook, { now: NOW, actor: "test", dryRun: true });
    expect(report.rolled).toHaveLength(1);
    expect(calls.apply).toBe(0);
  });

  it("with meeting 30 Cancelled builds Register DAG31 from 29, and reports the Register DAG30 left from before once, keeping it (qa-year finding 2)", async () => {
    const book = buildLog({
      meetings: MEETINGS.map((m) => (m.Meeting === 30 ? { ...m, Status: "Cancelled" } : m)),
      actions: [action(), action({ Ref: "DAG28-01", Meeting: 28, Action: "Older" })],
    });
    const left = { name: "Register DAG30", headers: [...REGISTER_HEADERS], rows: [{ row: 2, cells: ["New", "Area", "DAG29-01", "Kept as it was", "PMO", "08/11/2023"] }] };
    const { workbook, inner, calls } = counted({ tabs: [...book.tabs, left] });
    const report = await runAutoRollover(workbook, { now: NOW, actor: "test" });
    expect(calls).toEqual({ read: 1, apply: 1 });
    expect(report.rolled.map((r) => [r.tab, r.meeting, r.next, r.register.map((e) => `${e.section} ${e.ref} ${e.carried}`)])).toEqual([
      ["Register DAG31", 29, 31, ["new DAG29-01 0", "previous DAG28-01 1"]],
    ]);
    expect(report.attention).toBe(true);
    expect(report.notes).toEqual([expect.stringMatching(/^The tab Register DAG30 is out of date, and nothing updates it\. Meeting 30 is Cancelled in Meetings/)]);
    expect(report.rolled[0]?.warnings.some((w) => w.includes("Register DAG30"))).toBe(false);
    const after = inner.snapshot().tabs;
    expect(after.find((t) => t.name === "Register DAG30")).toEqual(left);
    const audit = after.find((t) => t.name === "Audit")?.rows ?? [];
    expect(audit.map((r) => r.cells[7])).toContain("register for meeting 31 built from meeting 29 (meeting 30 Cancelled)");
  });
});
