/** The Due column language: every accepted form and every message a member can see. */
import { describe, expect, it } from "vitest";
import { type DueContext, meansNextMeeting, resolveDue } from "../../../shared/core/due-dates.js";
import { ActionlogError } from "../../../shared/core/errors.js";

/** Meeting on Wednesday 11 October 2023, next meeting Wednesday 8 November, ASAP = 10 working days. */
const CONTEXT: DueContext = {
  meetingDate: "2023-10-11",
  nextMeetingDate: "2023-11-08",
  asapWorkingDays: 10,
  region: "england-and-wales",
};

const FIX = "write it as 13/10/2023, ASAP, Next meeting or +10 WD";
const NO_MEETING_DATE =
  "counts working days from the meeting's date, but this meeting has no date in Meetings; add the meeting's date there, or write a date such as 13/10/2023";

describe("resolveDue accepts", () => {
  it.each([
    ["13/10/2023", "2023-10-13", "date"],
    ["13/10/23", "2023-10-13", "date"],
    ["13-10-2023", "2023-10-13", "date"],
    ["13.10.2023", "2023-10-13", "date"],
    ["13 Oct 2023", "2023-10-13", "date"],
    ["13 October 2023", "2023-10-13", "date"],
    ["13th October 2023", "2023-10-13", "date"],
    ["Fri 13 Oct 2023", "2023-10-13", "date"],
    ["2023-10-13", "2023-10-13", "date"],
    ["  13/10/2023 ", "2023-10-13", "date"],
    [45_212, "2023-10-13", "serial"],
    [45_212.5, "2023-10-13", "serial"],
    ["45212", "2023-10-13", "serial"],
    ["ASAP", "2023-10-25", "asap"],
    ["asap", "2023-10-25", "asap"],
    ["Asap", "2023-10-25", "asap"],
    [" A S A P ", "2023-10-25", "asap"],
    ["A.S.A.P.", "2023-10-25", "asap"],
    ["Next meeting", "2023-11-08", "next-meeting"],
    ["NEXT MEETING", "2023-11-08", "next-meeting"],
    ["next  meeting", "2023-11-08", "next-meeting"],
    ["Next mtg", "2023-11-08", "next-meeting"],
    ["next mtg.", "2023-11-08", "next-meeting"],
    ["Next meeting date", "2023-11-08", "next-meeting"],
    ["+5 WD", "2023-10-18", "working-days"],
    ["+5 wd", "2023-10-18", "working-days"],
    ["+5WD", "2023-10-18", "working-days"],
    ["5 WD", "2023-10-18", "working-days"],
    ["5 working days", "2023-10-18", "working-days"],
    ["+5 working days", "2023-10-18", "working-days"],
    ["+ 5 Working Days", "2023-10-18", "working-days"],
    ["1 working day", "2023-10-12", "working-days"],
    ["+10 WD", "2023-10-25", "working-days"],
    ["+10 W.D.", "2023-10-25", "working-days"],
    ["10 wds", "2023-10-25", "working-days"],
    ["+0 WD", "2023-10-11", "working-days"],
  ] as const)("%j → %s (%s)", (due, date, rule) => {
    expect(resolveDue(due, CONTEXT)).toEqual({ ok: true, date, rule });
  });

  it("counts working days in the committee's region", () => {
    const easter = { ...CONTEXT, meetingDate: "2024-03-28" };
    expect(resolveDue("+1 WD", easter)).toEqual({ ok: true, date: "2024-04-02", rule: "working-days" });
    expect(resolveDue("+1 WD", { ...easter, region: "scotland" })).toEqual({
      ok: true,
      date: "2024-04-01",
      rule: "working-days",
    });
  });

  it("uses the ASAP setting, and a meeting held on a non-working day", () => {
    expect(resolveDue("ASAP", { ...CONTEXT, asapWorkingDays: 0 })).toEqual({ ok: true, date: "2023-10-11", rule: "asap" });
    expect(resolveDue("ASAP", { ...CONTEXT, meetingDate: "2023-10-14", asapWorkingDays: 1 })).toEqual({
      ok: true,
      date: "2023-10-16",
      rule: "asap",
    });
  });
});

describe("resolveDue explains", () => {
  it.each([
    ["", "Due is blank; write a date such as 13/10/2023, ASAP, Next meeting or +10 WD"],
    ["   ", "Due is blank; write a date such as 13/10/2023, ASAP, Next meeting or +10 WD"],
    ["31/02/2024", `"31/02/2024" is not a date; ${FIX}`],
    ["13/13/2023", `"13/13/2023" is not a date; ${FIX}`],
    ["Thu 13 Oct 2023", `"Thu 13 Oct 2023" is not a date; ${FIX}`],
    ["next week", `"next week" is not a date; ${FIX}`],
    ["TBC", `"TBC" is not a date; ${FIX}`],
    ["-5 WD", `"-5 WD" is not a date; ${FIX}`],
    ["+1.5 WD", `"+1.5 WD" is not a date; ${FIX}`],
    ["  end   of month ", `"end of month" is not a date; ${FIX}`],
    ["+1001 WD", `"+1001 WD" is more than 1000 working days after the meeting; ${FIX}`],
    ["13/10/1923", `"13/10/1923" reads as 13/10/1923; due dates must fall in 2000–2099, so ${FIX}`],
    ["13/10/2203", `"13/10/2203" reads as 13/10/2203; due dates must fall in 2000–2099, so ${FIX}`],
    ["10", `"10" reads as 09/01/1900; due dates must fall in 2000–2099, so ${FIX}`],
    [10, `"10" reads as 09/01/1900; due dates must fall in 2000–2099, so ${FIX}`],
    [0, `"0" is not a date; ${FIX}`],
    [-3, `"-3" is not a date; ${FIX}`],
    [Number.NaN, `"NaN" is not a date; ${FIX}`],
  ] as const)("%j: %s", (due, message) => {
    expect(resolveDue(due, CONTEXT)).toEqual({ ok: false, message });
  });

  it.each([
    ["ASAP", `"ASAP" ${NO_MEETING_DATE}`],
    ["+10 WD", `"+10 WD" ${NO_MEETING_DATE}`],
    ["3 working days", `"3 working days" ${NO_MEETING_DATE}`],
  ])("%j when the meeting has no date: %s", (due, message) => {
    expect(resolveDue(due, { ...CONTEXT, meetingDate: null })).toEqual({ ok: false, message });
  });

  it.each(["Next meeting", "next mtg"])("%j when there is no next meeting", (due) => {
    expect(resolveDue(due, { ...CONTEXT, nextMeetingDate: null })).toEqual({
      ok: false,
      message:
        `"${due}" needs the next meeting's date, but there is no Scheduled meeting after this one in Meetings; ` +
        "add the next meeting's date there, or write a date such as 13/10/2023",
    });
  });

  it("does not need meeting dates for forms that do not use them", () => {
    const bare = { ...CONTEXT, meetingDate: null, nextMeetingDate: null };
    expect(resolveDue("13/10/2023", bare)).toEqual({ ok: true, date: "2023-10-13", rule: "date" });
    expect(resolveDue(45_212, bare)).toEqual({ ok: true, date: "2023-10-13", rule: "serial" });
  });

  it("throws for a broken ASAP setting, which no member row can fix", () => {
    expect(() => resolveDue("ASAP", { ...CONTEXT, asapWorkingDays: -1 })).toThrow(ActionlogError);
    expect(() => resolveDue("ASAP", { ...CONTEXT, asapWorkingDays: 2.5 })).toThrow(/ASAP working days/);
  });
});

describe("resolveDue says what to fix in common UK forms (QA messy 11)", () => {
  const today = { ...CONTEXT, today: "2023-10-20" };

  it.each([
    // a time after the date is ignored, as for a date-and-time cell
    ["13/10/2023 14:30", "2023-10-13"],
    ["08/11/2023 10am", "2023-11-08"],
    ["13/10/2023, 10.30 am", "2023-10-13"],
    ["13 Oct 2023 at 14:30", "2023-10-13"],
    ["13.10.2023 10.30", "2023-10-13"],
    // a full stop after the date, as after "next meeting."
    ["13/10/2023.", "2023-10-13"],
    // two-digit years near the committee's today
    ["13/10/23", "2023-10-13"],
    ["1/1/50", "2050-01-01"],
    ["13 Oct 23", "2023-10-13"],
  ] as const)("%j → %s", (due, date) => {
    expect(resolveDue(due, today)).toEqual({ ok: true, date, rule: "date" });
  });

  it.each([
    ["13 Oct", `"13 Oct" has no year; add the year, such as 13/10/2023`],
    ["13th Oct", `"13th Oct" has no year; add the year, such as 13/10/2023`],
    ["13 October", `"13 October" has no year; add the year, such as 13/10/2023`],
    ["Fri 13 Oct", `"Fri 13 Oct" has no year; add the year, such as 13/10/2023`],
    ["13/10", `"13/10" has no year; add the year, such as 13/10/2023`],
    ["13/10 14:30", `"13/10 14:30" has no year; add the year, such as 13/10/2023`],
    // before the meeting's day this year: the example is next year's
    ["1/9", `"1/9" has no year; add the year, such as 01/09/2024`],
    ["#REF!", `"#REF!" is a broken formula, not a date: retype the date; ${FIX}`],
    ["#VALUE!", `"#VALUE!" is a broken formula, not a date: retype the date; ${FIX}`],
    ["#N/A", `"#N/A" is a broken formula, not a date: retype the date; ${FIX}`],
    ["#name?", `"#name?" is a broken formula, not a date: retype the date; ${FIX}`],
    // no silent jump of a century: 99 is 1999 near 2023, and then out of range
    ["1/1/99", `"1/1/99" reads as 01/01/1999; due dates must fall in 2000–2099, so write the year in full`],
    ["1 Jan 99", `"1 Jan 99" reads as 01/01/1999; due dates must fall in 2000–2099, so write the year in full`],
    // as near 1973 as 2073: refused
    ["1/1/73", `"1/1/73" could be 1973 or 2073; write the year in full, such as 01/01/2073`],
    ["13/13", `"13/13" is not a date; ${FIX}`],
    ["#hashtag", `"#hashtag" is not a date; ${FIX}`],
  ] as const)("%j: %s", (due, message) => {
    expect(resolveDue(due, today)).toEqual({ ok: false, message });
  });

  it("places a two-digit year near the meeting's date when today is not given, and refuses it with neither", () => {
    expect(resolveDue("1/1/99", { ...CONTEXT, meetingDate: "2080-01-01" })).toEqual({ ok: true, date: "2099-01-01", rule: "date" });
    expect(resolveDue("13/10/23", { ...CONTEXT, meetingDate: null })).toEqual({
      ok: false,
      message: `"13/10/23" could be 1923 or 2023; write the year in full, such as 13/10/2023`,
    });
  });
});

describe("resolveDue ignores invisible characters pasted into Due (regression: a zero-width space made ASAP unreadable)", () => {
  it.each([
    ["\u200bASAP", "2023-10-25", "asap"],
    ["AS\u00adAP", "2023-10-25", "asap"],
    ["\ufeffNext meeting", "2023-11-08", "next-meeting"],
    ["+5\u2060 WD", "2023-10-18", "working-days"],
    ["13/10/2023\u200e", "2023-10-13", "date"],
    ["\u202d45212", "2023-10-13", "serial"],
  ] as const)("%j → %s (%s)", (due, date, rule) => {
    expect(resolveDue(due, CONTEXT)).toEqual({ ok: true, date, rule });
  });

  it("quotes an unreadable Due without its invisible characters, and knows Next meeting behind one", () => {
    expect(resolveDue("\u200bsoon\u202e", CONTEXT)).toEqual({ ok: false, message: `"soon" is not a date; ${FIX}` });
    expect(resolveDue("\u200b", CONTEXT)).toEqual({ ok: false, message: "Due is blank; write a date such as 13/10/2023, ASAP, Next meeting or +10 WD" });
    expect(meansNextMeeting("\u200bNext mtg")).toBe(true);
  });
});
