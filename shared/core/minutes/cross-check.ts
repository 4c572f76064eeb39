/** Where the minutes disagree with themselves: table against body, closed-but-listed, unknown refs and people. */
import { buildMemberDirectory, resolveOwner } from "../owners.js";
import { matchKey } from "../text.js";
import type { Member } from "../types.js";
import { sharedInitials } from "./attendees.js";
import type { Body } from "./body.js";
import type { RefReading } from "./minutes-refs.js";
import type { UnreadTable } from "./table-groups.js";
import { clip, clipStart, type TableAction } from "./tables.js";
import type { Attendee, CrossCheckFinding, MinutesDecision } from "./types.js";

export interface CrossCheckInput {
  table: readonly TableAction[];
  tableDecisions: readonly MinutesDecision[];
  body: Body;
  attendees: readonly Attendee[];
  /** Committee refs mentioned anywhere in the text. */
  mentioned: ReadonlySet<string>;
  /** Refs known from elsewhere (the log), so mentioning them is not a finding. */
  knownRefs: ReadonlySet<string>;
  members: readonly Member[];
  /** False when no table has an actions header row. */
  headed: boolean;
  /** Tables holding the committee's action refs that were read as nothing. */
  unread: readonly UnreadTable[];
  /** Refs read in the log's form (DAG29-3 as DAG29-03). */
  readings: readonly RefReading[];
}

/** Attendees as directory entries, leaving out anyone Members already has by name. */
const attendeeMembers = (attendees: readonly Attendee[], members: readonly Member[]): Member[] => {
  const known = new Set(members.map((m) => matchKey(m.name)));
  return attendees
    .filter((a) => !known.has(matchKey(a.name)))
    .map((a) => ({ row: 0, name: a.name, initials: a.initials, organisation: "", role: a.role, email: "", aliases: [], active: true }));
};

const refList = (refs: readonly string[]): string => (refs.length > 4 ? `${refs.slice(0, 4).join(", ")}, …` : refs.join(", "));

/** How a table that was not read starts, so the PMO can find it. */
const described = (table: UnreadTable): string =>
  `the table holding ${refList(table.refs)} has ${table.header ? `the header row "${clip(table.header.join(" | "))}"` : "no header row"}`;

const HEADER_ROW = "Area | Ref | Action | Owner | Due";

/** No actions table at all, or a table of actions that was read as nothing. */
function tableStructure(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const [first] = input.unread;
  if (!input.headed && (input.body.actions.length > 0 || first !== undefined)) {
    const count = new Set(input.body.actions.map((a) => a.ref)).size;
    const outcome = count > 0 ? `so ${count} action${count === 1 ? " is" : "s are"} imported from the ACTION lines alone, with a blank Owner and Due` : "so no action was read from a table";
    const fix = first === undefined ? `Give the actions table the header row ${HEADER_ROW}` : `In the minutes, ${described(first)}: give it the header row ${HEADER_ROW}`;
    out.push({ kind: "no-actions-table", ref: "", message: `No New / Outstanding Actions table was recognised (a table with Ref, Action, Owner and Due columns); owners, due dates and previous actions could not be read, ${outcome}. ${fix}, and import the minutes again` });
    return;
  }
  for (const table of input.unread) {
    out.push({ kind: "unread-table", ref: table.refs[0] ?? "", message: `A table of ${table.refs.length} action${table.refs.length === 1 ? "" : "s"} was not read: ${described(table)}, and does not continue the actions table (that needs the same columns and a ref in the Ref column), so those raised by ACTION lines are imported with a blank Owner and Due and the others not at all. Give it the header row ${HEADER_ROW}, or join it to the actions table, and import the minutes again` });
  }
}

function retypedRefs(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const seen = new Set<string>();
  for (const { written, ref, where } of input.readings) {
    const key = `${written}\u0000${where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: "ref-typo", ref, message: `"${clip(written, 40)}" in ${where} was read as ${ref}; write it as ${ref} in the minutes` });
  }
}

function tableAgainstBody(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const bodyActions = new Set(input.body.actions.map((a) => a.ref));
  const tableActions = new Set(input.table.map((a) => a.ref));
  // Minutes without any ACTION line (a register, say) have nothing to check the table against.
  if (bodyActions.size > 0) {
    for (const a of input.table) {
      if (a.section === "new" && !bodyActions.has(a.ref)) out.push({ kind: "table-only", ref: a.ref, message: `${a.ref} is in the actions table but no "ACTION ${a.ref}:" line in the minutes raises it; add the line or check the ref` });
    }
  }
  // A ref in a table that was not read is named by that finding, not again as missing from the table.
  const unread = new Set(input.unread.flatMap((table) => table.refs));
  if (tableActions.size > 0) {
    for (const ref of bodyActions) {
      if (!tableActions.has(ref) && !unread.has(ref)) out.push({ kind: "body-only", ref, message: `"ACTION ${ref}:" is in the minutes but not in the actions table; add it to the table (it is imported with a blank owner and due)` });
    }
  }
  const bodyDecisions = new Set(input.body.decisions.map((d) => d.ref));
  const tableDecisions = new Set(input.tableDecisions.map((d) => d.ref));
  if (bodyDecisions.size > 0) {
    for (const ref of tableDecisions) if (!bodyDecisions.has(ref)) out.push({ kind: "table-only", ref, message: `${ref} is in the decisions table but no "DECISION ${ref}:" line in the minutes records it` });
  }
  if (tableDecisions.size > 0) {
    for (const ref of bodyDecisions) if (!tableDecisions.has(ref)) out.push({ kind: "body-only", ref, message: `"DECISION ${ref}:" is in the minutes but not in the decisions table; add it to the table` });
  }
}

function closedButListed(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const last = new Map(input.body.updates.filter((u) => u.status !== null).map((u) => [u.ref, u]));
  for (const a of input.table) {
    const update = last.get(a.ref);
    if (update?.status !== "Closed") continue;
    out.push({ kind: "listed-but-closed", ref: a.ref, message: `${a.ref} is listed as outstanding in the actions table, but the minutes record it as closed ("${clipStart(update.note, 120)}"); take it out of the table or record why it stays open` });
  }
}

function unknownRefs(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const known = new Set<string>([
    ...input.knownRefs,
    ...input.table.map((a) => a.ref),
    ...input.tableDecisions.map((d) => d.ref),
    ...input.body.actions.map((a) => a.ref),
    ...input.body.decisions.map((d) => d.ref),
    ...input.body.updates.map((u) => u.ref),
  ]);
  // Refs in a table that was not read are named by that finding already.
  for (const table of input.unread) for (const ref of table.refs) known.add(ref);
  for (const ref of input.mentioned) {
    if (!known.has(ref)) out.push({ kind: "unknown-ref", ref, message: `${ref} is mentioned in the minutes but is in neither their tables nor the log; check the ref` });
  }
}

function owners(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const directory = buildMemberDirectory([...input.members, ...attendeeMembers(input.attendees, input.members)]);
  for (const a of input.table) {
    for (const issue of resolveOwner(a.owner, directory).issues) {
      if (issue.kind === "unknown") {
        out.push({ kind: "unknown-owner", ref: a.ref, message: `${a.ref}: owner "${clip(issue.name)}" is neither an attendee nor in Members; add them to Members, or this spelling to a member's Aliases` });
      } else if (issue.kind === "ambiguous") {
        out.push({ kind: "ambiguous-owner", ref: a.ref, message: `${a.ref}: owner "${clip(issue.name)}" could be ${issue.candidates.join(" or ")}; write the name in the log` });
      }
    }
  }
  for (const [initials, names] of sharedInitials(input.attendees)) {
    out.push({ kind: "shared-initials", ref: "", message: `Initials "${initials}" belong to ${names.join(" and ")}; where the minutes say "${initials}" the reader cannot tell which, so write the name` });
  }
}

/** Every finding, in a stable order: tables not read, refs retyped, table against body, closed-but-listed, unknown refs, people. */
export function crossCheck(input: CrossCheckInput): CrossCheckFinding[] {
  const out: CrossCheckFinding[] = [];
  tableStructure(input, out);
  retypedRefs(input, out);
  tableAgainstBody(input, out);
  closedButListed(input, out);
  unknownRefs(input, out);
  owners(input, out);
  return out;
}
