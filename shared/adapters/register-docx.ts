/** The register as a Word document for the meeting papers, built with the docx package (async packing). */
import {
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { type RegisterHeading, registerLines, registerTitle } from "../core/register-export.js";
import type { RegisterEntry } from "../core/roll-forward.js";

// A4 in twentieths of a point, turned landscape; 2 cm side margins leave 14,570 for the table.
const A4_SHORT = 11_906;
const A4_LONG = 16_838;
const MARGIN = 1_134;
/** 1.5 cm top and bottom, as the HTML paper prints, so the padded rows fit as many to a page. */
const MARGIN_TOP_BOTTOM = 850;
/** The footer's line sits 0.8 cm from the page edge, inside the bottom margin. */
const FOOTER_DISTANCE = 454;
/** Area | Ref | Action | Owner | Due: fixed widths that add up to the landscape text width. */
const WIDTHS = [2_500, 1_400, 6_370, 2_900, 1_400] as const;
const TABLE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const HEADERS = ["Area", "Ref", "Action", "Owner", "Due"] as const;
/** The HTML paper's colours, so the two formats look like one product: navy header row, pale blue group row. */
const NAVY = "1F3864";
const PALE_BLUE = "D9E2F3";
const GREY = "404040";
/** About the HTML paper's 4px 6px cell padding, so descenders clear the row borders. */
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;

/** Characters XML 1.0 cannot hold; a sheet cell may contain them, a .docx may not. */
const xmlSafe = (text: string): string => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

interface CellLook {
  bold?: boolean;
  /** Text colour, hex without #. */
  color?: string;
  fill?: string;
  span?: number;
}

/** A cell's text as paragraphs, one per line, so a wrapped owner stays wrapped. */
const paragraphs = (text: string, look: CellLook): Paragraph[] =>
  xmlSafe(text)
    .trim()
    .split(/\r\n|\r|\n/)
    .map(
      (line) =>
        new Paragraph({
          children: [new TextRun({ text: line.replace(/\s+/g, " ").trim(), bold: look.bold === true, ...(look.color ? { color: look.color } : {}) })],
        }),
    );

const cell = (text: string, width: number, options: CellLook = {}): TableCell =>
  new TableCell({
    children: paragraphs(text, options),
    width: { size: width, type: WidthType.DXA },
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.fill } } : {}),
  });

const widthAt = (index: number): number => WIDTHS[index] ?? 0;

function tableRows(entries: readonly RegisterEntry[]): TableRow[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: HEADERS.map((label, i) => cell(label, widthAt(i), { bold: true, color: "FFFFFF", fill: NAVY })),
  });
  const rows = registerLines(entries).map((line) =>
    line.kind === "group"
      ? new TableRow({ cantSplit: true, keepNext: true, children: [cell(line.label, TABLE_WIDTH, { bold: true, span: HEADERS.length, fill: PALE_BLUE })] })
      : new TableRow({
          cantSplit: true,
          children: [line.area, line.entry.ref, line.entry.action, line.entry.owner, line.entry.due].map((text, i) => cell(text, widthAt(i))),
        }),
  );
  if (rows.length === 0) rows.push(new TableRow({ children: [cell("No outstanding actions", TABLE_WIDTH, { span: HEADERS.length })] }));
  return [header, ...rows];
}

/** Headings set out as the HTML paper's: Arial, black, bold, with room below them, never left at a page foot. */
const headingStyle = (sizePt: number, afterTwips: number) => ({
  run: { font: "Arial", size: sizePt * 2, bold: true, color: "000000" },
  paragraph: { spacing: { before: 0, after: afterTwips }, keepNext: true },
});

/** The paper's footer words on the left of every page, "Page 2 of 3" on the right, as the HTML prints. */
const footerOf = (words: string): Footer =>
  new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TABLE_WIDTH }],
        children: [
          new TextRun({ text: xmlSafe(words), size: 16, color: GREY }),
          new TextRun({ children: [new Tab(), "Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16, color: GREY }),
        ],
      }),
    ],
  });

/** The "New / Outstanding Actions" paper as .docx bytes: heading, then a table whose header row repeats on every page. */
export async function registerDocx(heading: RegisterHeading, entries: readonly RegisterEntry[]): Promise<Uint8Array> {
  const { title, subtitle, asAt, documentTitle, footer } = registerTitle(heading);
  const document = new Document({
    creator: "actionlog",
    lastModifiedBy: "actionlog",
    title: xmlSafe(documentTitle),
    subject: "New / Outstanding Actions",
    description: xmlSafe(`${subtitle}. ${asAt}.`),
    styles: {
      default: {
        document: { run: { font: "Arial", size: 20 } },
        heading1: headingStyle(14, 40),
        heading2: headingStyle(12, 120),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN_TOP_BOTTOM, bottom: MARGIN_TOP_BOTTOM, left: MARGIN, right: MARGIN, footer: FOOTER_DISTANCE },
          },
        },
        footers: { default: footerOf(footer) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(title))] }),
          new Paragraph({ spacing: { after: 40 }, children: [new TextRun(xmlSafe(subtitle))] }),
          new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: asAt, color: GREY })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("New / Outstanding Actions")] }),
          new Table({
            rows: tableRows(entries),
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: [...WIDTHS],
            layout: TableLayoutType.FIXED,
            margins: CELL_MARGINS,
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
