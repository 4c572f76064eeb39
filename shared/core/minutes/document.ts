/** The minutes as one reader-neutral structure: tables as rows of cells, and body paragraphs. */

/** A table as rows of cell texts (raw: line breaks and NBSP kept), or one body paragraph. */
export type MinutesBlock = { kind: "table"; rows: string[][] } | { kind: "paragraph"; text: string };

/** What both readers (Word-extracted text and .docx) produce, so one parser serves both. */
export interface MinutesDocument {
  blocks: MinutesBlock[];
}

/** Every paragraph and every table cell, in document order: where dates and refs are looked for. */
export function documentLines(doc: MinutesDocument): string[] {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") lines.push(block.text);
    else for (const row of block.rows) lines.push(...row);
  }
  return lines;
}

/** The body paragraphs only, in order: where ACTION, DECISION and update lines are. */
export const bodyParagraphs = (doc: MinutesDocument): string[] =>
  doc.blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));

/** The tables only, in order. */
export const documentTables = (doc: MinutesDocument): string[][][] =>
  doc.blocks.flatMap((block) => (block.kind === "table" ? [block.rows] : []));
