/** The register as a printable HTML page: the "New / Outstanding Actions" table for the meeting papers. */
import { escapeHtml } from "./text.js";
import { type RegisterHeading, registerLines, registerTitle } from "./register-export.js";
import type { RegisterEntry } from "./roll-forward.js";

export { escapeHtml };

/** Escaped, with a line break inside a cell (a wrapped owner) kept as a line break. */
const cellHtml = (text: string): string =>
  text.trim().split(/\r\n|\r|\n/).map((line) => escapeHtml(line.replace(/\s+/g, " ").trim())).join("<br>");

/**
 * A CSS string holding sheet text (the committee code): every character but letters, digits and
 * spaces as a hex escape, so no quote, backslash or `</style>` can leave the string or the style element.
 */
export const cssString = (text: string): string =>
  `"${[...text].map((ch) => (/^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `)).join("")}"`;

/** Screen, phone and A4 print rules; the printed pages' footers say what the paper is and number its pages. */
const style = (footer: string): string => `
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; margin: 1.5em; }
  h1 { font-size: 14pt; margin: 0 0 0.2em; }
  p.meeting { margin: 0 0 0.2em; }
  p.as-at { margin: 0 0 1em; color: #404040; }
  h2 { font-size: 12pt; margin: 0 0 0.5em; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  thead th { background: #1f3864; color: #fff; }
  tr.group th { background: #d9e2f3; }
  col.area { width: 17%; } col.ref { width: 10%; } col.action { width: 44%; } col.owner { width: 19%; } col.due { width: 10%; }
  @page { size: A4 landscape; margin: 15mm;
    @bottom-left { content: ${cssString(footer)}; font: 8pt Arial, Helvetica, sans-serif; color: #404040; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #404040; }
  }
  @media screen and (max-width: 600px) {
    body { margin: 0.5em; font-size: 9pt; }
    th, td { padding: 3px 4px; }
    table { table-layout: auto; }
    col.area { width: 15%; } col.owner { width: 18%; } col.ref, col.action, col.due { width: auto; }
    td:nth-child(2), td:nth-child(5) { white-space: nowrap; }
  }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead th, tr.group th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }`;

/** A complete page: heading, then Area | Ref | Action | Owner | Due, A4 print rules that keep rows whole. */
export function registerHtml(heading: RegisterHeading, entries: readonly RegisterEntry[]): string {
  const { title, subtitle, asAt, documentTitle, footer } = registerTitle(heading);
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
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${escapeHtml(documentTitle)}</title>`,
    `  <style>${style(footer)}\n  </style>`,
    "</head>",
    "<body>",
    `  <h1>${escapeHtml(title)}</h1>`,
    `  <p class="meeting">${escapeHtml(subtitle)}</p>`,
    `  <p class="as-at">${escapeHtml(asAt)}</p>`,
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
