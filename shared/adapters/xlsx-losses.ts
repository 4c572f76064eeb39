/**
 * What a save would lose: exceljs rewrites the whole .xlsx and keeps only what it models, so a
 * member's chart or pivot table, a comment thread, or a note on an empty cell, would vanish. Comparing the file
 * before and after the rewrite finds it, and the save is refused instead.
 */
import { notePlaces } from "./xlsx-note-places.js";

/** Parts exceljs does not always write back, by the folder (or file) they live in, named as a member knows them. */
const KEPT_PARTS: readonly { prefix: string; one: string; many: string }[] = [
  { prefix: "xl/charts/", one: "chart", many: "charts" },
  { prefix: "xl/chartsheets/", one: "chart sheet", many: "chart sheets" },
  { prefix: "xl/pivotTables/", one: "pivot table", many: "pivot tables" },
  { prefix: "xl/slicers/", one: "slicer", many: "slicers" },
  { prefix: "xl/timelines/", one: "timeline", many: "timelines" },
  { prefix: "xl/tables/", one: "Excel table", many: "Excel tables" },
  { prefix: "xl/externalLinks/", one: "link to another workbook", many: "links to other workbooks" },
  { prefix: "xl/queryTables/", one: "query table", many: "query tables" },
  { prefix: "xl/connections.xml", one: "data connection list", many: "data connection lists" },
  { prefix: "xl/vbaProject.bin", one: "macro project", many: "macro projects" },
  // Shapes and text boxes live only here; pictures too, but exceljs keeps those.
  { prefix: "xl/drawings/drawing", one: "drawing (shapes or text boxes)", many: "drawings (shapes or text boxes)" },
];
/**
 * Counted by element, since one part holds a whole tab's worth. Excel's modern (threaded) comments
 * also leave a legacy note behind, which exceljs keeps, but the thread and its replies are dropped.
 */
const THREADS = {
  part: /^xl\/threadedComments\/threadedComment\d*\.xml$/,
  element: "<threadedComment ",
  kind: { one: "threaded comment or reply", many: "threaded comments and replies" },
};
const NOTES = { one: "cell note", many: "cell notes" };
/** How many lost notes a refusal names before "and N more". */
const NAMED_NOTES = 3;

interface Inventory {
  counts: Map<{ one: string; many: string }, number>;
  threads: number;
  /** Each cell note as Tab!Cell: a note is lost when its place is gone, and the refusal says where. */
  notes: string[];
}

/** A part file, not its folder entry or its relationships. */
const isPart = (name: string): boolean => !name.endsWith("/") && !name.includes("/_rels/");

/** Counts of each kept kind and of threaded comments, and where each note is. */
async function inventory(bytes: Uint8Array): Promise<Inventory> {
  // Loaded here, like exceljs, so the cloud functions never load it at start-up.
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const counts = new Map<{ one: string; many: string }, number>();
  const names = Object.keys(zip.files).filter(isPart);
  for (const kind of KEPT_PARTS) {
    const found = names.filter((name) => name.startsWith(kind.prefix)).length;
    if (found > 0) counts.set(kind, found);
  }
  const read = async (name: string) => zip.file(name)?.async("string");
  let threads = 0;
  for (const name of names.filter((n) => THREADS.part.test(n))) threads += ((await read(name)) ?? "").split(THREADS.element).length - 1;
  // exceljs keeps a note only where the cell has a value (and a tab actionlog rebuilds keeps none).
  return { counts, threads, notes: await notePlaces(names, read) };
}

const amount = (count: number, kind: { one: string; many: string }) => `${count} ${count === 1 ? kind.one : kind.many}`;

/** "2 cell notes (Actions!D2, 'Register 13'!N5)", naming the first few. */
function lostNotes(was: readonly string[], now: readonly string[]): string | undefined {
  const kept = new Set(now);
  const lost = was.filter((place) => !kept.has(place));
  if (lost.length === 0) return undefined;
  const more = lost.length - NAMED_NOTES;
  const named = lost.slice(0, NAMED_NOTES).join(", ");
  return `${amount(lost.length, NOTES)} (${more > 0 ? `${named} and ${more} more` : named})`;
}

/** ["2 charts", "1 cell note (Actions!D2)"]: what `after` has fewer of than `before`; empty when nothing is lost. */
export async function xlsxLosses(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const [was, now] = await Promise.all([inventory(before), inventory(after)]);
  const lost: string[] = [];
  for (const [kind, count] of was.counts) {
    const missing = count - (now.counts.get(kind) ?? 0);
    if (missing > 0) lost.push(amount(missing, kind));
  }
  const notes = lostNotes(was.notes, now.notes);
  if (notes) lost.push(notes);
  const threads = was.threads - now.threads;
  if (threads > 0) lost.push(amount(threads, THREADS.kind));
  return lost;
}
