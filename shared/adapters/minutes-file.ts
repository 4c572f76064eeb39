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

/** Minutes of a long meeting are well under 1 MB of document XML; past this a .docx is a zip bomb or not minutes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const tooLarge = (label: string): ActionlogError =>
  new ActionlogError(
    "MINUTES_UNREADABLE",
    `${label} is not a readable Word document (its text would unpack to over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, far more than any minutes, so it was not opened); check it is the right file, or save the minutes as plain text (.txt) and import that`,
  );

/** The size the zip's directory declares for a part; JSZip keeps it on an undocumented field. */
const declaredSize = (part: JSZip.JSZipObject): number | undefined => {
  const size = (part as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" ? size : undefined;
};

/**
 * Inflates a part as a stream and stops once it passes `limit`, so a part whose directory entry
 * understates its size still never holds more than about the limit in memory.
 */
function unpackAtMost(part: JSZip.JSZipObject, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    // JSZip's stream (readable-stream 2) has no async iterator; once paused it stops inflating.
    const stream = part.nodeStream("nodebuffer");
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) {
        chunks.push(chunk);
        return;
      }
      stream.pause();
      stream.removeListener("data", onData);
      resolve(undefined);
    };
    stream.on("data", onData);
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

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
  if ((declaredSize(part) ?? 0) > MAX_DOCUMENT_BYTES) throw tooLarge(label);
  let xml: Buffer | undefined;
  try {
    xml = await unpackAtMost(part, MAX_DOCUMENT_BYTES);
  } catch (error) {
    throw unreadable(label, "its document part cannot be unpacked", error);
  }
  if (xml === undefined) throw tooLarge(label);
  try {
    return readDocumentXml(xml.toString("utf8"));
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
