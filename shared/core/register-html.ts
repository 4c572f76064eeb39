/** The register as a printable HTML page: the "New / Outstanding Actions" table for the meeting papers. */
import { escapeHtml } from "./text.js";
import { formatLongDate } from "./dates.js";
import { type RegisterHeading, registerLines } from "./register-export.js";
import type { RegisterEntry } from "./roll-forward.js";

export { escapeHtml };

/** Escaped, with a line break inside a cell (a wrapped owner) kept as a line break. */
const cellHtml = (text: string): string =>
  text.trim().split(/\r\n|\r|\n/).map((line) => escapeHtml(line.replace(/\s+/g, " ").trim())).join("<br>");

/** The heading's words, shared by the HTML and DOCX papers so they always agree. */
export function registerTitle(heading: RegisterHeading): { title: string; subtitle: string } {
  const title = heading.committeeName ? `${heading.committeeName} (${heading.committeeCode})` : heading.committeeCode;
  const when = heading.date ? `, ${formatLongDate(heading.date)}` : "";
  return { title, subtitle: `Meeting ${heading.meeting}${when}` };
}


const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 1.5em; }
  h1 { font-size: 14pt; margin: 0 0 0.2em; }
  p.meeting { margin: 0 0 1em; }
  h2 { font-size: 12pt; margin: 0 0 0.5em; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  thead th { background: #1f3864; color: #fff; }
  tr.group th { background: #d9e2f3; }
  col.area { width: 17%; } col.ref { width: 10%; } col.action { width: 44%; } col.owner { width: 19%; } col.due { width: 10%; }
  @page { size: A4 landscape; margin: 15mm; }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead th, tr.group th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }`;

/** A complete page: heading, then Area | Ref | Action | Owner | Due, A4 print rules that keep rows whole. */
export function registerHtml(heading: RegisterHeading, entries: readonly RegisterEntry[]): string {
  const { title, subtitle } = registerTitle(heading);
  const rows = registerLines(entries).map((line) =>
    line.kind === "group"
      ? `      <tr class="group"><th colspan="5" scope="rowgroup">${escapeHtml(line.label)}</th></tr>`
      : `      <tr><td>${cellHtml(line.area)}</td><td>${cellHtml(line.entry.ref)}</td><td>${cellHtml(line.entry.action)}</td><td>${cellHtml(line.entry.owner)}</td><td>${cellHtml(line.entry.due)}</td></tr>`,
  );
  if (rows.length === 0) rows.push(`      <tr><td colspan="5">No outstanding actions</td></tr>`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en-GB">',
    "<head>",
    '  <meta charset="utf-8">',
    `  <title>${escapeHtml(`${title}: ${subtitle}`)}</title>`,
    `  <style>${STYLE}\n  </style>`,
    "</head>",
    "<body>",
    `  <h1>${escapeHtml(title)}</h1>`,
    `  <p class="meeting">${escapeHtml(subtitle)}</p>`,
    "  <h2>New / Outstanding Actions</h2>",
    "  <table>",
    '    <colgroup><col class="area"><col class="ref"><col class="action"><col class="owner"><col class="due"></colgroup>',
    '    <thead><tr><th scope="col">Area</th><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>',
    "    <tbody>",
    ...rows,
    "    </tbody>",
    "  </table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
