/** The .xlsx adapter's locks: Excel's and LibreOffice's lock files, two adapters saving at once, and stale or live lock files of its own. */
import { spawn } from "node:child_process";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failsWith } from "../../support/actionlog-error.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { actions, leftovers, removeTempDirs, seeded } from "../../support/xlsx-workbook-files.js";

afterAll(removeTempDirs);

describe("createXlsxWorkbook on disk", () => {
  it("refuses to save while Excel or LibreOffice has the workbook open, but still reads it", async () => {
    for (const lockName of ["~$log.xlsx", ".~lock.log.xlsx#"]) {
      const { path, book } = await seeded([actions()]);
      const before = await readFile(path);
      const lockFile = join(path, "..", lockName);
      await writeFile(lockFile, "someone");
      const batch = { ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] };
      const message = await failsWith(book.apply(batch), "WORKBOOK_OPEN_ELSEWHERE");
      expect(message).toContain(lockFile);
      expect(await readFile(path)).toEqual(before);
      expect((await book.read()).tabs).toEqual([actions()]);
    }
  });

  it("loses no update when two adapters apply to the same file at once", async () => {
    const { path } = await seeded([actions()]);
    const [first, second] = [createXlsxWorkbook({ path }), createXlsxWorkbook({ path })];
    const append = (ref: string) => ({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: ref } }] });
    const results = await Promise.all([
      first.apply(append("A-2")),
      second.apply(append("A-3")),
      first.apply({ ...emptyBatch(), updates: [{ tab: "Actions", row: 2, ref: "A-1", column: "Status", expected: "Open", value: "Closed" }] }),
      second.apply(append("A-4")),
    ]);
    expect(results.map((r) => r.applied)).toEqual([1, 1, 1, 1]);
    const rows = (await createXlsxWorkbook({ path }).read()).tabs[0]?.rows ?? [];
    expect(rows.map((r) => r.cells[0]).sort()).toEqual(["A-1", "A-2", "A-3", "A-4"]);
    expect(rows[0]?.cells[1]).toBe("Closed");
    expect(await leftovers(path)).toEqual([]);
  });

  it("takes over a lock left by a dead process or too old to be live", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = dead.pid ?? 0;
    await new Promise((resolve) => dead.on("exit", resolve));
    for (const [pid, ageSeconds] of [[deadPid, 0], [process.pid, 120]] as const) {
      const { path, book } = await seeded([actions()]);
      const lock = `${path}.lock`;
      await writeFile(lock, JSON.stringify({ pid, host: hostname(), time: new Date().toISOString(), token: "old" }));
      const then = new Date(Date.now() - ageSeconds * 1000);
      await utimes(lock, then, then);
      const result = await createXlsxWorkbook({ path, lockTimeoutMs: 2_000 }).apply({
        ...emptyBatch(),
        appends: [{ tab: "Actions", values: { Ref: "A-2" } }],
      });
      expect(result.applied).toBe(1);
      expect((await book.read()).tabs[0]?.rows).toHaveLength(2);
      expect(await leftovers(path)).toEqual([]);
    }
  });

  it("gives up on a live lock after lockTimeoutMs, naming the lock file, and keeps both files", async () => {
    const { path } = await seeded([actions()]);
    const lock = `${path}.lock`;
    const held = JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), token: "held" });
    await writeFile(lock, held);
    const before = await readFile(path);
    const started = Date.now();
    const batch = { ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] };
    const message = await failsWith(createXlsxWorkbook({ path, lockTimeoutMs: 150 }).apply(batch), "WORKBOOK_LOCKED");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(message).toContain(lock);
    expect(message).toMatch(/delete/i);
    expect(await readFile(lock, "utf8")).toBe(held);
    expect(await readFile(path)).toEqual(before);
  });
});
