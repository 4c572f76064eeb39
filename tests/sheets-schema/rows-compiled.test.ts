/** The compiled row schemas (z.compile, for speed on large tabs) parse every row exactly as zod's runtime parser does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../shared/core/types.js";
import { COMPILE_FROM_ROWS, actionRow, decisionRow, meetingRow, memberRow } from "../../sheets-schema/rows.js";
import { HEADERS } from "../../sheets-schema/tabs.js";

const cell: fc.Arbitrary<Cell | undefined | object> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 2_000_000 }),
  fc.double(),
  fc.string(),
  fc.constantFrom("", " ", "29", "DAG29", "yes", "No", "inactive", "maybe", "Held", "canceled", "name@example.org", "not an email", "a; b;", "  Paul  ", "\u00a0"),
  // Never sent by an adapter, but a parse must still fail the same way.
  fc.constant(undefined),
  fc.constant({}),
);

/** The outcome with nothing engine-specific: success and data, or each issue's path and message. */
const outcome = (result: { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? { data: result.data } : { issues: result.error?.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };

describe.each([
  ["Members", memberRow],
  ["Meetings", meetingRow],
  ["Actions", actionRow],
  ["Decisions", decisionRow],
] as const)("the compiled %s row schema", (tab, schemaFor) => {
  const compiled = schemaFor(COMPILE_FROM_ROWS);
  const runtime = schemaFor(COMPILE_FROM_ROWS - 1);
  it("gives the runtime parser's data or issues for any row", () => {
    const headers = HEADERS[tab];
    fc.assert(
      fc.property(fc.tuple(...headers.map(() => cell)), (cells) => {
        const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
        expect(outcome(compiled.safeParse(row))).toEqual(outcome(runtime.safeParse(row)));
      }),
      { numRuns: 400 },
    );
  });

  it("is a compiled clone, made once, for tabs of COMPILE_FROM_ROWS rows or more; smaller tabs get the runtime schema", () => {
    expect(compiled).not.toBe(runtime);
    expect(schemaFor(100_000)).toBe(compiled);
    expect(schemaFor(0)).toBe(runtime);
  });
});
