/** Refs as people paste and type them (messy QA 7, sec QA 8): look-alike dashes, invisible characters, lower case, a full stop. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../../shared/adapters/workbook.memory.js";
import {
  actionRefProblem,
  canonicalActionRef,
  createActionRefAllocator,
  mentionedActionRefs,
  parseActionRef,
  refRespelling,
} from "../../../shared/core/refs.js";
import { validateLog } from "../../../shared/core/validate.js";
import { runValidate } from "../../../shared/jobs/validate-job.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, action, buildLog } from "../../support/log-fixture.js";

const NOW = DateTime.fromISO("2023-10-20T09:00:00Z");
const validate = (spec: LogSpec) => validateLog(parseLog(buildLog(spec)), NOW);

describe("canonicalActionRef reads a ref typed with look-alikes as the ref it plainly is", () => {
  it.each([
    ["DAG29\u201350", "DAG29-50"], // en dash, as Word autocorrects it
    ["DAG29\u201451", "DAG29-51"], // em dash
    ["DAG29\u221205", "DAG29-05"], // minus sign
    ["DAG29\u201105", "DAG29-05"], // non-breaking hyphen
    ["DAG29\uff0d05", "DAG29-05"], // full-width hyphen
    ["DAG29_55", "DAG29-55"],
    ["dag29-52", "DAG29-52"],
    ["Dag29-7", "DAG29-07"],
    ["dag29-37\u00a0", "DAG29-37"],
    ["DAG29-59.", "DAG29-59"],
    ["DAG29-59,", "DAG29-59"],
    ["DAG 29-54", "DAG29-54"],
    ["DAG29 - 05", "DAG29-05"],
    ["DAG29 \u2013 005", "DAG29-05"],
    ["DAG-29-56", "DAG29-56"],
    ["\u200bDAG29-57", "DAG29-57"], // zero-width space before
    ["DAG29\u200b-15", "DAG29-15"],
    ["DAG29-14\u202e", "DAG29-14"], // right-to-left override after
    ["\ufeffDAG29-03", "DAG29-03"], // byte order mark
    ["DAG\u206629-03\u2069", "DAG29-03"], // bidi isolate around the number
  ])("%j is %s", (typed, canonical) => {
    expect(canonicalActionRef(typed)).toBe(canonical);
  });

  it.each(["DAG29-40 / DAG29-41", "DAG-DEC76", "DAG29 3", "DAG29", "DAG29--01", "DAG29-01a", "DAG29.01", "29-01", "DAG\u00e929-01"])(
    "leaves %j as written, for validation to report",
    (typed) => {
      expect(canonicalActionRef(typed)).toBe(typed);
    },
  );

  const ref = fc.tuple(fc.constantFrom("DAG", "PSG"), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999 }));
  const invisible = fc.constantFrom("", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069");
  const dash = fc.constantFrom("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58", "\ufe63", "\uff0d", "_", " - ", " \u2013 ");
  const typedLike = fc
    .record({ ref, lower: fc.boolean(), dash, zeros: fc.constantFrom("", "0", "00"), end: fc.constantFrom("", ".", " ", "\u00a0", ",", "."), inv: fc.array(invisible, { minLength: 4, maxLength: 4 }) })
    .map(({ ref: [code, meeting, number], lower, dash: d, zeros, end, inv }) => ({
      plain: `${code}${meeting}-${String(number).padStart(2, "0")}`,
      typed: `${inv[0]}${lower ? code.toLowerCase() : code}${inv[1]}${meeting}${d}${inv[2]}${zeros}${number}${inv[3]}${end}`,
    }));

  it("reads any mix of case, dashes, zeros, invisible characters and a full stop as the plain ref", () => {
    fc.assert(
      fc.property(typedLike, ({ plain, typed }) => {
        expect(canonicalActionRef(typed)).toBe(plain);
        expect(parseActionRef(canonicalActionRef(typed))).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("numbers blank-ref rows past every loosely typed ref, so correcting the text can never make a duplicate", () => {
    fc.assert(
      fc.property(fc.array(typedLike, { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (typed, blanks) => {
        const next = createActionRefAllocator("DAG", typed.map((t) => t.typed));
        const meetings = [...new Set(typed.map((t) => parseActionRef(t.plain)?.meeting ?? 0))];
        const taken = new Set(typed.map((t) => t.plain));
        for (const meeting of [...meetings, 1]) {
          for (let i = 0; i < blanks; i++) expect(taken.has(next(meeting))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("createActionRefAllocator counts refs typed loosely as taken (messy QA 7)", () => {
  it.each<[string, string[], string]>([
    ["lower case", ["DAG29-36", "dag29-37"], "DAG29-38"],
    ["an en dash", ["DAG29\u201350"], "DAG29-51"],
    ["a full stop after", ["DAG29-59."], "DAG29-60"],
    ["two refs in one cell", ["DAG29-39", "DAG29-40 / DAG29-41"], "DAG29-42"],
    ["a zero-width space inside", ["DAG29\u200b-45"], "DAG29-46"],
    ["another committee's ref", ["PSG29-70", "psg29-71"], "DAG29-01"],
    ["a decision ref", ["DAG-DEC80"], "DAG29-01"],
  ])("%s: %j → %s", (_name, existing, next) => {
    expect(createActionRefAllocator("DAG", existing)(29)).toBe(next);
  });

  it("finds each ref a cell mentions", () => {
    expect(mentionedActionRefs("DAG29-40 / dag29\u201341, DAG 30-2.", "DAG")).toEqual([
      { code: "DAG", meeting: 29, number: 40 },
      { code: "DAG", meeting: 29, number: 41 },
      { code: "DAG", meeting: 30, number: 2 },
    ]);
  });
});

describe("refRespelling: the Audit reason says what was retyped", () => {
  it.each([
    ["DAG29-3", "canonical spelling of the ref"],
    ["DAG29\u201350", "canonical spelling of the ref: en dash (U+2013) as -"],
    ["dag29-52", "canonical spelling of the ref: lower case as capitals"],
    ["DAG29-59.", 'canonical spelling of the ref: "." after the ref removed'],
    ["DAG 29-54", "canonical spelling of the ref: spaces removed"],
    ["DAG-29-56", "canonical spelling of the ref: the dash after the committee code removed"],
    ["\u200bDAG29-57", 'canonical spelling of the ref: it has an invisible character (U+200B, zero-width space) before "DAG29-57", now removed'],
  ])("%j", (typed, reason) => {
    expect(refRespelling(typed)).toBe(reason);
  });
});

describe("actionRefProblem names what a ref that still cannot be read holds", () => {
  it.each([
    ["DAG29-40 / DAG29-41", 'Ref "DAG29-40 / DAG29-41" holds 2 refs; give each action its own row with one ref, or leave Ref blank to have one assigned'],
    ["DAG29\u200b/50", 'Ref "DAG29/50" (it has an invisible character (U+200B, zero-width space) after "DAG29") is not an action ref; write it as DAG29-01'],
    ["dag28-01", 'Ref "dag28-01" is for meeting 28 but Meeting says 29; correct whichever is wrong'],
    ["psg29-01", 'Ref "psg29-01" is not an action ref; write it as DAG29-01'],
  ])("%j", (typed, message) => {
    expect(actionRefProblem(typed, "DAG", 29)).toContain(message);
  });

  it.each(["DAG29\u201301", "dag29-01", "DAG29-01.", "\u200bDAG29-01"])("%j is no problem: it is respelt instead", (typed) => {
    expect(actionRefProblem(typed, "DAG", 29)).toBeNull();
  });
});

describe("validate respells look-alike refs, audited, and never duplicates them (messy QA 7)", () => {
  const refWrites = (spec: LogSpec) =>
    validate(spec).changes.filter((c) => c.column === "Ref").map((c) => [c.row, c.old, c.new]);

  it.each([
    ["DAG29\u201301", "DAG29-01"],
    ["dag29-01", "DAG29-01"],
    ["DAG29-01.", "DAG29-01"],
    ["DAG29\u200b-01", "DAG29-01"],
  ])("Ref %j is written back as %s with no problem", (typed, canonical) => {
    const result = validate({ actions: [action({ Ref: typed })] });
    expect(result.changes.filter((c) => c.column === "Ref").map((c) => [c.old, c.new])).toEqual([[typed, canonical]]);
    expect(result.problems.filter((p) => p.column === "Ref")).toEqual([]);
  });

  it("gives a blank-ref row the number after a loosely typed one, not the same", () => {
    const spec = { actions: [action({ Ref: "dag29-01" }), action({ Ref: null, Action: "Second" }), action({ Ref: "DAG29-02 / DAG29-03", Action: "Two" })] };
    expect(refWrites(spec)).toEqual([
      [2, "dag29-01", "DAG29-01"],
      [3, null, "DAG29-04"],
    ]);
  });

  it("reports a loosely typed ref that another row already has as a duplicate, naming the hidden character", () => {
    const { problems } = validate({ actions: [action({ Ref: "DAG29\u200b-01" }), action({ Action: "Second" })] });
    expect(problems.filter((p) => p.column === "Ref").map((p) => [p.row, p.message])).toEqual([
      [2, 'Ref DAG29-01 (it has an invisible character (U+200B, zero-width space) after "DAG29") is also on row 3 (as DAG29-01, the same ref); give one of them another ref, or clear it to have one assigned'],
      [3, 'Ref DAG29-01 is also on row 2 (as DAG29-01 (it has an invisible character (U+200B, zero-width space) after "DAG29"), the same ref); give one of them another ref, or clear it to have one assigned'],
    ]);
  });

  it("is idempotent through the job: the second run writes nothing", async () => {
    const book = createMemoryWorkbook(buildLog({ actions: [action({ Ref: "dag29\u201301 " }), action({ Ref: null, Action: "Second" })] }));
    const options = { now: NOW, dryRun: false, actor: "test" };
    const first = await runValidate(book, options);
    expect(first.changes.filter((c) => c.column === "Ref").map((c) => c.new)).toEqual(["DAG29-01", "DAG29-02"]);
    expect((await runValidate(book, options)).changes).toEqual([]);
  });
});
