/** The SMTP mailer: nodemailer's pooled transport from one smtp(s):// URL; the password never reaches a message. */
import type { Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import { ActionlogError } from "../core/errors.js";
import type { Mailer, MailFailure, OutgoingMail, SendOutcome } from "./mailer.js";
import { composerFields, recipientsOf } from "./mailer.js";

export interface SmtpMailerOptions {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://user:password@host:465. */
  url: string;
  /** Connections kept open in the pool; a weekly run sends tens of messages, so two is plenty. */
  maxConnections?: number;
  /** Milliseconds to wait for a connection, greeting or reply before failing a send. */
  timeoutMs?: number;
}

const defaults = { maxConnections: 2, timeoutMs: 30_000 };

/** `smtp://mail.example.org:587`: the URL without user, password, path or query. */
export function smtpLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "smtp (unreadable URL)";
  }
}

/** The URL's password, raw and as written, so both spellings can be scrubbed from server text. */
const secretsOf = (url: URL): string[] => {
  const written = url.password;
  if (written === "") return [];
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A % that starts no escape: the password as written is then all there is to scrub.
  }
  return [...new Set([written, decoded])].filter((s) => s.length > 0);
};

const scrub = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((out, secret) => out.split(secret).join("***"), text);

interface NodemailerError {
  message?: string;
  code?: string;
  rejected?: string[];
  /** Set from OpenSSL on a TLS failure ("SSL routines"), with originalCode such as ERR_SSL_WRONG_VERSION_NUMBER. */
  library?: string;
  originalCode?: string;
}

/** A handshake that failed in OpenSSL itself, as when smtps:// meets a server that speaks plain text first. */
const isTlsFailure = (err: NodemailerError): boolean =>
  /SSL routines/i.test(err.library ?? "") || /^ERR_SSL_/.test(err.originalCode ?? "") || /SSL routines|wrong version number/i.test(err.message ?? "");

/**
 * `tlsServer` is host:port for an smtps:// URL: there a TLS failure is put in plain words rather than
 * OpenSSL's (`...:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:...`).
 */
function failureOf(error: unknown, mail: OutgoingMail, secrets: readonly string[], tlsServer: string | undefined): MailFailure {
  const err = (typeof error === "object" && error !== null ? error : { message: String(error) }) as NodemailerError;
  const message =
    tlsServer !== undefined && isTlsFailure(err)
      ? `the server at ${tlsServer} did not answer TLS; check the port or use smtp:// (which upgrades with STARTTLS when the server offers it)`
      : scrub(err.message ?? "unknown SMTP error", secrets);
  if (err.code === "EENVELOPE" && Array.isArray(err.rejected) && err.rejected.length > 0) {
    return { kind: "rejected", recipients: err.rejected, accepted: [], message };
  }
  return { kind: "unavailable", recipients: recipientsOf(mail), accepted: [], message };
}

export const createSmtpMailer = (options: SmtpMailerOptions): Mailer => {
  const { url, maxConnections, timeoutMs } = { ...defaults, ...options };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ActionlogError("CONFIG", "The SMTP URL is not a URL; write smtp://user:password@host:587 or smtps://user:password@host:465");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new ActionlogError("CONFIG", `The SMTP URL must start smtp:// or smtps://, not ${parsed.protocol}//`);
  }
  const secrets = secretsOf(parsed);
  const label = smtpLabel(url);
  const tlsServer = parsed.protocol === "smtps:" ? `${parsed.hostname}:${parsed.port || 465}` : undefined;
  // nodemailer is loaded on the first send, so a cloud function that sends nothing never pays for it at cold start.
  let transport: Promise<Transporter<SMTPPool.SentMessageInfo>> | undefined;
  const connect = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        pool: true,
        maxConnections,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        logger: false,
        debug: false,
      }),
    ));

  const send = async (mail: OutgoingMail): Promise<SendOutcome> => {
    try {
      const info = await (await connect()).sendMail(composerFields(mail));
      const rejected = (info.rejected ?? []).map(String);
      const accepted = (info.accepted ?? []).map(String);
      if (rejected.length > 0) {
        const reasons = (info.rejectedErrors ?? []).map((e) => scrub(e.message, secrets)).join("; ");
        return { ok: false, failure: { kind: "rejected", recipients: rejected, accepted, message: reasons || `rejected ${rejected.join(", ")}` } };
      }
      return { ok: true, messageId: mail.messageId, accepted };
    } catch (error) {
      return { ok: false, failure: failureOf(error, mail, secrets, tlsServer) };
    }
  };

  let closed = false;
  return {
    label,
    send,
    close: async () => {
      if (closed) return;
      closed = true;
      if (transport) (await transport).close();
    },
  };
};
