/** Where the minutes disagree with themselves: table against body, closed-but-listed, unknown refs and people. */
import { buildMemberDirectory, resolveOwner } from "../owners.js";
import { matchKey } from "../text.js";
import type { Member } from "../types.js";
import { sharedInitials } from "./attendees.js";
import type { Body } from "./body.js";
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
}

/** Attendees as directory entries, leaving out anyone Members already has by name. */
const attendeeMembers = (attendees: readonly Attendee[], members: readonly Member[]): Member[] => {
  const known = new Set(members.map((m) => matchKey(m.name)));
  return attendees
    .filter((a) => !known.has(matchKey(a.name)))
    .map((a) => ({ row: 0, name: a.name, initials: a.initials, organisation: "", role: a.role, email: "", aliases: [], active: true }));
};

function tableAgainstBody(input: CrossCheckInput, out: CrossCheckFinding[]): void {
  const bodyActions = new Set(input.body.actions.map((a) => a.ref));
  const tableActions = new Set(input.table.map((a) => a.ref));
  // Minutes without any ACTION line (a register, say) have nothing to check the table against.
  if (bodyActions.size > 0) {
    for (const a of input.table) {
      if (a.section === "new" && !bodyActions.has(a.ref)) out.push({ kind: "table-only", ref: a.ref, message: `${a.ref} is in the actions table but no "ACTION ${a.ref}:" line in the minutes raises it; add the line or check the ref` });
    }
  }
  if (tableActions.size > 0) {
    for (const ref of bodyActions) {
      if (!tableActions.has(ref)) out.push({ kind: "body-only", ref, message: `"ACTION ${ref}:" is in the minutes but not in the actions table; add it to the table (it is imported with a blank owner and due)` });
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

/** Every finding, in a stable order: table against body, closed-but-listed, unknown refs, people. */
export function crossCheck(input: CrossCheckInput): CrossCheckFinding[] {
  const out: CrossCheckFinding[] = [];
  tableAgainstBody(input, out);
  closedButListed(input, out);
  unknownRefs(input, out);
  owners(input, out);
  return out;
}
