/** Owner cells from real minutes resolve to the right members, with fixable messages when they do not. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildMemberDirectory,
  type OwnerIssue,
  ownerProblemMessages,
  resolveOwner,
} from "../../../shared/core/owners.js";
import type { Member } from "../../../shared/core/types.js";
import { attendees, directory, members, names } from "../../support/seed-members.js";
describe("resolveOwner: forms written in minutes", () => {
  it("uses every attendee of the seed minutes", () => {
    expect(directory.members).toHaveLength(27);
    expect(attendees.every(([name, initials]) => name !== "" && initials !== "")).toBe(true);
  });

  it.each<[string, string[]]>([
    ["NGESO Representative (Daniel Arrowsmith)", ["Daniel Arrowsmith"]],
    ["Programme (Matt Hall)", ["Matt Hall"]],
    ["Programme (Paul Pettitt)", ["Paul Pettitt"]],
    ["Programme (Justin Andrews)", ["Justin Andrews"]],
    ["Programme (Berlinda Kugara)", ["Berlinda Kugara"]],
    ["Programme (Paul Pettitt & Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt, Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt and Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt AND Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt/Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt; Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    // Regression: text after the brackets (a second owner on the next line) was silently dropped.
    ["Programme (Paul Pettitt & Lee Cox)\nPMO", ["Paul Pettitt", "Lee Cox", "Fraser Mathieson"]],
    ["Programme (PP & LC)", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (PMO)", ["Fraser Mathieson"]],
    ["PMO", ["Fraser Mathieson"]],
    ["Programme (Design Team)", ["Berlinda Kugara"]],
    ["Programme (PMO & Paul Pettitt)", ["Fraser Mathieson", "Paul Pettitt"]],
    ["Paul Pettitt", ["Paul Pettitt"]],
    ["PP", ["Paul Pettitt"]],
    ["pp", ["Paul Pettitt"]],
    ["RLamp", ["Riccardo Lampini"]],
    ["rlamp & cbu", ["Riccardo Lampini", "Carolyn Burns"]],
    ["PP & LC", ["Paul Pettitt", "Lee Cox"]],
    ["PP, LC and MH", ["Paul Pettitt", "Lee Cox", "Matt Hall"]],
    ["Programme \n(Paul Pettitt)", ["Paul Pettitt"]],
    ["Programme\r\n(Paul\nPettitt)", ["Paul Pettitt"]],
    ["Paul\u00a0Pettitt", ["Paul Pettitt"]],
    ["Programme\u00a0(Paul\u202fPettitt)", ["Paul Pettitt"]],
    ["   paul    PETTITT  ", ["Paul Pettitt"]],
    ["Programme(Paul Pettitt)", ["Paul Pettitt"]],
    ["Programme ( Paul Pettitt )", ["Paul Pettitt"]],
    ["programme(pmo)", ["Fraser Mathieson"]],
    ["Programme (Paul Pettitt", ["Paul Pettitt"]],
    ["Programme Paul Pettitt)", []],
    ["(Paul Pettitt)", ["Paul Pettitt"]],
    ["Programme (Paul Pettitt) & NGESO (Daniel Arrowsmith)", ["Paul Pettitt", "Daniel Arrowsmith"]],
    ["PP & Paul Pettitt & pp", ["Paul Pettitt"]],
    ["PP & & LC,", ["Paul Pettitt", "Lee Cox"]],
    ["Design Team ()", ["Berlinda Kugara"]],
    ["PMO ( )", ["Fraser Mathieson"]],
    ["Seth Chapman", ["Seth Chapman"]],
    ["Sean Cooper & SC", ["Sean Cooper"]],
  ])("%j → %j", (text, expected) => {
    expect(names(resolveOwner(text, directory).members)).toEqual(expected);
  });
});

describe("resolveOwner: issues", () => {
  it.each<[string, OwnerIssue[]]>([
    ["Programme \n(Matt McKeon)", [{ kind: "unknown", name: "Matt McKeon" }]],
    ["Matt McKeon", [{ kind: "unknown", name: "Matt McKeon" }]],
    ["PP & Matt McKeon", [{ kind: "unknown", name: "Matt McKeon" }]],
    ["N/A", [{ kind: "unknown", name: "N/A" }]],
    // Regression (QA 12): two unknown people were reported as one name, "Matt McKeon & Jo Bloggs".
    ["Programme (Matt McKeon & Jo Bloggs)", [{ kind: "unknown", name: "Matt McKeon" }, { kind: "unknown", name: "Jo Bloggs" }]],
    ["Programme ()", [{ kind: "unknown", name: "Programme" }]],
    // A wrong name in brackets is reported, never hidden by a role that happens to be an alias.
    ["PMO (Nobody)", [{ kind: "unknown", name: "Nobody" }]],
    ["XX", [{ kind: "unknown", name: "XX" }]],
    ["Ghost", [{ kind: "unknown", name: "Ghost" }]],
    [
      "SC",
      [{ kind: "ambiguous", name: "SC", candidates: ["Seth Chapman", "Sean Cooper"], matchedBy: "initials" }],
    ],
    [
      "Programme (sc)",
      [{ kind: "ambiguous", name: "sc", candidates: ["Seth Chapman", "Sean Cooper"], matchedBy: "initials" }],
    ],
    ["", [{ kind: "blank" }]],
    [" \n\u00a0\t", [{ kind: "blank" }]],
    ["-", [{ kind: "blank" }]],
    ["()", [{ kind: "blank" }]],
    ["CF", [{ kind: "inactive", name: "CF", member: "Caroline Farquhar" }]],
    ["Taylor Thorpe", [{ kind: "no-email", name: "Taylor Thorpe", member: "Taylor Thorpe" }]],
    ["PP & CF", [{ kind: "inactive", name: "CF", member: "Caroline Farquhar" }]],
    ["Paul Pettitt", []],
    ["Programme (Matt McKeon) & Matt mckeon", [{ kind: "unknown", name: "Matt McKeon" }]],
  ])("%j", (text, expected) => {
    expect(resolveOwner(text, directory).issues).toEqual(expected);
  });

  it("lists only active members with an email as reachable", () => {
    const r = resolveOwner("PP & CF & TT", directory);
    expect(names(r.members)).toEqual(["Paul Pettitt", "Caroline Farquhar", "Taylor Thorpe"]);
    expect(names(r.reachable)).toEqual(["Paul Pettitt"]);
  });

  it("calls duplicate Names with different Emails, and shared aliases, ambiguous too", () => {
    const base = members[0] as Member;
    const dir = buildMemberDirectory([
      { ...base, row: 2, name: "Jo Bloggs", initials: "JB", email: "jo@example.org", aliases: ["Secretariat"] },
      { ...base, row: 3, name: "jo  bloggs", initials: "JBl", email: "jo.bloggs@example.org", aliases: ["secretariat"] },
    ]);
    expect(resolveOwner("Jo Bloggs", dir).issues).toEqual([
      { kind: "ambiguous", name: "Jo Bloggs", candidates: ["Jo Bloggs", "jo  bloggs"], matchedBy: "name", rows: [2, 3] },
    ]);
    expect(resolveOwner("Secretariat", dir).issues[0]).toMatchObject({ kind: "ambiguous", matchedBy: "alias" });
  });

  it("hands back a fresh copy each time, so a caller cannot spoil the cache", () => {
    const first = resolveOwner("PP & LC", directory);
    first.members.pop();
    first.issues.push({ kind: "blank" });
    const second = resolveOwner("PP & LC", directory);
    expect(names(second.members)).toEqual(["Paul Pettitt", "Lee Cox"]);
    expect(second.issues).toEqual([]);
  });
});

describe("ownerProblemMessages", () => {
  it.each<[string, string[]]>([
    [
      "Programme \n(Matt McKeon)",
      [`Owner "Matt McKeon" is not in Members; add them to Members or add this spelling to a member's Aliases`],
    ],
    [
      "SC",
      [`Owner "SC" matches 2 members (Seth Chapman, Sean Cooper); write the name instead of the initials`],
    ],
    ["", ["Owner is blank; enter who will do this action (a member's name or initials)"]],
    ["-", [`Owner "-" does not name anyone; enter who will do this action (a member's name or initials)`]],
    [
      "CF",
      [
        `Owner "CF" (Caroline Farquhar) is marked inactive in Members; give the action to an active member or mark them active again`,
      ],
    ],
    ["Taylor Thorpe", [`Owner "Taylor Thorpe" has no usable Email in Members (blank, or not an address); add one so they can be chased`]],
    [
      "CF & TT",
      [
        `Owner "CF" (Caroline Farquhar) is marked inactive in Members; give the action to an active member or mark them active again`,
        `Owner "TT" (Taylor Thorpe) has no usable Email in Members (blank, or not an address); add one so they can be chased`,
      ],
    ],
    // Someone on the action can be chased, so the others are skipped quietly.
    ["PP & CF", []],
    ["Programme (Paul Pettitt & Taylor Thorpe)", []],
    [
      "PP & Matt McKeon",
      [`Owner "Matt McKeon" is not in Members; add them to Members or add this spelling to a member's Aliases`],
    ],
    ["Programme (Paul Pettitt)", []],
    ["Programme (PMO)", []],
  ])("%j", (text, expected) => {
    expect(ownerProblemMessages(text, resolveOwner(text, directory))).toEqual(expected);
  });

  it("keeps a pasted-in wall of text short", () => {
    const text = "z".repeat(5_000);
    const [message] = ownerProblemMessages(text, resolveOwner(text, directory));
    expect(message?.startsWith(`Owner "${"z".repeat(79)}…" is not in Members`)).toBe(true);
  });
});

describe("resolveOwner: robustness", () => {
  const vocabulary = [
    ...attendees.map(([name]) => name),
    ...attendees.map(([, initials]) => initials),
    "Programme", "PMO", "Design Team", "(", ")", "((", "))", " & ", ",", ";", "/", " and ", " ", "\n",
    "\u00a0", "\u0000", "\u0007", "\u200f", "\u202e", "مدير البرنامج", "שלום", "\ud800", "🙂",
  ];
  const ownerLike = fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }).map((parts) => parts.join(""));
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), ownerLike);
  const huge = fc
    .oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 20 }), ownerLike.filter((s) => s !== ""))
    .map((seed) => seed.repeat(Math.ceil(50_000 / seed.length)).slice(0, 50_000));
  const known = new Set<Member>(members.filter((m) => m.name.trim() !== ""));

  const check = (text: string): void => {
    const r = resolveOwner(text, directory);
    for (const m of r.members) expect(known.has(m)).toBe(true);
    for (const m of r.reachable) expect(r.members).toContain(m);
    expect(new Set(r.members).size).toBe(r.members.length);
    expect(() => ownerProblemMessages(text, r)).not.toThrow();
  };

  it("never throws and only ever returns listed members", () => {
    fc.assert(fc.property(anyText, check), { numRuns: 500 });
  });

  it("copes with 50,000-character cells", () => {
    fc.assert(fc.property(huge, check), { numRuns: 30 });
  });

  it.each([
    "(".repeat(50_000),
    ")".repeat(50_000),
    "(PP".repeat(20_000),
    "PP & ".repeat(10_000),
    " and ".repeat(10_000),
    "\u202eProgramme (\u200fPaul Pettitt)",
  ])("handles a hostile cell (%#)", (text) => {
    check(text);
  });
});
