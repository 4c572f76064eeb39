/** Where each cell note in an .xlsx sits, as Excel names it (Actions!D2), found through the package's relationships. */
import { posix } from "node:path";

/** Reads one part of the package as text; undefined when it is missing. */
export type PartReader = (name: string) => Promise<string | undefined>;

const NOTES_PART = /^xl\/comments\d*\.xml$/;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Attribute values as written in XML: `A&amp;B` is the tab A&B. */
const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" || entity[1] === "X" ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity] ?? whole;
  });

/** The value of `name` in one start tag; a `prefix:` before it is allowed (r:id). */
const attribute = (tag: string, name: string): string | undefined => {
  const value = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
};

const startTags = (xml: string, element: string): string[] => xml.match(new RegExp(`<${element}\\s[^>]*>`, "g")) ?? [];

/** A part's relationships by id, each target resolved to a part name (xl/worksheets/sheet1.xml). */
async function relationships(read: PartReader, part: string): Promise<Map<string, string>> {
  const folder = posix.dirname(part);
  const xml = (await read(posix.join(folder, "_rels", `${posix.basename(part)}.rels`))) ?? "";
  const targets = new Map<string, string>();
  for (const tag of startTags(xml, "Relationship")) {
    const [id, target] = [attribute(tag, "Id"), attribute(tag, "Target")];
    if (id === undefined || target === undefined || attribute(tag, "TargetMode") === "External") continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(folder, target)));
  }
  return targets;
}

/** Quoted as Excel does when the tab name is not a plain word: 'Register 13'!N5. */
const placeName = (tab: string, cell: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(tab) ? `${tab}!${cell}` : `'${tab.replace(/'/g, "''")}'!${cell}`;

/** The tab each notes part belongs to: workbook.xml names the tabs, each tab's relationships name its notes part. */
async function tabsOfNotesParts(read: PartReader): Promise<Map<string, string>> {
  const workbook = "xl/workbook.xml";
  const sheetParts = await relationships(read, workbook);
  const tabs = new Map<string, string>();
  for (const tag of startTags((await read(workbook)) ?? "", "sheet")) {
    const [name, id] = [attribute(tag, "name"), attribute(tag, "id")];
    const sheetPart = id === undefined ? undefined : sheetParts.get(id);
    if (name === undefined || sheetPart === undefined) continue;
    for (const target of (await relationships(read, sheetPart)).values()) if (NOTES_PART.test(target)) tabs.set(target, name);
  }
  return tabs;
}

/**
 * Every cell note in the package, as `Tab!Cell`, tab by tab in the workbook's order. A notes part
 * no tab claims (a damaged file) still counts, named by its cell alone.
 */
export async function notePlaces(names: readonly string[], read: PartReader): Promise<string[]> {
  const parts = names.filter((name) => NOTES_PART.test(name));
  if (parts.length === 0) return [];
  const tabs = await tabsOfNotesParts(read);
  const places: string[] = [];
  for (const part of [...[...tabs.keys()].filter((p) => parts.includes(p)), ...parts.filter((p) => !tabs.has(p))]) {
    const tab = tabs.get(part);
    for (const tag of startTags((await read(part)) ?? "", "comment")) {
      const cell = attribute(tag, "ref") ?? "?";
      places.push(tab === undefined ? cell : placeName(tab, cell));
    }
  }
  return places;
}
