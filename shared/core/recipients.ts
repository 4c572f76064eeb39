/** Who may receive mail: Members' addresses, pmo_email and chair_email, narrowed by allowed_domains. */
import type { LogData } from "./types.js";

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

export interface Allowlist {
  /** The addresses mail may go to, normalised. */
  readonly addresses: ReadonlySet<string>;
  /** Null when `address` may receive mail, else why not, in words for a report. */
  refusal(address: string): string | null;
}

/**
 * The allowlist is built from the Email column of Members and two Settings only, so an
 * address typed into an Owner, Action or Update cell can never receive anything.
 */
export function buildAllowlist(log: Pick<LogData, "members" | "settings">): Allowlist {
  const { settings } = log;
  const listed = new Set<string>();
  for (const member of log.members) if (member.email.trim() !== "") listed.add(normaliseAddress(member.email));
  for (const address of [settings.pmoEmail, settings.chairEmail]) if (address.trim() !== "") listed.add(normaliseAddress(address));
  const domains = settings.allowedDomains;
  const addresses = new Set([...listed].filter((address) => inAllowedDomains(address, domains)));
  return {
    addresses,
    refusal(address) {
      const key = normaliseAddress(address);
      if (addresses.has(key)) return null;
      if (!listed.has(key)) return `${address} is not a Members email, pmo_email or chair_email`;
      return `${address} is outside allowed_domains (${domains.join(", ")}); add its domain to allowed_domains in Settings`;
    },
  };
}
