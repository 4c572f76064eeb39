/** Names as people type them: curly apostrophes, accents, and several unknown owners in one cell. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildMemberDirectory,
  ownerProblemMessages,
  resolveOwner,
} from "../../../shared/core/owners.js";
import { matchKey } from "../../../shared/core/text.js";
import type { Member } from "../../../shared/core/types.js";
import { directory, names } from "../../support/seed-members.js";

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
    ["Lukasz Wrobel", ["Łukasz Wróbel"]],
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
    const respell: Record<string, string[]> = { "'": ["'", "\u2019", "\u2018", "\u02bc"], "-": ["-", "\u2010", "\u2013", "\u2011"], e: ["e", "é", "ë", "è", "e\u0301"], a: ["a", "á", "à", "â"], o: ["o", "ö", "ó", "ø"], c: ["c", "ç"], l: ["l", "ł"], d: ["d", "đ"] };
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
    ["Łukasz Wróbel", "lukasz wrobel"],
    ["Søren Ærø", "soren aero"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["Þóra Đorđević", "thora dordevic"],
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
