/** The actions table's header as committees write it, minutes with none recognised, and rows cut short or with a bad ref. */
import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../shared/core/minutes/document.js";
import { extractMinutes, minutesJson } from "../../../../shared/core/minutes/extract.js";
import { readMinutesText } from "../../../../shared/core/minutes/text-table.js";
import { ATTENTION_KINDS } from "../../../../shared/core/minutes/types.js";
import { minutesDsb14Document, minutesDsb14Text } from "../../../../shared/demo/minutes-dsb14.js";

/** The fixture with the actions table's header row replaced. */
const withHeader = (header: string[]): MinutesDocument => ({
  blocks: minutesDsb14Document().blocks.map((b) => (b.kind === "table" ? { kind: "table", rows: b.rows.map((row) => (row[1] === "Ref" && row.length === 5 ? header : row)) } : b)),
});
const kinds = (doc: MinutesDocument) => extractMinutes(doc).crossCheck.map((f) => f.kind);

describe("the actions table's header row", () => {
  it.each([
    [["Area", "Ref", "Action", "Lead", "Due by"]],
    [["Area", "Ref.", "Action", "Owner(s)", "Target date"]],
    [["Item", "Reference", "Description", "Action Owner", "Deadline"]],
    [["Topic", "Action No", "Action Required", "Responsible", "Due Date"]],
  ])("%j is recognised: every row read as with the usual header", (header) => {
    const expected = minutesJson(extractMinutes(minutesDsb14Document()));
    const json = minutesJson(extractMinutes(withHeader(header)));
    expect(json.actions).toEqual(expected.actions);
    expect(json.crossCheck).toEqual(expected.crossCheck);
  });

  it("with columns it does not know, says so plainly and names the table (regression: owners, dues and previous actions silently lost)", () => {
    const extract = extractMinutes(withHeader(["Area", "Ref", "Action", "Who", "When"]));
    expect(extract.actions.map((a) => [a.ref, a.owner, a.due])).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09"].map((n) => [`DSB14-${n}`, "", ""]));
    expect(extract.crossCheck[0]).toEqual({
      kind: "no-actions-table",
      ref: "",
      message:
        "No New / Outstanding Actions table was recognised (a table with Ref, Action, Owner and Due columns); owners, due dates and previous actions could not be read, so 9 actions are imported from the ACTION lines alone, with a blank Owner and Due. " +
        'In the minutes, the table holding DSB14-01, DSB14-02, DSB14-03, DSB14-04, … has the header row "Area | Ref | Action | Who | When": give it the header row Area | Ref | Action | Owner | Due, and import the minutes again',
    });
    // The table's refs are named by that finding, not as unknown.
    expect(extract.crossCheck.filter((f) => f.kind === "unknown-ref").map((f) => f.ref)).toEqual(["DSB11-09"]);
  });

  it.each([
    ["ACTION lines but no table at all", true, { blocks: minutesDsb14Document().blocks.filter((b) => !(b.kind === "table" && b.rows.some((row) => row[1] === "Ref"))) }],
    ["a table of refs with no header row", true, withHeader(["", "", "", "", ""])],
    ["the actions table as usual", false, minutesDsb14Document()],
    ["no actions anywhere", false, readMinutesText("Minutes\nThe Chair welcomed members.\n")],
  ])("%s: no-actions-table reported is %s", (_name, reported, doc) => {
    expect(kinds(doc).includes("no-actions-table")).toBe(reported);
    if (reported) expect(ATTENTION_KINDS.has("no-actions-table")).toBe(true);
  });
});

describe("rows that are not imported", () => {
  const text = minutesDsb14Text();
  /** The fixture's text cut just after the first `marker`, plus `more` characters. */
  const cutAfter = (marker: string, more: number) => text.slice(0, text.indexOf(marker) + marker.length + more);

  it.each([
    ["mid-ref (regression: imported an action DSB1)", cutAfter("\tDSB14-05", -4), "DSB1", '("DSB1") has 2 of its 5 cells'],
    ["after the ref", cutAfter("\tDSB14-05", 0), "DSB14-05", '("DSB14-05") has 2 of its 5 cells'],
    ["mid-action", cutAfter("\tProgramme to review the change", 0), "DSB14-05", '("DSB14-05 | Programme to review the change") has 3 of its 5 cells'],
    ["inside an owner cell that wraps onto a second line", cutAfter("\tProgramme \n(Ruth", 0), "DSB14-02", "has 4 of its 5 cells"],
  ])("a file cut %s: the last row is reported, not imported", (_name, cut, ref, message) => {
    const extract = extractMinutes(readMinutesText(cut));
    expect(extract.actions.map((a) => a.ref)).not.toContain(ref);
    expect(extract.actions.every((a) => /^DSB\d+-\d{2}$/.test(a.ref))).toBe(true);
    const finding = extract.crossCheck.find((f) => f.kind === "cut-short");
    expect(finding).toEqual({ kind: "cut-short", ref, message: expect.stringContaining(message) });
    expect(finding?.message).toContain("The file ends part-way through the actions table");
    expect(extract.crossCheck.filter((f) => f.kind === "unknown-ref" && f.ref === ref)).toEqual([]);
  });

  it("a file cut after a whole row imports every row it holds, without a finding", () => {
    const extract = extractMinutes(readMinutesText(cutAfter("\tDSB14-05", 0).replace(/\tDSB14-05$/, "")));
    expect(extract.actions.map((a) => a.ref)).toEqual(["DSB14-01", "DSB14-02", "DSB14-03", "DSB14-04"]);
    expect(extract.crossCheck.filter((f) => ATTENTION_KINDS.has(f.kind))).toEqual([]);
  });

  it("a short row that does not end the file is read as before (merged cells)", () => {
    const doc = minutesDsb14Document();
    const blocks = doc.blocks.map((b) => (b.kind === "table" ? { kind: "table" as const, rows: b.rows.map((row) => (row[1] === "DSB12-03" ? row.slice(0, 4) : row)) } : b));
    const extract = extractMinutes({ blocks });
    expect(extract.actions.find((a) => a.ref === "DSB12-03")).toMatchObject({ owner: "Programme (Ruth Adeyemi)", due: "" });
    expect(extract.crossCheck.some((f) => f.kind === "cut-short")).toBe(false);
  });

  it.each([
    ["DSB2", "DSB2"],
    ["DSB14", "DSB14"],
    ["14-05", "14-05"],
    ["DSB14-05a", "DSB14-05A"],
    ["TBC", "TBC"],
  ])("a Ref of %j is reported as bad-ref and the row not imported", (written, ref) => {
    const doc = minutesDsb14Document();
    const blocks = doc.blocks.map((b) => (b.kind === "table" ? { kind: "table" as const, rows: b.rows.map((row) => (row[1] === "DSB14-05" ? [row[0] ?? "", written, ...row.slice(2)] : row)) } : b));
    const extract = extractMinutes({ blocks });
    expect(extract.actions.map((a) => a.ref)).not.toContain(ref);
    expect(extract.crossCheck.filter((f) => f.kind === "bad-ref")).toEqual([
      { kind: "bad-ref", ref, message: expect.stringContaining(`Ref "${written}" is not an action ref such as DAG29-01 (committee code, meeting number, dash, action number), so the row was not imported`) },
    ]);
    expect(ATTENTION_KINDS.has("bad-ref")).toBe(true);
  });
});
