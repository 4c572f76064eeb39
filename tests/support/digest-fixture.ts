/** The digest job's shared committee: settings, a Monday, four owners' actions and the Mail Log as rows. */
import { DateTime } from "luxon";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { isLeaseKey } from "../../shared/jobs/digest-lease.js";
import { MAIL_LOG_TAB } from "../../sheets-schema/mail-log.js";
import { type LogSpec, action, buildLog } from "./log-fixture.js";

export const SETTINGS = { pmo_email: "fraser@example.org", chair_email: "justin@example.org", from_email: "actionlog@example.org", escalate_after_meetings: 2 };
export const MONDAY = DateTime.fromISO("2023-11-13T08:00:00", { zone: "Europe/London" });
export const TUESDAY = MONDAY.plus({ days: 1 });

/** Four digests (Paul, Lee, Daniel, Fraser via PMO), one reminder (DAG29-02, folded into Lee's digest) and the summary (cc chair: DAG27-01 escalates). */
export const ACTIONS = [
  action({ Ref: "DAG29-01", Owner: "Paul Pettitt", Due: "01/11/2023", Action: "Fix <script>alert(1)</script> & tidy" }),
  action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" }),
  action({ Ref: "DAG29-03", Owner: "PMO", Due: "10/11/2023" }),
  action({ Ref: "DAG27-01", Meeting: 27, Owner: "NGESO Representative (Daniel Arrowsmith)", Due: "13/09/2023" }),
];

export const workbookFor = (spec: LogSpec = {}) =>
  createMemoryWorkbook({ tabs: buildLog({ actions: ACTIONS, ...spec, settings: { ...SETTINGS, ...spec.settings } }).tabs });

/** The Mail Log's message rows by header; the runs' lease rows (digest-lease.ts) are left out. */
export const mailLogRows = (book: ReturnType<typeof workbookFor>) => {
  const tab = book.snapshot().tabs.find((t) => t.name === MAIL_LOG_TAB);
  const rows = (tab?.rows ?? []).map((r) => Object.fromEntries(tab?.headers.map((h, i) => [h, r.cells[i]]) ?? []));
  return rows.filter((r) => !isLeaseKey(r.Key));
};
