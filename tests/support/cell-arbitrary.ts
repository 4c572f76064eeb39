/** fast-check arbitraries for sheet contents, shared by the validation and bad-input suites. */
import fc from "fast-check";
import type { Cell } from "../../shared/core/types.js";

export const LONG = "x".repeat(50_000);

/** Cells as members type them and as attackers might: every type, huge, control and right-to-left text, formulas, dates both ways. */
export const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 36_000, max: 60_000 }),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "@SUM(A1)", "-2", "\t=1", "\u202eDAG29-01", "\u0000\u0007\u001b\u007f", "שלום DAG29-01",
    "ASAP", "Next meeting", "+10 WD", "31/02/2024", "13/10/2023", "2023-10-13", "45212", "Closed", "open", "DAG29-01", "DAG-DEC1",
    "SC", "Programme (PMO)", "Programme (", LONG, "  ", "\n", "Yes", "No", "Held", "Cancelled",
  ),
);
