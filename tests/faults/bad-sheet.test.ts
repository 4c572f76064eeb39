/** Bad sheet contents: any header layout, any cells, blank rows, no rows and 100k rows; nothing crashes and every problem says where. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../functions/actionlog-output.js";
import type { RawTab, RawWorkbook } from "../../shared/adapters/workbook.js";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { isActionlogError } from "../../shared/core/errors.js";
import type { Cell, Problem } from "../../shared/core/types.js";
import { validateLog } from "../../shared/core/validate.js";
import { runDigest } from "../../shared/jobs/digest-job.js";
import { createMemoryMailer } from "../../shared/adapters/mailer.memory.js";
import { runValidate } from "../../shared/jobs/validate-job.js";
import { MAIL_LOG_HEADERS, readMailLog } from "../../sheets-schema/mail-log.js";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { HEADERS, INFORMATIONAL_COLUMNS, REGISTER_HEADERS } from "../../sheets-schema/tabs.js";
import { cell } from "../support/cell-arbitrary.js";
import { action, buildLog } from "../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
/** `arbitrary` one time in `odds`, else null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: odds - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** A header layout for `required`: shuffled, sometimes one dropped, one doubled, spelt in another case, with the committee's own columns. */
const headerLayout = (required: readonly string[]) =>
  fc
    .record({
      order: fc.shuffledSubarray([...required], { minLength: required.length, maxLength: required.length }),
      drop: rarely(fc.constantFrom(...required), 12),
      double: rarely(fc.constantFrom(...required), 20),
      shout: fc.boolean(),
      extras: fc.subarray(["RAG", "Owner email", "", "Notes (PMO)"]),
    })
    .map(({ order, drop, double, shout, extras }) => {
      const headers = order.filter((h) => h !== drop).map((h) => (shout ? ` ${h.toUpperCase()} ` : h));
      const doubled = double !== null && double !== drop ? double : null;
      if (doubled !== null) headers.push(doubled);
      return { headers: [...headers, ...extras], dropped: drop, doubled };
    });

/** Rows as wide as the headers, with blank rows in between and gaps in the row numbers. */
const rows = (width: number, max: number) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.array(cell, { minLength: width, maxLength: width }) }, { weight: 1, arbitrary: fc.constant(Array<Cell>(width).fill(null)) }), { maxLength: max }).map((cells) =>
    cells.map((c, i) => ({ row: i * 2 + 2, cells: c })),
  );

const tabOf = (name: string, required: readonly string[], max: number) =>
  headerLayout(required).chain(({ headers, dropped, doubled }) => rows(headers.length, max).map((r) => ({ tab: { name, headers, rows: r } as RawTab, dropped, doubled })));

const stopsWhenDoubled = (tab: string, header: string | null): string | null =>
  header !== null && (INFORMATIONAL_COLUMNS[tab as keyof typeof HEADERS] ?? []).includes(header) ? null : header;

const workbooks = fc
  .tuple(
    tabOf("Settings", HEADERS.Settings, 6),
    tabOf("Members", HEADERS.Members, 5),
    tabOf("Meetings", HEADERS.Meetings, 5),
    tabOf("Actions", HEADERS.Actions, 10),
    tabOf("Decisions", HEADERS.Decisions, 4),
    tabOf("Audit", HEADERS.Audit, 3),
    tabOf("Mail Log", MAIL_LOG_HEADERS, 3),
    tabOf("Register DAG30", REGISTER_HEADERS, 3),
  )
  .map((tabs) => ({
    workbook: { tabs: tabs.map((t) => t.tab) } as RawWorkbook,
    // A missing required header, or one written twice, stops every job; a display-only one written twice does not.
    dropped: tabs.flatMap((t, i) => (i >= 6 ? [] : [t.dropped, stopsWhenDoubled(t.tab.name, t.doubled)].flatMap((header) => (header ? [{ tab: t.tab.name, header }] : [])))),
  }));

const TABS = new Set(["Settings", "Members", "Meetings", "Actions", "Decisions", "Audit"]);
const JARGON = /undefined|NaN|\[object|invalid_type|invalid_union|Expected (string|number)|ZodError/;

/** A problem as a member reads it names the tab, the row (or the setting) and the column, in plain words. */
function expectLocated(problem: Problem): void {
  expect(TABS.has(problem.tab)).toBe(true);
  expect(problem.column).not.toBe("");
  expect(problem.message).not.toMatch(JARGON);
  const line = problemLine(problem);
  expect(line.startsWith(problem.tab)).toBe(true);
  if (problem.row > 0) expect(line).toContain(`row ${problem.row}`);
  else expect(problem.tab === "Settings" ? problem.ref : "").not.toBe("");
  const names = [problem.column, problem.ref].map((n) => n.trim().toLowerCase()).filter(Boolean);
  expect(names.some((name) => line.toLowerCase().includes(name))).toBe(true);
}

describe("arbitrary sheets", () => {
  it("never crash: validate either stops on a missing or repeated header, naming the tab and header, or locates every problem", async () => {
    const outcomes = { stopped: 0, validated: 0, problems: 0 };
    await fc.assert(
      fc.asyncProperty(workbooks, async ({ workbook, dropped }) => {
        const book = createMemoryWorkbook({ tabs: workbook.tabs });
        const outcome = await runValidate(book, { now: NOW, dryRun: false, actor: "fuzz" }).then((report) => ({ report }), (error: unknown) => ({ error }));
        if ("error" in outcome) {
          const error = outcome.error;
          if (!isActionlogError(error) || error.code !== "SCHEMA") throw error;
          expect(dropped.some((d) => error.message.includes(d.tab) && error.message.includes(`"${d.header}"`))).toBe(true);
          outcomes.stopped++;
          return;
        }
        expect(dropped).toEqual([]);
        outcomes.validated++;
        outcomes.problems += outcome.report.problems.length;
        for (const problem of outcome.report.problems) expectLocated(problem);
        // The Mail Log is read whole by the digest job; a bad one is refused with a fix, never misread.
        try {
          readMailLog(book.snapshot());
        } catch (error) {
          if (!isActionlogError(error) || !/Mail Log: Header "(Key|Status|Time|To|Subject|Refs|Message ID)" (is missing|is on)/.test(error.message)) throw error;
        }
      }),
      { numRuns: 150 },
    );
    // Both paths must be exercised, or the property proves little.
    expect(outcomes.stopped).toBeGreaterThan(10);
    expect(outcomes.validated).toBeGreaterThan(30);
    expect(outcomes.problems).toBeGreaterThan(100);
  });
});

describe("headers", () => {
  it("a required header written twice stops the job, naming both columns (regression: the first one was read and written)", () => {
    const log = buildLog({ actions: [action({ Due: "13/10/2023" })] });
    const actions = log.tabs[3] as RawTab;
    const book = { tabs: log.tabs.map((t) => (t === actions ? { ...actions, headers: [...actions.headers, "due"], rows: actions.rows.map((r) => ({ ...r, cells: [...r.cells, "31/02/2024"] })) } : t)) };
    expect(() => parseLog(book)).toThrow('Actions: Header "Due" is on both columns F ("Due") and M ("due")');
  });

  it("a header of the committee's own written twice is a problem on row 1 naming it", () => {
    const log = buildLog({ actions: [action({ Due: "13/10/2023" })] });
    const actions = log.tabs[3] as RawTab;
    const book = { tabs: log.tabs.map((t) => (t === actions ? { ...actions, headers: [...actions.headers, "RAG", "rag"], rows: actions.rows.map((r) => ({ ...r, cells: [...r.cells, "Green", "Red"] })) } : t)) };
    const result = validateLog(parseLog(book), NOW);
    expect(result.problems).toEqual([{ tab: "Actions", row: 1, ref: "", column: "rag", message: 'Header "rag" appears twice; rename or delete the second one so each column has one meaning' }]);
    expect(result.actions[0]?.dueDate).toBe("2023-10-13");
  });

  it.each(Object.entries(HEADERS).flatMap(([tab, headers]) => headers.map((header) => [tab, header] as const)))("a missing %s header %s stops every job with the fix, touching nothing", async (tab, header) => {
    const log = buildLog({ actions: [action()] });
    const book = createMemoryWorkbook({ tabs: log.tabs.map((t) => (t.name === tab ? { ...t, headers: t.headers.map((h) => (h === header ? "" : h)) } : t)) });
    const before = book.snapshot();
    const error = await runValidate(book, { now: NOW, dryRun: false, actor: "test" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SCHEMA", message: expect.stringContaining(`${tab}: Header "${header}" is missing from row 1 of the ${tab} tab`) });
    expect(book.snapshot()).toEqual(before);
  });

  it("the committee's own columns are kept untouched and never reported", async () => {
    const log = buildLog({ actions: [action({ Status: "open" }), action({ Ref: "", Action: "Other" })] });
    const book = createMemoryWorkbook({
      tabs: log.tabs.map((t) => (t.name === "Actions" ? { ...t, headers: ["RAG", ...t.headers, "Notes (PMO)"], rows: t.rows.map((r, i) => ({ ...r, cells: [`amber ${i}`, ...r.cells, `=note ${i}`] })) } : t)),
    });
    const report = await runValidate(book, { now: NOW, dryRun: false, actor: "test" });
    expect(report.problems).toEqual([]);
    expect(report.changes.length).toBeGreaterThan(0);
    const actions = book.snapshot().tabs.find((t) => t.name === "Actions");
    expect(actions?.rows.map((r) => [r.cells[0], r.cells.at(-1)])).toEqual([["amber 0", "=note 0"], ["amber 1", "=note 1"]]);
  });
});

describe("rows", () => {
  it("blank rows are skipped, and problems and writes keep their true row numbers", async () => {
    const log = buildLog({ actions: [action(), {}, {}, action({ Ref: "DAG29-02", Due: "31/02/2024" }), {}, action({ Ref: "DAG29-03", Status: "open" })] });
    const book = createMemoryWorkbook({ tabs: log.tabs });
    const report = await runValidate(book, { now: NOW, dryRun: false, actor: "test" });
    expect(report.rows).toBe(3);
    expect(report.problems.map((p) => [p.row, p.ref, p.column])).toEqual([[5, "DAG29-02", "Due"]]);
    const actions = book.snapshot().tabs.find((t) => t.name === "Actions");
    const at = (name: string) => actions?.headers.indexOf(name) ?? -1;
    expect(actions?.rows.map((r) => [r.row, r.cells[at("Status")]])).toEqual([[2, "Open"], [5, "Open"], [7, "Open"]]);
    expect(actions?.rows.find((r) => r.row === 5)?.cells[at("Checks")]).toMatch(/^Due "31\/02\/2024" is not a date/);
  });

  it("a workbook with headers and no rows at all is validated, reported and mailed without a crash", async () => {
    const empty: RawWorkbook = { tabs: Object.entries(HEADERS).map(([name, headers]) => ({ name, headers: [...headers], rows: [] })) };
    const book = createMemoryWorkbook({ tabs: empty.tabs });
    const report = await runValidate(book, { now: NOW, dryRun: false, actor: "test" });
    expect(report.rows).toBe(0);
    expect(report.changes).toEqual([]);
    expect(report.problems.map((p) => p.ref)).toContain("committee_code");
    for (const problem of report.problems) expectLocated(problem);
    const digest = await runDigest(book, createMemoryMailer(), { now: NOW, dryRun: true, weekly: "always" });
    expect(digest.sent).toEqual([]);
  });

  it("100,000 actions: every problem is found on its true row and column", () => {
    const actions = Array.from({ length: 100_000 }, (_, i) => action({ Ref: `DAG29-${String(i + 1).padStart(6, "0")}`, Due: "13/10/2023" }));
    actions[0] = action({ Ref: "DAG29-000001", Status: "Shelved" });
    actions[49_999] = action({ Ref: "DAG29-050000", Due: "31/02/2024" });
    actions[99_999] = action({ Ref: "DAG29-000002", Owner: "Nobody Known" });
    const result = validateLog(parseLog(buildLog({ actions })), NOW);
    expect(result.rows).toBe(100_000);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "Status"],
      [3, "Ref"],
      [50_001, "Due"],
      [100_001, "Ref"],
      [100_001, "Owner"],
    ]);
    for (const problem of result.problems) expectLocated(problem);
  });
});
