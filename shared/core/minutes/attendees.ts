/** The attendees table: name (initials) and role, under group headings, with part meeting, on behalf of and apologies. */
import { foldSpaces, matchKey } from "../text.js";
import type { MinutesDocument } from "./document.js";
import { isRegisterHeader } from "./table-columns.js";
import type { Attendee } from "./types.js";

/** Initials as minutes write them: DA, CBu, RLamp, MHu, ŁW; at least two capitals, so "(Chair)" is not initials. */
const isInitials = (text: string): boolean => /^\p{Lu}[\p{Lu}\p{Ll}]{0,6}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);

const ATTENDEES_HEADING = /^(attendees|attendance|present|members present)\b/i;

interface NameParts {
  name: string;
  initials: string;
  partMeeting: boolean;
  onBehalfOf: string;
  bracketed: boolean;
}

/** "Morven Hunter (MHu) (on behalf of Donna Jamieson)" → name, initials and the notes in brackets. */
export function parseAttendeeName(cell: string): NameParts {
  let rest = foldSpaces(cell);
  const parts: NameParts = { name: "", initials: "", partMeeting: false, onBehalfOf: "", bracketed: false };
  for (let guard = 0; guard < 8; guard++) {
    const match = /\(([^()]*)\)\s*$/.exec(rest);
    if (!match) break;
    const inner = foldSpaces(match[1] ?? "");
    rest = rest.slice(0, match.index).trim();
    parts.bracketed = true;
    const behalf = /^on behalf of\s+(.+)$/i.exec(inner);
    if (/^part(?:[ -]meeting)?$/i.test(inner)) parts.partMeeting = true;
    else if (behalf) parts.onBehalfOf = behalf[1] ?? "";
    else if (isInitials(inner) && parts.initials === "") parts.initials = inner;
  }
  parts.name = rest;
  return parts;
}

const isAttendeesTable = (rows: string[][], heading: string): boolean =>
  !rows.some(isRegisterHeader) && (ATTENDEES_HEADING.test(heading) || rows.some((row) => foldSpaces(row[1] ?? "").toLowerCase() === "role"));

/** Attendees from the first table that is headed "Attendees" or has a Role column. */
export function readAttendees(doc: MinutesDocument): Attendee[] {
  let heading = "";
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") {
      heading = foldSpaces(block.text);
      continue;
    }
    if (isAttendeesTable(block.rows, heading)) return attendeeRows(block.rows);
    heading = "";
  }
  return [];
}

function attendeeRows(rows: string[][]): Attendee[] {
  const attendees: Attendee[] = [];
  let group = "";
  for (const row of rows) {
    const nameCell = foldSpaces(row[0] ?? "");
    const role = foldSpaces(row.slice(1).join(" "));
    if (nameCell === "" && role === "") continue;
    if (role.toLowerCase() === "role") {
      group = nameCell.toLowerCase() === "name" ? "" : nameCell;
      continue;
    }
    const parts = parseAttendeeName(nameCell);
    if (role === "" && !parts.bracketed) {
      group = nameCell;
      continue;
    }
    if (parts.name === "") continue;
    attendees.push({
      name: parts.name,
      initials: parts.initials,
      role,
      group,
      partMeeting: parts.partMeeting,
      apology: /^apolog/i.test(group),
      onBehalfOf: parts.onBehalfOf,
    });
  }
  return attendees;
}

/** Initials used by two or more different attendees (O’Neill and O'Neill are one), with their names. */
export function sharedInitials(attendees: readonly Attendee[]): Map<string, string[]> {
  const byInitials = new Map<string, string[]>();
  for (const a of attendees) {
    if (a.initials === "") continue;
    const names = byInitials.get(a.initials) ?? [];
    if (!names.some((name) => matchKey(name) === matchKey(a.name))) byInitials.set(a.initials, [...names, a.name]);
  }
  for (const [initials, names] of byInitials) if (names.length < 2) byInitials.delete(initials);
  return byInitials;
}
