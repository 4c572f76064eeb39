/**
 * What a save would lose: exceljs rewrites the whole .xlsx and keeps only what it models, so a
 * member's chart or pivot table, a comment thread, or a note on an empty cell, would vanish. Comparing the file
 * before and after the rewrite finds it, and the save is refused instead.
 */

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
const ELEMENTS: readonly { part: RegExp; element: string; kind: { one: string; many: string } }[] = [
  { part: /^xl\/comments\d*\.xml$/, element: "<comment ", kind: { one: "cell note", many: "cell notes" } },
  {
    part: /^xl\/threadedComments\/threadedComment\d*\.xml$/,
    element: "<threadedComment ",
    kind: { one: "threaded comment or reply", many: "threaded comments and replies" },
  },
];

/** A part file, not its folder entry or its relationships. */
const isPart = (name: string): boolean => !name.endsWith("/") && !name.includes("/_rels/");

/** Counts of each kept kind, and of the elements counted one by one. */
async function inventory(bytes: Uint8Array): Promise<Map<{ one: string; many: string }, number>> {
  // Loaded here, like exceljs, so the cloud functions never load it at start-up.
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const counts = new Map<{ one: string; many: string }, number>();
  const names = Object.keys(zip.files).filter(isPart);
  for (const kind of KEPT_PARTS) {
    const found = names.filter((name) => name.startsWith(kind.prefix)).length;
    if (found > 0) counts.set(kind, found);
  }
  // exceljs keeps a note only where the cell has a value (and a tab actionlog rebuilds keeps none).
  for (const { part, element, kind } of ELEMENTS) {
    let found = 0;
    for (const name of names.filter((n) => part.test(n))) found += ((await zip.file(name)?.async("string")) ?? "").split(element).length - 1;
    if (found > 0) counts.set(kind, found);
  }
  return counts;
}

/** ["2 charts", "1 cell note"]: what `after` has fewer of than `before`; empty when nothing is lost. */
export async function xlsxLosses(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const [was, now] = await Promise.all([inventory(before), inventory(after)]);
  const lost: string[] = [];
  for (const [kind, count] of was) {
    const missing = count - (now.get(kind) ?? 0);
    if (missing > 0) lost.push(`${missing} ${missing === 1 ? kind.one : kind.many}`);
  }
  return lost;
}
