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
 * Lukasz) and typographic apostrophes, quotes and dashes (O’Neill = O'Neill) are ignored. For comparing only:
 * what members typed is never rewritten with it.
 */
export const matchKey = (text: string): string => {
  const lower = text.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return foldSpaces(lower);
  // Lower case first: "İ" lowers to "i" plus a dot accent, which is then dropped like any other.
  const plain = lower.normalize("NFD").replace(ACCENTS, "").replace(FOLDED_CHARS, (ch) => FOLDS[ch] ?? ch);
  return foldSpaces(plain.normalize("NFC"));
};
