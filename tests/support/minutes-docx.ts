/** Builds a real .docx from minutes kept as structure, with the docx package: Word tables, not text. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { MinutesDocument } from "../../shared/core/minutes/document.js";

const cellParagraphs = (text: string): Paragraph[] => text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] }));

/** A row with fewer cells than the table spans its last cell over the rest, as a merged title row does. */
function table(rows: string[][]): Table {
  const columns = Math.max(...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.map((text, i) => new TableCell({ children: cellParagraphs(text), ...(i === row.length - 1 && row.length < columns ? { columnSpan: columns - row.length + 1 } : {}) })),
        }),
    ),
  });
}

export async function minutesDocx(doc: MinutesDocument): Promise<Uint8Array> {
  const children = doc.blocks.map((block) => (block.kind === "paragraph" ? new Paragraph({ children: [new TextRun(block.text)] }) : table(block.rows)));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
