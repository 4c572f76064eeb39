/** A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives and can refuse chosen recipients. */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  /** Envelope recipients (RCPT TO) the server accepted. */
  recipients: string[];
  raw: Buffer;
}

export interface SmtpSink {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  readonly user: string;
  readonly password: string;
  readonly messages: SinkMessage[];
  /** Milliseconds the server waits before accepting each message's data, as a slow relay does; 0 by default. */
  delayMs: number;
  /** Refuses RCPT TO for this address from now on (550), until `accept` is called. */
  reject(address: string): void;
  accept(address: string): void;
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { user?: string; password?: string } = {}): Promise<SmtpSink> {
  const user = options.user ?? "actionlog";
  const password = options.password ?? "s3cret-Pa55word";
  const refused = new Set<string>();
  const messages: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error("535 Authentication failed"));
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Kept even if the client has given up waiting: a slow relay still delivers what it received.
        setTimeout(() => {
          messages.push({ recipients: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          callback();
        }, sink.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const sink: SmtpSink = {
    delayMs: 0,
    url: `smtp://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    user,
    password,
    messages,
    reject: (address) => refused.add(address.toLowerCase()),
    accept: (address) => refused.delete(address.toLowerCase()),
    parsed: () => Promise.all(messages.map((m) => simpleParser(m.raw))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
}
