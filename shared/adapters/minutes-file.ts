/** Reads minutes from a Word .docx (its real tables) or from text saved out of Word, into one structure. */
import JSZip from "jszip";
import { ActionlogError } from "../core/errors.js";
import type { MinutesDocument } from "../core/minutes/document.js";
import { readDocumentXml } from "../core/minutes/docx-xml.js";
import { readMinutesText } from "../core/minutes/text-table.js";

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Word's "Unicode text" is UTF-16 with a byte-order mark; everything else is read as UTF-8. */
const decodeText = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
};

const unreadable = (label: string, why: string, cause?: unknown): ActionlogError =>
  new ActionlogError(
    "MINUTES_UNREADABLE",
    `${label} is not a readable Word document (${why}); open it in Word and save it again as .docx, or save the minutes as plain text (.txt) and import that`,
    cause === undefined ? undefined : { cause },
  );

async function readDocx(bytes: Uint8Array, label: string): Promise<MinutesDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw unreadable(label, "the file is damaged or truncated", error);
  }
  const part = zip.file("word/document.xml");
  if (part === null) throw unreadable(label, "it has no word/document.xml");
  try {
    return readDocumentXml(await part.async("string"));
  } catch (error) {
    throw unreadable(label, "its document part cannot be unpacked", error);
  }
}

/**
 * Minutes as text (already decoded) or as file bytes: a zip is read as .docx, other bytes as
 * text. `label` names the source in messages (the file path).
 */
export async function readMinutes(source: string | Uint8Array, label: string): Promise<MinutesDocument> {
  if (typeof source === "string") return readMinutesText(source);
  if (isZip(source)) return readDocx(source, label);
  if (/\.docx$/i.test(label)) throw unreadable(label, "it is not a zip package, as every .docx is");
  return readMinutesText(decodeText(source));
}
