import { getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER, createReplayGuard } from "../../shared/adapters/request-signature.js";
import { action, buildLog } from "../support/log-fixture.js";
import { NOW_SECONDS, SECRET, SHEET_A, SHEET_B, type TestRuntime, actionCell, signed, testRuntime } from "../support/function-runtime.js";

const LOG = buildLog({
  actions: [action({ Due: "31/02/2024" }), action({ Ref: "", Action: "Second action", Status: "ongoing" })],
});
const NUDGE = { spreadsheetId: SHEET_A, tab: "Actions", range: "F2" };

let t: TestRuntime;
beforeEach(() => {
  t = testRuntime({ [SHEET_A]: LOG, [SHEET_B]: LOG });
  useRuntime(t.runtime);
});
afterEach(() => useRuntime(undefined));

const post = (fn: string, raw: string, header?: string, type = "application/json") => {
  const request = supertest(getTestServer(fn)).post("/").set("Content-Type", type);
  return (header === undefined ? request : request.set(SIGNATURE_HEADER, header)).send(raw);
};

const sheetA = () => t.books.get(SHEET_A)?.snapshot();

describe("onSheetEdit", () => {
  it("validates the sheet after a signed nudge: Checks filled, changes audited, one INFO log line", async () => {
    const { raw, header } = signed("onSheetEdit", NUDGE);
    const response = await post("onSheetEdit", raw, header);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: false, rows: 2, problems: 1, changes: 4, skipped: 0 });
    const book = sheetA();
    if (!book) throw new Error("no sheet");
    expect(actionCell(book, "DAG29-01", "Checks")).toBe('Due "31/02/2024" is not a date; write it as 13/10/2023, ASAP, Next meeting or +10 WD');
    expect(actionCell(book, "DAG29-02", "Status")).toBe("Ongoing");
    expect(book.tabs.find((tab) => tab.name === "Audit")?.rows).toHaveLength(4);
    expect(t.opened).toEqual([SHEET_A]);
    expect(t.logs).toEqual([
      expect.objectContaining({ severity: "INFO", function: "onSheetEdit", status: 200, spreadsheetId: SHEET_A, tab: "Actions", range: "F2", problems: 1, changes: 4 }),
    ]);
    expect(t.logs[0]?.message).toBe("Validated after an edit to Actions F2: 1 problem, 4 changes");
  });

  it("never logs the secret or the signature", async () => {
    const { raw, header } = signed("onSheetEdit", NUDGE);
    await post("onSheetEdit", raw, header);
    await post("onSheetEdit", raw, header);
    await post("onSheetEdit", raw, header.replace(/v1=./, "v1=0"));
    const logged = JSON.stringify(t.logs);
    expect(t.logs).toHaveLength(3);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(header.slice(header.indexOf("v1=") + 3));
  });

  const big = { ...NUDGE, range: "A1", padding: "x".repeat(70 * 1024) };
  it.each([
    ["unsigned", 401, "missing X-Actionlog-Signature", () => post("onSheetEdit", JSON.stringify(NUDGE))],
    ["signed with another secret", 401, "does not match", () => { const s = signed("onSheetEdit", NUDGE, { secret: "another-secret-0123456789" }); return post("onSheetEdit", s.raw, s.header); }],
    ["body changed after signing", 401, "does not match", () => { const s = signed("onSheetEdit", NUDGE); return post("onSheetEdit", s.raw.replace("F2", "F3"), s.header); }],
    ["malformed header", 401, "not of the form", () => post("onSheetEdit", JSON.stringify(NUDGE), "sha256=abc")],
    ["stale timestamp (5 min 1 s old)", 401, "5 minutes", () => { const s = signed("onSheetEdit", NUDGE, { at: NOW_SECONDS - 301 }); return post("onSheetEdit", s.raw, s.header); }],
    ["timestamp from the future", 401, "5 minutes", () => { const s = signed("onSheetEdit", NUDGE, { at: NOW_SECONDS + 301 }); return post("onSheetEdit", s.raw, s.header); }],
    ["oversized body, signed", 413, "64 KiB", () => { const s = signed("onSheetEdit", big); return post("onSheetEdit", s.raw, s.header); }],
    ["wrong content type, signed", 400, "Content-Type: application/json", () => { const s = signed("onSheetEdit", NUDGE); return post("onSheetEdit", s.raw, s.header, "text/plain"); }],
    ["nudge missing its tab, signed", 400, "tab", () => { const s = signed("onSheetEdit", { spreadsheetId: SHEET_A, range: "F2" }); return post("onSheetEdit", s.raw, s.header); }],
    ["unknown spreadsheet, signed", 404, "ACTIONLOG_SHEETS", () => { const s = signed("onSheetEdit", { ...NUDGE, spreadsheetId: "someoneElsesSheet123" }); return post("onSheetEdit", s.raw, s.header); }],
  ])("%s gets %i and leaves every sheet untouched, unopened", async (_name, status, reason, send) => {
    const before = sheetA();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body.error).toContain(reason);
    expect(sheetA()).toEqual(before);
    expect(t.opened).toEqual([]);
    expect(t.logs).toEqual([expect.objectContaining({ severity: "WARNING", status })]);
  });

  it("malformed JSON gets 400 from the framework before any check, leaving the sheet untouched", async () => {
    const before = sheetA();
    const raw = '{"spreadsheetId": "sheetA", "tab": ';
    const response = await post("onSheetEdit", raw, signed("onSheetEdit", NUDGE).header);
    expect(response.status).toBe(400);
    expect(sheetA()).toEqual(before);
    expect(t.opened).toEqual([]);
  });

  it("GET gets 405 with Allow: POST", async () => {
    const response = await supertest(getTestServer("onSheetEdit")).get("/");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("POST");
  });

  it("a replayed request gets 401 and changes nothing after the first delivery", async () => {
    const { raw, header } = signed("onSheetEdit", NUDGE);
    expect((await post("onSheetEdit", raw, header)).status).toBe(200);
    const after = sheetA();
    t.advance(120);
    const replay = await post("onSheetEdit", raw, header);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toContain("already used");
    expect(sheetA()).toEqual(after);
    expect(t.opened).toEqual([SHEET_A]);
  });

  it("accepts a signature exactly 5 minutes old, and the same nudge signed afresh", async () => {
    const old = signed("onSheetEdit", NUDGE, { at: NOW_SECONDS - 300 });
    expect((await post("onSheetEdit", old.raw, old.header)).status).toBe(200);
    const fresh = signed("onSheetEdit", NUDGE, { at: NOW_SECONDS + 1 });
    const again = await post("onSheetEdit", fresh.raw, fresh.header);
    expect(again.status).toBe(200);
    expect(again.body.changes).toBe(0);
  });

  it("a bad deployment (missing secret and sheets) answers 500 and logs every bad variable, no values", async () => {
    useRuntime(undefined);
    vi.stubEnv("ACTIONLOG_WEBHOOK_SECRET", "tooshort");
    vi.stubEnv("ACTIONLOG_SHEETS", "");
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const { raw, header } = signed("onSheetEdit", NUDGE);
      const response = await post("onSheetEdit", raw, header);
      expect(response.status).toBe(500);
      expect(response.body.error).toContain("misconfigured");
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
    const entry = JSON.parse(lines.find((line) => line.includes("onSheetEdit")) ?? "{}");
    expect(entry.severity).toBe("ERROR");
    expect(entry.message).toContain("ACTIONLOG_WEBHOOK_SECRET is shorter than 16 characters");
    expect(entry.message).toContain("ACTIONLOG_SHEETS is empty");
    expect(entry.message).not.toContain("tooshort");
  });
});

describe("generateRegister", () => {
  const registerOf = (id: string) => t.books.get(id)?.snapshot().tabs.find((tab) => tab.name === "Register DAG30");

  it("without a meeting rolls forward the Held meeting whose register is missing, once", async () => {
    const first = signed("generateRegister", { spreadsheetId: SHEET_A });
    const response = await post("generateRegister", first.raw, first.header);
    expect(response.status).toBe(200);
    expect(response.body.registers).toEqual([expect.objectContaining({ meeting: 29, next: 30, tab: "Register DAG30", actions: 2, registerWritten: true, skipped: 0 })]);
    expect(registerOf(SHEET_A)?.rows.map((r) => r.cells[2])).toEqual(["DAG29-01", "DAG29-02"]);
    const after = sheetA();
    const second = signed("generateRegister", { spreadsheetId: SHEET_A }, { at: NOW_SECONDS + 5 });
    const again = await post("generateRegister", second.raw, second.header);
    expect(again.body).toEqual({ registers: [], notes: [] });
    expect(sheetA()).toEqual(after);
    expect(registerOf(SHEET_B)).toBeUndefined();
  });

  it("with a meeting rebuilds that meeting's register", async () => {
    const { raw, header } = signed("generateRegister", { spreadsheetId: SHEET_B, meeting: 29 });
    const response = await post("generateRegister", raw, header);
    expect(response.status).toBe(200);
    expect(response.body.registers[0]).toMatchObject({ tab: "Register DAG30", registerWritten: true });
    expect(registerOf(SHEET_B)?.rows).toHaveLength(2);
  });

  it("a meeting not yet Held gets 422 with the fix, and no register", async () => {
    const { raw, header } = signed("generateRegister", { spreadsheetId: SHEET_A, meeting: 30 });
    const response = await post("generateRegister", raw, header);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe("Meeting 30 is Scheduled in Meetings; set its Status to Held once it has taken place, then roll forward");
    expect(sheetA()?.tabs.map((tab) => tab.name)).not.toContain("Register DAG31");
    expect(t.logs[0]).toMatchObject({ severity: "WARNING", status: 422 });
  });

  it.each([
    ["unsigned", 401, () => post("generateRegister", JSON.stringify({ spreadsheetId: SHEET_A }))],
    ["a meeting that is not a whole number", 400, () => { const s = signed("generateRegister", { spreadsheetId: SHEET_A, meeting: "29" }); return post("generateRegister", s.raw, s.header); }],
  ])("%s gets %i without touching the sheet", async (_name, status, send) => {
    const before = sheetA();
    expect((await send()).status).toBe(status);
    expect(sheetA()).toEqual(before);
    expect(t.opened).toEqual([]);
  });
});

describe("a signature binds the function it was made for (regression: an onSheetEdit nudge was also a valid generateRegister request)", () => {
  it.each([
    ["an edit nudge", "onSheetEdit", NUDGE, "generateRegister"],
    ["a preview request", "previewDigest", { spreadsheetId: SHEET_A, person: "Paul Pettitt" }, "generateRegister"],
    ["a roll-forward request with a nudge's fields", "generateRegister", NUDGE, "onSheetEdit"],
  ])("%s signed for %s gets 401 from %s, which runs as its own service, and the sheet is untouched", async (_name, from, body, to) => {
    const { raw, header } = signed(from, body);
    // Deployed, each function has its own replay memory: the other one has never seen this signature.
    useRuntime({ ...t.runtime, replays: createReplayGuard() });
    const before = sheetA();
    const response = await post(to, raw, header);
    expect(response.status).toBe(401);
    expect(response.body.error).toContain(`does not match the body and this function (${to})`);
    expect(sheetA()).toEqual(before);
    expect(t.opened).toEqual([]);
  });
});
