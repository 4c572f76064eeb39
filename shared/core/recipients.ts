/** Who may receive mail: Members' addresses, pmo_email and chair_email, narrowed by allowed_domains. */
import type { LogData, Problem } from "./types.js";

/** Addresses compare without case or surrounding spaces: the sheet is typed by people. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/** The part after the last @, lower-cased; "" when there is none. */
export const domainOf = (address: string): string => {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : normaliseAddress(address.slice(at + 1));
};

/** True when `address` is in one of `domains` or a subdomain of one; an empty list allows every domain. */
export const inAllowedDomains = (address: string, domains: readonly string[]): boolean => {
  if (domains.length === 0) return true;
  const domain = domainOf(address);
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
};

/**
 * The Settings problem of an allowed_domains value that was written but cannot be read, else
 * undefined. Such a value narrows mail to pmo_email alone (fail closed): a typo in the setting
 * must never widen mail to every domain.
 */
export const unreadableAllowedDomains = (log: Pick<LogData, "problems">): Problem | undefined =>
  log.problems.find((p) => p.tab === "Settings" && p.ref === "allowed_domains");

/** Why an address gets nothing while allowed_domains cannot be read; the fix is in the digest's Settings to fix. */
const ALLOWED_DOMAINS_UNREADABLE = "is not mailed while allowed_domains in Settings cannot be read (only pmo_email is); fix allowed_domains";

export interface Allowlist {
  /** The addresses mail may go to, normalised. */
  readonly addresses: ReadonlySet<string>;
  /** Null when `address` may receive mail, else why not, in words for a report. */
  refusal(address: string): string | null;
}

/**
 * The allowlist is built from the Email column of Members and two Settings only, so an
 * address typed into an Owner, Action or Update cell can never receive anything. An
 * allowed_domains that cannot be read leaves pmo_email alone on it.
 */
export function buildAllowlist(log: Pick<LogData, "members" | "settings" | "problems">): Allowlist {
  const { settings } = log;
  const listed = new Set<string>();
  for (const member of log.members) if (member.email.trim() !== "") listed.add(normaliseAddress(member.email));
  for (const address of [settings.pmoEmail, settings.chairEmail]) if (address.trim() !== "") listed.add(normaliseAddress(address));
  const domains = settings.allowedDomains;
  const closed = unreadableAllowedDomains(log) !== undefined;
  const pmo = normaliseAddress(settings.pmoEmail);
  const addresses = new Set([...listed].filter((address) => (closed ? address === pmo : inAllowedDomains(address, domains))));
  return {
    addresses,
    refusal(address) {
      const key = normaliseAddress(address);
      if (addresses.has(key)) return null;
      if (!listed.has(key)) return `${address} is not a Members email, pmo_email or chair_email`;
      if (closed) return `${address} ${ALLOWED_DOMAINS_UNREADABLE}`;
      return `${address} is outside allowed_domains (${domains.join(", ")}); add its domain to allowed_domains in Settings`;
    },
  };
}
