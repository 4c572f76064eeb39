/** Resolves an action's Owner cell ("Programme (Paul Pettitt & Lee Cox)", "PP", an alias) to committee members. */
import { foldSpaces, matchKey } from "./text.js";
import type { Member } from "./types.js";

/** Which Members column a written owner matched; says how to fix an ambiguous match. */
export type OwnerMatchedBy = "name" | "alias" | "initials";

/** Lookup maps over the Members tab: build once per job and reuse for every action. */
export interface MemberDirectory {
  /** Members with a Name, in sheet order; rows with a blank Name are ignored. */
  readonly members: readonly Member[];
  readonly byName: ReadonlyMap<string, readonly Member[]>;
  readonly byAlias: ReadonlyMap<string, readonly Member[]>;
  readonly byInitials: ReadonlyMap<string, readonly Member[]>;
  /** Memo of resolutions by exact cell text: owner cells repeat heavily across a log. */
  readonly cache: Map<string, OwnerResolution>;
}

/** Why a written owner could not be used as-is. */
export type OwnerIssue =
  | { kind: "unknown"; name: string }
  | { kind: "ambiguous"; name: string; candidates: string[]; matchedBy?: OwnerMatchedBy }
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

type Finding =
  | { kind: "member"; name: string; member: Member }
  | { kind: "ambiguous"; name: string; candidates: readonly Member[]; by: OwnerMatchedBy }
  | { kind: "unknown"; name: string };

// Nobody nests owners this deep; the cap keeps hostile text linear. Long or endless texts are not memoised.
const MAX_DEPTH = 6;
const CACHE_TEXT_LIMIT = 500;
const CACHE_SIZE_LIMIT = 20_000;
const SEPARATORS = new Set(["&", ",", ";", "/"]);
/** A piece with no letter or digit ("-", "()", "") names nobody. */
const hasWord = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** Key for a name as written: matchKey's folding (case, spacing, accents, curly apostrophes) and spacing around brackets ("Programme(PMO)"). */
const ownerKey = (text: string): string => {
  const key = matchKey(text);
  return key.includes("(") || key.includes(")") ? key.replace(/ ?([()]) ?/g, "$1") : key;
};

const addKey = (map: Map<string, Member[]>, text: string, member: Member): void => {
  const key = ownerKey(text);
  const list = map.get(key) ?? [];
  if (key !== "" && !list.includes(member)) map.set(key, [...list, member]);
};

/** Builds the lookup maps for {@link resolveOwner}; members with a blank Name are left out. */
export function buildMemberDirectory(members: readonly Member[]): MemberDirectory {
  const named = members.filter((m) => foldSpaces(m.name) !== "");
  const byName = new Map<string, Member[]>();
  const byAlias = new Map<string, Member[]>();
  const byInitials = new Map<string, Member[]>();
  for (const member of named) {
    addKey(byName, member.name, member);
    addKey(byInitials, member.initials, member);
    for (const alias of member.aliases) addKey(byAlias, alias, member);
  }
  return { members: named, byName, byAlias, byInitials, cache: new Map() };
}

/** A full name beats an alias, which beats initials: the more specific spelling wins. */
const lookup = (dir: MemberDirectory, text: string): Finding | undefined => {
  const key = ownerKey(text);
  if (key === "") return undefined;
  const tiers = [["name", dir.byName], ["alias", dir.byAlias], ["initials", dir.byInitials]] as const;
  for (const [by, map] of tiers) {
    const found = map.get(key);
    if (found === undefined) continue;
    const [only] = found;
    if (found.length === 1 && only !== undefined) return { kind: "member", name: text, member: only };
    return { kind: "ambiguous", name: text, candidates: found, by };
  }
  return undefined;
};

/** Splits on &, comma, semicolon, slash and " and ", but never inside brackets. */
const splitTopLevel = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const width = SEPARATORS.has(ch) ? 1 : ch === " " && text.slice(i, i + 5).toLowerCase() === " and " ? 5 : 0;
    if (width === 0) continue;
    parts.push(text.slice(start, i));
    start = i + width;
    i += width - 1;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
};

/**
 * Separates "Role (inner) (more) after" into the role, each bracketed group and any text after
 * the first group (a second owner on the next line); a missing ")" closes at the end.
 */
const parseGroups = (text: string): { role: string; groups: string[]; after: string } => {
  let role = "";
  let after = "";
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(") {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (ch === ")") {
      if (depth === 0) continue; // a stray ")" carries no meaning
      depth--;
      if (depth === 0) groups.push(text.slice(start, i));
    } else if (depth === 0) {
      if (groups.length === 0) role += ch;
      else after += ch;
    }
  }
  if (depth > 0) groups.push(text.slice(start));
  return { role: foldSpaces(role), groups: groups.map((g) => g.trim()), after: foldSpaces(after) };
};

/** Reads as one person: two or more words ("Lee Cox") or initials ("PP", "CBu", "ŁW"). */
const looksLikePerson = (text: string): boolean =>
  text.includes(" ") || (/^\p{Lu}[\p{Lu}\p{Ll}]{0,6}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text));

/**
 * If no piece of a bracket-free split names anyone, report the whole ("N/A", not "N" and "A";
 * "Design & Build"), unless every piece reads as a person: "Paul Pettitt & Lee Cox" are two
 * people to add to Members, not one.
 */
const collapseUnknown = (text: string, findings: Finding[]): Finding[] =>
  findings.length > 1 &&
  !text.includes("(") &&
  findings.every((f) => f.kind === "unknown") &&
  !findings.every((f) => looksLikePerson(f.name))
    ? [{ kind: "unknown", name: text }]
    : findings;

const resolvePart = (dir: MemberDirectory, text: string, role: string, depth: number): Finding[] => {
  if (!hasWord(text)) return []; // empty piece, e.g. "PP & & LC"
  const whole = lookup(dir, text);
  if (whole !== undefined) return [whole];
  if (depth >= MAX_DEPTH) return [{ kind: "unknown", name: text }];

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
  const findings = parsed.groups.flatMap((group): Finding[] => {
    if (hasWord(group)) return resolvePart(dir, group, parsed.role, depth + 1);
    // "Design Team ()": only an empty bracket falls back to the role, so a wrong name is never hidden.
    if (parsed.role === "") return [];
    return [lookup(dir, parsed.role) ?? { kind: "unknown", name: parsed.role }];
  });
  // Text after the brackets is never dropped: it names someone too, or is reported unknown.
  if (hasWord(parsed.after)) findings.push(...resolvePart(dir, parsed.after, "", depth + 1));
  return collapseUnknown(text, findings);
};

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
    issues.push(
      finding.kind === "unknown"
        ? { kind: "unknown", name }
        : { kind: "ambiguous", name, candidates: finding.candidates.map((m) => m.name), matchedBy: finding.by },
    );
  }
  const reachable = members.filter((m) => m.active && hasEmail(m));
  return { members, reachable, issues };
};

const copyResolution = (r: OwnerResolution): OwnerResolution => ({
  members: [...r.members],
  reachable: [...r.reachable],
  issues: r.issues.map((i) => (i.kind === "ambiguous" ? { ...i, candidates: [...i.candidates] } : { ...i })),
});

/**
 * Resolves an Owner cell as the minutes write it: `Role (Person)`, `Role (A & B)`, an alias such as
 * `Programme (PMO)`, plain names, initials, or several of these joined by &, comma, ;, / or "and".
 * Matching ignores case, line breaks and spacing. Never throws; the result is a fresh copy each call.
 */
export function resolveOwner(ownerText: string, directory: MemberDirectory): OwnerResolution {
  const cached = directory.cache.get(ownerText);
  if (cached !== undefined) return copyResolution(cached);

  const text = foldSpaces(ownerText);
  const findings = hasWord(text) ? resolvePart(directory, text, "", 0) : [];
  const resolution: OwnerResolution =
    findings.length === 0 ? { members: [], reachable: [], issues: [{ kind: "blank" }] } : toResolution(findings);

  if (ownerText.length <= CACHE_TEXT_LIMIT && directory.cache.size < CACHE_SIZE_LIMIT) {
    directory.cache.set(ownerText, copyResolution(resolution));
  }
  return resolution;
}

/** Keeps a hostile or pasted-in cell from flooding the Checks column. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
const quote = (text: string): string => `"${clip(text)}"`;
const MAX_NAMED = 5;

/** "A and B", "A, B and C", "A, B, C, D, E and 3 others": each unknown person by name, never run together. */
const nameList = (names: readonly string[]): string => {
  const shown = names.slice(0, MAX_NAMED).map(clip);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} other${rest === 1 ? "" : "s"}` : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
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
};

/** The message for one issue; inactive or email-less owners only matter when nobody can be chased. */
function issueMessages(issue: OwnerIssue, ownerText: string, nobodyReachable: boolean): string[] {
  switch (issue.kind) {
    case "blank": {
      const written = foldSpaces(ownerText);
      const what = written === "" ? "is blank" : `${quote(written)} does not name anyone`;
      return [`Owner ${what}; enter who will do this action (a member's name or initials)`];
    }
    case "unknown":
      return [`Owner ${quote(issue.name)} is not in Members; add them to Members or add this spelling to a member's Aliases`];
    case "ambiguous": {
      const fix = ambiguityFix[issue.matchedBy ?? "initials"];
      return [`Owner ${quote(issue.name)} matches ${issue.candidates.length} members (${issue.candidates.join(", ")}); ${fix}`];
    }
    case "inactive":
    case "no-email":
      return nobodyReachable ? [`${ownerLabel(issue.name, issue.member)} ${unreachableWhy[issue.kind]}`] : [];
  }
}

/**
 * Plain-words messages for the Checks column, each starting "Owner": what is wrong and how to fix it.
 * Unknown, ambiguous and blank owners are always problems; inactive or email-less owners only when
 * nobody on the action can be chased.
 */
export function ownerProblemMessages(ownerText: string, resolution: OwnerResolution): string[] {
  const nobodyReachable = resolution.reachable.length === 0;
  const messages = (issue: OwnerIssue): string[] => issueMessages(issue, ownerText, nobodyReachable);
  const unknown = resolution.issues.flatMap((issue) => (issue.kind === "unknown" ? [issue] : []));
  if (unknown.length < 2) return resolution.issues.flatMap(messages);
  // Several people nobody knows: one message naming each, in place of the first.
  const together = `Owner names ${nameList(unknown.map((i) => i.name))}, who are not in Members; add them to Members (or fix the spelling)`;
  return resolution.issues.flatMap((issue) => (issue.kind !== "unknown" ? messages(issue) : issue === unknown[0] ? [together] : []));
}
