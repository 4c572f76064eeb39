/** The in-memory mailer: keeps every message it accepts, and can refuse chosen addresses, for tests. */
import type { Mailer, OutgoingMail, SendOutcome } from "./mailer.js";
import { recipientsOf } from "./mailer.js";

export interface MemoryMailerOptions {
  /** Addresses the "server" refuses, compared without case. */
  reject?: string[];
  label?: string;
}

export interface MemoryMailer extends Mailer {
  /** Messages accepted so far, in order (copies). */
  readonly sent: OutgoingMail[];
}

const defaults: Required<MemoryMailerOptions> = { reject: [], label: "memory mailer" };

export const createMemoryMailer = (options: MemoryMailerOptions = {}): MemoryMailer => {
  const settings = { ...defaults, ...options };
  const refused = new Set(settings.reject.map((a) => a.trim().toLowerCase()));
  const sent: OutgoingMail[] = [];

  const send = async (mail: OutgoingMail): Promise<SendOutcome> => {
    const all = recipientsOf(mail);
    const rejected = all.filter((a) => refused.has(a.trim().toLowerCase()));
    const accepted = all.filter((a) => !rejected.includes(a));
    // Like SMTP: the message goes to whoever was accepted, and the refusals are reported.
    if (accepted.length > 0) sent.push({ ...mail, to: [...mail.to], cc: [...mail.cc], ...(mail.names ? { names: { ...mail.names } } : {}), headers: { ...mail.headers } });
    if (rejected.length > 0) {
      return { ok: false, failure: { kind: "rejected", recipients: rejected, accepted, message: `550 mailbox unavailable: ${rejected.join(", ")}` } };
    }
    return { ok: true, messageId: mail.messageId, accepted };
  };

  return { label: settings.label, sent, send, close: async () => {} };
};
