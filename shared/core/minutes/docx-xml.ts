/** Reads a .docx's word/document.xml into the minutes structure: real tables, rows and cells, and body paragraphs. */
import type { MinutesBlock, MinutesDocument } from "./document.js";
import { isRegisterHeader } from "./table-columns.js";
import { readMinutesText } from "./text-table.js";

interface CellBuilder {
  paragraphs: string[];
}
interface TableBuilder {
  rows: string[][];
  row: string[] | null;
  cell: CellBuilder | null;
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;

const ENTITIES = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

/** XML character references and the five named entities; anything else is left as written. */
export const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(name) ?? whole;
  });

/** Run elements that stand for characters. */
const INLINE = new Map([["tab", "\t"], ["br", "\n"], ["cr", "\n"], ["noBreakHyphen", "-"]]);

const localName = (qname: string): string => qname.slice(qname.indexOf(":") + 1);

/** Subtrees whose text is not part of the document as read: deletions, field codes, fallbacks. */
const SKIPPED = new Set(["delText", "instrText", "Fallback", "del"]);

/**
 * Minutes saved as text and then converted to .docx (LibreOffice does this) hold no tables, only
 * the tab-prefixed paragraphs of the text format: read those as the text reader would, when that
 * finds an actions or decisions table.
 */
function tablesFromTabs(document: MinutesDocument, lines: readonly string[]): MinutesDocument {
  if (document.blocks.some((block) => block.kind === "table") || !lines.some((line) => line.startsWith("\t"))) return document;
  const asText = readMinutesText(lines.join("\n"));
  return asText.blocks.some((block) => block.kind === "table" && block.rows.some(isRegisterHeader)) ? asText : document;
}

/**
 * Never throws: malformed XML gives whatever paragraphs and tables could be recognised.
 * A table nested in a cell is flattened into that cell's text.
 */
export function readDocumentXml(xml: string): MinutesDocument {
  const blocks: MinutesBlock[] = [];
  /** Every paragraph outside tables, blank ones too, for tablesFromTabs. */
  const lines: string[] = [];
  const tables: TableBuilder[] = [];
  const paragraphs: string[] = [];
  let textDepth = 0;
  let runDepth = 0;
  let skipDepth = 0;

  const append = (text: string) => {
    const last = paragraphs.length - 1;
    if (last >= 0) paragraphs[last] += text;
  };
  const emitParagraph = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paragraphs.push(text);
    else if (table === undefined) lines.push(text);
    if (table === undefined && text.trim() !== "") blocks.push({ kind: "paragraph", text });
  };
  const open = (name: string) => {
    const table = tables[tables.length - 1];
    if (name === "p") paragraphs.push("");
    else if (name === "r") runDepth += 1;
    else if (name === "t") textDepth += 1;
    else if (name === "tbl") tables.push({ rows: [], row: null, cell: null });
    else if (name === "tr" && table) table.row = [];
    else if (name === "tc" && table) table.cell = { paragraphs: [] };
  };
  const close = (name: string) => {
    const table = tables[tables.length - 1];
    if (name === "p") {
      const text = paragraphs.pop();
      if (text !== undefined) emitParagraph(text);
    } else if (name === "r") runDepth = Math.max(0, runDepth - 1);
    else if (name === "t") textDepth = Math.max(0, textDepth - 1);
    else if (name === "tc" && table?.cell) {
      table.row?.push(table.cell.paragraphs.join("\n"));
      table.cell = null;
    } else if (name === "tr" && table?.row) {
      table.rows.push(table.row);
      table.row = null;
    } else if (name === "tbl" && table) {
      tables.pop();
      const outer = tables[tables.length - 1];
      if (outer?.cell) outer.cell.paragraphs.push(...table.rows.map((row) => row.join(" ")));
      else if (outer === undefined && table.rows.length > 0) blocks.push({ kind: "table", rows: table.rows });
    }
  };

  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, slash, qname, , selfClosing, text] = match;
    if (qname !== undefined) {
      const name = localName(qname);
      if (SKIPPED.has(name)) {
        if (selfClosing) continue;
        skipDepth += slash ? -1 : 1;
        skipDepth = Math.max(0, skipDepth);
        continue;
      }
      if (skipDepth > 0) continue;
      if (slash) close(name);
      else {
        open(name);
        if (runDepth > 0) append(INLINE.get(name) ?? "");
        if (selfClosing) close(name);
      }
    } else if (skipDepth === 0 && textDepth > 0) {
      append(cdata ?? decodeXml(text ?? ""));
    }
  }
  while (tables.length > 0) close("tbl");
  return tablesFromTabs({ blocks }, lines);
}
