/** Bad HTTP requests to every signed function: each gets a 4xx and the sheet is never opened, let alone touched. */
import { getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER, signRequest } from "../../shared/adapters/request-signature.js";
import { action, buildLog } from "../support/log-fixture.js";
import { NOW_SECONDS, SECRET, SHEET_A, type TestRuntime, signed, testRuntime } from "../support/function-runtime.js";

const LOG = buildLog({ actions: [action({ Due: "31/02/2024", Status: "open" })] });

/** A valid body for each signed function. */
const BODIES: Record<string, Record<string, unknown>> = {
  onSheetEdit: { spreadsheetId: SHEET_A, tab: "Actions", range: "F2" },
  generateRegister: { spreadsheetId: SHEET_A },
  previewDigest: { spreadsheetId: SHEET_A, person: "Paul Pettitt" },
};

let t: TestRuntime;
beforeEach(() => {
  t = testRuntime({ [SHEET_A]: LOG });
  useRuntime(t.runtime);
});
afterEach(() => useRuntime(undefined));

interface Bad {
  raw: string | Buffer;
  header?: string;
  type?: string;
}

const post = (fn: string, bad: Bad) => {
  let request = supertest(getTestServer(fn)).post("/");
  if (bad.type !== undefined) request = request.set("Content-Type", bad.type);
  if (bad.header !== undefined) request = request.set(SIGNATURE_HEADER, bad.header);
  return request.send(bad.raw);
};

/** Signs exactly these bytes, as a relay that sent them would. */
const signedRaw = (fn: string, raw: string, at = NOW_SECONDS): Bad => ({ raw, header: signRequest(SECRET, fn, raw, at), type: "application/json" });

const CASES: [string, number, (fn: string) => Bad][] = [
  ["malformed JSON, signed over its bytes", 400, (fn) => signedRaw(fn, '{"spreadsheetId": "sheetA", ')],
  ["a JSON array, signed", 400, (fn) => signedRaw(fn, "[]")],
  ["JSON null, signed", 400, (fn) => signedRaw(fn, "null")],
  ["a JSON string, signed", 400, (fn) => signedRaw(fn, '"sheetAAAAAAAAAAAAAAAAAAAA"')],
  ["form-encoded, signed", 400, (fn) => ({ ...signedRaw(fn, JSON.stringify(BODIES[fn])), type: "application/x-www-form-urlencoded" })],
  ["no content type, signed", 400, (fn) => ({ raw: Buffer.from(JSON.stringify(BODIES[fn])), header: signed(fn, BODIES[fn]).header })],
  ["a 5 MiB body, signed", 413, (fn) => signedRaw(fn, JSON.stringify({ ...BODIES[fn], padding: "x".repeat(5 * 1024 * 1024) }))],
  ["a 100 KiB body, unsigned", 413, (fn) => ({ raw: JSON.stringify({ ...BODIES[fn], padding: "x".repeat(100 * 1024) }), type: "application/json" })],
  ["no signature", 401, (fn) => ({ raw: JSON.stringify(BODIES[fn]), type: "application/json" })],
  ["an empty signature header", 401, (fn) => ({ raw: JSON.stringify(BODIES[fn]), header: "", type: "application/json" })],
  ["a signature from six minutes ago", 401, (fn) => signedRaw(fn, JSON.stringify(BODIES[fn]), NOW_SECONDS - 360)],
  ["a signature for another function", 401, (fn) => signedRaw(fn === "onSheetEdit" ? "generateRegister" : "onSheetEdit", JSON.stringify(BODIES[fn]))],
  ["a signature for another body", 401, (fn) => ({ ...signedRaw(fn, JSON.stringify(BODIES[fn])), raw: JSON.stringify({ ...BODIES[fn], spreadsheetId: "sheetBBBBBBBBBBBBBBBBBBBB" }) })],
  ["a signature with the secret's case changed", 401, (fn) => ({ raw: JSON.stringify(BODIES[fn]), header: signed(fn, BODIES[fn], { secret: "TEST-SECRET-0123456789ABCDEF" }).header, type: "application/json" })],
];

describe.each(Object.keys(BODIES))("%s refuses bad requests", (fn) => {
  it.each(CASES)("%s: %i, sheet unopened and untouched", async (_name, status, make) => {
    const before = t.books.get(SHEET_A)?.snapshot();
    const response = await post(fn, make(fn));
    expect(response.status).toBe(status);
    expect(t.opened).toEqual([]);
    expect(t.books.get(SHEET_A)?.snapshot()).toEqual(before);
  });

  it("a replay of a request it accepted: 401, and nothing more happens", async () => {
    const good = signedRaw(fn, JSON.stringify(BODIES[fn]));
    const first = await post(fn, good);
    expect(first.status).toBe(200);
    const after = t.books.get(SHEET_A)?.snapshot();
    const opened = t.opened.length;
    t.advance(30);
    const replay = await post(fn, good);
    expect(replay.status).toBe(401);
    expect(t.opened).toHaveLength(opened);
    expect(t.books.get(SHEET_A)?.snapshot()).toEqual(after);
  });
});
