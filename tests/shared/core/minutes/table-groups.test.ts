/** An actions table carried onto the next page without its header row: read whole from text and from .docx, or reported. */
import { describe, expect, it } from "vitest";
import { readMinutes } from "../../../../shared/adapters/minutes-file.js";
import type { MinutesBlock, MinutesDocument } from "../../../../shared/core/minutes/document.js";
import { extractMinutes, minutesJson } from "../../../../shared/core/minutes/extract.js";
import { writeMinutesText } from "../../../../shared/core/minutes/text-table.js";
import { minutesDsb14Document } from "../../../../shared/demo/minutes-dsb14.js";
import { minutesDocx } from "../../../support/minutes-docx.js";

const whole = minutesDsb14Document();
const actionsAt = whole.blocks.findIndex((b) => b.kind === "table" && b.rows.some((row) => row[1] === "Ref"));
const actionRows = (): string[][] => {
  const block = whole.blocks[actionsAt];
  return block?.kind === "table" ? block.rows.map((row) => [...row]) : [];
};
/** The fixture with its actions table replaced by `blocks`. */
const withActions = (blocks: MinutesBlock[]): MinutesDocument => ({ blocks: [...whole.blocks.slice(0, actionsAt), ...blocks, ...whole.blocks.slice(actionsAt + 1)] });
/** The actions table cut in two before the row of `ref`, the second part with no header row. */
const splitBefore = (ref: string, second: (rows: string[][]) => string[][] = (rows) => rows): MinutesBlock[] => {
  const rows = actionRows();
  const at = rows.findIndex((row) => row[1] === ref);
  return [{ kind: "table", rows: rows.slice(0, at) }, { kind: "table", rows: second(rows.slice(at)) }];
};

const READERS = [
  ["text saved from Word (blank lines inside the table)", async (doc: MinutesDocument) => readMinutes(writeMinutesText(doc), "split.txt")],
  ["a .docx of two Word tables", async (doc: MinutesDocument) => readMinutes(await minutesDocx(doc), "split.docx")],
] as const;

const read = async (reader: (typeof READERS)[number][1], doc: MinutesDocument) => minutesJson(extractMinutes(await reader(doc)));

describe.each(READERS)("a header-less table right after the actions table continues it: %s", (_name, reader) => {
  it.each([
    ["split among the new actions (regression: DSB14-06 onwards dropped)", "DSB14-06"],
    ["split inside the Previous Meeting(s) group: the rows stay previous", "DSB13-05"],
    ["split at the Previous Meeting(s) row", "DSB13-02"],
  ])("%s", async (_case, ref) => {
    const expected = await read(reader, whole);
    const split = await read(reader, withActions(splitBefore(ref)));
    expect(split.actions).toEqual(expected.actions);
    expect(split.actions).toHaveLength(13);
    expect(split.crossCheck).toEqual(expected.crossCheck);
  });

  it("a table split three ways is read whole", async () => {
    const rows = actionRows();
    const parts: MinutesBlock[] = [rows.slice(0, 5), rows.slice(5, 9), rows.slice(9)].map((part) => ({ kind: "table", rows: part }));
    expect((await read(reader, withActions(parts))).actions).toEqual((await read(reader, whole)).actions);
  });

  it.each([
    ["it has other columns than the actions table", splitBefore("DSB14-06", (rows) => rows.map((row) => row.slice(1)))],
    ["its first row has no ref in the Ref column", splitBefore("DSB14-06", (rows) => [["Note", "", "Carried over", "", ""], ...rows])],
    ["a paragraph comes between the two", (() => { const [first, second] = splitBefore("DSB14-06"); return [first, { kind: "paragraph", text: "Actions continued" }, second] as MinutesBlock[]; })()],
  ])("is not joined, and reported, when %s", async (_case, blocks) => {
    const json = await read(reader, withActions(blocks));
    expect(json.actions.map((a) => a.ref)).not.toContain("DSB13-02");
    const unread = json.crossCheck.filter((f) => f.kind === "unread-table");
    expect(unread).toEqual([expect.objectContaining({ ref: "DSB14-06", message: expect.stringContaining("A table of 7 actions was not read: the table holding DSB14-06, DSB14-07, DSB14-08, DSB13-02, …") })]);
    // Its refs are named by that finding, not again as unknown or body-only.
    expect(json.crossCheck.filter((f) => f.kind === "unknown-ref").map((f) => f.ref)).toEqual(["DSB11-09"]);
    expect(json.crossCheck.filter((f) => f.kind === "body-only").map((f) => f.ref)).toEqual(["DSB14-09"]);
  });
});

describe("the decisions table", () => {
  it("a decisions table split in two is read whole too", async () => {
    const decisionsAt = whole.blocks.findIndex((b) => b.kind === "table" && b.rows.some((row) => row[1] === "Dec Ref"));
    const block = whole.blocks[decisionsAt];
    const rows = block?.kind === "table" ? block.rows : [];
    const doc: MinutesDocument = { blocks: [...whole.blocks.slice(0, decisionsAt), { kind: "table", rows: rows.slice(0, 2) }, { kind: "table", rows: rows.slice(2) }, ...whole.blocks.slice(decisionsAt + 1)] };
    const json = minutesJson(extractMinutes(await readMinutes(writeMinutesText(doc), "split.txt")));
    expect(json.decisions.map((d) => d.ref)).toEqual(["DSB-DEC40", "DSB-DEC41", "DSB-DEC42"]);
  });
});
