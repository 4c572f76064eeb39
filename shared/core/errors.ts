/** The one family of unexpected failures; expected outcomes (bad rows) are values, not throws. */

export type ActionlogErrorCode =
  | "USAGE"
  | "CONFIG"
  | "WORKBOOK_NOT_FOUND"
  | "WORKBOOK_EXISTS"
  | "WORKBOOK_UNREADABLE"
  | "WORKBOOK_LOCKED"
  | "WORKBOOK_OPEN_ELSEWHERE"
  | "WORKBOOK_FORBIDDEN"
  /** A local .xlsx holds something (a chart, a pivot table) that saving it would lose. */
  | "WORKBOOK_UNSUPPORTED"
  | "SHEETS_API"
  /** Another run changed the sheet's structure (added the same tab) between our re-read and our write; nothing was written. */
  | "CONFLICT"
  | "SCHEMA"
  | "MEETING_NOT_FOUND"
  | "MINUTES_UNREADABLE"
  | "IO";

export class ActionlogError extends Error {
  override readonly name = "ActionlogError";
  readonly code: ActionlogErrorCode;

  constructor(code: ActionlogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const isActionlogError = (error: unknown): error is ActionlogError =>
  error instanceof ActionlogError;
