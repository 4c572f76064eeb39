/** HMAC request signatures (X-Actionlog-Signature) and the replay guard for the HTTP functions. */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The header the Apps Script relay sends and `actionlog serve` expects. */
export const SIGNATURE_HEADER = "x-actionlog-signature";

/** How far a signature's timestamp may be from the function's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const hmacHex = (secret: string, timestamp: number, target: string, body: Buffer | string): string =>
  createHmac("sha256", secret).update(`${timestamp}.${target}.`).update(body).digest("hex");

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<function>.<raw body>")>`: the same bytes
 * the relay puts on the wire, so the function verifies the raw body, never a re-serialised one.
 * `target` is the function the request is for (onSheetEdit, generateRegister, previewDigest):
 * each runs as its own service with its own replay memory, so without it an edit nudge would
 * also be a valid generateRegister request.
 */
export const signRequest = (secret: string, target: string, body: Buffer | string, timestamp: number): string =>
  `t=${timestamp},v1=${hmacHex(secret, timestamp, target, body)}`;

export type SignatureCheck =
  /** `signature` is the verified v1 value: the key the replay guard remembers. */
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; reason: string };

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

function parseHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (value === undefined || rest.length > 0) return undefined;
    if (key === "t" && /^\d{1,12}$/.test(value) && timestamp === undefined) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
    else if (key === "t" || key === "v1") return undefined;
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Checks a signature header against the raw body and the function receiving it (`target`).
 * `nowSeconds` is injected (the shells pass the clock), and every comparison is constant-time
 * so a caller learns nothing from timing. Reasons are fixed phrases: they never echo the
 * header, the body or the secret.
 */
export function verifySignature(
  header: string | undefined,
  body: Buffer,
  options: { secret: string; target: string; nowSeconds: number; toleranceSeconds?: number },
): SignatureCheck {
  if (header === undefined || header.trim() === "") return { ok: false, reason: "missing X-Actionlog-Signature header" };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: "X-Actionlog-Signature is not of the form t=<unix seconds>,v1=<hex HMAC-SHA256>" };
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - parsed.timestamp) > tolerance) {
    return { ok: false, reason: `signature timestamp is more than ${tolerance / 60} minutes from the server clock; sign each request when it is sent` };
  }
  const expected = Buffer.from(hmacHex(options.secret, parsed.timestamp, options.target, body), "hex");
  const match = parsed.signatures.find((candidate) => timingSafeEqual(Buffer.from(candidate, "hex"), expected));
  if (match === undefined) {
    return { ok: false, reason: `signature does not match the body and this function (${options.target}); check the relay uses the same secret and signs the name of the function it calls` };
  }
  return { ok: true, timestamp: parsed.timestamp, signature: match };
}

export interface ReplayGuard {
  /** True the first time a verified signature is seen within its window; false for a replay. */
  claim(signature: string, timestamp: number, nowSeconds: number): boolean;
}

/**
 * Remembers verified signatures until their timestamp leaves the window, after which
 * verifySignature rejects them anyway, so memory stays bounded by the traffic of 10 minutes.
 *
 * It covers one instance. deploy.sh caps the HTTP functions at one instance; if Cloud Run
 * briefly runs two, a replay reaching the other one within the window re-runs a job that
 * only re-reads the sheet and writes what is still needed (every job is idempotent), so it
 * can repeat work but never change what the sheet ends up holding.
 */
export function createReplayGuard(options: { toleranceSeconds?: number } = {}): ReplayGuard {
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const seen = new Map<string, number>();
  return {
    claim(signature, timestamp, nowSeconds) {
      for (const [key, expires] of seen) if (expires < nowSeconds) seen.delete(key);
      if (seen.has(signature)) return false;
      seen.set(signature, timestamp + tolerance);
      return true;
    },
  };
}
