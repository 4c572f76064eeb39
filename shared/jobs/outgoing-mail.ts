/** Turns a planned message into a wire message (Message-ID from its key, List-Id, Reply-To) and a Mail Log row. */
import { createHash } from "node:crypto";
import type { DateTime } from "luxon";
import type { MailLogValues, MailStatus } from "../../sheets-schema/mail-log.js";
import { KEY_HEADER, type OutgoingMail } from "../adapters/mailer.js";
import { type MailEnvelope, type PlannedMail, nameFor } from "../core/digest-plan.js";
import { sheetTime } from "../core/dates.js";
import { domainOf } from "../core/recipients.js";
import { neutraliseFormula } from "../core/register-export.js";

/**
 * `<sha256(code:key)@from-domain>`: the same message always gets the same id, so a duplicate
 * after a crash is threaded (and often folded) with the first by mail clients. The committee
 * code keeps two committees' digests for one person in one week apart.
 */
export const messageIdFor = (key: string, committeeCode: string, from: string, recipients: readonly string[] = []): string => {
  const part = recipients.length === 0 ? "" : `:${recipients.map((a) => a.trim().toLowerCase()).sort().join(",")}`;
  return `<${createHash("sha256").update(`${committeeCode}:${key}${part}`).digest("hex").slice(0, 40)}@${domainOf(from) || "actionlog.invalid"}>`;
};

/**
 * A message's id. A co-owned reminder may go as several parts under one key (one owner's part
 * folded, another's sent alone), and every message needs an id of its own (RFC 5322), so a
 * reminder's id also names its recipients; a retry to the same people keeps the same id.
 */
export const messageIdOf = (mail: Pick<PlannedMail, "kind" | "key" | "to">, committeeCode: string, from: string): string =>
  messageIdFor(mail.key, committeeCode, from, mail.kind === "reminder" ? mail.to : []);

/** The planned display names of this message's own recipients; none when it has none. */
function namesOf(mail: PlannedMail): Pick<OutgoingMail, "names"> {
  const named = [...mail.to, ...mail.cc].map((address) => [address, nameFor(mail, address)] as const).filter(([, name]) => name !== "");
  return named.length === 0 ? {} : { names: Object.fromEntries(named) };
}

/**
 * The wire message, its bodies rendered now: call it only for a message about to be sent. From and
 * To carry display names (the committee's, the member's) beside the bare addresses, which stay
 * what the allowlist checks and the Mail Log records.
 */
export function toOutgoing(mail: PlannedMail, envelope: MailEnvelope, committeeCode: string, now: DateTime): OutgoingMail {
  const { text, html } = mail.render();
  return {
    from: envelope.from,
    ...(envelope.fromName === "" ? {} : { fromName: envelope.fromName }),
    to: mail.to,
    cc: mail.cc,
    ...namesOf(mail),
    replyTo: envelope.replyTo,
    subject: mail.subject,
    text,
    html,
    messageId: messageIdOf(mail, committeeCode, envelope.from),
    date: now.toJSDate(),
    headers: {
      "List-Id": envelope.listId,
      // RFC 3834: out-of-office replies should not answer automated mail.
      "Auto-Submitted": "auto-generated",
      [KEY_HEADER]: mail.key,
    },
  };
}

export interface LogEntry {
  mail: PlannedMail;
  status: MailStatus;
  messageId: string;
  error: string;
}

/** One Mail Log row; To lists the To addresses, then any Cc after "cc:". */
export function mailLogValues(entry: LogEntry, now: DateTime, timezone: string): MailLogValues {
  const { mail } = entry;
  return {
    Time: sheetTime(now, timezone),
    Key: mail.key,
    To: [mail.to.join(", "), ...(mail.cc.length ? [`cc: ${mail.cc.join(", ")}`] : [])].join("; "),
    Subject: mail.subject,
    // Refs are sheet text; a Google Sheet would run one starting with = as a formula.
    Refs: neutraliseFormula(mail.refs.join(", ")),
    Status: entry.status,
    "Message ID": entry.status === "sent" ? entry.messageId : "",
    Error: neutraliseFormula(entry.error),
  };
}
