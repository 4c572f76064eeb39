/** Action refs read by hand-written scanning must mean exactly what their pattern says; duplicates are found in row order. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalActionRef, duplicateRefs, formatActionRef, parseActionRef } from "../../../shared/core/refs.js";

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

describe("canonicalActionRef (QA 4: DAG29-3 and DAG29-03 are one action)", () => {
  it.each([
    ["DAG29-03", "DAG29-03"],
    ["DAG29-3", "DAG29-03"],
    ["DAG29-003", "DAG29-03"],
    ["DAG29-0003", "DAG29-03"],
    ["DAG029-03", "DAG29-03"],
    ["DAG0029-3", "DAG29-03"],
    ["DAG29-10", "DAG29-10"],
    ["DAG29-100", "DAG29-100"],
    ["DAG29-0100", "DAG29-100"],
    ["DAG29-0", "DAG29-00"],
    ["DAG29-000", "DAG29-00"],
    ["DAG0-01", "DAG0-01"],
    ["DAG00-1", "DAG0-01"],
    ["DAG29-000000000000000000000000000000000000000007", "DAG29-07"],
    // Typed loosely (messy QA 7), but plainly this ref.
    ["dag29-3", "DAG29-03"],
    ["DAG29-3 ", "DAG29-03"],
    // Not action refs: left exactly as they are, for the other checks to report.
    ["DAG-DEC76", "DAG-DEC76"],
    ["DAG29 3", "DAG29 3"],
    ["DAG2", "DAG2"],
    ["", ""],
  ])("%j → %j", (ref, expected) => {
    expect(canonicalActionRef(ref)).toBe(expected);
  });

  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: min, maxLength: max });
  const refLike = fc
    .tuple(fc.constantFrom("DAG", "PSG", "A"), digits(1, 5), digits(1, 5))
    .map(([code, meeting, number]) => `${code}${meeting}-${number}`);

  it("means the same action as the ref written, in the form formatActionRef writes", () => {
    fc.assert(
      fc.property(refLike, (ref) => {
        const canonical = canonicalActionRef(ref);
        const parsed = parseActionRef(ref);
        expect(parseActionRef(canonical)).toEqual(parsed);
        if (parsed) expect(canonical).toBe(formatActionRef(parsed.code, parsed.meeting, parsed.number));
        expect(canonicalActionRef(canonical)).toBe(canonical);
      }),
      { numRuns: 2000 },
    );
  });

  it("changes text only into an action ref, and only once", () => {
    const near = fc.string({ unit: fc.constantFrom("A", "d", "G", "0", "2", "9", "-", "\u2013", "_", " ", ".", "\u200b", "/", "x"), maxLength: 14 });
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (text) => {
        const canonical = canonicalActionRef(text);
        if (canonical !== text) expect(parseActionRef(canonical)).not.toBeNull();
        expect(canonicalActionRef(canonical)).toBe(canonical);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts refs that differ only by leading zeros as duplicates, under the canonical ref", () => {
    const rows = [
      { ref: "DAG29-03", row: 2 },
      { ref: "DAG29-3", row: 3 },
      { ref: "DAG29-04", row: 4 },
      { ref: "DAG29-006", row: 5 },
      { ref: "DAG29-6", row: 6 },
      { ref: "DAG-DEC76", row: 7 },
    ];
    expect(duplicateRefs(rows, canonicalActionRef)).toEqual(new Map([["DAG29-03", [2, 3]], ["DAG29-06", [5, 6]]]));
    expect(duplicateRefs(rows)).toEqual(new Map());
  });
});
