/**
 * Reads minutes saved from Word as plain text: each table cell on its own tab-prefixed line,
 * a blank line after each row, cells that wrap onto an untabbed next line, NBSP kept.
 */
import type { MinutesBlock, MinutesDocument } from "./document.js";

/** Two blank lines in a row mean the table has ended, as Word leaves an empty paragraph after a table. */
const TABLE_BREAK = 2;

/** Never throws: any text gives a document, at worst one paragraph per line. */
export function readMinutesText(text: string): MinutesDocument {
  const blocks: MinutesBlock[] = [];
  let table: string[][] | null = null;
  let row: string[] | null = null;
  let blanks = 0;

  const endRow = () => {
    if (row !== null && table !== null) table.push(row);
    row = null;
  };
  const endTable = () => {
    endRow();
    if (table !== null && table.length > 0) blocks.push({ kind: "table", rows: table });
    table = null;
  };

  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (line.startsWith("\t")) {
      if (row === null) {
        if (table === null || blanks >= TABLE_BREAK) {
          endTable();
          table = [];
        }
        row = [];
      }
      row.push(line.slice(1));
      blanks = 0;
    } else if (line.trim() === "") {
      endRow();
      blanks += 1;
    } else if (row !== null && row.length > 0) {
      // Untabbed text inside a row is the previous cell wrapping onto the next line.
      row[row.length - 1] = `${row[row.length - 1] ?? ""}\n${line}`;
    } else {
      endTable();
      blocks.push({ kind: "paragraph", text: line });
      blanks = 0;
    }
  }
  endTable();
  return { blocks };
}

/**
 * Writes a document the way Word saves it as text, so fixtures can be kept as structure: each cell
 * tab-prefixed with its further lines untabbed, a blank line after each row and after each table.
 */
export function writeMinutesText(doc: MinutesDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") {
      lines.push(block.text);
      continue;
    }
    if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
    for (const row of block.rows) {
      for (const cell of row) lines.push(`\t${cell}`);
      lines.push("");
    }
    lines.push("");
  }
  return `${lines.join("\r\n")}\r\n`;
}
