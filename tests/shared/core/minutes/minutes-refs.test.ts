/** Ref typos in minutes (DAG29-3, DAG29-006, DAG29 08) read as the log's DAG29-03, merged with their ACTION lines and reported. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../shared/core/minutes/document.js";
import { extractMinutes } from "../../../../shared/core/minutes/extract.js";
import { isActionRefShape, readRef } from "../../../../shared/core/minutes/minutes-refs.js";
import { minutesDsb14Document } from "../../../../shared/demo/minutes-dsb14.js";

describe("readRef", () => {
  it.each([
    ["DAG29-03", "DAG29-03", false],
    ["DAG29-3", "DAG29-03", true],
    ["DAG29-006", "DAG29-06", true],
    ["DAG29 08", "DAG29-08", true],
    ["DAG029-01", "DAG29-01", true],
    ["DAG29-100", "DAG29-100", false],
    // Case, spaces around the parts, NBSP and Word's dashes were always folded silently.
    ["DAG 29-04", "DAG29-04", false],
    ["dag29\u201305", "DAG29-05", false],
    ["DAG29\u00a0-\u00a007", "DAG29-07", false],
    // Not action refs: left as written (spaces out, upper case), for the caller to judge.
    ["DAG2", "DAG2", false],
    ["DAG-DEC76", "DAG-DEC76", false],
    ["DAG2908", "DAG2908", false],
  ])("%j is read as %s (retyped: %s)", (written, ref, retyped) => {
    expect(readRef(written)).toEqual({ ref, retyped });
  });

  it.each([
    ["DAG29-01", true],
    ["DAG29-3", true],
    ["DAG 29 08", true],
    ["DAG2", false],
    ["DAG29", false],
    ["29-01", false],
    ["DAG29-", false],
    ["Previous Meeting(s)", false],
  ])("%j is shaped like an action ref: %s", (text, shaped) => {
    expect(isActionRefShape(text)).toBe(shaped);
  });

  it("reads any action ref to a form that reads back unchanged", () => {
    const ref = fc.tuple(fc.stringMatching(/^[A-Za-z]{1,5}$/), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("-", " ", " - ", "\u2013"), fc.nat(1));
    fc.assert(
      fc.property(ref, ([code, meeting, number, dash, zeros]) => {
        const read = readRef(`${code}${meeting}${dash}${"0".repeat(zeros)}${number}`);
        expect(read.ref).toMatch(/^[A-Z]+(?:0|[1-9]\d*)-\d{2}$/);
        expect(readRef(read.ref)).toEqual({ ref: read.ref, retyped: false });
      }),
    );
  });
});

/** The DSB14 fixture with `rewrite` applied to every table cell and paragraph. */
const retyped = (rewrite: (text: string) => string): MinutesDocument => ({
  blocks: minutesDsb14Document().blocks.map((b) => (b.kind === "paragraph" ? { kind: "paragraph", text: rewrite(b.text) } : { kind: "table", rows: b.rows.map((row) => row.map(rewrite)) })),
});

describe("ref typos in the minutes", () => {
  it.each([
    ["DSB14-3 in the table", (t: string) => (t === "DSB14-03" ? "DSB14-3" : t), "DSB14-03", '"DSB14-3" in the actions table was read as DSB14-03'],
    ["DSB14-006 in the table", (t: string) => (t === "DSB14-06" ? "DSB14-006" : t), "DSB14-06", '"DSB14-006" in the actions table was read as DSB14-06'],
    ["DSB14 08 in the table", (t: string) => (t === "DSB14-08" ? "DSB14 08" : t), "DSB14-08", '"DSB14 08" in the actions table was read as DSB14-08'],
    ["DSB14 09 on the ACTION line", (t: string) => t.replace("ACTION DSB14-09", "ACTION DSB14 09"), "DSB14-09", '"DSB14 09" in an ACTION line was read as DSB14-09'],
    ["DSB13-4 on the update line", (t: string) => t.replace(/^DSB13-04:/, "DSB13-4:"), "DSB13-04", '"DSB13-4" in an update was read as DSB13-04'],
  ])("%s: one action, as without the typo, and a ref-typo finding (regression: imported twice)", (_name, rewrite, ref, message) => {
    const clean = extractMinutes(minutesDsb14Document());
    const typed = extractMinutes(retyped(rewrite));
    expect(typed.actions).toEqual(clean.actions);
    expect(typed.updates).toEqual(clean.updates);
    expect(typed.crossCheck.filter((f) => f.kind === "ref-typo")).toEqual([{ kind: "ref-typo", ref, message: `${message}; write it as ${ref} in the minutes` }]);
    expect(typed.crossCheck.filter((f) => f.kind !== "ref-typo")).toEqual(clean.crossCheck);
  });

  it("reports a typo once however often it is repeated, per place it is written", () => {
    const typed = extractMinutes(retyped((t) => t.replace(/DSB14-02\b/g, "DSB14-2")));
    expect(typed.crossCheck.filter((f) => f.kind === "ref-typo").map((f) => f.message.split(" was read")[0])).toEqual(['"DSB14-2" in the actions table', '"DSB14-2" in an ACTION line']);
  });
});
