/** The outbox mailer: one RFC 5322 .eml file per message in a folder, which any mail client opens. */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer from "nodemailer";
import { ActionlogError } from "../core/errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import type { Mailer, OutgoingMail, SendOutcome } from "./mailer.js";
import { KEY_HEADER, composerFields, recipientsOf } from "./mailer.js";

export interface OutboxMailerOptions {
  /** The folder; created when missing. */
  dir: string;
}

const keyOf = (mail: OutgoingMail): string => mail.headers[KEY_HEADER] ?? mail.messageId.replace(/^<|@.*$/g, "");

/**
 * `digest:paul pettitt:2023-W46` → `digest-paul-pettitt-2023-W46-<10 hex>.eml`: readable, plus a
 * hash of the whole key, since the readable part alone is the same for `anne-marie smith` and
 * `anne marie smith` (one message then overwrote the other, both logged sent). The same key
 * always gives the same name, so a resend replaces its own file.
 */
export const outboxFileName = (mail: OutgoingMail): string => {
  const key = keyOf(mail);
  const slug = key.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100);
  const hash = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 10);
  return `${slug || "message"}-${hash}.eml`;
};

/** A header as the composer wrote it (folded lines and encoding included), or undefined. */
const rawHeader = (message: string, name: string): string | undefined => {
  const end = message.indexOf("\r\n\r\n");
  const head = end === -1 ? message : message.slice(0, end);
  return new RegExp(`^${name}:.*(?:\r\n[ \t].*)*`, "im").exec(head)?.[0];
};

/**
 * The file already at `path` when it holds another message: its key header (Message-ID for mail
 * without one) differs from the new message's, both as the same composer wrote them.
 */
async function holdsAnotherMessage(path: string, bytes: Buffer, mail: OutgoingMail): Promise<boolean> {
  let existing: string;
  try {
    existing = await readFile(path, "latin1");
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT") return false;
    throw error;
  }
  const header = mail.headers[KEY_HEADER] === undefined ? "Message-ID" : KEY_HEADER;
  const mine = rawHeader(bytes.toString("latin1"), header);
  return mine === undefined || rawHeader(existing, header) !== mine;
}

export const createOutboxMailer = (options: OutboxMailerOptions): Mailer => {
  const dir = resolve(options.dir);
  // streamTransport builds the exact bytes SMTP would carry, with CRLF line ends as RFC 5322 asks.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

  const send = async (mail: OutgoingMail): Promise<SendOutcome> => {
    const info = await composer.sendMail(composerFields(mail));
    const bytes = info.message;
    if (!Buffer.isBuffer(bytes)) throw new ActionlogError("IO", "The outbox could not build the message; nodemailer returned no bytes");
    const path = join(dir, outboxFileName(mail));
    try {
      await mkdir(dir, { recursive: true });
      if (await holdsAnotherMessage(path, bytes, mail)) {
        const message = `${path} already holds another message, so this one was not written over it; move that file out of the outbox and run again`;
        return { ok: false, failure: { kind: "unavailable", recipients: recipientsOf(mail), accepted: [], message } };
      }
      await writeFileAtomic(path, new Uint8Array(bytes));
    } catch (error) {
      throw new ActionlogError("IO", `Could not write to the outbox ${dir}: ${error instanceof Error ? error.message : String(error)}; check the folder exists and is writable`, { cause: error });
    }
    return { ok: true, messageId: mail.messageId, accepted: recipientsOf(mail) };
  };

  return {
    label: `outbox ${dir}`,
    send,
    close: async () => {
      composer.close();
    },
  };
};
