/** ACTIONLOG_SMTP_URL: optional, checked, never echoed, and reported alongside every other bad variable. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../shared/config.js";

describe("loadConfig: ACTIONLOG_SMTP_URL", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["smtp://user:pa%40ss@mail.example.org:587", "smtp://user:pa%40ss@mail.example.org:587"],
    ["smtps://mail.example.org", "smtps://mail.example.org"],
  ])("%j gives smtpUrl %j", (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { ACTIONLOG_SMTP_URL: value }).smtpUrl).toBe(expected);
  });

  it("lists a bad SMTP URL with the other bad variables, without the password", () => {
    const run = () => loadConfig({ ACTIONLOG_NOW: "yesterday", ACTIONLOG_SMTP_URL: "https://user:hunter2@mail.example.org" });
    expect(run).toThrow(/ACTIONLOG_NOW is not an ISO date-time.*; ACTIONLOG_SMTP_URL is not an SMTP URL/);
    expect(run).not.toThrow(/hunter2/);
  });
});
