/** The rules for Actions rows: refs, area, owner, due date, status, Closed On and Checks. */
import { blankDueDateReason, checksReason, clearEmptiedRow, dueDateReason, isEmptiedRow } from "./automation-cells.js";
import { formatUkDate, serialToIso } from "./dates.js";
import { type DueResult, resolveDue } from "./due-dates.js";
import { type MeetingCalendar, meetingDateOf } from "./meetings.js";
import { type MemberDirectory, buildMemberDirectory, ownerProblemMessages, resolveOwner } from "./owners.js";
import { actionRefProblem, canonicalActionRef, createActionRefAllocator, duplicateRefs, parseActionRef, refRespelling, shownRef } from "./refs.js";
import { hasStatusComment, normaliseStatus, statusProblem } from "./status.js";
import type { Action, Change, IsoDate, LogData, Problem, Settings, Status } from "./types.js";

const TAB = "Actions";

/** An action after normalisation, as roll-forward and the emails see it. */
export interface CheckedAction extends Action {
  /** The meeting raised at: the Meeting column, else the ref's meeting. */
  raisedAt: number | null;
  canonicalStatus: Status | null;
  /** True when the row is complete enough to appear on a register. */
  placeable: boolean;
  /** The row's problems in plain words, as written to Checks. */
  problems: string[];
  /** The column each problem is about, index for index. */
  problemColumns: string[];
}

type TextField = "ref" | "area" | "status" | "dueDate" | "closedOn" | "checks";

export interface ActionsOutcome {
  actions: CheckedAction[];
  problems: Problem[];
  changes: Change[];
}

export function validateActions(log: LogData, calendar: MeetingCalendar, today: IsoDate): ActionsOutcome {
  const code = log.settings.committeeCode;
  const duplicates = duplicateRefs(log.actions, canonicalActionRef);
  const context: RowContext = {
    code,
    today,
    settings: log.settings,
    calendar,
    directory: buildMemberDirectory(log.members),
    duplicates,
    // Only a duplicate's message names the refs on other rows; most logs have none.
    refOnRow: new Map(duplicates.size === 0 ? [] : log.actions.map((a) => [a.row, a.ref])),
    nextRef: createActionRefAllocator(code, log.actions.map((a) => a.ref)),
    ownerMessages: new Map(),
    dues: new Map(),
    memoSize: 0,
  };
  const outcome: ActionsOutcome = { actions: [], problems: [], changes: [] };
  let previous: CheckedAction | undefined;
  for (const row of log.actions) {
    // A row a member cleared is blank: it is not checked, listed, or continued from.
    if (isEmptiedRow(row)) {
      clearEmptiedRow(row, outcome.changes);
      continue;
    }
    const action = checkRow(row, previous, today, context, outcome.changes);
    for (let i = 0; i < action.problems.length; i++) {
      outcome.problems.push({ tab: TAB, row: row.row, ref: action.ref, column: action.problemColumns[i] ?? "", message: action.problems[i] ?? "" });
    }
    outcome.actions.push(action);
    previous = action;
  }
  return outcome;
}

interface RowContext {
  code: string;
  /** The committee's today: where a two-digit year in Due is placed. */
  today: IsoDate;
  settings: Settings;
  calendar: MeetingCalendar;
  directory: MemberDirectory;
  /** By canonical ref: DAG29-3 and DAG29-03 are one action written twice. */
  duplicates: Map<string, number[]>;
  refOnRow: ReadonlyMap<number, string>;
  nextRef: (meeting: number) => string;
  /**
   * Owner cells and Due cells repeat heavily across a log (the same few owners, "ASAP" for every
   * action of a meeting), so each distinct one is resolved once per run: at 100k rows resolving
   * every cell afresh was most of validation's garbage. Bounded, so hostile text stays linear.
   */
  ownerMessages: Map<string, readonly string[]>;
  /** By meeting raised at, then Due cell (a number and the same digits as text stay apart): the result and the Due Date change's reason. */
  dues: Map<number | null, Map<string | number, ResolvedDue>>;
  /** Entries across both memos; past the limit, cells are resolved afresh each time. */
  memoSize: number;
}

interface ResolvedDue {
  due: DueResult;
  reason: string;
}

const MEMO_LIMIT = 40_000;

function ownerMessages(owner: string, context: RowContext): readonly string[] {
  const known = context.ownerMessages.get(owner);
  if (known !== undefined) return known;
  const messages = ownerProblemMessages(owner, resolveOwner(owner, context.directory));
  if (context.memoSize++ < MEMO_LIMIT) context.ownerMessages.set(owner, messages);
  return messages;
}

function dueOf(due: string | number, raisedAt: number | null, context: RowContext): ResolvedDue {
  const byCell = context.dues.get(raisedAt) ?? new Map<string | number, ResolvedDue>();
  const known = byCell.get(due);
  if (known !== undefined) return known;
  const result = resolveDue(due, {
    meetingDate: meetingDateOf(context.calendar, raisedAt),
    nextMeetingDate: raisedAt === null ? null : (context.calendar.nextScheduled(raisedAt)?.date ?? null),
    asapWorkingDays: context.settings.asapWorkingDays,
    region: context.settings.holidayRegion,
    today: context.today,
  });
  // A date cell arrives as its serial number: the Audit reason shows the date a member sees.
  const reason = !result.ok ? "" : result.rule === "serial" ? `computed from the date cell ${formatUkDate(result.date)} in Due` : `computed from Due "${due}" (${result.rule})`;
  const resolved = { due: result, reason };
  if (context.memoSize++ < MEMO_LIMIT) context.dues.set(raisedAt, byCell.set(due, resolved));
  return resolved;
}

interface RowTools {
  flag(column: string, message: string): void;
  change(column: string, key: TextField, value: string, reason: string): void;
}

/** Shared by every row without problems (most of them), so 100k rows do not cost 200k empty arrays; frozen, so a stray push fails loudly. */
const NONE = Object.freeze([]) as unknown as string[];

function checkRow(row: Action, previous: CheckedAction | undefined, today: IsoDate, context: RowContext, changes: Change[]): CheckedAction {
  const raisedAt = row.meeting ?? parseActionRef(row.ref)?.meeting ?? null;
  // Built with every field up front: 100k rows need one object shape, not a copy per change.
  const action: CheckedAction = {
    row: row.row, ref: row.ref, meeting: row.meeting, area: row.area, action: row.action, owner: row.owner,
    due: row.due, dueDate: row.dueDate, status: row.status, update: row.update, closedOn: row.closedOn,
    carried: row.carried, checks: row.checks, raisedAt, canonicalStatus: null, placeable: false, problems: NONE, problemColumns: NONE,
  };
  const tools: RowTools = {
    flag(column, message) {
      if (action.problems === NONE) {
        action.problems = [];
        action.problemColumns = [];
      }
      action.problemColumns.push(column);
      action.problems.push(message);
    },
    change(column, key, value, reason) {
      action[key] = value;
      changes.push({ tab: TAB, row: row.row, ref: action.ref, column, old: row[key] === "" ? null : row[key], new: value, reason });
    },
  };
  if (row.meeting === null) tools.flag("Meeting", "Meeting is blank or not a number; write the number of the meeting the action was raised at, such as 29");
  const refOk = checkRef(row, action, tools, context);
  if (row.area === "" && previous && previous.area !== "" && previous.meeting === row.meeting) {
    tools.change("Area", "area", previous.area, "blank area continues the area of the row above");
  }
  if (row.action === "") tools.flag("Action", "Action is blank; write what is to be done");
  const status = checkStatus(row, tools);
  if (status === "Closed") {
    if (row.update === "") tools.flag("Update", "Update is blank but Status is Closed; write how the action was closed in Update");
    if (row.closedOn === "") tools.change("Closed On", "closedOn", today, "status is Closed");
  } else {
    // Closed actions are history: their owners and due dates are no longer chased.
    checkOwnerAndDue(row, raisedAt, tools, context);
    if (status !== null && row.closedOn !== "") {
      // A date typed into the cell reads back as its serial number; show it as the member sees it.
      const serial = /^\d{5}$/.test(row.closedOn) ? serialToIso(Number(row.closedOn)) : null;
      const shown = serial === null ? row.closedOn : formatUkDate(serial);
      tools.flag("Closed On", `Closed On is ${shown} but Status is ${status}; if the action was reopened, clear Closed On, else set Status to Closed`);
    }
  }
  const checks = action.problems.join("\n");
  if (checks !== row.checks) tools.change("Checks", "checks", checks, checksReason(row.checks, checks));
  action.canonicalStatus = status;
  action.placeable = refOk && raisedAt !== null && status !== null;
  return action;
}

/** Assigns a blank ref, or checks the one written; true when the row can go on a register. */
function checkRef(row: Action, action: CheckedAction, tools: RowTools, context: RowContext): boolean {
  if (row.ref === "") {
    if (context.code !== "" && row.meeting !== null) tools.change("Ref", "ref", context.nextRef(row.meeting), "blank ref: next free number for its meeting");
    return action.ref !== "";
  }
  const refProblem = actionRefProblem(row.ref, context.code, row.meeting);
  const canonical = canonicalActionRef(row.ref);
  const others = context.duplicates.get(canonical)?.filter((r) => r !== row.row) ?? [];
  if (refProblem) tools.flag("Ref", refProblem);
  if (others.length > 0) {
    // Another row may spell the same ref differently (DAG29-03 against DAG29-3): say how, or the rows look unrelated.
    const where = others.map((r) => (context.refOnRow.get(r) === row.ref ? `${r}` : `${r} (as ${shownRef(context.refOnRow.get(r) ?? "")}, the same ref)`));
    tools.flag("Ref", `Ref ${shownRef(row.ref)} is also on row ${where.join(", ")}; give one of them another ref, or clear it to have one assigned`);
  } else if (refProblem === null && canonical !== row.ref) tools.change("Ref", "ref", canonical, refRespelling(row.ref));
  // The first of a set of duplicates still goes on the register; the others wait for a fix.
  return refProblem === null && others.every((r) => r > row.row);
}

function checkStatus(row: Action, tools: RowTools): Status | null {
  const status = row.status === "" ? "Open" : normaliseStatus(row.status);
  if (status === null) {
    tools.flag("Status", statusProblem(row.status));
  } else if (status !== row.status && !hasStatusComment(row.status)) {
    // A status with a comment after it ("Closed - see minutes") is read but kept: the comment is the member's.
    tools.change("Status", "status", status, row.status === "" ? "blank status: a new action is Open" : "canonical spelling of the status");
  }
  return status;
}

function checkOwnerAndDue(row: Action, raisedAt: number | null, tools: RowTools, context: RowContext): void {
  for (const message of ownerMessages(row.owner, context)) tools.flag("Owner", message);
  const { due, reason } = dueOf(row.due, raisedAt, context);
  if (!due.ok) {
    tools.flag("Due", due.message.startsWith("Due") ? due.message : `Due ${due.message}`);
    // The old date no longer says what the member wrote: papers and digests would chase a date they replaced.
    if (row.dueDate !== "") tools.change("Due Date", "dueDate", "", dueDateReason(row.dueDate, blankDueDateReason(row.due)));
  } else if (due.date !== row.dueDate) tools.change("Due Date", "dueDate", due.date, dueDateReason(row.dueDate, reason));
}
