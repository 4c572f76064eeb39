/** Attendees against Members and owners, as Word writes names: curly apostrophes, accents and non-ASCII initials (QA 8, 9). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAttendeeName, readAttendees, sharedInitials } from "../../../../shared/core/minutes/attendees.js";
import type { MinutesDocument } from "../../../../shared/core/minutes/document.js";
import { extractMinutes } from "../../../../shared/core/minutes/extract.js";
import type { MergeInput, MergePlan } from "../../../../shared/core/minutes/merge.js";
import { mergeMembers } from "../../../../shared/core/minutes/merge-people.js";
import type { Attendee, MinutesExtract } from "../../../../shared/core/minutes/types.js";
import type { Member } from "../../../../shared/core/types.js";
import { parseLog } from "../../../../sheets-schema/parse-log.js";
import { buildLog } from "../../../support/log-fixture.js";

const attendee = (name: string, initials = ""): Attendee => ({ name, initials, role: "Member", group: "", partMeeting: false, apology: false, onBehalfOf: "" });
const member = (name: string, initials = "", aliases: string[] = []): Member => ({
  row: 2, name, initials, organisation: "", role: "", email: "someone@example.org", aliases, active: true,
});

describe("initials in the attendees table", () => {
  it.each<[string, string, string]>([
    ["Łukasz Wróbel (ŁW)", "Łukasz Wróbel", "ŁW"],
    ["Émile Zola (ÉZ)", "Émile Zola", "ÉZ"],
    ["Ørjan Ødegård (ØØd)", "Ørjan Ødegård", "ØØd"],
    ["Şule Çelik (ŞÇ) (part meeting)", "Şule Çelik", "ŞÇ"],
    ["Dmitri Ivanov (ДИ)", "Dmitri Ivanov", "ДИ"],
    ["Carolyn Burns (CBu)", "Carolyn Burns", "CBu"],
    // Not initials: one capital, or a word.
    ["Łukasz Wróbel (Ł)", "Łukasz Wróbel", ""],
    ["Łukasz Wróbel (Chair)", "Łukasz Wróbel", ""],
    ["Łukasz Wróbel (Łódź office)", "Łukasz Wróbel", ""],
  ])("%j is %j with initials %j", (cell, name, initials) => {
    expect(parseAttendeeName(cell)).toMatchObject({ name, initials });
  });

  it("keeps any initials of two to seven letters starting with two capitals, in any script", () => {
    const upper = fc.constantFrom(..."ABŁÉØŞÇДИΩ".split(""));
    const lower = fc.constantFrom(..."abłéøşçдиω".split(""));
    const initials = fc.tuple(upper, upper, fc.array(fc.oneof(upper, lower), { maxLength: 5 })).map(([a, b, rest]) => `${a}${b}${rest.join("")}`);
    fc.assert(
      fc.property(initials, (text) => {
        expect(parseAttendeeName(`Pat Smith (${text})`)).toMatchObject({ name: "Pat Smith", initials: text });
      }),
    );
  });

  it("reads ŁW from an attendees table, so the owner ŁW is that attendee", () => {
    const doc = minutes(["Łukasz Wróbel (ŁW)"], ["Programme (ŁW)"]);
    expect(readAttendees(doc).map((a) => [a.name, a.initials])).toEqual([["Łukasz Wróbel", "ŁW"]]);
    expect(peopleFindings(doc, [])).toEqual([]);
  });
});

/** Minutes with an attendees table and an actions table whose owners are `owners`. */
function minutes(attendees: string[], owners: string[]): MinutesDocument {
  return {
    blocks: [
      { kind: "paragraph", text: "Attendees" },
      { kind: "table", rows: [["Name", "Role"], ...attendees.map((name) => [name, "Member"])] },
      { kind: "paragraph", text: "New / Outstanding Actions" },
      { kind: "table", rows: [["Area", "Ref", "Action", "Owner", "Due"], ...owners.map((owner, i) => ["Risks", `DAG29-0${i + 1}`, "Do it", owner, "ASAP"])] },
    ],
  };
}
const PEOPLE_KINDS = new Set(["unknown-owner", "ambiguous-owner", "shared-initials"]);
const peopleFindings = (doc: MinutesDocument, members: Member[]): string[] =>
  extractMinutes(doc, { members, meetingDate: "2023-10-11" }).crossCheck.filter((f) => PEOPLE_KINDS.has(f.kind)).map((f) => f.message);

describe("cross-check of owners against attendees and Members", () => {
  it.each<[string, Member[], string, string]>([
    ["a curly apostrophe in the attendees table", [], "Siobhán O\u2019Neill (SON)", "Siobhán O'Neill"],
    ["a curly apostrophe in the owner", [], "Siobhán O'Neill (SON)", "Programme (Siobhán O\u2019Neill)"],
    ["accents in the attendees table", [], "Zoë Brontë (ZB)", "Zoe Bronte"],
    // Members typed one way, attendees another: one person, so neither unknown nor ambiguous.
    ["Members and attendees spelled differently", [member("Siobhán O'Neill")], "Siobhán O\u2019Neill (SON)", "Siobhán O\u2019Neill"],
    ["Members and attendees, owner a third way", [member("Zoë Brontë")], "Zoe Bronte (ZB)", "ZOË BRONTE"],
  ])("%s: no finding", (_name, members, attendeeCell, owner) => {
    expect(peopleFindings(minutes([attendeeCell, "Paul Pettitt (PP)"], [owner, "PP"]), members)).toEqual([]);
  });

  it("does not call one person listed twice, with ’ and ', two people sharing initials", () => {
    expect(sharedInitials([attendee("Siobhán O'Neill", "SON"), attendee("Siobhán O\u2019Neill", "SON")])).toEqual(new Map());
    expect(sharedInitials([attendee("Seth Chapman", "SC"), attendee("Sean Cooper", "SC")])).toEqual(new Map([["SC", ["Seth Chapman", "Sean Cooper"]]]));
  });

  it("names two unknown owners one by one", () => {
    expect(peopleFindings(minutes(["Jo Bloggs (JB)"], ["Programme (Paul Pettitt & Lee Cox)"]), [])).toEqual([
      `DAG29-01: owner "Paul Pettitt" is neither an attendee nor in Members; add them to Members, or this spelling to a member's Aliases`,
      `DAG29-01: owner "Lee Cox" is neither an attendee nor in Members; add them to Members, or this spelling to a member's Aliases`,
    ]);
  });
});

describe("attendees merged into Members", () => {
  const mergeInto = (members: { Name: string; Email?: string; Aliases?: string }[], attendees: Attendee[]): MergePlan => {
    const log = parseLog(buildLog({ members }));
    const extract = { meeting: { committee: "DAG", number: 29, date: null, next: null }, nextTime: "", actions: [], decisions: [], attendees, updates: [], crossCheck: [] } satisfies MinutesExtract;
    const input: MergeInput = { log, extract, cell: () => null, settingRows: new Map(), setByMinutes: new Map(), newestImported: 0 };
    const plan: MergePlan = { changes: [], additions: [], findings: [] };
    mergeMembers(input, plan);
    return plan;
  };

  it.each<[string, string, string]>([
    ["curly apostrophe", "Siobhán O'Neill", "Siobhán O\u2019Neill"],
    ["accents", "Zoe Bronte", "Zoë Brontë"],
    ["decomposed accents", "Zoë Brontë", "Zoe\u0308 Bronte\u0308"],
    ["en dash", "Anne-Marie Duff", "Anne\u2013Marie Duff"],
  ])("an attendee already in Members (%s) is not added again, and Members is left as typed", (_name, typed, inMinutes) => {
    const plan = mergeInto([{ Name: typed, Email: "x@example.org" }], [attendee(inMinutes)]);
    expect(plan.additions).toEqual([]);
    expect(plan.changes).toEqual([]);
  });

  it("matches an alias the same way", () => {
    expect(mergeInto([{ Name: "Siobhan ONeill", Email: "x@example.org", Aliases: "Siobhán O'Neill" }], [attendee("SIOBHAN O\u2019NEILL")]).additions).toEqual([]);
  });

  it("adds a new attendee with the name and initials exactly as the minutes write them", () => {
    const plan = mergeInto([], [attendee("Łukasz Wróbel", "ŁW"), attendee("Łukasz  Wrobel", "ŁW")]);
    expect(plan.additions.map((a) => [a.values.Name, a.values.Initials])).toEqual([["Łukasz Wróbel", "ŁW"]]);
  });
});
