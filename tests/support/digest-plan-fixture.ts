/** The digest planner's test harness: a log planned at a London time with the committee's mail settings, and Paul Pettitt's actions. */
import { DateTime } from "luxon";
import type { Cell } from "../../shared/core/types.js";
import { type PlanOptions, planMail } from "../../shared/core/digest-plan.js";
import { validateLog } from "../../shared/core/validate.js";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { type LogSpec, action, buildLog } from "./log-fixture.js";

const SETTINGS = { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org" };

/** `date` (ISO) at `time` on the committee's clock. */
export const londonAt = (date: string, time = "09:00") => DateTime.fromISO(`${date}T${time}:00`, { zone: "Europe/London" });

/** Plans the mail for `spec` at `now`, validated first as the digest job does: weekly mail always, reminders on, unless `options` say otherwise. */
export function plan(spec: LogSpec, now: DateTime, options: Partial<PlanOptions> = {}) {
  const log = parseLog(buildLog({ ...spec, settings: { ...SETTINGS, ...spec.settings } }));
  return planMail(log, validateLog(log, now), now, { weekly: "always", reminders: true, ...options });
}

/** The planned digest addressed to `address`, if any. */
export const digestFor = (result: ReturnType<typeof plan>, address: string) =>
  result.messages.find((m) => m.kind === "digest" && m.to.includes(address));

/** Paul Pettitt's actions, due on the given dates (Due as typed), refs DAG29-01.. */
export const paul = (dues: string[], fields: Record<string, Cell> = {}) =>
  dues.map((due, i) => action({ Ref: `DAG29-${String(i + 1).padStart(2, "0")}`, Owner: "Paul Pettitt", Due: due, ...fields }));
