/** A single due-soon reminder greets whoever it goes to, as the digest does, and names them in its To. */
import { describe, expect, it } from "vitest";
import { londonAt, plan } from "../../support/digest-plan-fixture.js";
import { action } from "../../support/log-fixture.js";

// Monday 13 Nov 2023: with reminder_working_days 3, DAG29-01 (due Wed 15 Nov) is due soon.
const MONDAY = londonAt("2023-11-13");
const reminderFor = (owner: string, weekly: "never" | "always" = "never") => {
  const reminder = plan({ actions: [action({ Ref: "DAG29-01", Owner: owner, Due: "15/11/2023" })] }, MONDAY, { weekly }).messages.find((m) => m.kind === "reminder");
  if (!reminder) throw new Error("no reminder planned");
  return reminder;
};

describe("a single reminder (QA look finding 10)", () => {
  it("starts 'Hello <name>,' like a digest, in both parts", () => {
    const reminder = reminderFor("Paul Pettitt");
    const { text, html } = reminder.render();
    expect(text).toContain("\n\nHello Paul Pettitt,\nDAG29-01 is due on 15 Nov 2023. That is 2 working days from today.");
    expect(html).toContain(">Hello Paul Pettitt,<br>DAG29-01 is due on 15 Nov 2023.");
    expect(reminder.names).toEqual({ "paul@example.org": "Paul Pettitt" });
  });

  it("greets every co-owner it goes to together", () => {
    const reminder = reminderFor("Paul Pettitt & Lee Cox");
    expect(reminder.to).toEqual(["paul@example.org", "lee@example.org"]);
    expect(reminder.render().text).toContain("\nHello Paul Pettitt and Lee Cox,\n");
  });

  it("greets only the co-owner a part goes to, once the others' parts are folded into their digests or sent", () => {
    const parts = plan({ actions: [action({ Ref: "DAG29-01", Owner: "Paul Pettitt & Lee Cox", Due: "15/11/2023" })] }, MONDAY, { weekly: "always" }).messages.filter(
      (m) => m.kind === "reminder",
    );
    expect(parts.map((p) => p.to)).toEqual([["paul@example.org"], ["lee@example.org"]]);
    expect(parts.map((p) => p.render().text.match(/^Hello .*,$/m)?.[0])).toEqual(["Hello Paul Pettitt,", "Hello Lee Cox,"]);
    const retried = { ...reminderFor("Paul Pettitt & Lee Cox"), to: ["lee@example.org"] };
    expect(retried.render().text).toContain("\nHello Lee Cox,\n");
  });

  it("says 'Hello,' when a hand-made message names nobody", () => {
    const { names: _names, ...bare } = reminderFor("Paul Pettitt");
    expect(bare.render().text).toContain("\nHello,\nDAG29-01 is due");
  });
});
