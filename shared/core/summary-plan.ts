/** The PMO summary's figures: totals, owners, escalations, unresolved owners and open problems. */
import { parseUkDate, serialToIso } from "./dates.js";
import { type CommitteeDay, type DigestItem, itemOrder } from "./digest-items.js";
import { sameNameRowsAdvice, unknownOwnerAdvice } from "./owner-messages.js";
import { unknownOwnerKind } from "./owner-text.js";
import type { OwnerIssue, OwnerResolution } from "./owners.js";
import type { IsoDate, Problem } from "./types.js";
import type { CheckedAction } from "./validate-actions.js";

export interface OwnerSummary {
  /** The member's name, as in Members. */
  owner: string;
  items: DigestItem[];
  /** Every outstanding action, Proposed Closed included. */
  open: number;
  overdue: number;
  /** Proposed Closed, awaiting confirmation: in `open`, charted apart from it. */
  proposed: number;
}

export interface CarriedBucket {
  /** "0", "1", … and "3+" for escalate_after_meetings = 3. */
  label: string;
  /** Not overdue and not Proposed Closed. */
  open: number;
  overdue: number;
  proposed: number;
}

export interface UnresolvedOwner {
  /** The owner as written in the Actions tab. */
  owner: string;
  reason: string;
  refs: string[];
}

export interface SummaryData {
  totals: { open: number; overdue: number; dueThisWeek: number; closedSinceLastMeeting: number; awaiting: number };
  owners: OwnerSummary[];
  carried: CarriedBucket[];
  /** Outstanding actions carried escalate_after_meetings times or more, longest carried first. */
  escalations: DigestItem[];
  unresolved: UnresolvedOwner[];
  problems: Problem[];
}

/** One outstanding action with the members its Owner cell resolved to. */
export interface ResolvedItem {
  item: DigestItem;
  resolution: OwnerResolution;
}

/** Closed On as a date: the automation writes ISO, members type UK dates, Excel stores serials. */
const closedDate = (text: string): IsoDate | null => {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return serialToIso(Number(trimmed));
  return parseUkDate(trimmed);
};

/**
 * Why nobody on an action can be emailed, for the PMO; null for issues that leave someone
 * reachable. `badEmails` names members whose Email cell holds something that is not an address.
 */
export function unresolvedReason(issue: OwnerIssue, badEmails: ReadonlySet<string> = new Set()): string | null {
  switch (issue.kind) {
    case "unknown":
      // "TBC" is nobody to add to Members: say what validation says.
      return unknownOwnerKind(issue.name) === "nobody" ? unknownOwnerAdvice(issue.name) : "not in Members; add them, or add this spelling to a member's Aliases";
    case "ambiguous":
      return sameNameRowsAdvice(issue) ?? `matches ${issue.candidates.join(" and ")}; write the full name`;
    case "blank":
      return "the Owner cell is blank; enter who will do the action";
    case "inactive":
      return "marked inactive in Members; give the action to an active member";
    case "no-email":
      return badEmails.has(issue.member) ? "Email in Members is not a valid address; write one address, such as name@example.org" : "has no Email in Members; add one";
  }
}

const issueOwner = (issue: OwnerIssue): string =>
  issue.kind === "blank" ? "(blank)" : issue.kind === "inactive" || issue.kind === "no-email" ? issue.member : issue.name;

function unresolvedOwners(resolved: readonly ResolvedItem[], badEmails: ReadonlySet<string>): UnresolvedOwner[] {
  const byKey = new Map<string, UnresolvedOwner>();
  for (const { item, resolution } of resolved) {
    for (const issue of resolution.issues) {
      const reason = unresolvedReason(issue, badEmails);
      if (reason === null) continue;
      const owner = issueOwner(issue);
      const key = `${owner.toLowerCase()}\u0000${reason}`;
      const entry = byKey.get(key) ?? { owner, reason, refs: [] };
      if (item.ref !== "" && !entry.refs.includes(item.ref)) entry.refs.push(item.ref);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

function carriedBuckets(items: readonly DigestItem[], escalateAfter: number): CarriedBucket[] {
  const buckets: CarriedBucket[] = Array.from({ length: escalateAfter + 1 }, (_, n) => ({
    label: n === escalateAfter ? `${n}+` : String(n),
    open: 0,
    overdue: 0,
    proposed: 0,
  }));
  for (const item of items) {
    const bucket = buckets[Math.min(item.carried, escalateAfter)];
    if (!bucket) continue;
    if (item.state === "overdue") bucket.overdue++;
    else if (item.status === "Proposed Closed") bucket.proposed++;
    else bucket.open++;
  }
  return buckets;
}

/**
 * Builds the summary from every outstanding action (not only those due soon), the Closed
 * actions for "closed since the last meeting", and the validation problems still open.
 */
export function summariseLog(
  resolved: readonly ResolvedItem[],
  actions: readonly CheckedAction[],
  problems: readonly Problem[],
  day: CommitteeDay,
  escalateAfter: number,
  badEmails: ReadonlySet<string> = new Set(),
): SummaryData {
  const items = resolved.map((r) => r.item);
  const since = day.lastHeld?.date ?? null;
  const closedSinceLastMeeting = actions.filter((a) => {
    if (a.canonicalStatus !== "Closed") return false;
    const closed = closedDate(a.closedOn);
    return closed !== null && (since === null || closed >= since);
  }).length;

  const owners = new Map<string, OwnerSummary>();
  for (const { item, resolution } of resolved) {
    for (const member of resolution.members) {
      const entry = owners.get(member.name) ?? { owner: member.name, items: [], open: 0, overdue: 0, proposed: 0 };
      entry.items.push(item);
      entry.open++;
      if (item.state === "overdue") entry.overdue++;
      if (item.status === "Proposed Closed") entry.proposed++;
      owners.set(member.name, entry);
    }
  }
  for (const entry of owners.values()) entry.items.sort(itemOrder);

  return {
    totals: {
      open: items.length,
      overdue: items.filter((i) => i.state === "overdue").length,
      dueThisWeek: items.filter((i) => i.status !== "Proposed Closed" && i.dueDate !== "" && i.dueDate >= day.today && i.dueDate <= day.weekEnd).length,
      closedSinceLastMeeting,
      awaiting: items.filter((i) => i.status === "Proposed Closed").length,
    },
    owners: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.owner.localeCompare(b.owner)),
    carried: carriedBuckets(items, escalateAfter),
    escalations: items.filter((i) => i.carried >= escalateAfter).sort((a, b) => b.carried - a.carried || itemOrder(a, b)),
    unresolved: unresolvedOwners(resolved, badEmails),
    problems: [...problems],
  };
}
