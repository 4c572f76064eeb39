/** Email-safe HTML building blocks: escaping, the page frame, tables and bar charts, all with inline CSS. */
import { escapeHtml } from "./text.js";

// Gmail and Outlook drop <style> blocks, scripts and often images, so every rule here is an
// inline style on a table cell, with the legacy bgcolor/width attributes Outlook still reads.

export { escapeHtml };

/** Runs longer than this with no space (a pasted link) would push a table past a phone's width. */
const LONG_RUN = 30;

/**
 * A long unbroken run, escaped, with <wbr> break chances after its separators (or every 20
 * characters when it has none). <wbr> shows nothing and copies as nothing, so a link stays whole.
 */
const breakable = (run: string): string => {
  const pieces = run.match(/[^/.?&=_-]*[/.?&=_-]+|[^/.?&=_-]+$/g) ?? [run];
  return pieces.flatMap((piece) => piece.match(/.{1,20}/gsu) ?? [piece]).map(escapeHtml).join("<wbr>");
};

const LONG_RUN_TEST = new RegExp(`\\S{${LONG_RUN + 1}}`);

/** Escaped sheet text with its line breaks kept, and long runs given places to wrap. */
export const escapeLines = (text: string): string => {
  const trimmed = text.trim();
  // Most cells have no long run: they take the plain path, which a digest of thousands of rows needs.
  const escaped = !LONG_RUN_TEST.test(trimmed)
    ? escapeHtml(trimmed)
    : trimmed
        .split(/(\s+)/)
        .map((part) => (part.length > LONG_RUN && !/\s/.test(part) ? breakable(part) : escapeHtml(part)))
        .join("");
  return escaped.replace(/\r?\n/g, "<br>");
};

/** Marks a fragment as already-safe HTML, so builders never escape it twice or forget to once. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });
const render = (content: string | Html): string => (typeof content === "string" ? escapeLines(content) : content.html);
export const join = (parts: readonly Html[]): Html => raw(parts.map((p) => p.html).join(""));

export const COLOURS = { overdue: "#b3261e", soon: "#b26a00", open: "#2b6cb0", muted: "#5f6368", rule: "#dadce0", head: "#f1f3f4" } as const;

/** Every Mac and Windows machine has Arial, so no second named font is needed. */
const FAMILY = "font-family:Arial,sans-serif";
const FONT = `${FAMILY};color:#202124`;

export const heading = (text: string, colour: string = "#202124"): Html =>
  raw(`<h2 style="${FAMILY};font-size:17px;margin:22px 0 8px;color:${colour}">${escapeHtml(text)}</h2>`);

export const paragraph = (content: string | Html, muted = false): Html =>
  raw(`<p style="${FONT};font-size:14px;line-height:20px;margin:0 0 10px${muted ? `;color:${COLOURS.muted}` : ""}">${render(content)}</p>`);

/**
 * Every data cell carries this, since Outlook does not pass fonts down into nested tables; kept to
 * what changes the look. Colour and line height come from the table, where clients honour them;
 * top alignment and the header shade are HTML attributes, which every client honours and which are
 * shorter; the rest are defaults. A PMO summary repeats it on hundreds of cells, and Gmail clips a
 * message whose HTML passes about 100 KB. overflow-wrap lets a long word break rather than push a
 * table past a phone's width.
 */
const cellStyle = `${FAMILY};font-size:13px;padding:6px 8px;border:1px solid ${COLOURS.rule};overflow-wrap:anywhere`;

/**
 * A bordered data table; cells are sheet text (escaped here) or prepared HTML. `widths` are column
 * shares in percent (a width attribute, which Outlook honours too); without them a wide column,
 * such as a long update, squeezes the others.
 */
export function table(headers: readonly string[], rows: readonly (readonly (string | Html)[])[], widths: readonly (number | undefined)[] = []): Html {
  const width = (i: number) => (widths[i] === undefined ? "" : ` width="${widths[i]}%"`);
  const head = headers.map((h, i) => `<th bgcolor="${COLOURS.head}" align="left"${width(i)} style="${cellStyle}">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((row) => `<tr valign="top">${row.map((cell) => `<td style="${cellStyle}">${render(cell)}</td>`).join("")}</tr>`).join("");
  return raw(
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin:0 0 12px;color:#202124;line-height:18px">${head ? `<tr valign="top">${head}</tr>` : ""}${body}</table>`,
  );
}

/** Text that must not break across lines, such as a ref: "DSB14-" above "03" reads as two things. */
export const unbroken = (text: string): Html => raw(`<span style="white-space:nowrap">${escapeHtml(text)}</span>`);

/** Coloured text, e.g. "3 days overdue" in red. */
export const tone = (text: string, colour: string, bold = false): Html =>
  raw(`<span style="color:${colour}${bold ? ";font-weight:bold" : ""}">${escapeHtml(text)}</span>`);

export const lines = (parts: readonly (string | Html)[]): Html => raw(parts.map(render).join("<br>"));

export interface Bar {
  label: string;
  /** Segments drawn left to right; zero-length ones are left out. */
  segments: { value: number; colour: string }[];
  /** Shown after the label, e.g. "5 open (2 overdue)". */
  note: string;
}

/** Whole percentages of `values`' total, each at least 1, adding up to 100: the largest remainders take the spare points. */
function shares(values: readonly number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  const exact = values.map((v) => (v / total) * 100);
  const whole = exact.map((e) => Math.max(1, Math.floor(e)));
  const spare = 100 - whole.reduce((sum, w) => sum + w, 0);
  const byRemainder = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((x, y) => y.rest - x.rest);
  for (const { i } of byRemainder.slice(0, Math.max(0, spare))) whole[i] = (whole[i] ?? 0) + 1;
  if (spare < 0) {
    // Tiny segments raised to 1 overshoot 100 (1, 1 and 500 give 1, 1, 99): the largest gives the points back.
    const largest = whole.indexOf(Math.max(...whole));
    whole[largest] = (whole[largest] ?? 0) + spare;
  }
  return whole;
}

/**
 * A horizontal stacked bar chart made of table cells with percentage widths and background
 * colours: no images, no CSS classes, so it looks the same in Gmail, Outlook and plain webmail.
 * Each bar sits under its label and note, so the chart narrows to a phone's width with nothing cut off.
 */
export function barChart(bars: readonly Bar[]): Html {
  const max = Math.max(1, ...bars.map((bar) => bar.segments.reduce((sum, s) => sum + s.value, 0)));
  const rows = bars.map((bar) => {
    const shown = bar.segments.filter((s) => s.value > 0);
    const total = shown.reduce((sum, s) => sum + s.value, 0);
    const widths = shares(shown.map((s) => s.value));
    const cells = shown
      .map((s, i) => `<td width="${widths[i]}%" height="12" bgcolor="${s.colour}" style="height:12px;background-color:${s.colour};font-size:0;line-height:0">&nbsp;</td>`)
      .join("");
    const length = Math.max(1, Math.round((total / max) * 100));
    const drawn =
      cells === ""
        ? `<div style="height:12px;font-size:0;line-height:0">&nbsp;</div>`
        : `<table role="presentation" width="${length}%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:${length}%"><tr>${cells}</tr></table>`;
    return `<tr><td style="${FONT};font-size:13px;line-height:18px;padding:6px 0 3px">${escapeHtml(bar.label)}: <span style="font-size:12px;color:${COLOURS.muted}">${escapeHtml(bar.note)}</span></td></tr><tr><td style="padding:0 0 4px">${drawn}</td></tr>`;
  });
  return raw(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin:0 0 12px">${rows.join("")}</table>`);
}

/** A key for a chart: coloured squares with their meaning; a phone wraps it between entries, never inside one. */
export const legend = (entries: readonly { label: string; colour: string }[]): Html =>
  paragraph(
    raw(
      entries
        .map((e) => `<span style="white-space:nowrap"><span style="display:inline-block;width:10px;height:10px;background-color:${e.colour}">&nbsp;</span>&nbsp;${escapeHtml(e.label)}</span>`)
        .join(" &nbsp; "),
    ),
    true,
  );

/** Outlook on Windows ignores max-width, so it alone gets a fixed 680px table, inside conditional comments. */
const OUTLOOK_OPEN = `<!--[if mso]><table role="presentation" width="680" cellpadding="0" cellspacing="0" border="0" align="center"><tr><td><![endif]-->`;
const OUTLOOK_CLOSE = "<!--[if mso]></td></tr></table><![endif]-->";

/**
 * The whole document: a centred column as wide as the screen up to 680px, so a phone shows it
 * whole (the column narrows and its cells wrap) and a desktop keeps the familiar width.
 */
export const page = (title: string, body: Html): string =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
  `<body style="margin:0;padding:0;background-color:#ffffff"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:16px 12px">${OUTLOOK_OPEN}` +
  `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:680px"><tr><td align="left" style="${FONT}">${body.html}</td></tr></table>` +
  `${OUTLOOK_CLOSE}</td></tr></table></body></html>\n`;
