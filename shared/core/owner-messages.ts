/** What is wrong with an Owner cell, in the plain words the Checks column shows, each with its fix. */
import type { OwnerMatchedBy } from "./member-directory.js";
import { unknownOwnerKind } from "./owner-text.js";
import type { OwnerIssue, OwnerResolution } from "./owners.js";
import { deleteInvisible, foldSpaces, invisibleNote, listInWords, matchKey, withoutInvisible } from "./text.js";

/** Keeps a hostile or pasted-in cell from flooding the Checks column. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
/** Quoted as the member sees it: an invisible character (a right-to-left override) would garble the message itself. */
const quote = (text: string): string => `"${clip(withoutInvisible(text))}"`;
const MAX_NAMED = 5;

/** "A and B", "A, B and C", "A, B, C, D, E and 3 others": each unknown person by name, never run together. */
const nameList = (names: readonly string[]): string => {
  const shown = names.slice(0, MAX_NAMED).map((name) => clip(withoutInvisible(name)));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} other${rest === 1 ? "" : "s"}` : listInWords(shown);
};

const ownerLabel = (name: string, member: string): string =>
  matchKey(name) === matchKey(member) ? `Owner ${quote(name)}` : `Owner ${quote(name)} (${member})`;

const unreachableWhy = {
  inactive: "is marked inactive in Members; give the action to an active member or mark them active again",
  "no-email": "has no usable Email in Members (blank, or not an address); add one so they can be chased",
} as const;

const ambiguityFix: Record<OwnerMatchedBy, string> = {
  initials: "write the name instead of the initials",
  name: "make their Names different in Members, or remove the duplicate row",
  alias: "keep this alias on only one member in Members",
  email: "give each member their own Email in Members, or write the name instead",
};

/**
 * What is wrong with an owner nobody in Members matches, and the fix, as it reads after `Owner "…"`.
 * The advice depends on what the name looks like: "TBC" is no one to add. The digest's skips reuse it.
 */
export function unknownOwnerAdvice(name: string): string {
  switch (unknownOwnerKind(name)) {
    case "nobody":
      return "names nobody; write the person who will do the action, as in Members";
    case "role":
      return `names a role, not a person; write the person who will do the action, as in Members, or add ${quote(name)} to that person's Aliases`;
    case "not-a-name":
      return "is not a name; keep only names in Owner (a date or ASAP goes in Due)";
    case "address":
      return "is not the Email of anyone in Members; write the person's name as in Members";
    case "person":
      return "is not in Members; add them to Members or add this spelling to a member's Aliases";
  }
}

/**
 * For an owner matching one person entered on several Members rows (rows with one Email are merged,
 * so these differ): which rows, and to keep one, as it reads after `Owner "…"`; null for any other
 * ambiguity. The digest's skips reuse it.
 */
export function sameNameRowsAdvice(issue: Extract<OwnerIssue, { kind: "ambiguous" }>): string | null {
  const { rows } = issue;
  if (rows === undefined || rows.length < 2) return null;
  const all = rows.length === 2 ? "both" : "all";
  return `matches Members rows ${listInWords(rows.map(String))}, ${all} named ${issue.candidates[0]} but with different Emails, so nobody is chased; if they are one person, keep one row (delete the other or mark it inactive), else make their Names different`;
}

function ambiguousMessage(issue: Extract<OwnerIssue, { kind: "ambiguous" }>): string {
  const sameName = sameNameRowsAdvice(issue);
  if (sameName !== null) return `Owner ${quote(issue.name)} ${sameName}`;
  const fix = ambiguityFix[issue.matchedBy ?? "initials"];
  return `Owner ${quote(issue.name)} matches ${issue.candidates.length} members (${issue.candidates.join(", ")}); ${fix}`;
}

/** The message for one issue; inactive or email-less owners only matter when nobody can be chased. */
function issueMessages(issue: OwnerIssue, ownerText: string, nobodyReachable: boolean): string[] {
  switch (issue.kind) {
    case "blank": {
      const written = foldSpaces(withoutInvisible(ownerText));
      const what = written === "" ? "is blank" : `${quote(written)} does not name anyone`;
      return [`Owner ${what}; enter who will do this action (a member's name or initials)`];
    }
    case "unknown":
      return [`Owner ${quote(issue.name)} ${unknownOwnerAdvice(issue.name)}`];
    case "ambiguous":
      return [ambiguousMessage(issue)];
    case "inactive":
    case "no-email":
      return nobodyReachable ? [`${ownerLabel(issue.name, issue.member)} ${unreachableWhy[issue.kind]}`] : [];
  }
}

/** An invisible character in the cell, named: matching ignores it, but the cell is not what it looks like. */
function invisibleMessages(ownerText: string): string[] {
  const note = invisibleNote(ownerText);
  if (note === null) return [];
  return [`Owner ${quote(foldSpaces(withoutInvisible(ownerText)))} ${note}; ${deleteInvisible(note)}`];
}

/**
 * Plain-words messages for the Checks column, each starting "Owner": what is wrong and how to fix it.
 * Unknown, ambiguous and blank owners are always problems; inactive or email-less owners only when
 * nobody on the action can be chased; an invisible character in the cell always, as it is named
 * nowhere else. Text is quoted as it shows, without its invisible characters.
 */
export function ownerProblemMessages(ownerText: string, resolution: OwnerResolution): string[] {
  const nobodyReachable = resolution.reachable.length === 0;
  const messages = (issue: OwnerIssue): string[] => issueMessages(issue, ownerText, nobodyReachable);
  const hidden = invisibleMessages(ownerText);
  // Only people are listed together: "TBC" or "– by 13/10" each need their own advice.
  const people = resolution.issues.flatMap((issue) => (issue.kind === "unknown" && unknownOwnerKind(issue.name) === "person" ? [issue] : []));
  if (people.length < 2) return [...hidden, ...resolution.issues.flatMap(messages)];
  // Several people nobody knows: one message naming each, in place of the first.
  const together = `Owner names ${nameList(people.map((i) => i.name))}, who are not in Members; add them to Members (or fix the spelling)`;
  const listed = new Set<OwnerIssue>(people);
  const rest = resolution.issues.flatMap((issue) => (!listed.has(issue) ? messages(issue) : issue === people[0] ? [together] : []));
  return [...hidden, ...rest];
}
