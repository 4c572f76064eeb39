import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { canonicalActionRef } from "../../../shared/core/refs.js";
import { normaliseStatus } from "../../../shared/core/status.js";
import { cellText } from "../../../shared/core/text.js";
import type { Cell } from "../../../shared/core/types.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { HEADERS } from "../../../sheets-schema/tabs.js";
import { cell } from "../../support/cell-arbitrary.js";
import { buildLog } from "../../support/log-fixture.js";

const row = (headers: readonly string[]) => fc.array(cell, { minLength: headers.length, maxLength: headers.length });

const spec = fc.record({
  actions: fc.array(row(HEADERS.Actions), { maxLength: 12 }),
  members: fc.array(row(HEADERS.Members), { maxLength: 5 }),
  meetings: fc.array(row(HEADERS.Meetings), { maxLength: 5 }),
  decisions: fc.array(row(HEADERS.Decisions), { maxLength: 4 }),
  settings: fc.dictionary(fc.constantFrom("committee_code", "asap_working_days", "holiday_region", "pmo_email", "digest_weekday"), cell),
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
          // A written ref is only ever respelt to its one spelling (DAG29-3, dag29–03 → DAG29-03).
          if (change.column === "Ref") expect(old === "" || canonicalActionRef(old) === change.new).toBe(true);
          else if (["Area", "Closed On"].includes(change.column)) expect(old).toBe("");
          else if (change.column === "Status") expect(old === "" || normaliseStatus(old) === change.new).toBe(true);
          else expect(["Due Date", "Carried", "Checks"]).toContain(change.column);
        }
      }),
      { numRuns: 300 },
    );
  });
});
