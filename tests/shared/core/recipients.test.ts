/** The allowlist: Members' emails, pmo_email and chair_email, narrowed by allowed_domains. */
import { describe, expect, it } from "vitest";
import { buildAllowlist, inAllowedDomains } from "../../../shared/core/recipients.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { buildLog } from "../../support/log-fixture.js";

const logWith = (settings: Record<string, string>) =>
  parseLog(buildLog({ settings: { pmo_email: "pmo@example.org", chair_email: "chair@board.example.gov.uk", ...settings } }));

describe("buildAllowlist", () => {
  it.each([
    // address, allowed_domains, refusal contains (null: allowed)
    ["paul@example.org", "", null],
    ["  Paul@Example.ORG ", "", null], // case and spaces as typed
    ["pmo@example.org", "", null],
    ["chair@board.example.gov.uk", "", null],
    ["stranger@example.org", "", "is not a Members email, pmo_email or chair_email"],
    ["chair@board.example.gov.uk", "example.org", "outside allowed_domains (example.org)"],
    ["chair@board.example.gov.uk", "example.org, example.gov.uk", null], // a subdomain of an allowed domain
    ["paul@example.org", "@EXAMPLE.org; other.net", null],
    ["paul@example.org", "ample.org", "outside allowed_domains"], // a suffix is not a subdomain
  ])("%s with allowed_domains %j: %s", (address, domains, refusal) => {
    const result = buildAllowlist(logWith({ allowed_domains: domains })).refusal(address);
    if (refusal === null) expect(result).toBeNull();
    else expect(result).toContain(refusal);
  });

  it("never lists a member's blank email", () => {
    expect([...buildAllowlist(logWith({})).addresses]).not.toContain("");
  });
});

describe("allowed_domains setting", () => {
  it("reports a value that is not a list of domains, and then narrows nothing", () => {
    const log = logWith({ allowed_domains: "example.org, not a domain!" });
    expect(log.settings.allowedDomains).toEqual([]);
    expect(log.problems).toContainEqual(expect.objectContaining({ tab: "Settings", ref: "allowed_domains", message: expect.stringContaining("write mail domains separated by commas") }));
  });

  it("is an empty list when blank", () => {
    expect(inAllowedDomains("anyone@anywhere.example", logWith({}).settings.allowedDomains)).toBe(true);
  });
});
