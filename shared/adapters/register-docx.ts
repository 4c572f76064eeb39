/** The register as a Word document for the meeting papers, built with the docx package (async packing). */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { RegisterHeading } from "../core/register-export.js";
import { registerLines } from "../core/register-export.js";
import { registerTitle } from "../core/register-html.js";
import type { RegisterEntry } from "../core/roll-forward.js";

// A4 in twentieths of a point, turned landscape; 2 cm margins leave 14,570 for the table.
const A4_SHORT = 11_906;
const A4_LONG = 16_838;
const MARGIN = 1_134;
/** Area | Ref | Action | Owner | Due: fixed widths that add up to the landscape text width. */
const WIDTHS = [2_500, 1_400, 6_370, 2_900, 1_400] as const;
const TABLE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const HEADERS = ["Area", "Ref", "Action", "Owner", "Due"] as const;

/** Characters XML 1.0 cannot hold; a sheet cell may contain them, a .docx may not. */
const xmlSafe = (text: string): string => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

/** A cell's text as paragraphs, one per line, so a wrapped owner stays wrapped. */
const paragraphs = (text: string, bold = false): Paragraph[] =>
  xmlSafe(text)
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line.replace(/\s+/g, " ").trim(), bold })] }));

const cell = (text: string, width: number, options: { bold?: boolean; fill?: string; span?: number } = {}): TableCell =>
  new TableCell({
    children: paragraphs(text, options.bold === true),
    width: { size: width, type: WidthType.DXA },
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.fill } } : {}),
  });

const widthAt = (index: number): number => WIDTHS[index] ?? 0;

function tableRows(entries: readonly RegisterEntry[]): TableRow[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: HEADERS.map((label, i) => cell(label, widthAt(i), { bold: true, fill: "D9E2F3" })),
  });
  const rows = registerLines(entries).map((line) =>
    line.kind === "group"
      ? new TableRow({ cantSplit: true, keepNext: true, children: [cell(line.label, TABLE_WIDTH, { bold: true, span: HEADERS.length, fill: "F2F2F2" })] })
      : new TableRow({
          cantSplit: true,
          children: [line.area, line.entry.ref, line.entry.action, line.entry.owner, line.entry.due].map((text, i) => cell(text, widthAt(i))),
        }),
  );
  if (rows.length === 0) rows.push(new TableRow({ children: [cell("No outstanding actions", TABLE_WIDTH, { span: HEADERS.length })] }));
  return [header, ...rows];
}

/** The "New / Outstanding Actions" paper as .docx bytes: heading, then a table whose header row repeats on every page. */
export async function registerDocx(heading: RegisterHeading, entries: readonly RegisterEntry[]): Promise<Uint8Array> {
  const { title, subtitle } = registerTitle(heading);
  const document = new Document({
    creator: "actionlog",
    title: xmlSafe(`${title}: ${subtitle}`),
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(title))] }),
          new Paragraph({ children: [new TextRun(xmlSafe(subtitle))] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.LEFT, children: [new TextRun("New / Outstanding Actions")] }),
          new Table({
            rows: tableRows(entries),
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: [...WIDTHS],
            layout: TableLayoutType.FIXED,
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
