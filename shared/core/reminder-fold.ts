/** Folds a due-soon reminder into the digests that already list its action, owner by owner, so nobody gets both. */
import type { PlannedMail } from "./digest-plan.js";

/** A digest, with the set of its refs once a reminder has asked. */
interface Covering {
  digest: PlannedMail;
  refs?: Set<string>;
}

/**
 * Splits each reminder by recipient: an owner whose digest lists the action gets a part of their
 * own marked with that digest (the job folds it when the digest goes in the same run, and sends
 * it alone otherwise), and the owners with no such digest share one part. Every part keeps the
 * reminder's key, so the Mail Log has a row per part with its own To and status.
 */
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
  return messages.flatMap((mail) => {
    if (mail.kind !== "reminder") return [mail];
    const ref = mail.refs[0] ?? "";
    const folded: PlannedMail[] = [];
    const alone: string[] = [];
    for (const address of mail.to) {
      const digest = digestsTo.get(address)?.find((entry) => lists(entry, ref))?.digest.key;
      if (digest === undefined) alone.push(address);
      else folded.push({ ...mail, to: [address], coveredBy: [digest] });
    }
    if (folded.length === 0) return [mail];
    return alone.length > 0 ? [...folded, { ...mail, to: alone }] : folded;
  });
}
