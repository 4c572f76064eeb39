/** Text helpers for cells typed by people: folded spaces, line breaks and non-breaking spaces. */
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

/** Key for case- and space-insensitive matching of names. */
export const matchKey = (text: string): string => foldSpaces(text).toLowerCase();
