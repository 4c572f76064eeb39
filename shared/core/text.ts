/** Text helpers for cells typed by people: folded spaces, line breaks and non-breaking spaces; keys for matching names. */
import type { Cell } from "./types.js";

/** Folds every run of whitespace (line breaks, tabs, NBSP) into one space and trims. */
export const foldSpaces = (text: string): string => text.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();

/** A cell as trimmed text; numbers and booleans as they would be displayed. */
export const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  return String(cell);
};

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Sheet text is never markup: every character HTML gives meaning to is escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);

/** Items as a sentence lists them: "A", "A and B", "A, B and C". */
export const listInWords = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

// Word autocorrects ' to ’ and - to –; a name pasted from the minutes must still match one typed.
// Letters with no decomposition (Ł, Ø, ß) are folded by hand: an English keyboard types Lukasz for Łukasz.
const FOLDS: Record<string, string> = {
  "`": "'", "\u00b4": "'", "\u02bc": "'", "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\uff07": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
  "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
};
const FOLDED_CHARS = new RegExp(`[${Object.keys(FOLDS).join("")}]`, "g");
/** Anything outside plain ASCII, or the backtick: only such text needs folding (most cells skip it). */
const NEEDS_FOLDING = /[`\u0080-\uffff]/;
/**
 * Only the Latin, Greek and Cyrillic accents (Combining Diacritical Marks) are dropped: the marks
 * of other scripts (a Devanagari vowel sign) tell different names apart.
 */
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * Key for matching names (and other words people type): case, spacing, accents (Zoë = Zoe, Łukasz =
 * Lukasz), typographic apostrophes, quotes and dashes (O’Neill = O'Neill) and invisible characters
 * (see {@link withoutInvisible}) are ignored. For comparing only: what members typed is never rewritten with it.
 */
export const matchKey = (text: string): string => {
  const lower = text.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return foldSpaces(lower);
  // Lower case first: "İ" lowers to "i" plus a dot accent, which is then dropped like any other.
  const plain = withoutInvisible(lower).normalize("NFD").replace(ACCENTS, "").replace(FOLDED_CHARS, (ch) => FOLDS[ch] ?? ch);
  return foldSpaces(plain.normalize("NFC"));
};

/**
 * Characters that show nothing but make text differ: the soft hyphen, zero-width space, non-joiner
 * and joiner, word joiner, byte order mark, and the bidi controls (marks, embeddings, overrides,
 * isolates). Pasted from Word, Teams or a web page, they make "Simon Carter" a different name.
 */
const INVISIBLE_CHARS = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff";
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, "g");
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);

/**
 * `text` without its invisible characters. The zero-width joiner and non-joiner go too, although inside
 * a Persian, Arabic or Indic word they change how it is drawn: for a matching key, two spellings that
 * differ only by them are the same name, and the person reading them cannot tell them apart anyway.
 */
export const withoutInvisible = (text: string): string => (HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, "") : text);

const INVISIBLE_NAMES: Record<string, string> = {
  "\u00ad": "soft hyphen", "\u061c": "Arabic letter mark", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner", "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting", "\u202d": "left-to-right override",
  "\u202e": "right-to-left override", "\u2060": "word joiner", "\u2066": "left-to-right isolate", "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate", "\u2069": "pop directional isolate", "\ufeff": "zero-width no-break space",
};

/** "U+200B, zero-width space". */
export const describeCharacter = (ch: string): string => {
  const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const name = INVISIBLE_NAMES[ch];
  return name === undefined ? code : `${code}, ${name}`;
};

/** A joiner between two letters of a script that draws joins (not Latin), or inside an emoji sequence, is meant. */
const JOINERS = new Set(["\u200c", "\u200d"]);
const SCRIPT_LETTER = /^[\p{L}\p{M}]$/u;
const LATIN = /^\p{Script=Latin}$/u;
const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)$/u;
const meantJoiner = (before: string, after: string): boolean =>
  (SCRIPT_LETTER.test(before) && SCRIPT_LETTER.test(after) && !LATIN.test(before) && !LATIN.test(after)) ||
  (EMOJI_PART.test(before) && EMOJI_PART.test(after));

/** The visible word beside an invisible character, without the brackets or punctuation around it: "Simon", not "(Simon". */
const wordBeside = (text: string, side: "before" | "after"): string => {
  const words = foldSpaces(withoutInvisible(text)).split(" ");
  const word = (side === "before" ? words.at(-1) : words[0]) ?? "";
  // Only the 40 characters nearest the invisible one: a pasted wall of text stays cheap.
  const near = side === "before" ? word.slice(-40) : word.slice(0, 40);
  const bare = near.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") || near;
  return bare.length > 20 ? (side === "before" ? `…${bare.slice(-19)}` : `${bare.slice(0, 19)}…`) : bare;
};

/** Where an invisible character sits, by the visible word beside it: `after "Simon"`. */
const placeOf = (chars: readonly string[], index: number): string => {
  const before = wordBeside(chars.slice(0, index).join(""), "before");
  if (before !== "") return `after "${before}"`;
  const after = wordBeside(chars.slice(index + 1).join(""), "after");
  return after === "" ? "and nothing visible" : `before "${after}"`;
};

/**
 * Names the invisible characters in `text` and where they are, for a message that quotes it:
 * `has an invisible character (U+200B, zero-width space) after "Simon"`. Null when there are none, or
 * only joiners that a script or an emoji needs. At most three are named.
 */
export function invisibleNote(text: string): string | null {
  if (!HAS_INVISIBLE.test(text)) return null;
  const chars = [...text];
  const found: [string, string][] = [];
  let count = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!HAS_INVISIBLE.test(ch)) continue;
    if (JOINERS.has(ch) && meantJoiner(chars[i - 1] ?? "", chars[i + 1] ?? "")) continue;
    count++;
    if (found.length < 3) found.push([describeCharacter(ch), placeOf(chars, i)]);
  }
  const [first] = found;
  if (first === undefined) return null;
  if (count === 1) return `has an invisible character (${first[0]}) ${first[1]}`;
  const more = count > found.length ? `; and ${count - found.length} more` : "";
  return `has ${count} invisible characters (${found.map(([what, where]) => `${what}, ${where}`).join("; ")}${more})`;
}

/** The fix that follows an {@link invisibleNote}: "delete it" for one character, "delete them" for several. */
export const deleteInvisible = (note: string): string => `delete ${note.startsWith("has an ") ? "it" : "them"}`;
