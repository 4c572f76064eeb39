/** Owner cells as text: where names split, bracketed groups, one name per line, and words that name nobody. */
import { foldSpaces, matchKey, withoutInvisible } from "./text.js";

/** A piece with no letter or digit ("-", "()", "") names nobody. */
export const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

const SEPARATORS = new Set(["&", "+", ",", ";", "/"]);
/**
 * Words that join two owners, with the spaces around them ("Matt Hall on behalf of Lee Cox" names
 * both), and a dash with spaces around it ("Programme (Lee Cox) – by 13/10"); a dash inside a name
 * (Anne-Marie) has none.
 */
const WORD_SEPARATORS = [" and ", " on behalf of ", " obo ", " - ", " \u2013 ", " \u2014 "];
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

const separatorWidth = (text: string, i: number): number => {
  const ch = text[i] as string;
  // "13/10" is a date, not two owners.
  if (SEPARATORS.has(ch)) return ch === "/" && isDigit(text[i - 1]) && isDigit(text[i + 1]) ? 0 : 1;
  if (ch !== " ") return 0;
  for (const word of WORD_SEPARATORS) if (text.slice(i, i + word.length).toLowerCase() === word) return word.length;
  return 0;
};

/** Splits on &, +, comma, semicolon, slash, " and ", " on behalf of " and a spaced dash, but never inside brackets. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const width = separatorWidth(text, i);
    if (width === 0) continue;
    parts.push(text.slice(start, i));
    start = i + width;
    i += width - 1;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/**
 * Separates "Role (inner) (more) after" into the role, each bracketed group and any text after
 * the first group (a second owner on the next line); a missing ")" closes at the end.
 */
export function parseGroups(text: string): { role: string; groups: string[]; after: string } {
  let role = "";
  let after = "";
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(") {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (ch === ")") {
      if (depth === 0) continue; // a stray ")" carries no meaning
      depth--;
      if (depth === 0) groups.push(text.slice(start, i));
    } else if (depth === 0) {
      if (groups.length === 0) role += ch;
      else after += ch;
    }
  }
  if (depth > 0) groups.push(text.slice(start));
  return { role: foldSpaces(role), groups: groups.map((g) => g.trim()), after: foldSpaces(after) };
}

/** The cell's lines, each folded, leaving out lines that name nobody: a Word cell pasted with one owner per line. */
export const ownerLines = (text: string): string[] =>
  withoutInvisible(text).split(/\r\n|[\n\r\v\f\u2028\u2029]/).map(foldSpaces).filter(hasWord);

/** Reads as one person: words that start with a letter ("Lee Cox"), or initials ("PP", "CBu", "ŁW"); never digits. */
export const looksLikePerson = (text: string): boolean =>
  !/\p{N}/u.test(text) &&
  /^\p{L}/u.test(text) &&
  (text.includes(" ") || (/^\p{Lu}[\p{Lu}\p{Ll}]{0,6}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text)));

// A title before a name, or the words that say for whom: "Dr. Matt Hall", "on behalf of Lee Cox".
const LEADING = /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|cllr|rev)\.?|on behalf of|o\/b\/o|obo|for|with|via|cc|supported by|assisted by|covering for|in place of) +(?=\S)/i;

/** The text after a leading title or "on behalf of", or null when it has none. */
export function withoutLeadingWords(text: string): string | null {
  const match = LEADING.exec(text);
  return match === null ? null : text.slice(match[0].length);
}

/** Notes minutes put in brackets after an owner's name: "Lee Cox (lead)", "Justin Andrews (Chair)". */
const ANNOTATIONS = new Set([
  "lead", "co-lead", "colead", "joint lead", "lead owner", "owner", "action owner", "chair", "vice chair", "vice-chair",
  "deputy", "support", "supporting", "tbc", "tba", "tbd", "to confirm", "interim", "acting", "sponsor", "accountable",
  "responsible", "primary", "secondary", "main", "delegate", "or delegate", "or deputy", "nominee", "or nominee",
]);

/** True for a bracketed note that says something about the owner, not who it is. */
export const isAnnotation = (group: string): boolean => ANNOTATIONS.has(matchKey(group).replace(/[.:]$/, ""));

/** What an owner that is not in Members looks like, which decides the advice. */
export type UnknownOwnerKind = "person" | "nobody" | "role" | "not-a-name" | "address";

const NOBODY = new Set([
  "tbc", "tba", "tbd", "tbc.", "n/a", "na", "none", "nobody", "no one", "unknown", "all", "everyone", "everybody",
  "members", "committee", "the committee", "various", "?", "??", "???",
]);
const ROLES = new Set(["chair", "the chair", "vice chair", "vice-chair", "deputy chair", "secretariat", "the secretariat", "secretary", "clerk"]);
const DUE_WORDS = new Set(["asap", "a.s.a.p.", "next meeting", "next mtg", "urgent", "ongoing", "open", "closed", "done"]);

/** "TBC" and "All" name nobody, "Chair" is a role, "– by 13/10" and "ASAP" are not names, an address is not a name. */
export function unknownOwnerKind(name: string): UnknownOwnerKind {
  const key = matchKey(name);
  if (key.includes("@")) return "address";
  if (NOBODY.has(key) || key.startsWith("all ")) return "nobody";
  if (ROLES.has(key)) return "role";
  if (DUE_WORDS.has(key) || /\p{N}/u.test(key) || !/^\p{L}/u.test(key)) return "not-a-name";
  return "person";
}
