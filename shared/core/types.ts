/** Domain types shared by the core rules, the sheet schema and the adapters. */

/** One spreadsheet cell as every adapter reports it: dates arrive as sheet serial numbers. */
export type Cell = string | number | boolean | null;

export const STATUSES = ["Open", "Ongoing", "Proposed Closed", "Closed"] as const;
export type Status = (typeof STATUSES)[number];

export const MEETING_STATUSES = ["Scheduled", "Held", "Cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const HOLIDAY_REGIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

/** ISO calendar date, YYYY-MM-DD, always a committee (Europe/London) day. */
export type IsoDate = string;

export interface Settings {
  committeeCode: string;
  committeeName: string;
  timezone: string;
  holidayRegion: HolidayRegion;
  asapWorkingDays: number;
  reminderWorkingDays: number;
  escalateAfterMeetings: number;
  pmoEmail: string;
  chairEmail: string;
  fromEmail: string;
  digestWeekday: string;
  /** Lower-case mail domains recipients must belong to (or be a subdomain of); empty means no narrowing. */
  allowedDomains: string[];
}

export interface Member {
  row: number;
  name: string;
  initials: string;
  organisation: string;
  role: string;
  email: string;
  aliases: string[];
  active: boolean;
}

export interface Meeting {
  row: number;
  number: number;
  /** Null when the Date cell is blank or unreadable (reported as a problem). */
  date: IsoDate | null;
  time: string;
  status: MeetingStatus;
  notes: string;
}

/** An Actions row as the member wrote it; text is trimmed, nothing else is changed. */
export interface Action {
  row: number;
  ref: string;
  /** Null when the Meeting cell is blank or not a whole number (reported as a problem). */
  meeting: number | null;
  area: string;
  action: string;
  owner: string;
  /** Text as typed, or a sheet serial number when the cell holds a date. */
  due: string | number;
  dueDate: string;
  status: string;
  update: string;
  closedOn: string;
  carried: string;
  checks: string;
}

export interface Decision {
  row: number;
  ref: string;
  meeting: number | null;
  area: string;
  decision: string;
}

/** A problem with one cell, in words a member can act on. */
export interface Problem {
  tab: string;
  /** Sheet row number (the header is row 1); 0 for a problem with the tab itself. */
  row: number;
  ref: string;
  column: string;
  message: string;
}

/** One automated write to one cell, as recorded in Audit. */
export interface Change {
  tab: string;
  row: number;
  ref: string;
  column: string;
  old: Cell;
  new: Cell;
  reason: string;
}

/** Everything the rules need from a workbook, parsed once at the edge. */
export interface LogData {
  settings: Settings;
  members: Member[];
  meetings: Meeting[];
  actions: Action[];
  decisions: Decision[];
  /** Problems found while parsing (missing headers, unreadable cells). */
  problems: Problem[];
}
