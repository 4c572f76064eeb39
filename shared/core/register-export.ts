/** The register as a tab, JSON, CSV and Markdown: the "New / Outstanding Actions" table. */
import { REGISTER_HEADERS, REGISTER_SECTION } from "../../sheets-schema/tabs.js";
import { formatUkDate } from "./dates.js";
import type { RegisterEntry } from "./roll-forward.js";
import { foldSpaces } from "./text.js";
import type { Cell, IsoDate } from "./types.js";

export interface RegisterHeading {
  committeeCode: string;
  committeeName: string;
  meeting: number;
  date: IsoDate | null;
}

export const registerTabRows = (entries: readonly RegisterEntry[]): Cell[][] =>
  entries.map((e) => [REGISTER_SECTION[e.section], e.area, e.ref, e.action, e.owner, e.due]);

export const registerJson = (heading: RegisterHeading, entries: readonly RegisterEntry[]): string =>
  `${JSON.stringify({ committee: heading.committeeCode, name: heading.committeeName, meeting: heading.meeting, date: heading.date, register: entries }, null, 2)}\n`;

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
  return `${lines.join("\r\n")}\r\n`;
}

const mdCell = (text: string): string => foldSpaces(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/([<>*_`[\]])/g, "\\$1");

export function registerMarkdown(heading: RegisterHeading, entries: readonly RegisterEntry[]): string {
  const title = heading.committeeName ? `${heading.committeeName} (${heading.committeeCode})` : heading.committeeCode;
  const when = heading.date ? `, ${formatUkDate(heading.date)}` : "";
  const lines = [`# ${mdCell(title)}: meeting ${heading.meeting}${when}`, "", "## New / Outstanding Actions", ""];
  lines.push("| Area | Ref | Action | Owner | Due |", "|---|---|---|---|---|");
  if (entries.length === 0) lines.push("| | | No outstanding actions | | |");
  let section: RegisterEntry["section"] = "new";
  let area: string | undefined;
  for (const e of entries) {
    if (e.section !== section) {
      section = e.section;
      area = undefined;
      lines.push(`| **${REGISTER_SECTION.previous}** | | | | |`);
    }
    const shownArea = e.area === area ? "" : mdCell(e.area);
    area = e.area;
    lines.push(`| ${shownArea} | ${mdCell(e.ref)} | ${mdCell(e.action)} | ${mdCell(e.owner)} | ${mdCell(e.due)} |`);
  }
  return `${lines.join("\n")}\n`;
}
