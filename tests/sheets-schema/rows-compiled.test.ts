/** The compiled row schemas (z.compile, for speed on large sheets) parse every row exactly as zod's runtime parser does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../../shared/core/types.js";
import { actionRow, decisionRow, meetingRow, memberRow, runtimeRowSchemas } from "../../sheets-schema/rows.js";
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
  ["Members", memberRow, runtimeRowSchemas.memberRow],
  ["Meetings", meetingRow, runtimeRowSchemas.meetingRow],
  ["Actions", actionRow, runtimeRowSchemas.actionRow],
  ["Decisions", decisionRow, runtimeRowSchemas.decisionRow],
] as const)("the compiled %s row schema", (tab, compiled, runtime) => {
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

  it("is a compiled clone, not the runtime schema itself", () => {
    expect(compiled).not.toBe(runtime);
  });
});
