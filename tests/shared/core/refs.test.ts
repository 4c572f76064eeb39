/** Action refs read by hand-written scanning must mean exactly what their pattern says; duplicates are found in row order. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duplicateRefs, parseActionRef } from "../../../shared/core/refs.js";

/** The definition the scanner implements: capitals, digits, a dash, digits, nothing else. */
const PATTERN = /^([A-Z]+)(\d+)-(\d+)$/;
const byPattern = (ref: string) => {
  const match = PATTERN.exec(ref);
  return match ? { code: match[1], meeting: Number(match[2]), number: Number(match[3]) } : null;
};

describe("parseActionRef", () => {
  it.each([
    ["DAG29-01", { code: "DAG", meeting: 29, number: 1 }],
    ["BEN1000-99", { code: "BEN", meeting: 1000, number: 99 }],
    ["DAG29-", null],
    ["DAG-01", null],
    ["29-01", null],
    ["dag29-01", null],
    ["DAG29--01", null],
    ["DAG29-01 ", null],
    ["DAG29-01\n", null],
    ["DAG2901", null],
    ["DAG29-0a", null],
    ["", null],
  ])("%j reads as %j", (ref, expected) => {
    expect(parseActionRef(ref)).toEqual(expected);
  });

  it("agrees with its pattern on any text, including near-misses", () => {
    const near = fc.string({ unit: fc.constantFrom("A", "D", "Z", "a", "0", "2", "9", "-", " ", "\n", "٣"), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (ref) => {
        expect(parseActionRef(ref)).toEqual(byPattern(ref));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("duplicateRefs", () => {
  it("lists every ref on two or more rows with all its rows in order, and nothing else", () => {
    const rows = fc.array(fc.record({ ref: fc.constantFrom("", "DAG29-01", "DAG29-02", "DAG29-03", "DAG30-01") }), { maxLength: 30 });
    fc.assert(
      fc.property(rows, (refs) => {
        const withRows = refs.map((r, i) => ({ ref: r.ref, row: i + 2 }));
        const expected = new Map<string, number[]>();
        for (const ref of new Set(refs.map((r) => r.ref))) {
          const on = withRows.filter((r) => r.ref === ref).map((r) => r.row);
          if (ref !== "" && on.length > 1) expected.set(ref, on);
        }
        const found = duplicateRefs(withRows);
        expect(new Map([...found].sort())).toEqual(new Map([...expected].sort()));
      }),
    );
  });
});
