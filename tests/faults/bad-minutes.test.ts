/** Bad minutes through the whole import: truncated or corrupted .docx, binary junk and arbitrary text give a clear error or warnings, never a crash. */
import fc from "fast-check";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createMemoryWorkbook } from "../../shared/adapters/workbook.memory.js";
import { isActionlogError } from "../../shared/core/errors.js";
import { minutesDsb14Document, minutesDsb14Text } from "../../shared/demo/minutes-dsb14.js";
import { extractMinutes } from "../../shared/core/minutes/extract.js";
import { readMinutesText } from "../../shared/core/minutes/text-table.js";
import { importMinutes } from "../../shared/jobs/import-minutes-job.js";
import { buildLog } from "../support/log-fixture.js";
import { minutesDocx } from "../support/minutes-docx.js";

const NOW = DateTime.fromISO("2025-11-13T09:00:00Z");

/** An empty DSB log, so the real minutes import cleanly; every case below starts from it. */
const emptyLog = () => createMemoryWorkbook({ tabs: buildLog({ settings: { committee_code: "DSB", committee_name: "Data Standards Board" }, members: [], meetings: [] }).tabs });

/**
 * Imports `minutes` into a fresh log. The only acceptable failures are ActionlogErrors that name
 * the file and leave the log as it was; anything else (a TypeError, a RangeError) is a crash.
 */
async function outcome(minutes: string | Uint8Array, label: string) {
  const book = emptyLog();
  const before = book.snapshot();
  try {
    const report = await importMinutes(book, minutes, { now: NOW, dryRun: false, actor: "fuzz", label });
    return { kind: "imported" as const, report };
  } catch (error) {
    if (!isActionlogError(error) || !["MINUTES_UNREADABLE", "USAGE"].includes(error.code)) throw error;
    expect(book.snapshot()).toEqual(before);
    return { kind: "refused" as const, error };
  }
}

let docx: Uint8Array;
beforeAll(async () => {
  docx = await minutesDocx(minutesDsb14Document());
});

describe("damaged Word files", () => {
  it("the fixture imports whole, as the control", async () => {
    const result = await outcome(docx, "dsb14.docx");
    expect(result.kind).toBe("imported");
  });

  it("a .docx cut short anywhere is refused as unreadable, naming the file and the fix", async () => {
    const cuts = [...Array.from({ length: 40 }, (_, i) => Math.floor((docx.length * i) / 40)), docx.length - 1, docx.length - 22, 1, 2, 3, 4];
    for (const cut of cuts) {
      const result = await outcome(docx.slice(0, cut), "minutes.docx");
      expect(result.kind, `cut at byte ${cut} of ${docx.length}`).toBe("refused");
      if (result.kind === "refused") {
        expect(result.error.code).toBe("MINUTES_UNREADABLE");
        expect(result.error.message).toMatch(/^minutes\.docx is not a readable Word document \(.+\); open it in Word and save it again as \.docx/);
      }
    }
  });

  it("a .docx with corrupted bytes is refused cleanly or read for what it says, never crashes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = docx.slice();
        for (const { at, byte } of flips) bytes[at % bytes.length] = byte;
        await outcome(bytes, "minutes.docx");
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ["random bytes named .docx", () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), "minutes.docx", "not a zip package"],
    ["a zip header and nothing else", () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), "minutes.docx", "damaged or truncated"],
    ["an empty file named .docx", () => new Uint8Array(), "minutes.docx", "not a zip package"],
    ["binary bytes named .txt", () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 104729) % 256), "minutes.txt", "found no action refs"],
    ["an empty text file", () => new Uint8Array(), "minutes.txt", "found no action refs"],
  ])("%s: refused with a message saying what to do", async (_name, make, label, why) => {
    const result = await outcome(make(), label);
    expect(result.kind).toBe("refused");
    if (result.kind === "refused") {
      expect(result.error.message).toContain(label);
      expect(result.error.message).toContain(why);
    }
  });
});

describe("arbitrary text as minutes", () => {
  const lines = minutesDsb14Text().split("\n");

  it("any selection of the real minutes' lines imports with cross-check warnings, or is refused for want of refs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(lines), async (kept) => {
        const result = await outcome(kept.join("\n"), "partial.txt");
        if (result.kind === "refused") expect(result.error.message).toMatch(/found no action refs|are for committee/);
        else for (const finding of result.report.minutes.crossCheck) expect(finding.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 60 },
    );
  });

  it("text made of minutes-shaped fragments never crashes the import", async () => {
    const fragment = fc.constantFrom("\t", "\n", "\n\n", "\u00a0", "DSB14-01", "DSB13-02", "DSB-DEC3", "ACTION DSB14-05: ", "DECISION DSB-DEC9: ", ": Action closed.", "Previous Meeting(s)", "Area", "Ref", "Action", "Owner", "Due", "Programme (", ")", "Date of meeting: 12/11/2025", "Date of next meeting: 31/02/2026", "ASAP", "(SC)", "Apologies", "&", "\u202e");
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(""))), async (text) => {
        await outcome(text, "fragments.txt");
      }),
      { numRuns: 150 },
    );
  });
});

describe("text minutes cut short inside the actions table", () => {
  const text = minutesDsb14Text();
  const start = text.indexOf("\tNew / Outstanding Actions");
  const end = text.indexOf("Decisions");

  it("every cut imports whole rows only, and says so when the last row is cut (regression: a half row DSB1 imported, exit 0)", async () => {
    const full = extractMinutes(readMinutesText(text)).actions;
    const cuts = Array.from({ length: Math.ceil((end - start) / 11) }, (_, i) => start + i * 11);
    for (const cut of cuts) {
      const partial = text.slice(0, cut);
      const result = await outcome(partial, "cut.txt");
      if (result.kind === "refused") {
        expect(result.error.message, `cut at ${cut}`).toContain("found no action refs");
        continue;
      }
      const { actions, crossCheck } = result.report.minutes;
      for (const a of actions) {
        const whole = full.find((f) => f.ref === a.ref);
        expect(whole, `cut at ${cut}: ${a.ref} is not one of the minutes' actions`).toBeDefined();
        expect([a.area, a.action, a.owner], `cut at ${cut}`).toEqual([whole?.area, whole?.action, whole?.owner]);
        expect(whole?.dueText.startsWith(a.dueText), `cut at ${cut}`).toBe(true);
      }
      const cutShort = crossCheck.filter((f) => f.kind === "cut-short");
      for (const f of full) {
        const started = partial.includes(`\t${f.ref}\r\n`);
        if (started && !actions.some((a) => a.ref === f.ref)) expect(cutShort.map((c) => c.ref), `cut at ${cut}`).toEqual([f.ref]);
      }
      expect(crossCheck.filter((f) => ["no-actions-table", "unread-table", "bad-ref"].includes(f.kind)), `cut at ${cut}`).toEqual([]);
    }
  });
});
