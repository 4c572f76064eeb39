/** The rules for Actions rows: refs, area, owner, due date, status, Closed On and Checks. */
import { resolveDue } from "./due-dates.js";
import { type MeetingCalendar, meetingDateOf } from "./meetings.js";
import { buildMemberDirectory, ownerProblemMessages, resolveOwner } from "./owners.js";
import { actionRefProblem, createActionRefAllocator, duplicateRefs, parseActionRef } from "./refs.js";
import { normaliseStatus } from "./status.js";
import type { Action, Change, IsoDate, LogData, Problem, Status } from "./types.js";

const TAB = "Actions";

/** An action after normalisation, as roll-forward and the emails see it. */
export interface CheckedAction extends Action {
  /** The meeting raised at: the Meeting column, else the ref's meeting. */
  raisedAt: number | null;
  canonicalStatus: Status | null;
  /** True when the row is complete enough to appear on a register. */
  placeable: boolean;
  problems: string[];
}

type TextField = "ref" | "area" | "status" | "dueDate" | "closedOn" | "checks";

export interface ActionsOutcome {
  actions: CheckedAction[];
  problems: Problem[];
  changes: Change[];
}

export function validateActions(log: LogData, calendar: MeetingCalendar, today: IsoDate): ActionsOutcome {
  const { settings } = log;
  const code = settings.committeeCode;
  const directory = buildMemberDirectory(log.members);
  const duplicates = duplicateRefs(log.actions);
  const nextRef = createActionRefAllocator(code, log.actions.map((a) => a.ref));
  const changes: Change[] = [];
  const problems: Problem[] = [];
  const actions: CheckedAction[] = [];
  let previous: Action | undefined;

  for (const row of log.actions) {
    const found: { column: string; message: string }[] = [];
    const flag = (column: string, message: string) => found.push({ column, message });
    const refMeeting = parseActionRef(row.ref)?.meeting ?? null;
    const raisedAt = row.meeting ?? refMeeting;
    // Built with every field up front: 100k rows need one object shape, not a copy per change.
    const action: CheckedAction = {
      row: row.row, ref: row.ref, meeting: row.meeting, area: row.area, action: row.action, owner: row.owner,
      due: row.due, dueDate: row.dueDate, status: row.status, update: row.update, closedOn: row.closedOn,
      carried: row.carried, checks: row.checks, raisedAt, canonicalStatus: null, placeable: false, problems: [],
    };
    const change = (column: string, key: TextField, value: string, reason: string) => {
      action[key] = value;
      changes.push({ tab: TAB, row: row.row, ref: action.ref, column, old: row[key] === "" ? null : row[key], new: value, reason });
    };

    if (row.meeting === null) flag("Meeting", "Meeting is blank or not a number; write the number of the meeting the action was raised at, such as 29");

    let refOk = false;
    if (row.ref === "") {
      if (code !== "" && row.meeting !== null) change("Ref", "ref", nextRef(row.meeting), "blank ref: next free number for its meeting");
      refOk = action.ref !== "";
    } else {
      const refProblem = actionRefProblem(row.ref, code, row.meeting);
      const others = duplicates.get(row.ref)?.filter((r) => r !== row.row) ?? [];
      if (refProblem) flag("Ref", refProblem);
      if (others.length > 0) flag("Ref", `Ref ${row.ref} is also on row ${others.join(", ")}; give one of them another ref, or clear it to have one assigned`);
      // The first of a set of duplicates still goes on the register; the others wait for a fix.
      refOk = refProblem === null && (others.length === 0 || others.every((r) => r > row.row));
    }

    if (row.area === "" && previous && previous.area !== "" && previous.meeting === row.meeting) {
      change("Area", "area", previous.area, "blank area continues the area of the row above");
    }
    if (row.action === "") flag("Action", "Action is blank; write what is to be done");

    const status = row.status === "" ? "Open" : normaliseStatus(row.status);
    if (status === null) {
      flag("Status", `Status "${row.status}" is not a status; write Open, Ongoing, Proposed Closed or Closed`);
    } else if (status !== row.status) {
      change("Status", "status", status, row.status === "" ? "blank status: a new action is Open" : "canonical spelling of the status");
    }

    if (status === "Closed") {
      if (row.update === "") flag("Update", "Update is blank but Status is Closed; write how the action was closed in Update");
      if (row.closedOn === "") change("Closed On", "closedOn", today, "status is Closed");
    } else {
      // Closed actions are history: their owners and due dates are no longer chased.
      for (const message of ownerProblemMessages(row.owner, resolveOwner(row.owner, directory))) flag("Owner", message);
      const due = resolveDue(row.due, {
        meetingDate: meetingDateOf(calendar, raisedAt),
        nextMeetingDate: raisedAt === null ? null : (calendar.nextScheduled(raisedAt)?.date ?? null),
        asapWorkingDays: settings.asapWorkingDays,
        region: settings.holidayRegion,
      });
      if (!due.ok) flag("Due", due.message.startsWith("Due") ? due.message : `Due ${due.message}`);
      else if (due.date !== row.dueDate) change("Due Date", "dueDate", due.date, `computed from Due "${row.due}" (${due.rule})`);
    }

    const checks = found.map((f) => f.message).join("\n");
    if (checks !== row.checks) change("Checks", "checks", checks, found.length ? "problems found" : "problems fixed");
    for (const { column, message } of found) problems.push({ tab: TAB, row: row.row, ref: action.ref, column, message });
    action.canonicalStatus = status;
    action.placeable = refOk && raisedAt !== null && status !== null;
    action.problems = found.map((f) => f.message);
    actions.push(action);
    previous = action;
  }
  return { actions, problems, changes };
}

