import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER, verifySignature } from "../../shared/adapters/request-signature.js";
import { SECRET, SHEET_A, actionCell, testRuntime } from "../support/function-runtime.js";
import { action, buildLog } from "../support/log-fixture.js";

const CODE = readFileSync(join(import.meta.dirname, "../../sheets-schema/apps-script/Code.gs"), "utf8");
const URL_BASE = "https://europe-west2-demo-project.cloudfunctions.net";

interface Fetch {
  url: string;
  params: { method: string; contentType: string; payload: string; headers: Record<string, string>; muteHttpExceptions: boolean };
}

/** Code.gs loaded in a fresh context with just enough of the Apps Script services stubbed. */
function loadRelay(
  options: { properties?: Record<string, string>; activeTab?: string; status?: number; reply?: unknown; prompt?: string; unreachable?: boolean } = {},
) {
  const properties: Record<string, string> = { ...(options.properties ?? { ACTIONLOG_URL: `${URL_BASE}/`, ACTIONLOG_SECRET: SECRET }) };
  let uuids = 0;
  const fetches: Fetch[] = [];
  const alerts: string[] = [];
  const dialogs: { html: string; title: string }[] = [];
  const menus: { title: string; items: [string, string][] }[] = [];
  const triggers: { handler: string; event: string }[] = [];
  const spreadsheet = { getId: () => SHEET_A, getActiveSheet: () => ({ getName: () => options.activeTab ?? "Actions" }) };
  const ui = {
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL" },
    Button: { OK: "OK", CANCEL: "CANCEL" },
    createMenu(title: string) {
      const menu = { title, items: [] as [string, string][] };
      const builder = {
        addItem(label: string, fn: string) {
          menu.items.push([label, fn]);
          return builder;
        },
        addSeparator: () => builder,
        addToUi: () => menus.push(menu),
      };
      return builder;
    },
    alert: (_title: string, message: string) => alerts.push(message),
    prompt: () => ({ getSelectedButton: () => "OK", getResponseText: () => options.prompt ?? "" }),
    showModalDialog: (output: { html: string }, title: string) => dialogs.push({ html: output.html, title }),
  };
  const globals = {
    console: { log: (m: string) => alerts.push(m), warn: () => undefined },
    PropertiesService: {
      getScriptProperties: () => ({ getProperty: (key: string) => properties[key] ?? null, setProperty: (key: string, value: string) => (properties[key] = value) }),
    },
    SpreadsheetApp: { getActive: () => spreadsheet, getUi: () => ui },
    HtmlService: {
      createHtmlOutput(html: string) {
        const output = { html, setWidth: () => output, setHeight: () => output };
        return output;
      },
    },
    Utilities: {
      Charset: { UTF_8: "UTF_8" },
      getUuid: () => `uuid-${++uuids}`,
      // As Apps Script does: the HMAC bytes as signed Java bytes.
      computeHmacSha256Signature: (value: string, key: string, charset: string) => {
        expect(charset).toBe("UTF_8");
        return [...createHmac("sha256", key).update(value, "utf8").digest()].map((b) => (b > 127 ? b - 256 : b));
      },
    },
    UrlFetchApp: {
      fetch(url: string, params: Fetch["params"]) {
        if (options.unreachable) throw new Error(`Address unavailable: ${url}`);
        fetches.push({ url, params });
        return { getResponseCode: () => options.status ?? 200, getContentText: () => JSON.stringify(options.reply ?? {}) };
      },
    },
    ScriptApp: {
      getProjectTriggers: () => triggers.map((t) => ({ getHandlerFunction: () => t.handler, trigger: t })),
      deleteTrigger: (t: { trigger: object }) => triggers.splice(triggers.indexOf(t.trigger as (typeof triggers)[number]), 1),
      newTrigger(handler: string) {
        const builder = {
          forSpreadsheet(s: unknown) {
            expect(s).toBe(spreadsheet);
            return builder;
          },
          onEdit: () => ({ create: () => triggers.push({ handler, event: "edit" }) }),
          onChange: () => ({ create: () => triggers.push({ handler, event: "change" }) }),
        };
        return builder;
      },
    },
  };
  const context = createContext(globals);
  runInContext(CODE, context, { filename: "Code.gs" });
  const call = (fn: string, ...args: unknown[]) => (context[fn] as (...a: unknown[]) => unknown)(...args);
  return { call, fetches, alerts, dialogs, menus, triggers, properties };
}

const editEvent = (tab: string, a1 = "F2") => ({ range: { getSheet: () => ({ getName: () => tab }), getA1Notation: () => a1 } });

afterEach(() => useRuntime(undefined));

describe("the Apps Script relay (Code.gs)", () => {
  it("signs the nudge so the function's verifier accepts it, and onSheetEdit validates the sheet", async () => {
    const relay = loadRelay();
    relay.call("relayEdit", editEvent("Actions"));
    expect(relay.fetches).toHaveLength(1);
    const [{ url, params }] = relay.fetches as [Fetch];
    expect(url).toBe(`${URL_BASE}/onSheetEdit`);
    expect(params).toMatchObject({ method: "post", contentType: "application/json", muteHttpExceptions: true });
    expect(JSON.parse(params.payload)).toEqual({ spreadsheetId: SHEET_A, tab: "Actions", range: "F2", nonce: "uuid-1" });
    const header = params.headers["X-Actionlog-Signature"];
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, Buffer.from(params.payload), { secret: SECRET, target: "onSheetEdit", nowSeconds: Math.floor(Date.now() / 1000) }).ok).toBe(true);

    // The very request the relay built, delivered to the real function.
    const t = testRuntime({ [SHEET_A]: buildLog({ actions: [action({ Due: "31/02/2024" })] }) });
    useRuntime({ ...t.runtime, epochSeconds: () => Math.floor(Date.now() / 1000) });
    const response = await supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", params.contentType).set(SIGNATURE_HEADER, header ?? "").send(params.payload);
    expect(response.status).toBe(200);
    expect(actionCell(t.books.get(SHEET_A)?.snapshot() ?? { tabs: [] }, "DAG29-01", "Checks")).toContain("is not a date");
  });

  it("signs two identical nudges in one second differently, so the function accepts both (an edit and its undo)", async () => {
    const relay = loadRelay();
    relay.call("relayEdit", editEvent("Actions"));
    relay.call("relayEdit", editEvent("Actions"));
    const t = testRuntime({ [SHEET_A]: buildLog({ actions: [action()] }) });
    useRuntime({ ...t.runtime, epochSeconds: () => Math.floor(Date.now() / 1000) });
    const statuses: number[] = [];
    for (const { params } of relay.fetches) {
      const response = await supertest(getTestServer("onSheetEdit")).post("/").set("Content-Type", params.contentType).set(SIGNATURE_HEADER, params.headers["X-Actionlog-Signature"] ?? "").send(params.payload);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200]);
  });

  it("signs with the secret as pasted less stray spaces and line breaks", () => {
    const relay = loadRelay({ properties: { ACTIONLOG_URL: ` ${URL_BASE}\n`, ACTIONLOG_SECRET: `${SECRET}\n` } });
    relay.call("relayEdit", editEvent("Actions"));
    const { url, params } = relay.fetches[0] as Fetch;
    expect(url).toBe(`${URL_BASE}/onSheetEdit`);
    expect(verifySignature(params.headers["X-Actionlog-Signature"], Buffer.from(params.payload), { secret: SECRET, target: "onSheetEdit", nowSeconds: Math.floor(Date.now() / 1000) }).ok).toBe(true);
  });

  it("never throws from a trigger when the functions are unreachable or the properties are missing, and says so from the menu", () => {
    expect(() => loadRelay({ unreachable: true }).call("relayEdit", editEvent("Actions"))).not.toThrow();
    expect(() => loadRelay({ properties: {} }).call("relayChange", { changeType: "INSERT_ROW" })).not.toThrow();
    const relay = loadRelay({ unreachable: true });
    relay.call("validateNow");
    expect(relay.alerts).toEqual([`Action log could not reach its functions: Address unavailable: ${URL_BASE}/onSheetEdit`]);
    const withPassword = loadRelay({ unreachable: true, properties: { ACTIONLOG_URL: "https://relay:Pa55word@functions.example.org", ACTIONLOG_SECRET: SECRET } });
    withPassword.call("validateNow");
    expect(withPassword.alerts).toEqual(["Action log could not reach its functions: Address unavailable: https://***@functions.example.org/onSheetEdit"]);
    const bare = loadRelay({ status: 502, reply: {} });
    bare.call("validateNow");
    expect(bare.alerts).toEqual(["Action log could not do that (502): no reason given"]);
  });

  it("sends non-ASCII tab names as \\u escapes, so the signed bytes are the sent bytes", () => {
    const relay = loadRelay();
    relay.call("relayEdit", editEvent("Actions – Q3 ✓"));
    const { params } = relay.fetches[0] as Fetch;
    expect(params.payload).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(params.payload).tab).toBe("Actions – Q3 ✓");
    expect(verifySignature(params.headers["X-Actionlog-Signature"], Buffer.from(params.payload), { secret: SECRET, target: "onSheetEdit", nowSeconds: Math.floor(Date.now() / 1000) }).ok).toBe(true);
  });

  it.each([
    ["an edit to Audit", "relayEdit", editEvent("Audit")],
    ["an edit to a generated register", "relayEdit", editEvent("Register DAG30")],
    ["a change of type EDIT (relayEdit has it)", "relayChange", { changeType: "EDIT" }],
    ["a formatting change", "relayChange", { changeType: "FORMAT" }],
  ])("relays nothing for %s", (_name, fn, event) => {
    const relay = loadRelay();
    relay.call(fn, event);
    expect(relay.fetches).toEqual([]);
  });

  it("relays inserted rows with the active tab and no range", () => {
    const relay = loadRelay({ activeTab: "Decisions" });
    relay.call("relayChange", { changeType: "INSERT_ROW" });
    expect(JSON.parse((relay.fetches[0] as Fetch).params.payload)).toEqual({ spreadsheetId: SHEET_A, tab: "Decisions", range: "", nonce: "uuid-1" });
  });

  it("adds the Action log menu with the four PMO items", () => {
    const relay = loadRelay();
    relay.call("onOpen");
    expect(relay.menus).toEqual([
      {
        title: "Action log",
        items: [["Validate now", "validateNow"], ["Roll forward", "rollForward"], ["Generate register...", "generateRegister"], ["Preview digest...", "previewDigest"], ["Set up triggers", "setup"]],
      },
    ]);
  });

  it("setup installs one edit and one change trigger, however often it runs", () => {
    const relay = loadRelay();
    relay.call("setup");
    relay.call("setup");
    expect(relay.triggers).toEqual([{ handler: "relayEdit", event: "edit" }, { handler: "relayChange", event: "change" }]);
  });

  it("setup warns when someone else set up triggers before, since theirs would relay every edit again", () => {
    const relay = loadRelay({ properties: { ACTIONLOG_URL: URL_BASE, ACTIONLOG_SECRET: SECRET, ACTIONLOG_SET_UP_AT: "2024-01-15T10:00:00.000Z" } });
    relay.call("setup");
    expect(relay.alerts[0]).toContain("Someone else set up triggers on 2024-01-15");
    expect(relay.alerts[0]).toContain("Extensions > Apps Script > Triggers");
    relay.call("setup"); // now this person's own triggers are there: no warning
    expect(relay.alerts[1]).toBe("Action log is set up: every edit is now checked within seconds.");
    expect(relay.properties.ACTIONLOG_SET_UP_AT).not.toBe("2024-01-15T10:00:00.000Z");
  });

  it("setup without Script Properties installs nothing and names both properties", () => {
    const relay = loadRelay({ properties: {} });
    expect(() => relay.call("setup")).toThrow(/ACTIONLOG_URL.*ACTIONLOG_SECRET/);
    expect(relay.triggers).toEqual([]);
  });

  it("Generate register posts the Held meeting typed in, and reports the register built", () => {
    const relay = loadRelay({ prompt: " 29 ", reply: { registers: [{ tab: "Register DAG30", actions: 7, registerWritten: true, warnings: [] }], notes: [] } });
    relay.call("generateRegister");
    const { url, params } = relay.fetches[0] as Fetch;
    expect(url).toBe(`${URL_BASE}/generateRegister`);
    expect(JSON.parse(params.payload)).toEqual({ spreadsheetId: SHEET_A, meeting: 29, nonce: "uuid-1" });
    expect(relay.alerts).toEqual(["Built Register DAG30 (7 actions)"]);
  });

  it.each([
    ["Roll forward", "rollForward", "generateRegister"],
    ["Generate register", "generateRegister", "generateRegister"],
    ["Preview digest", "previewDigest", "previewDigest"],
    ["Validate now", "validateNow", "onSheetEdit"],
  ])("%s signs with the name of the function it calls, which no other function accepts", (_item, menu, target) => {
    const relay = loadRelay({ prompt: "29" });
    relay.call(menu);
    const { url, params } = relay.fetches[0] as Fetch;
    expect(url).toBe(`${URL_BASE}/${target}`);
    const verify = (fn: string) => verifySignature(params.headers["X-Actionlog-Signature"], Buffer.from(params.payload), { secret: SECRET, target: fn, nowSeconds: Math.floor(Date.now() / 1000) }).ok;
    expect(["onSheetEdit", "generateRegister", "previewDigest"].filter(verify)).toEqual([target]);
  });

  it("Roll forward says when Carried values were left for a rebuild", () => {
    const relay = loadRelay({ reply: { registers: [{ meeting: 29, tab: "Register DAG30", actions: 7, registerWritten: true, warnings: [], skipped: 2 }], notes: [] } });
    relay.call("rollForward");
    expect(relay.alerts).toEqual([
      "Built Register DAG30 (7 actions)\n  2 Carried values were left because those rows changed while it ran; choose Generate register for meeting 29 to finish.",
    ]);
  });

  it("Validate now shows the function's refusal when the secret is wrong", () => {
    const relay = loadRelay({ status: 401, reply: { error: "signature does not match the body; check the relay uses the same secret" } });
    relay.call("validateNow");
    expect(relay.alerts).toEqual(["Action log could not do that (401): signature does not match the body; check the relay uses the same secret"]);
  });

  it("Preview digest asks whose digest, posts the name and shows the function's HTML", () => {
    const relay = loadRelay({ prompt: " Paul Pettitt ", reply: { subject: "[DAG] 1 overdue", html: "<p>digest</p>" } });
    relay.call("previewDigest");
    const { url, params } = relay.fetches[0] as Fetch;
    expect(url).toBe(`${URL_BASE}/previewDigest`);
    expect(JSON.parse(params.payload)).toEqual({ spreadsheetId: SHEET_A, person: "Paul Pettitt", nonce: "uuid-1" });
    expect(relay.dialogs).toEqual([{ html: "<p>digest</p>", title: "[DAG] 1 overdue" }]);
  });
});
