/** Folds a due-soon reminder into the digests that already list its action, so an owner gets one email. */
import type { PlannedMail } from "./digest-plan.js";

/** A digest, with the set of its refs once a reminder has asked. */
interface Covering {
  digest: PlannedMail;
  refs?: Set<string>;
}

/** Marks each reminder with the digests that list its action for every one of its recipients. */
export function foldRemindersIntoDigests(messages: PlannedMail[]): PlannedMail[] {
  if (!messages.some((m) => m.kind === "reminder")) return messages;
  // Digests by address, in key order, each with its refs as a set made on first use: a digest at
  // a large committee lists thousands of refs, and every reminder asks about one.
  const digestsTo = new Map<string, Covering[]>();
  for (const digest of messages) {
    if (digest.kind !== "digest") continue;
    const entry: Covering = { digest };
    for (const address of digest.to) digestsTo.set(address, [...(digestsTo.get(address) ?? []), entry]);
  }
  const lists = (entry: Covering, ref: string): boolean => {
    entry.refs ??= new Set(entry.digest.refs);
    return entry.refs.has(ref);
  };
  return messages.map((mail) => {
    if (mail.kind !== "reminder") return mail;
    const ref = mail.refs[0] ?? "";
    const covering = mail.to.map((address) => digestsTo.get(address)?.find((entry) => lists(entry, ref))?.digest.key);
    return covering.every((key) => key !== undefined) ? { ...mail, coveredBy: covering as string[] } : mail;
  });
}
