import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createReplayGuard, signRequest, verifySignature } from "../../../shared/adapters/request-signature.js";

const SECRET = "0123456789abcdef-secret";
const NOW = 1_697_792_400;
const BODY = Buffer.from('{"spreadsheetId":"abc","tab":"Actions","range":"F2"}');
const TARGET = "onSheetEdit";
const check = (header: string | undefined, body = BODY, nowSeconds = NOW, target = TARGET) => verifySignature(header, body, { secret: SECRET, target, nowSeconds });

describe("verifySignature", () => {
  it("accepts the documented format: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<function>.<raw body>\")>", () => {
    const hex = createHmac("sha256", SECRET).update(`${NOW}.${TARGET}.${BODY.toString()}`).digest("hex");
    expect(signRequest(SECRET, TARGET, BODY, NOW)).toBe(`t=${NOW},v1=${hex}`);
    expect(check(`t=${NOW},v1=${hex}`)).toEqual({ ok: true, timestamp: NOW, signature: hex });
    expect(check(` t=${NOW} , v1=${hex.toUpperCase()} `)).toMatchObject({ ok: true });
  });

  const good = signRequest(SECRET, TARGET, BODY, NOW);
  const hex = good.slice(good.indexOf("v1=") + 3);
  it.each([
    ["no header", undefined, "missing"],
    ["empty header", "", "missing"],
    ["no timestamp", `v1=${hex}`, "not of the form"],
    ["no v1", `t=${NOW}`, "not of the form"],
    ["short v1", `t=${NOW},v1=${hex.slice(2)}`, "not of the form"],
    ["non-hex v1", `t=${NOW},v1=${"z".repeat(64)}`, "not of the form"],
    ["two timestamps", `t=${NOW},t=${NOW},v1=${hex}`, "not of the form"],
    ["timestamp not a number", `t=soon,v1=${hex}`, "not of the form"],
    ["another secret", signRequest("another-secret-0123", TARGET, BODY, NOW), "does not match"],
    ["signed for another function", signRequest(SECRET, "generateRegister", BODY, NOW), "does not match the body and this function (onSheetEdit)"],
    ["signed over the body alone, as before functions were bound", `t=${NOW},v1=${createHmac("sha256", SECRET).update(`${NOW}.${BODY.toString()}`).digest("hex")}`, "does not match"],
    ["signed for another timestamp", `t=${NOW + 1},v1=${hex}`, "does not match"],
    ["301 s old", signRequest(SECRET, TARGET, BODY, NOW - 301), "5 minutes"],
    ["301 s ahead", signRequest(SECRET, TARGET, BODY, NOW + 301), "5 minutes"],
  ])("rejects %s", (_name, header, reason) => {
    const result = check(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it("accepts any matching v1 among several (a secret being rotated)", () => {
    expect(check(`t=${NOW},v1=${"0".repeat(64)},v1=${hex}`)).toMatchObject({ ok: true, signature: hex });
  });

  it("a signature verifies only its own body, timestamp, function and secret (property)", () => {
    const functions = fc.constantFrom("onSheetEdit", "generateRegister", "previewDigest");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.integer({ min: -300, max: 300 }), functions, functions, (a, b, skew, signedFor, sentTo) => {
        const body = Buffer.from(a);
        const header = signRequest(SECRET, signedFor, body, NOW + skew);
        expect(check(header, body, NOW, signedFor).ok).toBe(true);
        expect(check(header, Buffer.from(b), NOW, sentTo).ok).toBe(Buffer.from(b).equals(body) && sentTo === signedFor);
      }),
    );
  });

  it("reasons never echo the header, the body or the secret", () => {
    const header = signRequest("wrong-secret-xyz-123", TARGET, BODY, NOW);
    const result = check(header);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${header.slice(-10)}|${SECRET}|spreadsheetId`));
  });
});

describe("createReplayGuard", () => {
  it("claims a signature once within its window and forgets it once the window has passed", () => {
    const guard = createReplayGuard();
    expect(guard.claim("a", NOW, NOW)).toBe(true);
    expect(guard.claim("a", NOW, NOW + 299)).toBe(false);
    expect(guard.claim("b", NOW, NOW + 1)).toBe(true);
    expect(guard.claim("a", NOW, NOW + 301)).toBe(true);
  });
});
