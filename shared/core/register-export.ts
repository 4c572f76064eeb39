/** The register as a tab, JSON, CSV and Markdown: the "New / Outstanding Actions" table, and every paper's heading words. */
import { REGISTER_HEADERS, REGISTER_SECTION } from "../../sheets-schema/tabs.js";
import { formatLongDate } from "./dates.js";
import type { RegisterEntry } from "./roll-forward.js";
import { foldSpaces } from "./text.js";
import type { Cell, IsoDate } from "./types.js";

export interface RegisterHeading {
  committeeCode: string;
  committeeName: string;
  meeting: number;
  date: IsoDate | null;
  /**
   * The day the papers were made, in the committee's time zone, for their "As at" line. The
   * caller works it out from its `now`, so the core never reads the clock.
   */
  asAt: IsoDate;
}

/** The heading's words, shared by the HTML, DOCX and Markdown papers so they always agree. */
export interface RegisterTitle {
  /** "Design Advisory Group (DAG)", or the code alone when Settings has no name. */
  title: string;
  /** "Meeting 30, 8 Nov 2023". */
  subtitle: string;
  /** "As at 20 Oct 2023": the day the papers were made, since the log changes after they are printed. */
  asAt: string;
  /** "Design Advisory Group (DAG): Meeting 30 outstanding actions", for the browser tab and Word's Title property. */
  documentTitle: string;
  /** "DAG Meeting 30 – New / Outstanding Actions – As at 20 Oct 2023", at the foot of every printed page. */
  footer: string;
}

export function registerTitle(heading: RegisterHeading): RegisterTitle {
  const title = heading.committeeName ? `${heading.committeeName} (${heading.committeeCode})` : heading.committeeCode;
  const when = heading.date ? `, ${formatLongDate(heading.date)}` : "";
  const asAt = `As at ${formatLongDate(heading.asAt)}`;
  return {
    title,
    subtitle: `Meeting ${heading.meeting}${when}`,
    asAt,
    documentTitle: `${title}: Meeting ${heading.meeting} outstanding actions`,
    footer: `${heading.committeeCode} Meeting ${heading.meeting} – New / Outstanding Actions – ${asAt}`,
  };
}

export const registerTabRows = (entries: readonly RegisterEntry[]): Cell[][] =>
  entries.map((e) => [REGISTER_SECTION[e.section], e.area, e.ref, e.action, e.owner, e.due]);

/** `warnings`: the outstanding actions the register leaves out, so a reader of the JSON knows it is not all of them. */
export const registerJson = (heading: RegisterHeading, entries: readonly RegisterEntry[], warnings: readonly string[] = []): string =>
  `${JSON.stringify({ committee: heading.committeeCode, name: heading.committeeName, meeting: heading.meeting, date: heading.date, register: entries, warnings }, null, 2)}\n`;

/**
 * A spreadsheet opens CSV cells starting with = + - @ (or tab/CR) as formulas; a leading
 * apostrophe makes them text, so minutes can never run code on a PMO's machine.
 */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const csvCell = (text: string): string => {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function registerCsv(entries: readonly RegisterEntry[]): string {
  const lines = [[...REGISTER_HEADERS, "Due Date", "Carried"].join(",")];
  for (const e of entries) {
    lines.push([REGISTER_SECTION[e.section], e.area, e.ref, e.action, e.owner, e.due, e.dueDate, String(e.carried)].map(csvCell).join(","));
  }
  // The byte order mark tells Excel the file is UTF-8; without it, Siobhán and Łukasz come out garbled.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One table row per action, the area shown once per group, and a group row before Previous Meeting(s). */
export type RegisterLine = { kind: "group"; label: string } | { kind: "action"; area: string; entry: RegisterEntry };

export function registerLines(entries: readonly RegisterEntry[]): RegisterLine[] {
  const lines: RegisterLine[] = [];
  let section: RegisterEntry["section"] = "new";
  let area: string | undefined;
  for (const entry of entries) {
    if (entry.section !== section) {
      section = entry.section;
      area = undefined;
      lines.push({ kind: "group", label: REGISTER_SECTION.previous });
    }
    lines.push({ kind: "action", area: entry.area === area ? "" : entry.area, entry });
    area = entry.area;
  }
  return lines;
}

/**
 * Backslash-escapes every character Markdown (CommonMark with GitHub's tables and strikethrough)
 * gives meaning to within a line, so sheet text shows as typed: `&lt;b&gt;` stays those six
 * characters rather than becoming `<b>`, and `~~old~~` is not struck through.
 */
const mdCell = (text: string): string => foldSpaces(text).replace(/[\\`*_[\]<>|&~#]/g, "\\$&");

export function registerMarkdown(heading: RegisterHeading, entries: readonly RegisterEntry[]): string {
  const { title, subtitle } = registerTitle(heading);
  const lines = [`# ${mdCell(title)}: ${subtitle}`, "", "## New / Outstanding Actions", ""];
  lines.push("| Area | Ref | Action | Owner | Due |", "|---|---|---|---|---|");
  if (entries.length === 0) lines.push("| | | No outstanding actions | | |");
  for (const line of registerLines(entries)) {
    if (line.kind === "group") lines.push(`| **${line.label}** | | | | |`);
    else lines.push(`| ${mdCell(line.area)} | ${mdCell(line.entry.ref)} | ${mdCell(line.entry.action)} | ${mdCell(line.entry.owner)} | ${mdCell(line.entry.due)} |`);
  }
  return `${lines.join("\n")}\n`;
}
