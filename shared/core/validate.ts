/** Validation of a whole log: every tab's rules, returning problems and normalisations as data. */
import type { DateTime } from "luxon";
import { committeeToday } from "./dates.js";
import { createMeetingCalendar } from "./meetings.js";
import { memberProblems } from "./member-problems.js";
import { inAllowedDomains } from "./recipients.js";
import { createDecisionRefAllocator, decisionRefProblem, duplicateRefs } from "./refs.js";
import type { Change, LogData, Problem } from "./types.js";
import { type CheckedAction, validateActions } from "./validate-actions.js";

export interface ValidationResult {
  ok: boolean;
  /** Data rows checked, over Actions and Decisions. */
  rows: number;
  problems: Problem[];
  changes: Change[];
  actions: CheckedAction[];
}

export function validateLog(log: LogData, now: DateTime): ValidationResult {
  const calendar = createMeetingCalendar(log.meetings);
  const outcome = validateActions(log, calendar, committeeToday(now, log.settings.timezone));
  const decisions = validateDecisions(log);
  const problems = [
    ...log.problems,
    ...settingsProblems(log),
    ...memberProblems(log),
    ...meetingProblems(log),
    ...outcome.problems,
    ...decisions.problems,
  ];
  return {
    ok: problems.length === 0,
    // Rows a member emptied are blank rows, not checked ones.
    rows: outcome.actions.length + log.decisions.length,
    problems,
    // Appended, not copied: Actions alone can make hundreds of thousands of changes.
    changes: appended(outcome.changes, decisions.changes),
    actions: outcome.actions,
  };
}

function appended<T>(list: T[], more: readonly T[]): T[] {
  for (const item of more) list.push(item);
  return list;
}

function settingsProblems(log: LogData): Problem[] {
  const { settings } = log;
  const at = (ref: string, message: string): Problem => ({ tab: "Settings", row: 0, ref, column: "Value", message });
  const problems: Problem[] = [];
  // A code that was written but is not letters is already reported; "blank" would mislead.
  const written = log.problems.some((p) => p.tab === "Settings" && p.ref === "committee_code");
  if (settings.committeeCode === "" && !written) {
    problems.push(at("committee_code", "committee_code is blank; write the committee's ref prefix, such as DAG, so refs can be checked and assigned"));
  }
  const domains = settings.allowedDomains;
  for (const [key, address, loss] of [["pmo_email", settings.pmoEmail, "the PMO summary is not sent"], ["chair_email", settings.chairEmail, "the chair is not copied on escalations"]] as const) {
    if (address !== "" && !inAllowedDomains(address, domains)) {
      problems.push(at(key, `${key} ${address} is outside allowed_domains (${domains.join(", ")}), so ${loss}; give an address in those domains, or add its domain to allowed_domains`));
    }
  }
  return problems;
}

function meetingProblems(log: LogData): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, number>();
  for (const meeting of log.meetings) {
    const first = seen.get(meeting.number);
    if (first === undefined) seen.set(meeting.number, meeting.row);
    else problems.push({ tab: "Meetings", row: meeting.row, ref: "", column: "Meeting", message: `Meeting ${meeting.number} is also on row ${first}; each meeting needs one row` });
  }
  return problems;
}

function validateDecisions(log: LogData): { problems: Problem[]; changes: Change[] } {
  const code = log.settings.committeeCode;
  const nextRef = createDecisionRefAllocator(code, log.decisions.map((d) => d.ref));
  const duplicates = duplicateRefs(log.decisions);
  const problems: Problem[] = [];
  const changes: Change[] = [];
  let previous: (typeof log.decisions)[number] | undefined;
  for (const decision of log.decisions) {
    let ref = decision.ref;
    const flag = (column: string, message: string) => problems.push({ tab: "Decisions", row: decision.row, ref, column, message });
    if (ref === "" && code !== "") {
      ref = nextRef();
      changes.push({ tab: "Decisions", row: decision.row, ref, column: "Ref", old: null, new: ref, reason: "blank ref: the number after the highest decision" });
    } else if (ref !== "") {
      const problem = decisionRefProblem(ref, code);
      if (problem) flag("Ref", problem);
      const others = duplicates.get(ref)?.filter((r) => r !== decision.row) ?? [];
      if (others.length > 0) flag("Ref", `Ref ${ref} is also on row ${others.join(", ")}; give one of them another ref, or clear it to have one assigned`);
    }
    let area = decision.area;
    if (area === "" && previous && previous.area !== "" && previous.meeting === decision.meeting) {
      area = previous.area;
      changes.push({ tab: "Decisions", row: decision.row, ref, column: "Area", old: null, new: area, reason: "blank area continues the area of the row above" });
    }
    if (decision.decision === "") flag("Decision", "Decision is blank; write what was decided");
    previous = { ...decision, area };
  }
  return { problems, changes };
}
