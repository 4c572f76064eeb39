import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { normaliseStatus } from "../../../shared/core/status.js";
import { cellText } from "../../../shared/core/text.js";
import type { Cell } from "../../../shared/core/types.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { HEADERS } from "../../../sheets-schema/tabs.js";
import { buildLog } from "../../support/log-fixture.js";

const LONG = "x".repeat(50_000);

/** Cells as members really type them, and as attackers might. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 36_000, max: 60_000 }), // plausible date serials
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2", "\u202eDAG29-01", "\u0000\u0007\u001b", "ASAP", "Next meeting", "+10 WD",
    "31/02/2024", "13/10/2023", "Closed", "open", "DAG29-01", "DAG-DEC1", "SC", "Programme (PMO)", "Programme (", LONG, "  ", "\n",
  ),
);

const row = (headers: readonly string[]) => fc.array(cell, { minLength: headers.length, maxLength: headers.length });

const spec = fc.record({
  actions: fc.array(row(HEADERS.Actions), { maxLength: 12 }),
  members: fc.array(row(HEADERS.Members), { maxLength: 5 }),
  meetings: fc.array(row(HEADERS.Meetings), { maxLength: 5 }),
  decisions: fc.array(row(HEADERS.Decisions), { maxLength: 4 }),
  settings: fc.dictionary(fc.constantFrom("committee_code", "asap_working_days", "holiday_region", "pmo_email", "digest_time"), cell),
});

/** Positional generated rows become header-keyed rows. */
const keyed = (headers: readonly string[], rows: Cell[][]) =>
  rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));

describe("validation on arbitrary cell values", () => {
  it("never throws, locates every problem, and only normalises what it may", () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 4_000_000_000_000 }), (s, millis) => {
        const log = parseLog(buildLog({
          actions: keyed(HEADERS.Actions, s.actions),
          members: keyed(HEADERS.Members, s.members),
          meetings: keyed(HEADERS.Meetings, s.meetings),
          decisions: keyed(HEADERS.Decisions, s.decisions),
          settings: s.settings,
        }));
        const result = validateLog(log, DateTime.fromMillis(millis, { zone: "utc" }));
        for (const problem of result.problems) {
          expect(problem.tab).not.toBe("");
          expect(problem.column).not.toBe("");
          expect(problem.message.length).toBeGreaterThan(10);
          expect(problem.row).toBeGreaterThanOrEqual(0);
        }
        for (const change of result.changes) {
          const old = cellText(change.old);
          if (["Ref", "Area", "Closed On"].includes(change.column)) expect(old).toBe("");
          else if (change.column === "Status") expect(old === "" || normaliseStatus(old) === change.new).toBe(true);
          else expect(["Due Date", "Carried", "Checks"]).toContain(change.column);
        }
      }),
      { numRuns: 300 },
    );
  });
});
