/** Resolves an action's Owner cell ("Programme (Paul Pettitt & Lee Cox)", "PP", an alias, an Email) to committee members. */
import { type Finding, lookup, type MemberDirectory, type OwnerMatchedBy, ownerKey } from "./member-directory.js";
import { hasWord, isAnnotation, looksLikePerson, ownerLines, parseGroups, splitTopLevel, withoutLeadingWords } from "./owner-text.js";
import { foldSpaces, withoutInvisible } from "./text.js";
import type { Member } from "./types.js";

export { buildMemberDirectory, type MemberDirectory, type OwnerMatchedBy } from "./member-directory.js";
export { ownerProblemMessages } from "./owner-messages.js";

/** Why a written owner could not be used as-is. */
export type OwnerIssue =
  | { kind: "unknown"; name: string }
  /** `rows` (the Members rows, index for index) when every candidate has the same Name: one person entered twice. */
  | { kind: "ambiguous"; name: string; candidates: string[]; matchedBy?: OwnerMatchedBy; rows?: number[] }
  | { kind: "inactive"; name: string; member: string }
  | { kind: "no-email"; name: string; member: string }
  | { kind: "blank" };

/** The members an Owner cell names, those who can be emailed, and what was wrong. */
export interface OwnerResolution {
  /** Distinct members, in the order written. */
  members: Member[];
  /** The members that are active and have an Email. */
  reachable: Member[];
  issues: OwnerIssue[];
}

// Nobody nests owners this deep; the cap keeps hostile text linear. Long or endless texts are not memoised.
const MAX_DEPTH = 6;
const CACHE_TEXT_LIMIT = 500;
const CACHE_SIZE_LIMIT = 20_000;

const isUnknown = (finding: Finding): boolean => finding.kind === "unknown";

/**
 * If no piece of a bracket-free split names anyone, report the whole ("N/A", not "N" and "A";
 * "Design & Build"), unless every piece reads as a person: "Paul Pettitt & Lee Cox" are two
 * people to add to Members, not one.
 */
const collapseUnknown = (text: string, findings: Finding[]): Finding[] =>
  findings.length > 1 &&
  !text.includes("(") &&
  findings.every(isUnknown) &&
  !findings.every((f) => looksLikePerson(f.name))
    ? [{ kind: "unknown", name: text }]
    : findings;

const resolvePart = (dir: MemberDirectory, text: string, role: string, depth: number): Finding[] => {
  if (!hasWord(text)) return []; // empty piece, e.g. "PP & & LC"
  const whole = lookup(dir, text);
  if (whole !== undefined) return [whole];
  if (depth >= MAX_DEPTH) return [{ kind: "unknown", name: text }];

  // "Dr. Matt Hall", "on behalf of Lee Cox": if the words after the title name nobody either, the text is reported as written.
  const rest = withoutLeadingWords(text);
  if (rest !== null) {
    const found = resolvePart(dir, rest, role, depth + 1);
    if (!found.every(isUnknown)) return found;
  }

  const pieces = splitTopLevel(text);
  if (pieces.length > 1) {
    return collapseUnknown(text, pieces.flatMap((p) => resolvePart(dir, p, role, depth + 1)));
  }

  const parsed = parseGroups(text);
  if (parsed.groups.length === 0) {
    // "Programme (PMO & PP)": "PMO" may only be known as the alias "Programme (PMO)".
    const withRole = role === "" ? undefined : lookup(dir, `${role} (${text})`);
    return [withRole ?? { kind: "unknown", name: text }];
  }
  return collapseUnknown(text, resolveGroups(dir, parsed, depth));
};

/**
 * "Role (A & B) after". A role that is a person's name, initials or Email is an owner too, and a
 * note in brackets after it is no name ("Lee Cox (lead)", "Matt Hall (on behalf of Lee Cox)"); an
 * alias never is, so a wrong name in brackets is never hidden behind a role ("PMO (Nobody)").
 */
function resolveGroups(dir: MemberDirectory, parsed: ReturnType<typeof parseGroups>, depth: number): Finding[] {
  const roleFinding = parsed.role === "" ? undefined : lookup(dir, parsed.role);
  const person = roleFinding?.kind === "member" && roleFinding.by !== "alias" ? roleFinding : undefined;
  const findings: Finding[] = person === undefined ? [] : [person];
  let named = false;
  const perGroup: { group: string; found: Finding[] }[] = [];
  for (const group of parsed.groups) {
    if (!hasWord(group) || isAnnotation(group)) continue;
    named = true;
    // "Seth Chapman (SC)": initials two members share are the role's person.
    const found = resolvePart(dir, group, parsed.role, depth + 1).filter((f) => !(person && f.kind === "ambiguous" && f.candidates.includes(person.member)));
    perGroup.push({ group, found });
  }
  const someone = person !== undefined || perGroup.some(({ found }) => found.some((f) => f.kind === "member"));
  for (const { group, found } of perGroup) {
    // "DCC Representative (as smart meter central system provider) (Stuart Scott)", as minutes write it:
    // beside a named member, a bracket in lower case that names nobody describes the role, and is no owner.
    if (someone && /^\p{Ll}/u.test(group) && found.every(isUnknown)) continue;
    findings.push(...found);
  }
  // "Design Team ()", "Programme (lead)": only a bracket with no name falls back to the role, so a wrong name is never hidden.
  if (!named && person === undefined && parsed.role !== "") findings.push(roleFinding ?? { kind: "unknown", name: parsed.role });
  // Text after the brackets is never dropped: it names someone too, or is reported unknown.
  if (hasWord(parsed.after)) findings.push(...resolvePart(dir, parsed.after, "", depth + 1));
  return findings;
}

/**
 * "Lee Cox⏎Matt Hall", pasted from a Word cell: read line by line when the cell as one text names
 * someone unknown but every line names only members.
 */
function byLines(dir: MemberDirectory, ownerText: string, findings: Finding[]): Finding[] {
  if (!findings.some(isUnknown) || !/[\n\r\v\f\u2028\u2029]/.test(ownerText)) return findings;
  const lines = ownerLines(ownerText);
  if (lines.length < 2) return findings;
  const perLine = lines.map((line) => resolvePart(dir, line, "", 0));
  return perLine.every((found) => found.length > 0 && !found.some(isUnknown)) ? perLine.flat() : findings;
}

const hasEmail = (member: Member): boolean => member.email.trim() !== "";

const toResolution = (findings: Finding[]): OwnerResolution => {
  const members: Member[] = [];
  const issues: OwnerIssue[] = [];
  const reported = new Set<string>();
  for (const finding of findings) {
    if (finding.kind === "member") {
      const { member, name } = finding;
      if (members.includes(member)) continue;
      members.push(member);
      // Inactive wins over a missing email: adding an email would not make them chaseable.
      if (!member.active) issues.push({ kind: "inactive", name, member: member.name });
      else if (!hasEmail(member)) issues.push({ kind: "no-email", name, member: member.name });
      continue;
    }
    const key = `${finding.kind}:${ownerKey(finding.name)}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const { name } = finding;
    if (finding.kind === "unknown") {
      issues.push({ kind: "unknown", name });
      continue;
    }
    const candidates = finding.candidates.map((m) => m.name);
    const samePerson = new Set(candidates.map(ownerKey)).size === 1;
    issues.push({ kind: "ambiguous", name, candidates, matchedBy: finding.by, ...(samePerson ? { rows: finding.candidates.map((m) => m.row) } : {}) });
  }
  const reachable = members.filter((m) => m.active && hasEmail(m));
  return { members, reachable, issues };
};

const copyAmbiguous = (i: Extract<OwnerIssue, { kind: "ambiguous" }>): OwnerIssue =>
  i.rows === undefined ? { ...i, candidates: [...i.candidates] } : { ...i, candidates: [...i.candidates], rows: [...i.rows] };

const copyResolution = (r: OwnerResolution): OwnerResolution => ({
  members: [...r.members],
  reachable: [...r.reachable],
  issues: r.issues.map((i) => (i.kind === "ambiguous" ? copyAmbiguous(i) : { ...i })),
});

/**
 * Resolves an Owner cell as the minutes write it: `Role (Person)`, `Role (A & B)`, an alias such as
 * `Programme (PMO)`, plain names, initials, a member's Email, or several of these joined by &, +,
 * comma, ;, /, "and" or one per line; a title ("Dr.") and a bracketed note ("(lead)") after a name
 * are not names. Matching ignores case, line breaks, spacing and invisible characters. Never throws;
 * the result is a fresh copy each call.
 */
export function resolveOwner(ownerText: string, directory: MemberDirectory): OwnerResolution {
  const cached = directory.cache.get(ownerText);
  if (cached !== undefined) return copyResolution(cached);

  // Invisible characters go first: foldSpaces would read a byte order mark as a space inside a name.
  const text = foldSpaces(withoutInvisible(ownerText));
  const findings = hasWord(text) ? byLines(directory, ownerText, resolvePart(directory, text, "", 0)) : [];
  const resolution: OwnerResolution =
    findings.length === 0 ? { members: [], reachable: [], issues: [{ kind: "blank" }] } : toResolution(findings);

  if (ownerText.length <= CACHE_TEXT_LIMIT && directory.cache.size < CACHE_SIZE_LIMIT) {
    directory.cache.set(ownerText, copyResolution(resolution));
  }
  return resolution;
}
