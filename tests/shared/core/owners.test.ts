/** Owner cells from real minutes resolve to the right members, with fixable messages when they do not. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildMemberDirectory,
  type OwnerIssue,
  ownerProblemMessages,
  resolveOwner,
} from "../../../shared/core/owners.js";
import { matchKey } from "../../../shared/core/text.js";
import type { Member } from "../../../shared/core/types.js";

// Attendees of DAG29 (seed 000) as the minutes list them; Caroline Farquhar sent apologies.
const attendeeList = `
Justin Andrews (JA), Carolyn Burns (CBu), Daniel Arrowsmith (DA), David Yeoman (DY),
Morven Hunter (MHu), Gareth Evans (GE), Haz Elmamoun (HE), Robert Langdon (RL),
Riccardo Lampini (RLamp), Sarah Jones (SJ), Seth Chapman (SC), Stuart Scott (SS),
Vladimir Black (VB), Andrew Margan (AM), Berlinda Kugara (BK), Fraser Mathieson (FM), Immy Syms (IS),
Lee Cox (LC), Matt Hall (MH), Paul Pettitt (PP), Sean Cooper (SC), Andrew Dudkowsky (AD),
Colin Berry (CBer), Colin Bezant (CBez), Danielle Walton (DW), Taylor Thorpe (TT),
Caroline Farquhar (CF)`;
const attendees = attendeeList
  .split(",")
  .map((entry) => /^\s*(.+?) \((\w+)\)\s*$/.exec(entry))
  .map((m) => [m?.[1] ?? "", m?.[2] ?? ""] as const);

const aliases: Record<string, string[]> = {
  "Fraser Mathieson": ["Programme (PMO)", "PMO"],
  "Berlinda Kugara": ["Design Team"],
};

const members: Member[] = [
  ...attendees.map(([name, initials], i): Member => ({
    row: i + 2, name, initials, organisation: "", role: "", aliases: aliases[name] ?? [],
    email: name === "Taylor Thorpe" ? "" : `${name.toLowerCase().replace(" ", ".")}@example.org`,
    active: name !== "Caroline Farquhar",
  })),
  // A row with no Name must never be matched, whatever else it holds.
  { row: 99, name: "  ", initials: "XX", organisation: "", role: "", email: "x@example.org", aliases: ["Ghost"], active: true },
];

const directory = buildMemberDirectory(members);
const names = (list: readonly Member[]): string[] => list.map((m) => m.name);

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

  it("calls duplicate Names and shared aliases ambiguous too", () => {
    const base = members[0] as Member;
    const dir = buildMemberDirectory([
      { ...base, row: 2, name: "Jo Bloggs", initials: "JB", aliases: ["Secretariat"] },
      { ...base, row: 3, name: "jo  bloggs", initials: "JBl", aliases: ["secretariat"] },
    ]);
    expect(resolveOwner("Jo Bloggs", dir).issues).toEqual([
      { kind: "ambiguous", name: "Jo Bloggs", candidates: ["Jo Bloggs", "jo  bloggs"], matchedBy: "name" },
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
    ["Taylor Thorpe", [`Owner "Taylor Thorpe" has no Email in Members; add one so they can be chased`]],
    [
      "CF & TT",
      [
        `Owner "CF" (Caroline Farquhar) is marked inactive in Members; give the action to an active member or mark them active again`,
        `Owner "TT" (Taylor Thorpe) has no Email in Members; add one so they can be chased`,
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

// Members as typed in the sheet; the minutes (Word) spell them with curly apostrophes and accents.
const typed = (name: string, initials: string, aliases: string[] = []): Member => ({
  row: 2, name, initials, organisation: "", role: "", email: `${initials.toLowerCase()}@example.org`, aliases, active: true,
});
const accented = buildMemberDirectory([
  typed("Siobhán O'Neill", "SON"),
  typed("Zoë Brontë", "ZB"),
  typed("Łukasz Wróbel", "ŁW"),
  typed("Anne-Marie Duff", "AMD", ["Programme (Léa)"]),
]);

describe("resolveOwner: curly apostrophes, dashes and accents (QA 8, 9)", () => {
  it.each<[string, string[]]>([
    ["Siobhán O\u2019Neill", ["Siobhán O'Neill"]],
    ["Siobhán O\u2018Neill", ["Siobhán O'Neill"]],
    ["Siobhan O'Neill", ["Siobhán O'Neill"]],
    ["SIOBHÁN O\u2019NEILL", ["Siobhán O'Neill"]],
    ["Siobha\u0301n O'Neill", ["Siobhán O'Neill"]], // the accent as a separate combining mark (NFD)
    ["Zoe Bronte", ["Zoë Brontë"]],
    ["zoë  brontë", ["Zoë Brontë"]],
    ["Anne\u2013Marie Duff", ["Anne-Marie Duff"]],
    ["Anne\u2011Marie Duff", ["Anne-Marie Duff"]],
    ["Programme (Lea)", ["Anne-Marie Duff"]],
    ["ŁW", ["Łukasz Wróbel"]],
    ["łw", ["Łukasz Wróbel"]],
    ["Programme (Zoe Bronte & ŁW)", ["Zoë Brontë", "Łukasz Wróbel"]],
  ])("%j → %j", (text, expected) => {
    expect(names(resolveOwner(text, accented).members)).toEqual(expected);
  });

  it("finds any member however the name's apostrophes and accents are typed", () => {
    const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz'-".split(""));
    const word = fc.array(letters, { minLength: 2, maxLength: 8 }).map((l) => l.join(""));
    const name = fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => w.join(" ")).filter((n) => /[a-z]/.test(n) && !/[-']( |$)|(^| )[-']/.test(n));
    // How Word or a keyboard may write the same characters.
    const respell: Record<string, string[]> = { "'": ["'", "\u2019", "\u2018", "\u02bc"], "-": ["-", "\u2010", "\u2013", "\u2011"], e: ["e", "é", "ë", "è", "e\u0301"], a: ["a", "á", "à", "â"], o: ["o", "ö", "ó"], c: ["c", "ç"] };
    const variant = (text: string) =>
      fc.tuple(...text.split("").map((ch) => fc.constantFrom(...(respell[ch] ?? [ch])))).map((chars) => chars.join(""));
    fc.assert(
      fc.property(
        name.chain((n) => fc.tuple(fc.constant(n), variant(n), variant(n))),
        ([plain, inSheet, inMinutes]) => {
          const dir = buildMemberDirectory([typed(inSheet, "XQZ")]);
          expect(names(resolveOwner(inMinutes, dir).members)).toEqual([inSheet]);
          expect(names(resolveOwner(`Programme (${inMinutes.toUpperCase()})`, dir).members)).toEqual([inSheet]);
          expect(matchKey(inMinutes)).toBe(matchKey(plain));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("folds only for matching: the issue names the owner exactly as written", () => {
    expect(resolveOwner("Siobhán O\u2019Neil", accented).issues).toEqual([{ kind: "unknown", name: "Siobhán O\u2019Neil" }]);
  });
});

describe("matchKey", () => {
  it.each([
    ["Siobhán O\u2019Neill", "siobhan o'neill"],
    ["  Zoë\u00a0\nBrontë ", "zoe bronte"],
    ["O`Neill", "o'neill"],
    ["\u201cPMO\u201d", '"pmo"'],
    ["Smith\u2014Jones", "smith-jones"],
    ["İpek", "ipek"],
    ["Ölçer", "olcer"],
    ["Paul Pettitt", "paul pettitt"],
  ])("%j → %j", (text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it("keeps the marks of other scripts, which tell different names apart", () => {
    expect(matchKey("किरण")).not.toBe(matchKey("करण"));
  });

  it("is idempotent, and the same for composed and decomposed accents, on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const key = matchKey(text);
        expect(matchKey(key)).toBe(key);
        expect(matchKey(text.normalize("NFD"))).toBe(matchKey(text.normalize("NFC")));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("unknown owners joined by & or and (QA 12)", () => {
  const empty = buildMemberDirectory([]);
  it.each<[string, string[]]>([
    ["Paul Pettitt & Lee Cox", ["Paul Pettitt", "Lee Cox"]],
    ["Programme (Paul Pettitt & Lee Cox)", ["Paul Pettitt", "Lee Cox"]],
    ["Paul Pettitt and Lee Cox, Jo Bloggs", ["Paul Pettitt", "Lee Cox", "Jo Bloggs"]],
    ["PP & LC", ["PP", "LC"]],
    ["ŁW / CBu", ["ŁW", "CBu"]],
    // Not people: a whole that splitting would garble stays whole.
    ["N/A", ["N/A"]],
    ["R&D", ["R&D"]],
    ["Design & Build", ["Design & Build"]],
    ["Lee Cox & Jo", ["Lee Cox & Jo"]],
  ])("%j is reported as %j", (text, unknown) => {
    expect(resolveOwner(text, empty).issues).toEqual(unknown.map((name) => ({ kind: "unknown", name })));
  });

  it.each<[string, string[]]>([
    ["Paul Pettitt & Lee Cox", ["Owner names Paul Pettitt and Lee Cox, who are not in Members; add them to Members (or fix the spelling)"]],
    ["Programme (Ann Ames, Bea Bell & Cy Cole)", ["Owner names Ann Ames, Bea Bell and Cy Cole, who are not in Members; add them to Members (or fix the spelling)"]],
    [
      "A a; B b; C c; D d; E e; F f; G g",
      ["Owner names A a, B b, C c, D d, E e and 2 others, who are not in Members; add them to Members (or fix the spelling)"],
    ],
    ["Lee Cox", [`Owner "Lee Cox" is not in Members; add them to Members or add this spelling to a member's Aliases`]],
  ])("%j", (text, expected) => {
    expect(ownerProblemMessages(text, resolveOwner(text, empty))).toEqual(expected);
  });

  it("names each unknown person once, beside the other problems, in order", () => {
    const text = "Matt McKeon & SC & Jo Bloggs";
    expect(ownerProblemMessages(text, resolveOwner(text, directory))).toEqual([
      "Owner names Matt McKeon and Jo Bloggs, who are not in Members; add them to Members (or fix the spelling)",
      `Owner "SC" matches 2 members (Seth Chapman, Sean Cooper); write the name instead of the initials`,
    ]);
  });

  it("names every unknown person of a list, whatever else it holds", () => {
    const person = fc.tuple(fc.constantFrom("Ann", "Bo", "Cy", "Di"), fc.constantFrom("Ames", "Bell", "Cole")).map(([f, l]) => `${f} ${l}`);
    const known = fc.constantFrom("PP", "Lee Cox", "Programme (PMO)");
    const sep = fc.constantFrom(" & ", ", ", "; ", " and ", "/");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(person, known), sep), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([p, s], i) => (i === 0 ? p : `${s}${p}`)).join("");
        const strangers = [...new Set(parts.map(([p]) => p).filter((p) => /^[A-D]\w* [A-C]/.test(p)))];
        const unknown = resolveOwner(text, directory).issues.flatMap((i) => (i.kind === "unknown" ? [i.name] : []));
        expect(unknown).toEqual(strangers);
      }),
      { numRuns: 300 },
    );
  });
});
