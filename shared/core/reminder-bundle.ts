/** One reminder email per owner per day: the run's reminders to one address, sent alone, go as one message. */
import { type PlannedMail, nameFor } from "./digest-plan.js";
import { itemOrder } from "./digest-items.js";
import { type MailFrame, remindersSubject, renderReminders } from "./email-render.js";

const addressKey = (address: string): string => address.trim().toLowerCase();

/**
 * Actions from one meeting are mostly due at the next, so they enter the due-soon window on the
 * same day: an owner of four would otherwise get four emails that morning. Each address with two
 * or more reminders gets one message that `carries` them, and the Mail Log keeps a row per
 * reminder (its own key, this address), so retries and resends work part by part as before.
 * A reminder whose other recipients have no other reminder still goes to them as planned.
 */
export function bundleReminders(reminders: readonly PlannedMail[], frame: MailFrame): PlannedMail[] {
  const byAddress = new Map<string, { address: string; parts: PlannedMail[] }>();
  for (const reminder of reminders) {
    for (const address of reminder.to) {
      const key = addressKey(address);
      const entry = byAddress.get(key);
      if (entry) entry.parts.push(reminder);
      else byAddress.set(key, { address: address.trim(), parts: [reminder] });
    }
  }
  const bundled = (address: string) => (byAddress.get(addressKey(address))?.parts.length ?? 0) > 1;
  const messages: PlannedMail[] = [];
  for (const reminder of reminders) {
    const rest = reminder.to.filter((address) => !bundled(address));
    if (rest.length > 0) messages.push(rest.length === reminder.to.length ? reminder : { ...reminder, to: rest });
  }
  for (const { address, parts } of byAddress.values()) {
    if (parts.length > 1) messages.push(bundle(address, parts, frame));
  }
  return messages;
}

function bundle(address: string, parts: readonly PlannedMail[], frame: MailFrame): PlannedMail {
  const items = parts.flatMap((p) => (p.item ? [p.item] : [])).sort(itemOrder);
  const refs = items.map((i) => i.ref);
  const name = parts.map((p) => nameFor(p, address)).find((n) => n !== "") ?? "";
  return {
    kind: "reminder",
    // Names the message (its Message-ID and outbox file); the Mail Log rows keep the reminders' own keys.
    key: `reminders:${addressKey(address)}:${frame.day.today}`,
    to: [address],
    cc: [],
    ...(name === "" ? {} : { names: { [address]: name } }),
    refs,
    subject: remindersSubject(items, frame),
    render: () => {
      const { text, html } = renderReminders(name, items, frame);
      return { text, html };
    },
    carries: parts.map((p) => ({ ...p, to: [address] })),
  };
}
