/** Refs as minutes type them (DAG29-3, DAG 29 08, dag29–05), read into the log's form DAG29-03. */
import { foldSpaces } from "../text.js";

const DASHES = /[\u2010-\u2015\u2212]/g;

/** Folded, dashes made plain and upper case, spaces kept: the text a ref shape is matched on. */
const plain = (text: string): string => foldSpaces(text).replace(DASHES, "-").toUpperCase();

/** Committee code, meeting, then a dash or a space, then the action number: DAG29-01, DAG29-3, DAG29 08. */
const ACTION_SHAPE = /^([A-Z]{1,12}) ?(\d{1,4})(?: ?- ?| )(\d{1,3})$/;
const DECISION_SHAPE = /^[A-Z]{1,12} ?- ?DEC ?\d{1,5}$/;

/** Any ref, as a cell or line holds it, with every space taken out: DAG-DEC76, DAG29-01. */
export const normaliseRef = (text: string): string => plain(text).replace(/\s+/g, "");

/** How one written ref was read, when reading it changed more than case, spacing and dashes. */
export interface RefReading {
  written: string;
  ref: string;
  /** Where the ref was written, for the message: "the actions table", "an ACTION line". */
  where: string;
}

/**
 * The ref `text` means. An action ref gets the log's form: the meeting without leading zeros and
 * a two-digit action number (DAG29-3 and DAG29-006 are DAG29-03 and DAG29-06; a space between
 * meeting and number is a dash). `retyped` is true when that changed more than case, spacing or
 * dashes, so the minutes can be corrected.
 */
export function readRef(text: string): { ref: string; retyped: boolean } {
  const loose = normaliseRef(text);
  const shape = ACTION_SHAPE.exec(plain(text));
  if (!shape) return { ref: loose, retyped: false };
  const ref = `${shape[1]}${Number(shape[2])}-${String(Number(shape[3])).padStart(2, "0")}`;
  return { ref, retyped: ref !== loose };
}

/** Reads `text` as a ref, noting in `readings` a ref that was retyped. */
export function readNotedRef(text: string, where: string, readings: RefReading[] | undefined): string {
  const { ref, retyped } = readRef(text);
  if (retyped) readings?.push({ written: foldSpaces(text), ref, where });
  return ref;
}

/** True for text shaped like an action ref, typos included (DAG29-3, DAG 29 08); false for DAG2. */
export const isActionRefShape = (text: string): boolean => ACTION_SHAPE.test(plain(text));

export const isDecisionRefShape = (text: string): boolean => DECISION_SHAPE.test(plain(text));
