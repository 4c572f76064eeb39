/** Members as lookup maps for Owner cells (by name, alias, initials and Email), with one person entered twice made one. */
import type { OwnerResolution } from "./owners.js";
import { normaliseAddress } from "./recipients.js";
import { foldSpaces, matchKey, withoutInvisible } from "./text.js";
import type { Member } from "./types.js";

/** Which Members column a written owner matched; says how to fix an ambiguous match. */
export type OwnerMatchedBy = "name" | "alias" | "initials" | "email";

/** Lookup maps over the Members tab: build once per job and reuse for every action. */
export interface MemberDirectory {
  /** Members with a Name, in sheet order; rows with a blank Name, and repeats of a row merged into it, are left out. */
  readonly members: readonly Member[];
  readonly byName: ReadonlyMap<string, readonly Member[]>;
  readonly byAlias: ReadonlyMap<string, readonly Member[]>;
  readonly byInitials: ReadonlyMap<string, readonly Member[]>;
  readonly byEmail: ReadonlyMap<string, readonly Member[]>;
  /** Memo of resolutions by exact cell text: owner cells repeat heavily across a log. */
  readonly cache: Map<string, OwnerResolution>;
}

/** What one written name matched. */
export type Finding =
  | { kind: "member"; name: string; member: Member; by: OwnerMatchedBy }
  | { kind: "ambiguous"; name: string; candidates: readonly Member[]; by: OwnerMatchedBy }
  | { kind: "unknown"; name: string };

/** Key for a name as written: matchKey's folding (case, spacing, accents, curly apostrophes, invisible characters) and spacing around brackets ("Programme(PMO)"). */
export const ownerKey = (text: string): string => {
  const key = matchKey(text);
  return key.includes("(") || key.includes(")") ? key.replace(/ ?([()]) ?/g, "$1") : key;
};

/** An Email as an Owner cell may hold it: `Lee.Cox@example.org`, `mailto:lee.cox@example.org`, `<lee.cox@example.org>`. */
const emailKey = (text: string): string =>
  normaliseAddress(withoutInvisible(text).replace(/^\s*<(.*)>\s*$/, "$1").replace(/^\s*mailto:/i, ""));

/** A later Members row whose Name matches an earlier active row's. */
export interface RepeatedMember {
  member: Member;
  /** The earlier row: the one with the same Email when there is one. */
  earlier: Member;
  sameEmail: boolean;
}

/** Active rows that repeat an earlier active row's Name (as matched), in sheet order: the same person entered twice. */
export function repeatedMembers(members: readonly Member[]): RepeatedMember[] {
  const byKey = new Map<string, Member[]>();
  const repeated: RepeatedMember[] = [];
  for (const member of members) {
    const key = ownerKey(member.name);
    if (!member.active || key === "") continue;
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, [member]);
      continue;
    }
    const same = earlier.find((e) => normaliseAddress(e.email) === normaliseAddress(member.email));
    repeated.push({ member, earlier: same ?? (earlier[0] as Member), sameEmail: same !== undefined });
    if (same === undefined) earlier.push(member);
  }
  return repeated;
}

/**
 * Rows that are one person entered twice (same Name as matched, same Email, both active or both
 * inactive), each mapped to its first row: their owners resolve to that one member, so mail still
 * goes, once. Validation reports the repeat; rows with different Emails stay apart and are ambiguous.
 */
function samePersonRows(named: readonly Member[]): Map<Member, Member> {
  const first = new Map<string, Member>();
  const merged = new Map<Member, Member>();
  for (const member of named) {
    const key = `${ownerKey(member.name)}\u0000${normaliseAddress(member.email)}\u0000${member.active}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, member);
    else merged.set(member, earlier);
  }
  return merged;
}

const addKey = (map: Map<string, Member[]>, key: string, member: Member): void => {
  const list = map.get(key) ?? [];
  if (key !== "" && !list.includes(member)) map.set(key, [...list, member]);
};

/** Builds the lookup maps for resolving owners; members with a blank Name are left out. */
export function buildMemberDirectory(members: readonly Member[]): MemberDirectory {
  const named = members.filter((m) => foldSpaces(m.name) !== "");
  const merged = samePersonRows(named);
  const byName = new Map<string, Member[]>();
  const byAlias = new Map<string, Member[]>();
  const byInitials = new Map<string, Member[]>();
  const byEmail = new Map<string, Member[]>();
  for (const row of named) {
    const member = merged.get(row) ?? row;
    addKey(byName, ownerKey(row.name), member);
    addKey(byInitials, ownerKey(row.initials), member);
    for (const alias of row.aliases) addKey(byAlias, ownerKey(alias), member);
    if (row.email.includes("@")) addKey(byEmail, emailKey(row.email), member);
  }
  return { members: named.filter((m) => !merged.has(m)), byName, byAlias, byInitials, byEmail, cache: new Map() };
}

/** Rows of one Name are one person: the active ones are meant, and an inactive (retired) row is not a rival. */
const narrowed = (found: readonly Member[]): readonly Member[] => {
  const key = ownerKey(found[0]?.name ?? "");
  if (found.length < 2 || !found.every((m) => ownerKey(m.name) === key)) return found;
  const active = found.filter((m) => m.active);
  return active.length > 0 ? active : found;
};

const TIERS = ["name", "alias", "initials"] as const;
const WITH_EMAIL = ["email", ...TIERS] as const;

/** A full name beats an alias, which beats initials: the more specific spelling wins. Text with an @ is tried as an Email first. */
export function lookup(dir: MemberDirectory, text: string): Finding | undefined {
  const key = ownerKey(text);
  if (key === "") return undefined;
  for (const by of text.includes("@") ? WITH_EMAIL : TIERS) {
    const map = by === "name" ? dir.byName : by === "alias" ? dir.byAlias : by === "initials" ? dir.byInitials : dir.byEmail;
    const found = map.get(by === "email" ? emailKey(text) : key);
    if (found === undefined) continue;
    const candidates = narrowed(found);
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) return { kind: "member", name: text, member: only, by };
    return { kind: "ambiguous", name: text, candidates, by };
  }
  return undefined;
}
