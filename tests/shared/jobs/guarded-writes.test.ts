import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { RawWorkbook, Workbook } from "../../../shared/adapters/workbook.js";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import { runRollover } from "../../../shared/jobs/rollover-job.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { MEETINGS, action, buildLog } from "../../support/log-fixture.js";
import { MEMBER_EDITS, type MemberEdit, RACE_LOG, actionRows, editActions, expectRaceSafe } from "../../support/member-edits.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const options = { now: NOW, dryRun: false, actor: "test" };

/** A workbook where a member edits Actions after the job has read it and before it writes. */
function withMemberBetween(book: RawWorkbook, edit: MemberEdit) {
  const inner = createMemoryWorkbook({ tabs: book.tabs });
  let edited = false;
  const workbook: Workbook = {
    label: "racing workbook",
    read: () => inner.read(),
    async apply(batch) {
      if (!edited) {
        edited = true;
        const tab = editActions(inner.snapshot(), edit);
        await inner.apply({ tabs: [{ ...tab, rows: tab.rows.map((r) => r.cells) }], updates: [], appends: [] });
      }
      return inner.apply(batch);
    },
  };
  return { workbook, inner };
}




describe("guarded writes while a member edits the sheet", () => {
  it("never loses a member's edit and never lands an automation value on the wrong row", async () => {
    let interleavings = 0;
    await fc.assert(
      fc.asyncProperty(MEMBER_EDITS, async (edit) => {
        interleavings++;
        const { workbook, inner } = withMemberBetween(RACE_LOG, edit);
        await runValidate(workbook, options);
        const after = actionRows(inner.snapshot());
        // What the member's sheet looked like right after their edit, before the job wrote.
        const memberView = actionRows({ tabs: [editActions(RACE_LOG, edit)] });
        expectRaceSafe(after, memberView);
      }),
      { numRuns: 1000, seed: 20231011 },
    );
    console.info(`guarded writes: ${interleavings} interleavings of a member edit between read and write`);
    expect(interleavings).toBe(1000);
  });

  it("finishes the skipped work on the next run", async () => {
    const { workbook, inner } = withMemberBetween(RACE_LOG, { kind: "sort", descending: true });
    const first = await runValidate(workbook, options);
    expect(first.skipped).toBeGreaterThan(0); // the blank-ref row moved, so its writes waited
    await runValidate(inner, options);
    expect((await runValidate(inner, options)).changes).toEqual([]);
    expect(actionRows(inner.snapshot()).find((r) => r.action === "Blank ref row")?.ref).toBe("DAG29-04");
  });
});

describe("values written by an earlier run, or typed with stray spaces", () => {
  const carried = (book: RawWorkbook) => {
    const tab = book.tabs.find((t) => t.name === "Actions");
    return tab?.rows.map((r) => r.cells[tab.headers.indexOf("Carried")]);
  };

  it("the next meeting's roll-forward updates the Carried the last one wrote, and skips nothing", async () => {
    const held = (through: number) => MEETINGS.map((m) => ({ ...m, Status: Number(m.Meeting) <= through ? "Held" : "Scheduled" }));
    const book = buildLog({ actions: [action({ Ref: "DAG28-01", Meeting: 28 }), action({ Ref: "DAG29-01", Meeting: 29 })] });
    const workbook = createMemoryWorkbook({ tabs: book.tabs });
    expect(await runRollover(workbook, { ...options, meeting: 29 })).toMatchObject({ skipped: 0 });
    expect(carried(workbook.snapshot())).toEqual([1, 0]);
    const meetings = buildLog({ meetings: held(30) }).tabs.find((t) => t.name === "Meetings");
    if (!meetings) throw new Error("fixture has no Meetings tab");
    await workbook.apply({ tabs: [{ ...meetings, rows: meetings.rows.map((r) => r.cells) }], updates: [], appends: [] });
    // Carried now holds numbers the job wrote; the job reads them back as text.
    expect(await runRollover(workbook, { ...options, meeting: 30 })).toMatchObject({ changes: 2, skipped: 0 });
    expect(carried(workbook.snapshot())).toEqual([2, 1]);
  });

  it("normalises a status typed with spaces around it in one run, not 'changed meanwhile' for ever", async () => {
    const workbook = createMemoryWorkbook({ tabs: buildLog({ actions: [action({ Ref: "DAG29-01", Status: " open  " })] }).tabs });
    expect(await runValidate(workbook, options)).toMatchObject({ skipped: 0 });
    expect(actionRows(workbook.snapshot())[0]?.status).toBe("Open");
  });
});

describe("Audit rows for a row with no ref", () => {
  it("name the row it was on, so the change can be found again", async () => {
    const workbook = createMemoryWorkbook({ tabs: buildLog({ actions: [action({ Ref: "", Meeting: "", Status: "ongoing" })] }).tabs });
    await runValidate(workbook, options);
    const audit = workbook.snapshot().tabs.find((t) => t.name === "Audit");
    const at = (name: string) => audit?.headers.indexOf(name) ?? -1;
    const status = audit?.rows.find((r) => r.cells[at("Column")] === "Status");
    expect(status?.cells[at("Ref")]).toBe("row 2");
    expect(status?.cells[at("New")]).toBe("Ongoing");
  });
});

describe("roll-forward idempotence", () => {
  const spec = fc.array(
    fc.record({
      meeting: fc.integer({ min: 26, max: 29 }),
      status: fc.constantFrom("Open", "Ongoing", "Proposed Closed", "Closed", "", "bogus"),
      due: fc.constantFrom("ASAP", "Next meeting", "+5 WD", "13/10/2023", "", "31/02/2024"),
      owner: fc.constantFrom("PP", "SC", "Programme (PMO)", "Nobody"),
      ref: fc.boolean(),
    }),
    { maxLength: 15 },
  );

  it("a second run gives the same register, no changes and no new audit rows", async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (rows) => {
        const book = buildLog({
          meetings: [26, 27, 28, 29, 30].map((n) => ({ Meeting: n, Date: `${n - 19}/10/2023`, Status: n < 30 ? "Held" : "Scheduled" })),
          actions: rows.map((r, i) => action({ Ref: r.ref ? `DAG${r.meeting}-${String(i + 1).padStart(2, "0")}` : "", Meeting: r.meeting, Status: r.status, Due: r.due, Owner: r.owner, Update: "Noted" })),
        });
        const workbook = createMemoryWorkbook({ tabs: book.tabs });
        const first = await runRollover(workbook, { ...options, meeting: 29 });
        const snapshot = workbook.snapshot();
        const second = await runRollover(workbook, { ...options, meeting: 29 });
        expect(second.register).toEqual(first.register);
        expect(second.registerWritten).toBe(false);
        expect(second.changes).toBe(0);
        expect(workbook.snapshot()).toEqual(snapshot);
        expect(new Set(first.register.map((e) => e.ref)).size).toBe(first.register.length);
      }),
      { numRuns: 100 },
    );
  });
});
