/** The user-facing tabs and headers: the contract between members and the automation. */

export const TAB = {
  settings: "Settings",
  members: "Members",
  meetings: "Meetings",
  actions: "Actions",
  decisions: "Decisions",
  audit: "Audit",
} as const;

export const HEADERS = {
  Settings: ["Key", "Value"],
  Members: ["Name", "Initials", "Organisation", "Role", "Email", "Aliases", "Active"],
  Meetings: ["Meeting", "Date", "Time", "Status", "Notes"],
  Actions: [
    "Ref", "Meeting", "Area", "Action", "Owner", "Due",
    "Due Date", "Status", "Update", "Closed On", "Carried", "Checks",
  ],
  Decisions: ["Ref", "Meeting", "Area", "Decision"],
  Audit: ["Time", "Actor", "Tab", "Ref", "Column", "Old", "New", "Reason"],
} as const satisfies Record<string, readonly string[]>;

export const REGISTER_HEADERS = ["Section", "Area", "Ref", "Action", "Owner", "Due"] as const;

/**
 * Required columns that actionlog neither writes nor reads to decide anything, so one written on
 * two columns is only a problem on row 1 (see locateColumns). Meetings Time and Members Role are
 * not here: importing minutes writes them.
 */
export const INFORMATIONAL_COLUMNS: Partial<Record<keyof typeof HEADERS, readonly string[]>> = {
  Members: ["Organisation"],
  Meetings: ["Notes"],
};

/** Columns the automation owns; members write every other column. */
export const AUTOMATION_COLUMNS = { Actions: ["Due Date", "Carried", "Checks"] } as const;

export const REGISTER_SECTION = { new: "New", previous: "Previous Meeting(s)" } as const;

/** `Register DAG30`: the generated tab holding meeting 30's outstanding actions. */
export const registerTabName = (committeeCode: string, meeting: number): string =>
  `Register ${committeeCode}${meeting}`;

/** Header lookups ignore case and surrounding spaces. */
export const headerKey = (header: string): string => header.trim().toLowerCase();

/** Tab names are unique ignoring case in both Excel and Google Sheets; an exact match wins. */
export const tabNamed = <T extends { name: string }>(tabs: readonly T[], name: string): T | undefined =>
  tabs.find((tab) => tab.name === name) ?? tabs.find((tab) => headerKey(tab.name) === headerKey(name));
