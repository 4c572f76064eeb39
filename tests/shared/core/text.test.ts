/** Invisible characters pasted from Word, Teams or the web: ignored for matching, named in messages (sec QA 8, messy QA 7). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invisibleNote, matchKey, withoutInvisible } from "../../../shared/core/text.js";

const INVISIBLE = ["\u00ad", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"];

describe("matchKey ignores invisible characters", () => {
  it.each(INVISIBLE.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase()}`, ch]))("%s inside a name", (_code, ch) => {
    expect(matchKey(`Simon${ch} Carter`)).toBe("simon carter");
    expect(matchKey(`${ch}Simon Car${ch}ter${ch}`)).toBe("simon carter");
  });

  it("is the same with or without them, on any text", () => {
    const text = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 3 }), fc.constantFrom(...INVISIBLE)), { maxLength: 12 });
    fc.assert(
      fc.property(text, (parts) => {
        const joined = parts.join("");
        expect(matchKey(joined)).toBe(matchKey(withoutInvisible(joined)));
        expect(matchKey(matchKey(joined))).toBe(matchKey(joined));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps ordinary spaces apart from invisible ones: SimonCarter is not Simon Carter", () => {
    expect(matchKey("Simon\u200bCarter")).not.toBe(matchKey("Simon Carter"));
  });
});

describe("invisibleNote names each hidden character and where it is", () => {
  it.each<[string, string | null]>([
    ["Simon Carter", null],
    ["Simon\u200b Carter", `has an invisible character (U+200B, zero-width space) after "Simon"`],
    ["(Simon\u200b) Carter", `has an invisible character (U+200B, zero-width space) after "Simon"`],
    ["\u202eDAG29-01", `has an invisible character (U+202E, right-to-left override) before "DAG29-01"`],
    ["\u200b", `has an invisible character (U+200B, zero-width space) and nothing visible`],
    ["A\u200bB\u200eC\u2060D\ufeffE", `has 4 invisible characters (U+200B, zero-width space, after "A"; U+200E, left-to-right mark, after "AB"; U+2060, word joiner, after "ABC"; and 1 more)`],
    ["Anne\u00adMarie", `has an invisible character (U+00AD, soft hyphen) after "Anne"`],
    ["Paul\u200cPettitt", `has an invisible character (U+200C, zero-width non-joiner) after "Paul"`],
    // Joiners a script or an emoji needs are meant, not pasted by accident.
    ["\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645", null],
    ["\u0915\u094d\u200d\u0937", null],
    ["\u{1f469}\u200d\u{1f4bb}", null],
  ])("%j", (text, note) => {
    expect(invisibleNote(text)).toBe(note);
  });

  it("is found for any invisible character outside a script's word, and is itself visible text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."Ab 1-(".split("")), maxLength: 20 }), fc.constantFrom(...INVISIBLE), fc.nat(), (text, ch, at) => {
        const i = at % (text.length + 1);
        const note = invisibleNote(`${text.slice(0, i)}${ch}${text.slice(i)}`);
        expect(note).toMatch(/^has (an invisible character|\d+ invisible characters) \(U\+/);
        expect(withoutInvisible(note ?? "")).toBe(note);
      }),
      { numRuns: 500 },
    );
  });

  it("names the place in a 50,000-character pasted cell", () => {
    const wall = `${"a)".repeat(25_000)}\u200b${")".repeat(25_000)}a`;
    expect(invisibleNote(wall)).toMatch(/^has an invisible character \(U\+200B, zero-width space\) after "…/);
  });
});
