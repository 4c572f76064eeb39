/** One reminder email per owner per day: an owner's reminders go as one message, co-owners keep theirs. */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type PlannedMail, mailFrame, planMail } from "../../../shared/core/digest-plan.js";
import { committeeDay } from "../../../shared/core/digest-items.js";
import { bundleReminders } from "../../../shared/core/reminder-bundle.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { action, buildLog } from "../../support/log-fixture.js";

// Tuesday 14 Nov 2023: with reminder_working_days 3, actions due on Thu 16 and Fri 17 Nov are due soon.
const TUESDAY = DateTime.fromISO("2023-11-14T09:00:00", { zone: "Europe/London" });
const SETTINGS = { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" };

const reminders = (actions: ReturnType<typeof action>[]) => {
  const log = parseLog(buildLog({ settings: SETTINGS, actions }));
  const plan = planMail(log, validateLog(log, TUESDAY), TUESDAY, { weekly: "never", reminders: true });
  return { reminders: plan.messages, frame: mailFrame(log, committeeDay(log, TUESDAY)) };
};
const shape = (m: PlannedMail) => ({ key: m.key, to: m.to, refs: m.refs, carries: m.carries?.map((p) => [p.key, p.to]) });

describe("bundleReminders", () => {
  it("sends an owner's reminders of one day as one message that carries each, by its own key", () => {
    const { reminders: planned, frame } = reminders([
      action({ Ref: "DAG29-03", Owner: "Paul Pettitt", Due: "17/11/2023", Action: "Send the <b>plan</b> & dates" }),
      action({ Ref: "DAG29-01", Owner: "Programme (Paul Pettitt)", Due: "16/11/2023" }),
      action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" }),
    ]);
    const messages = bundleReminders(planned, frame);
    expect(messages.map(shape)).toEqual([
      { key: "reminder:DAG29-02:2023-11-16", to: ["lee@example.org"], refs: ["DAG29-02"], carries: undefined },
      {
        key: "reminders:paul@example.org:2023-11-14",
        to: ["paul@example.org"],
        refs: ["DAG29-01", "DAG29-03"],
        carries: [["reminder:DAG29-01:2023-11-16", ["paul@example.org"]], ["reminder:DAG29-03:2023-11-17", ["paul@example.org"]]],
      },
    ]);
    const bundle = messages[1];
    const { text, html } = bundle?.render() ?? { text: "", html: "" };
    expect(bundle?.subject).toBe("[DAG] Reminder: 2 actions due soon (first Thu 16 Nov)");
    expect(text).toContain("Hello Paul Pettitt,\nYou have 2 actions due soon, the first on Thu 16 Nov. If any will be late, reply with an update for the PMO.");
    expect(html).toContain("Hello Paul Pettitt,<br>You have 2 actions due soon, the first on Thu 16 Nov.");
    expect(bundle?.names).toEqual({ "paul@example.org": "Paul Pettitt" });
    expect(text.indexOf("* DAG29-01")).toBeLessThan(text.indexOf("* DAG29-03"));
    expect(html).toContain("Send the &lt;b&gt;plan&lt;/b&gt; &amp; dates");
    expect(html).not.toContain("<b>plan</b>");
  });

  it("says 'on' the date when every carried action is due the same day, in the subject and the greeting's line (QA look finding 10)", () => {
    const { reminders: planned, frame } = reminders([
      action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "16/11/2023" }),
      action({ Ref: "DAG29-02", Owner: "Paul Pettitt", Due: "16/11/2023" }),
      action({ Ref: "DAG29-04", Owner: "Paul Pettitt", Due: "16/11/2023" }),
    ]);
    const [bundle, ...more] = bundleReminders(planned, frame);
    expect(more).toEqual([]);
    expect(bundle?.subject).toBe("[DAG] Reminder: 3 actions due on 16 Nov 2023");
    expect(bundle?.render().text).toContain("Hello Paul Pettitt,\nYou have 3 actions due on Thu 16 Nov.");
  });

  it("keeps a co-owned reminder for the co-owner with nothing else, and bundles it for the owner with more", () => {
    const { reminders: planned, frame } = reminders([
      action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "16/11/2023" }),
      action({ Ref: "DAG29-05", Owner: "DCC Representative (Lee Cox & Paul Pettitt)", Due: "17/11/2023" }),
    ]);
    expect(bundleReminders(planned, frame).map(shape)).toEqual([
      { key: "reminder:DAG29-05:2023-11-17", to: ["lee@example.org"], refs: ["DAG29-05"], carries: undefined },
      {
        key: "reminders:paul@example.org:2023-11-14",
        to: ["paul@example.org"],
        refs: ["DAG29-01", "DAG29-05"],
        carries: [["reminder:DAG29-01:2023-11-16", ["paul@example.org"]], ["reminder:DAG29-05:2023-11-17", ["paul@example.org"]]],
      },
    ]);
  });

  it("leaves one reminder per address as it was planned", () => {
    const { reminders: planned, frame } = reminders([
      action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "16/11/2023" }),
      action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" }),
    ]);
    expect(bundleReminders(planned, frame)).toEqual(planned);
  });
});
