/** The Settings tab's values as people type them: digest_weekday spellings. */
import { describe, expect, it } from "vitest";
import { parseLog } from "../../sheets-schema/parse-log.js";
import { buildLog } from "../support/log-fixture.js";

const parse = (digestWeekday: string) => parseLog(buildLog({ settings: { digest_weekday: digestWeekday } }));

describe("digest_weekday", () => {
  it.each([
    ["Monday", "Monday"],
    ["monday", "Monday"],
    ["Mon", "Monday"],
    ["Tue", "Tuesday"],
    ["tues.", "Tuesday"],
    ["Wed", "Wednesday"],
    ["Weds", "Wednesday"],
    ["WEDS.", "Wednesday"],
    ["Thu", "Thursday"],
    ["Thur", "Thursday"],
    ["Thurs.", "Thursday"],
    ["Thursday.", "Thursday"],
    ["Fri", "Friday"],
    ["fri.", "Friday"],
    ["Sat", "Saturday"],
    ["Sun", "Sunday"],
  ])("reads %j as %s, with no problem (QA finding 4)", (typed, day) => {
    const log = parse(typed);
    expect(log.settings.digestWeekday).toBe(day);
    expect(log.problems).toEqual([]);
  });

  it.each(["Fryday", "Th", "Thursday..", "Monday-Friday", "constructor", "1"])("reports %j as not a day and keeps Monday", (typed) => {
    const log = parse(typed);
    expect(log.settings.digestWeekday).toBe("Monday");
    expect(log.problems).toEqual([
      expect.objectContaining({ tab: "Settings", ref: "digest_weekday", column: "Value", message: `Value "${typed}" is not valid for digest_weekday; write a day of the week, such as Monday or Mon` }),
    ]);
  });
});
