/** One action in an email: its due date in words, its plain-text block and its row in an email-safe table. */
import { type CommitteeDay, type DigestItem, WEEKDAY_NAMES } from "./digest-items.js";
import { formatLongDate, formatUkDate, isoToSerial, weekdayOfSerial } from "./dates.js";
import { COLOURS, type Html, escapeLines, raw, table, tone, unbroken } from "./email-html.js";
import { statusAdvice } from "./status.js";
import { foldSpaces } from "./text.js";

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const dayName = (date: string): string => WEEKDAY_NAMES[weekdayOfSerial(isoToSerial(date)) - 1] ?? "";

/** "Sunday 25 Oct 2026". */
export const longDay = (date: string): string => `${dayName(date)} ${formatLongDate(date)}`;

/** "Thu 19 Nov", with the year only when it is not today's year ("Mon 4 Jan 2027"). */
export const shortDay = (date: string, today: string): string => {
  const long = formatLongDate(date);
  return `${dayName(date).slice(0, 3)} ${date.slice(0, 4) === today.slice(0, 4) ? long.slice(0, -5) : long}`;
};

/** True when the due date is ahead but falls after the last working day before it: a weekend or bank holiday. */
export const noWorkingDaysLeft = (item: DigestItem, day: CommitteeDay): boolean =>
  item.dueDate !== "" && item.dueDate > day.today && item.state !== "overdue" && item.workingDaysLeft === 0;

/** Sheet text cut to `limit` characters, the last an ellipsis when anything was cut. */
const clip = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** What the owner wrote in Due, shortened: enough to recognise it, never a pasted paragraph. */
const DUE_LIMIT = 80;

/** "13/10/2023, 4 days overdue", "16/11/2023, 3 working days left", "13/11/2023, due today", "25/10/2026 (Sunday), no working days left before it". */
export function dueText(item: DigestItem, day: CommitteeDay): string {
  if (item.dueDate === "") return item.dueWritten === "" ? "no readable due date (Due is blank)" : `no readable due date (Due says "${clip(item.dueWritten, DUE_LIMIT)}")`;
  const date = formatUkDate(item.dueDate);
  if (item.state === "overdue" || (item.status === "Proposed Closed" && item.daysOverdue > 0)) {
    return `${date}, ${plural(item.daysOverdue, "day")} overdue`;
  }
  if (item.dueDate === day.today) return `${date}, due today`;
  if (noWorkingDaysLeft(item, day)) return `${date} (${dayName(item.dueDate)}), no working days left before it`;
  return `${date}, ${plural(item.workingDaysLeft, "working day")} left`;
}

const carriedText = (item: DigestItem): string => (item.carried === 0 ? "not carried" : `carried ${plural(item.carried, "meeting")}`);

const UPDATE_LIMIT = 500;
/** The Update cell, shortened: a pasted essay must not bury the rest of the email. */
const latestUpdate = (item: DigestItem): string => {
  const text = item.update.trim();
  return text === "" ? "none yet" : clip(text, UPDATE_LIMIT);
};

/** The Status as the sheet should hold it, or what was written there and what to write instead. */
const statusShown = (item: DigestItem): string =>
  item.statusWritten === undefined ? item.status : `"${foldSpaces(item.statusWritten)}" is not a status: ${statusAdvice(item.statusWritten)}`;

const refShown = (item: DigestItem): string => item.ref || `row ${item.row}, no ref yet`;

const dueCell = (item: DigestItem, day: CommitteeDay): Html => {
  const colour = item.state === "overdue" ? COLOURS.overdue : item.state === "due-soon" ? COLOURS.soon : COLOURS.muted;
  return tone(dueText(item, day), colour, item.state === "overdue");
};

/** Escaped text, small and grey: the area, and the labels before the owner and the update. */
const muted = (html: string): string => `<span style="color:${COLOURS.muted};font-size:12px">${html}</span>`;

/** The narrow column, read down the table: ref, due date and status. */
const refCell = (item: DigestItem, day: CommitteeDay): Html =>
  raw([`<strong>${unbroken(refShown(item)).html}</strong>`, dueCell(item, day).html, muted(escapeLines(`${statusShown(item)}; ${carriedText(item)}`))].join("<br>"));

/** The wide column: the area above the action, then (for the PMO's tables) the owner, then the update. */
const actionCell = (item: DigestItem, withOwner: boolean): Html =>
  raw(
    [
      ...(item.area.trim() === "" ? [] : [muted(escapeLines(item.area))]),
      escapeLines(item.action),
      ...(withOwner ? [`${muted("Owner:")} ${escapeLines(item.owner)}`] : []),
      `${muted("Latest update:")} ${escapeLines(latestUpdate(item))}`,
    ].join("<br>"),
  );

/**
 * One row per action in two columns, ref and due beside the action and its update: six columns
 * cannot narrow to a phone's width, and two can. The shares are the same in every table, so the
 * columns line up from one section to the next. The owner is for the PMO's and the reminders'
 * tables, where several owners mix.
 */
export function itemTable(items: readonly DigestItem[], day: CommitteeDay, withOwner = false): Html {
  const rows = items.map((item) => [refCell(item, day), actionCell(item, withOwner)]);
  return table(["Ref and due", withOwner ? "Action, owner and latest update" : "Action and latest update"], rows, [30, 70]);
}

/** The plain-text block for one action. */
export const itemText = (item: DigestItem, day: CommitteeDay, withOwner = false): string =>
  [
    `* ${item.ref || `(row ${item.row}, no ref yet)`}${item.area ? ` (${item.area})` : ""}`,
    `  ${item.action.replace(/\s*\n\s*/g, " ")}`,
    ...(withOwner ? [`  Owner: ${item.owner.replace(/\s*\n\s*/g, " ")}`] : []),
    `  Due: ${dueText(item, day)}`,
    `  Status: ${statusShown(item)}; ${carriedText(item)}`,
    `  Latest update: ${latestUpdate(item).replace(/\s*\n\s*/g, " / ")}`,
  ].join("\n");
