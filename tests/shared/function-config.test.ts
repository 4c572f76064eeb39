import { describe, expect, it } from "vitest";
import { loadConfig, loadFunctionConfig } from "../../shared/config.js";

const SECRET = "a-webhook-secret-of-some-length";
const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";

describe("loadFunctionConfig", () => {
  it("reads the secret and the comma-separated sheets, trimmed and without duplicates", () => {
    const config = loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: ` ${ID} ,sheetBBBBBBBBBB,${ID},` });
    expect(config).toMatchObject({ webhookSecret: SECRET, sheets: [ID, "sheetBBBBBBBBBB"], localSheet: undefined });
  });

  it("drops the line break Secret Manager keeps from `openssl rand -hex 32`, which the relay's pasted copy has lost", () => {
    expect(loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: `${SECRET}\n`, ACTIONLOG_SHEETS: ID }).webhookSecret).toBe(SECRET);
  });

  it("a local sheet (actionlog serve) stands in for ACTIONLOG_SHEETS", () => {
    expect(loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET }, "log.xlsx")).toMatchObject({ sheets: [], localSheet: "log.xlsx" });
    expect(loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_LOCAL_SHEET: "a.xlsx" }).localSheet).toBe("a.xlsx");
  });

  it("one error lists every bad variable and never the secret's value", () => {
    let message = "";
    try {
      loadFunctionConfig({ ACTIONLOG_WEBHOOK_SECRET: "hunter2", ACTIONLOG_NOW: "tomorrow" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("ACTIONLOG_NOW is not an ISO date-time");
    expect(message).toContain("ACTIONLOG_WEBHOOK_SECRET is shorter than 16 characters");
    expect(message).toContain("ACTIONLOG_SHEETS is empty");
    expect(message).not.toContain("hunter2");
  });

  it.each([
    ["a missing secret", { ACTIONLOG_SHEETS: ID }, "ACTIONLOG_WEBHOOK_SECRET is missing"],
    ["a sheet URL instead of an id", { ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: `https://docs.google.com/spreadsheets/d/${ID}/edit` }, "ACTIONLOG_SHEETS holds something that is not a spreadsheet id"],
  ])("rejects %s", (_name, env, expected) => {
    expect(() => loadFunctionConfig(env)).toThrow(expected);
  });

  it("the command's config still needs no secret", () => {
    expect(() => loadConfig({})).not.toThrow();
  });
});

describe("ACTIONLOG_NOW", () => {
  it("is London time when it has no offset, so a rehearsal of 23:30 stays on its day", () => {
    const now = loadConfig({ ACTIONLOG_NOW: "2024-06-01T23:30:00" }).now();
    expect(now.toUTC().toISO()).toBe("2024-06-01T22:30:00.000Z");
    expect(loadConfig({ ACTIONLOG_NOW: "2024-06-01T23:30:00Z" }).now().toUTC().toISO()).toBe("2024-06-01T23:30:00.000Z");
  });
});
