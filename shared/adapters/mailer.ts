/** The mailer port: send one finished message, get its Message-ID back or a typed failure. */

/** The header the digest job sets with the message's Mail Log key; the outbox names files after it so a resend replaces its file. */
export const KEY_HEADER = "X-Actionlog-Key";

/** A message ready for the wire: recipients already allowlisted, bodies already rendered. */
export interface OutgoingMail {
  /** Bare addresses here and in to and cc: recipients are checked, refused and reported by address alone. */
  from: string;
  /** From's display name (`Design Advisory Group (DAG)`); none when absent. */
  fromName?: string;
  to: string[];
  cc: string[];
  /** Display names of To and Cc addresses, by address as written there; an address with none goes bare. */
  names?: Readonly<Record<string, string>>;
  /** "" for none. */
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`, derived from the idempotency key so a resend is recognisably the same message. */
  messageId: string;
  date: Date;
  /** Extra headers such as List-Id; names as they should appear. */
  headers: Record<string, string>;
}

/**
 * Why a message was not delivered to everyone. "rejected": the server refused some or all
 * recipients (`accepted` says who did get it); "unavailable": no connection, bad login,
 * or the server failed the whole message.
 */
export interface MailFailure {
  kind: "rejected" | "unavailable";
  /** The recipients that did not get the message. */
  recipients: string[];
  accepted: string[];
  /** The server's words (never a password). */
  message: string;
}

export type SendOutcome = { ok: true; messageId: string; accepted: string[] } | { ok: false; failure: MailFailure };

export interface Mailer {
  /** A short description for messages, e.g. `outbox ./out` or `smtp://mail.example.org:587`; never a secret. */
  readonly label: string;
  /** Sends one message. Delivery failures are outcomes; only misuse (or a bug) throws. */
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /** Releases connections; safe to call more than once. */
  close(): Promise<void>;
}

/** Every recipient of a message, To then Cc. */
export const recipientsOf = (mail: Pick<OutgoingMail, "to" | "cc">): string[] => [...mail.to, ...mail.cc];

/**
 * An address with its display name as nodemailer's address object, which the composer quotes or
 * encodes (RFC 5322 and 2047) whatever the name holds: a name is never pasted into a header.
 */
const addressOf = (address: string, name: string | undefined): string | { name: string; address: string } =>
  name === undefined || name.trim() === "" ? address : { name: name.trim(), address };

const nameOf = (mail: OutgoingMail, address: string): string | undefined =>
  mail.names !== undefined && Object.hasOwn(mail.names, address) ? mail.names[address] : undefined;

/** The fields nodemailer's message composer takes, shared by the outbox and SMTP adapters. */
export const composerFields = (mail: OutgoingMail) => ({
  from: addressOf(mail.from, mail.fromName),
  to: mail.to.map((address) => addressOf(address, nameOf(mail, address))),
  cc: mail.cc.map((address) => addressOf(address, nameOf(mail, address))),
  ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: mail.messageId,
  date: mail.date,
  headers: mail.headers,
  // Sheet text is never a path or URL to fetch: refuse any attachment lookups outright.
  disableFileAccess: true,
  disableUrlAccess: true,
});
