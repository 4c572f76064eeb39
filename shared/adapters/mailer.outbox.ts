/** The outbox mailer: one RFC 5322 .eml file per message in a folder, which any mail client opens. */
import { mkdir } from "node:fs/promises";
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

/** `digest:paul pettitt:2023-W46` → `digest-paul-pettitt-2023-W46`. */
export const outboxFileName = (mail: OutgoingMail): string => {
  const key = mail.headers[KEY_HEADER] ?? mail.messageId.replace(/^<|@.*$/g, "");
  const slug = key.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120);
  return `${slug || "message"}.eml`;
};

export const createOutboxMailer = (options: OutboxMailerOptions): Mailer => {
  const dir = resolve(options.dir);
  // streamTransport builds the exact bytes SMTP would carry, with CRLF line ends as RFC 5322 asks.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

  const send = async (mail: OutgoingMail): Promise<SendOutcome> => {
    const info = await composer.sendMail(composerFields(mail));
    const bytes = info.message;
    if (!Buffer.isBuffer(bytes)) throw new ActionlogError("IO", "The outbox could not build the message; nodemailer returned no bytes");
    try {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(join(dir, outboxFileName(mail)), new Uint8Array(bytes));
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
