/** The one place that reads the environment: parsed with zod, every bad variable reported at once. */
import { DateTime } from "luxon";
import { z } from "zod";
import { ActionlogError } from "./core/errors.js";

const schema = z.object({
  /**
   * A fixed committee clock (ISO instant, e.g. 2023-10-11T10:00:00Z) for demos, rehearsals
   * and tests; unset in production, where the shells read the real clock.
   */
  ACTIONLOG_NOW: z
    .string()
    .optional()
    .refine((value) => value === undefined || DateTime.fromISO(value, { setZone: true }).isValid, "is not an ISO date-time such as 2023-10-11T10:00:00Z"),
});

export interface Config {
  /** The clock: every use case takes `now` from here, never from Date.now(). */
  now(): DateTime;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ActionlogError("CONFIG", `Bad configuration: ${lines.join("; ")}`);
  }
  const fixed = parsed.data.ACTIONLOG_NOW;
  return {
    now: () => (fixed ? DateTime.fromISO(fixed, { setZone: true }) : DateTime.now()),
  };
}
