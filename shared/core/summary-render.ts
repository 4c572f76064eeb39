/** The PMO's weekly summary as subject, plain text and email-safe HTML, with bar charts made of tables. */
import { formatLongDate } from "./dates.js";
import type { DigestItem } from "./digest-items.js";
import { COLOURS, type Html, barChart, heading, join, legend, page, paragraph, raw, table, unbroken } from "./email-html.js";
import { itemTable, itemText } from "./email-items.js";
import { type MailFrame, type RenderedMail, cleanSubject, committeeTitle, subjectPrefix, weekOf } from "./email-render.js";
import type { SummaryData } from "./summary-plan.js";

/** Long logs can carry hundreds of problems; the summary points at the Checks column for the rest. */
const PROBLEM_LIMIT = 40;

/** `[DAG] PMO summary: 12 open, 3 overdue, 2 due this week (week of 13 Nov 2023)`; zero counts are left out. */
export const summarySubject = (data: SummaryData, frame: MailFrame): string => {
  const { open, overdue, dueThisWeek } = data.totals;
  const parts = [open > 0 ? `${open} open` : "no open actions", overdue > 0 ? `${overdue} overdue` : "", dueThisWeek > 0 ? `${dueThisWeek} due this week` : ""];
  return cleanSubject(`${subjectPrefix(frame)} PMO summary: ${parts.filter(Boolean).join(", ")} (${weekOf(frame)})`);
};

const totalsRows = (data: SummaryData, frame: MailFrame): [string, string][] => {
  const since = frame.day.lastHeld?.date ? `since meeting ${frame.day.lastHeld.number} (${formatLongDate(frame.day.lastHeld.date)})` : "so far";
  return [
    ["Open (not Closed)", String(data.totals.open)],
    ["Overdue", String(data.totals.overdue)],
    [`Due this week (to ${formatLongDate(frame.day.weekEnd)})`, String(data.totals.dueThisWeek)],
    [`Closed ${since}`, String(data.totals.closedSinceLastMeeting)],
    ["Proposed Closed, awaiting confirmation", String(data.totals.awaiting)],
  ];
};

const problemLine = (p: SummaryData["problems"][number]): string =>
  `${p.tab}${p.row > 0 ? ` row ${p.row}` : ""}${p.ref ? ` (${p.ref})` : ""}: ${p.message}`;

/**
 * "3 open (1 overdue, 1 Proposed Closed)": `open` counts every outstanding action, the whole bar,
 * and the parts in brackets are within it, so the numbers never add up to more than the bar.
 */
export const openNote = (open: number, overdue: number, proposed: number): string => {
  const within = [overdue > 0 ? `${overdue} overdue` : "", proposed > 0 ? `${proposed} Proposed Closed` : ""].filter(Boolean);
  return `${open} open${within.length > 0 ? ` (${within.join(", ")})` : ""}`;
};

/** The bars split each open count into overdue, other open, and Proposed Closed. */
const ownerCharts = (data: SummaryData): Html[] => {
  const segments = (open: number, overdue: number, proposed: number) => [
    { value: overdue, colour: COLOURS.overdue },
    { value: open - overdue - proposed, colour: COLOURS.open },
    { value: proposed, colour: COLOURS.muted },
  ];
  return [
    heading("Open and overdue actions by owner"),
    legend([
      { label: "overdue", colour: COLOURS.overdue },
      { label: "open, not overdue", colour: COLOURS.open },
      { label: "Proposed Closed, awaiting confirmation", colour: COLOURS.muted },
    ]),
    barChart(data.owners.map((o) => ({ label: o.owner, segments: segments(o.open, o.overdue, o.proposed), note: openNote(o.open, o.overdue, o.proposed) }))),
    heading("Open and overdue actions by meetings carried"),
    barChart(
      data.carried.map((b) => {
        const open = b.open + b.overdue + b.proposed;
        return { label: `carried ${b.label}`, segments: segments(open, b.overdue, b.proposed), note: openNote(open, b.overdue, b.proposed) };
      }),
    ),
  ];
};

const escalationNote = (frame: MailFrame): string =>
  `Carried ${frame.escalateAfterMeetings} or more meetings (escalate_after_meetings in Settings)${frame.day.nextMeeting?.date ? `; raise them at meeting ${frame.day.nextMeeting.number} on ${formatLongDate(frame.day.nextMeeting.date)}` : ""}.`;

function summaryHtml(data: SummaryData, frame: MailFrame, title: string): Html {
  const shown = data.problems.slice(0, PROBLEM_LIMIT);
  const more = data.problems.length - shown.length;
  return join([
    heading(title),
    table(["Total", "Actions"], totalsRows(data, frame)),
    ...ownerCharts(data),
    heading(`Escalations (${data.escalations.length})`, data.escalations.length ? COLOURS.overdue : undefined),
    paragraph(data.escalations.length ? escalationNote(frame) : "None: no action has been carried that long.", true),
    ...(data.escalations.length ? [itemTable(data.escalations, frame.day, true)] : []),
    heading(`Owners who cannot be emailed (${data.unresolved.length})`),
    data.unresolved.length
      ? table(["Owner as written", "Why", "Actions"], data.unresolved.map((u) => [u.owner, u.reason, raw(u.refs.map((ref) => unbroken(ref).html).join(", "))]))
      : paragraph("None: every owner was found in Members with an email.", true),
    heading(`Open validation problems (${data.problems.length})`),
    data.problems.length
      ? table(["Where", "Problem"], shown.map((p) => [`${p.tab}${p.row > 0 ? ` row ${p.row}` : ""}${p.ref ? ` (${p.ref})` : ""}`, p.message]))
      : paragraph("None.", true),
    ...(more > 0 ? [paragraph(`…and ${more} more; see the Checks column or run actionlog validate.`, true)] : []),
    heading("Actions by owner"),
    ...data.owners.flatMap((o) => [heading(`${o.owner}: ${openNote(o.open, o.overdue, o.proposed)}`), itemTable(o.items, frame.day)]),
    paragraph(`Sent by actionlog for ${committeeTitle(frame)} on ${formatLongDate(frame.day.today)}.`, true),
  ]);
}

function summaryText(data: SummaryData, frame: MailFrame, title: string): string {
  const block = (name: string, body: string[]) => ["", name.toUpperCase(), ...body];
  const items = (list: readonly DigestItem[]) => list.map((i) => itemText(i, frame.day, true)).join("\n\n");
  const shown = data.problems.slice(0, PROBLEM_LIMIT);
  return [
    title,
    ...block("Totals", totalsRows(data, frame).map(([k, v]) => `${k}: ${v}`)),
    ...block("Open actions by owner", data.owners.map((o) => `${o.owner}: ${openNote(o.open, o.overdue, o.proposed)}`)),
    ...block("Open actions by meetings carried", data.carried.map((b) => `carried ${b.label}: ${openNote(b.open + b.overdue + b.proposed, b.overdue, b.proposed)}`)),
    ...block(`Escalations (${data.escalations.length})`, data.escalations.length ? [escalationNote(frame), "", items(data.escalations)] : ["None."]),
    ...block(`Owners who cannot be emailed (${data.unresolved.length})`, data.unresolved.length ? data.unresolved.map((u) => `${u.owner}: ${u.reason} (${u.refs.join(", ")})`) : ["None."]),
    ...block(`Open validation problems (${data.problems.length})`, data.problems.length ? [...shown.map(problemLine), ...(data.problems.length > shown.length ? [`…and ${data.problems.length - shown.length} more.`] : [])] : ["None."]),
    ...block("Actions by owner", data.owners.flatMap((o) => ["", `${o.owner}: ${openNote(o.open, o.overdue, o.proposed)}`, "", items(o.items)])),
    "",
    "--",
    `Sent by actionlog for ${committeeTitle(frame)} on ${formatLongDate(frame.day.today)}.`,
    "",
  ].join("\n");
}

export function renderSummary(data: SummaryData, frame: MailFrame): RenderedMail {
  const subject = summarySubject(data, frame);
  const title = `${committeeTitle(frame)}: PMO summary, ${weekOf(frame)}`;
  return { subject, text: summaryText(data, frame, title), html: page(subject, summaryHtml(data, frame, title)) };
}
