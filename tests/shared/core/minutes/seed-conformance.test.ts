import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractMinutes, minutesJson } from "../../../../shared/core/minutes/extract.js";
import { readMinutesText } from "../../../../shared/core/minutes/text-table.js";
import { ATTENTION_KINDS } from "../../../../shared/core/minutes/types.js";

/** The real minutes sit beside the clone in ../shared/seeds (never copied into the project). */
const SEEDS = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));
const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith(".txt")) : [];
if (seeds.length === 0) console.warn(`seed conformance skipped: no .txt minutes in ${SEEDS} (the folder sits beside the clone in CI)`);

describe("seed minutes conformance", () => {
  it.skipIf(seeds.length === 0)("extracts the seed's meeting, actions, decisions, updates and cross-check finding", () => {
    const name = seeds.find((f) => readFileSync(SEEDS + f, "utf8").includes("DAG29-01")) ?? seeds[0] ?? "";
    const json = minutesJson(extractMinutes(readMinutesText(readFileSync(SEEDS + name, "utf8"))));
    expect(json.meeting).toMatchObject({ committee: "DAG", number: 29, next: "2023-11-08" });
    expect(json.actions).toHaveLength(12);
    expect(json.actions.filter((a) => a.section === "new").map((a) => a.ref)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08"].map((n) => `DAG29-${n}`));
    expect(json.actions.filter((a) => a.section === "previous").map((a) => a.ref)).toEqual(["DAG28-04", "DAG28-05", "DAG28-12", "DAG27-08"]);
    expect(json.actions.find((a) => a.ref === "DAG29-03")).toMatchObject({ area: "UTC vs Clock Times", owner: "Programme (Paul Pettitt)", due: "2023-10-13" });
    expect(json.actions.find((a) => a.ref === "DAG29-07")).toMatchObject({ area: "Top Programme Risks related to DAG", due: "ASAP" });
    expect(json.actions.find((a) => a.ref === "DAG27-08")?.owner).toBe("Programme (Matt McKeon)");
    expect(json.decisions.map((d) => d.ref)).toEqual(["DAG-DEC75", "DAG-DEC76", "DAG-DEC77", "DAG-DEC78"]);
    expect(json.updates.map((u) => [u.ref, u.status])).toEqual([
      ["DAG28-02", "Closed"], ["DAG28-03", "Closed"], ["DAG28-04", "Ongoing"], ["DAG28-05", "Closed"],
      ["DAG28-07", "Closed"], ["DAG28-08", "Closed"], ["DAG28-11", "Closed"], ["DAG28-15", "Closed"],
    ]);
    expect(json.crossCheck.filter((f) => f.kind === "listed-but-closed").map((f) => f.ref)).toEqual(["DAG28-05"]);
    expect(json.crossCheck.find((f) => f.kind === "shared-initials")?.message).toContain("Seth Chapman and Sean Cooper");
    expect(json.attendees.find((a) => a.initials === "MHu")).toMatchObject({ name: "Morven Hunter", onBehalfOf: "Donna Jamieson" });
    expect(json.attendees.filter((a) => a.apology).map((a) => a.name)).toEqual(["Caroline Farquhar"]);
    for (const text of [...json.actions.flatMap((a) => [a.area, a.action, a.owner]), ...json.decisions.map((d) => d.decision)]) {
      expect(text).toBe(text.replace(/[\s\u00a0]+/g, " ").trim());
    }
  });
});

/** The QA report's variants of the seed minutes (qa-papers findings 1 to 5), each made from the seed as the report made it. */
const SEED_VARIANTS: [string, (seed: string) => string, { actions: number; kinds: string[]; attention: boolean; next?: string }][] = [
  ["split-new: the table carried on after blank lines (finding 1)", (s) => { const i = s.indexOf("\tDAG Terms of Reference\n\tDAG29-06"); return `${s.slice(0, i)}\n\n${s.slice(i)}`; }, { actions: 12, kinds: [], attention: false }],
  ["hdr: Lead and Due by (finding 2a)", (s) => s.replace(/^\tOwner$/m, "\tLead").replace(/^\tDue$/m, "\tDue by"), { actions: 12, kinds: [], attention: false }],
  ["headers it does not know (finding 2)", (s) => s.replace(/^\tOwner$/m, "\tWho").replace(/^\tDue$/m, "\tWhen"), { actions: 8, kinds: ["no-actions-table"], attention: true }],
  ["a Due of Next meeting (finding 3)", (s) => s.replace("\tASAP\n", "\tNext meeting\n"), { actions: 12, kinds: [], attention: false, next: "2023-11-08" }],
  ["reftypo (finding 4)", (s) => s.replace(/^\tDAG29-03$/m, "\tDAG29-3").replace(/^\tDAG29-06$/m, "\tDAG29-006").replace(/^\tDAG29-08$/m, "\tDAG29 08"), { actions: 12, kinds: ["ref-typo", "ref-typo", "ref-typo"], attention: false }],
  ["trunc-table (finding 5)", (s) => s.slice(0, s.indexOf("DAG29-05") + 4), { actions: 4, kinds: ["cut-short"], attention: true }],
];

describe("seed minutes as the QA report varied them", () => {
  const seed = seeds.find((f) => readFileSync(SEEDS + f, "utf8").includes("DAG29-01"));
  it.skipIf(seed === undefined).each(SEED_VARIANTS)("%s", (_name, vary, expected) => {
    const text = vary(readFileSync(SEEDS + (seed ?? ""), "utf8"));
    const extract = extractMinutes(readMinutesText(text));
    expect(extract.actions).toHaveLength(expected.actions);
    expect(extract.actions.every((a) => /^DAG\d+-\d{2}$/.test(a.ref))).toBe(true);
    const kinds = extract.crossCheck.map((f) => f.kind).filter((k) => ["no-actions-table", "unread-table", "cut-short", "bad-ref", "ref-typo", "body-only", "unknown-ref"].includes(k));
    expect(kinds).toEqual(expected.kinds);
    expect(extract.crossCheck.some((f) => ATTENTION_KINDS.has(f.kind))).toBe(expected.attention);
    if (expected.next) expect(extract.meeting.next).toBe(expected.next);
  });
});
