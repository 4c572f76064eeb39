/** The allowlist: Members' emails, pmo_email and chair_email, narrowed by allowed_domains; and how refusals are reported. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { planMail } from "../../../shared/core/digest-plan.js";
import { buildAllowlist, inAllowedDomains } from "../../../shared/core/recipients.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { type LogSpec, MEMBERS, action, buildLog } from "../../support/log-fixture.js";

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
  it("reports a value that is not a list of domains, and keeps no list of its own (the allowlist then fails closed, below)", () => {
    const log = logWith({ allowed_domains: "example.org, not a domain!" });
    expect(log.settings.allowedDomains).toEqual([]);
    expect(log.problems).toContainEqual(expect.objectContaining({ tab: "Settings", ref: "allowed_domains", message: expect.stringContaining("write mail domains separated by commas") }));
  });

  it("is an empty list when blank", () => {
    expect(inAllowedDomains("anyone@anywhere.example", logWith({}).settings.allowedDomains)).toBe(true);
  });
});

describe("an address the committee cannot use, named for what it is", () => {
  const now = DateTime.fromISO("2023-11-13T09:00:00", { zone: "Europe/London" });
  const escalated = action({ Ref: "DAG27-01", Meeting: 27, Owner: "Paul Pettitt", Due: "01/11/2023" });
  const planFor = (spec: LogSpec) => {
    const log = parseLog(buildLog({ actions: [escalated], ...spec, settings: { from_email: "actionlog@example.org", escalate_after_meetings: 2, ...spec.settings } }));
    const validation = validateLog(log, now);
    return { plan: planMail(log, validation, now, { weekly: "always", reminders: true }), problems: validation.problems };
  };

  it("says pmo_email is not a valid address, not that it is blank (QA finding 7)", () => {
    const { plan } = planFor({ settings: { pmo_email: "PMO Team <pmo@example.org>" } });
    expect(plan.messages.map((m) => m.kind)).toEqual(["digest"]);
    expect(plan.skipped).toContainEqual({ owner: "PMO", reason: expect.stringMatching(/^pmo_email in Settings is not a valid address, so the weekly summary has nowhere to go/), setting: "pmo_email" });
  });

  it.each(["Lee Cox <lee@example.org>", "attacker@evil.example, lee@example.org"])(
    "says a member's Email %j is not a valid address, in the skipped list and the PMO summary (QA finding 7)",
    (email) => {
      const members = MEMBERS.map((m) => (m.Name === "Lee Cox" ? { ...m, Email: email } : m));
      const { plan } = planFor({ members, actions: [action({ Owner: "Lee Cox", Due: "01/11/2023" })], settings: { pmo_email: "fraser@example.org" } });
      const reason = "Email in Members is not a valid address; write one address, such as name@example.org";
      expect(plan.skipped).toEqual([{ owner: "Lee Cox", reason: `${reason} (DAG29-01)` }]);
      expect(plan.messages.find((m) => m.kind === "summary")?.render().text).toContain(`Lee Cox: ${reason} (DAG29-01)`);
    },
  );

  it("reports a chair_email outside allowed_domains as the summary's cc, not as an owner (QA finding 12)", () => {
    const { plan } = planFor({ settings: { pmo_email: "fraser@example.org", chair_email: "justin.andrews@gmail.com", allowed_domains: "example.org" } });
    const summary = plan.messages.find((m) => m.kind === "summary");
    expect(summary?.cc).toEqual([]);
    expect(plan.skipped).toEqual([
      { owner: "Chair (chair_email, the summary's cc)", reason: expect.stringContaining("justin.andrews@gmail.com is outside allowed_domains (example.org)"), setting: "chair_email" },
    ]);
  });

  it("is a Settings problem in validate when pmo_email or chair_email is outside allowed_domains (QA finding 12)", () => {
    const { problems } = planFor({ settings: { pmo_email: "pmo@partner.example", chair_email: "justin.andrews@gmail.com", allowed_domains: "example.org" } });
    expect(problems.filter((p) => p.tab === "Settings").map((p) => [p.ref, p.message])).toEqual([
      ["pmo_email", "pmo_email pmo@partner.example is outside allowed_domains (example.org), so the PMO summary is not sent; give an address in those domains, or add its domain to allowed_domains"],
      ["chair_email", "chair_email justin.andrews@gmail.com is outside allowed_domains (example.org), so the chair is not copied on escalations; give an address in those domains, or add its domain to allowed_domains"],
    ]);
    expect(planFor({ settings: { pmo_email: "pmo@example.org", chair_email: "chair@board.example.org", allowed_domains: "example.org" } }).problems).toEqual([]);
  });
});

describe("allowed_domains as people write it (QA sec 2)", () => {
  it.each([
    ["example.gov.uk.", ["example.gov.uk"]], // a fully qualified name's trailing dot
    ["*.example.org", ["example.org"]],
    [".example.org", ["example.org"]],
    ["@example.org; *.example.gov.uk.", ["example.org", "example.gov.uk"]],
  ])("%j is read as %j, with no problem", (value, domains) => {
    const log = logWith({ allowed_domains: value });
    expect(log.settings.allowedDomains).toEqual(domains);
    expect(log.problems).toEqual([]);
  });

  const now = DateTime.fromISO("2023-11-13T09:00:00", { zone: "Europe/London" });
  const outsider = { Name: "Simon Carter", Initials: "SCa", Email: "simon.carter@gmail.com" };
  const actions = [
    action({ Ref: "DAG27-01", Meeting: 27, Owner: "Simon Carter", Due: "01/11/2023" }),
    action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "15/11/2023" }),
  ];
  const planWith = (allowed: string) => {
    const log = parseLog(buildLog({ members: [...MEMBERS, outsider], actions, settings: { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org", escalate_after_meetings: 2, allowed_domains: allowed } }));
    return { log, plan: planMail(log, validateLog(log, now), now, { weekly: "always", reminders: true }) };
  };

  it.each(["example.org, example.gov.uk..", "example.org (main)", "example.org, not a domain!", "*example.org"])(
    "an unreadable %j fails closed: only pmo_email gets mail, and the skipped list names the setting and the fix",
    (allowed) => {
      const { log, plan } = planWith(allowed);
      expect(plan.messages.map((m) => [m.kind, m.to, m.cc])).toEqual([["summary", ["fraser@example.org"], []]]);
      expect(plan.skipped).toContainEqual({
        owner: "Settings allowed_domains",
        reason: `"${allowed}" cannot be read, so only pmo_email gets mail (the PMO summary) and no owner or chair does; write mail domains separated by commas, such as example.org, example.gov.uk, or leave it blank for any domain`,
        setting: "allowed_domains",
      });
      expect(plan.skipped).toContainEqual({ owner: "simon.carter@gmail.com", reason: expect.stringContaining("is not mailed while allowed_domains in Settings cannot be read") });
      expect(plan.skipped).toContainEqual(expect.objectContaining({ owner: "Chair (chair_email, the summary's cc)", setting: "chair_email" }));
      // The send-time check agrees with the plan.
      const allowlist = buildAllowlist(log);
      expect([...allowlist.addresses]).toEqual(["fraser@example.org"]);
      expect(allowlist.refusal("paul@example.org")).toContain("cannot be read");
    },
  );

  it("mails owners as before once the value is readable", () => {
    const { plan } = planWith("example.org, gmail.com.");
    expect(plan.messages.filter((m) => m.kind === "digest").map((m) => m.to[0]).sort()).toEqual(["paul@example.org", "simon.carter@gmail.com"]);
    expect(plan.skipped).toEqual([]);
  });
});
