/** Who or what a run could not mail, and why: owners that cannot be reached and Settings that stop or redirect mail. */
import { type ResolvedItem, unresolvedReason } from "./summary-plan.js";
import { unreadableAllowedDomains } from "./recipients.js";
import { matchKey } from "./text.js";
import type { LogData, Member, Problem } from "./types.js";

/** An owner (or a Settings address) that should have had mail this run but cannot, and why. */
export interface SkippedOwner {
  owner: string;
  reason: string;
  /** The Settings key at fault when the cause is a setting rather than an owner, e.g. digest_weekday. */
  setting?: string;
}

/** Collects skips once each, with the refs that needed them. */
export function skipCollector() {
  // Refs kept in order and as a set: an owner nobody can mail may hold thousands of actions.
  const entries = new Map<string, { owner: string; why: string; setting: string; refs: string[]; seen: Set<string> }>();
  return {
    add(owner: string, why: string, ref: string, setting = "") {
      const key = `${matchKey(owner)}\u0000${why}`;
      const entry = entries.get(key) ?? { owner, why, setting, refs: [], seen: new Set<string>() };
      if (ref !== "" && !entry.seen.has(ref)) {
        entry.seen.add(ref);
        entry.refs.push(ref);
      }
      entries.set(key, entry);
    },
    list: (): SkippedOwner[] =>
      [...entries.values()].map((e) => ({
        owner: e.owner,
        reason: e.refs.length ? `${e.why} (${e.refs.join(", ")})` : e.why,
        ...(e.setting ? { setting: e.setting } : {}),
      })),
  };
}
export type Skips = ReturnType<typeof skipCollector>;

/** Members whose Email cell was not an address: parsing blanked it and left a problem on that row. */
export function badEmailMembers(log: Pick<LogData, "members" | "problems">): ReadonlySet<string> {
  const rows = new Set(log.problems.filter((p) => p.tab === "Members" && p.column === "Email").map((p) => p.row));
  return new Set(log.members.filter((m) => m.email === "" && rows.has(m.row)).map((m) => m.name));
}

/** Reachable owners of an item; the others are reported as skipped. */
export function reachableOwners({ item, resolution }: ResolvedItem, skips: Skips, badEmails: ReadonlySet<string>): Member[] {
  for (const issue of resolution.issues) {
    const why = unresolvedReason(issue, badEmails);
    const owner = issue.kind === "blank" ? "(blank)" : issue.kind === "inactive" || issue.kind === "no-email" ? issue.member : issue.name;
    if (why) skips.add(owner, why, item.ref);
  }
  return resolution.reachable;
}

const settingProblem = (problems: readonly Problem[], key: string): Problem | undefined =>
  problems.find((p) => p.tab === "Settings" && p.ref === key);

/** The value as written and quoted, from the Settings problem's message (`Value "Fri day" is not valid…`); "the value" when it has none. */
const quotedValue = (problem: Problem): string => {
  const value = /^Value "(.*)" is not valid/s.exec(problem.message)?.[1] ?? "";
  return value ? `"${value}"` : "the value";
};

/** Reports a digest_weekday that names no day, so weekly mail going out on Monday is not a surprise. */
export function noteDigestWeekday(log: LogData, skips: Skips): void {
  const problem = settingProblem(log.problems, "digest_weekday");
  if (!problem) return;
  skips.add(
    "Settings digest_weekday",
    `${quotedValue(problem)} is not a weekday, so digests and the PMO summary go on ${log.settings.digestWeekday} (the default); write a day such as Friday or Fri`,
    "",
    "digest_weekday",
  );
}

/** Reports an allowed_domains that cannot be read: until it is fixed only pmo_email gets mail (see buildAllowlist). */
export function noteAllowedDomains(log: LogData, skips: Skips): void {
  const problem = unreadableAllowedDomains(log);
  if (!problem) return;
  skips.add(
    "Settings allowed_domains",
    `${quotedValue(problem)} cannot be read, so only pmo_email gets mail (the PMO summary) and no owner or chair does; write mail domains separated by commas, such as example.org, example.gov.uk, or leave it blank for any domain`,
    "",
    "allowed_domains",
  );
}

/** Why the PMO summary has no To: pmo_email blank, or written but not an address. */
export function notePmoEmail(log: LogData, skips: Skips): void {
  const invalid = settingProblem(log.problems, "pmo_email") !== undefined;
  const why = invalid
    ? "pmo_email in Settings is not a valid address, so the weekly summary has nowhere to go; write one address, such as pmo@example.org"
    : "pmo_email is blank in Settings, so the weekly summary has nowhere to go; add the PMO's address";
  skips.add("PMO", why, "", "pmo_email");
}

/** Whose address the allowlist refused: an owner's, or the PMO summary's To (pmo_email) or cc (chair_email). */
export type AddressRole = "owner" | "pmo" | "chair";

/** Reports an address the allowlist refused; the PMO's and the chair's are named for what they are, not as owners. */
export function noteRefusal(skips: Skips, address: string, refusal: string, ref: string, role: AddressRole): void {
  if (role === "pmo") skips.add("PMO (pmo_email, the summary's To)", refusal, ref, "pmo_email");
  else if (role === "chair") skips.add("Chair (chair_email, the summary's cc)", refusal, ref, "chair_email");
  else skips.add(address, refusal, ref);
}
