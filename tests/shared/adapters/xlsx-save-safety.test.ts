/** A local save never overwrites another program's save, a read-only workbook, or a file in a folder it cannot write. */
import { execFile } from "node:child_process";
import { chmod, chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { failsWith } from "../../support/actionlog-error.js";
import { cli, writeXlsx } from "../../support/cli.js";
import { action, buildLog } from "../../support/log-fixture.js";

/**
 * The one seam: the other program must save between apply()'s read and its rename, with no timing
 * race. atomic-file's own onStage test hook fires at "synced" (new file written, not yet renamed);
 * this mock only lets a test attach to it from outside. The real writer still does every step.
 */
const otherWriter = vi.hoisted(() => ({ atSynced: undefined as ((path: string) => Promise<void>) | undefined }));
vi.mock("../../../shared/adapters/atomic-file.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../shared/adapters/atomic-file.js")>();
  const writeFileAtomic: typeof real.writeFileAtomic = (path, data, options = {}) =>
    real.writeFileAtomic(path, data, {
      ...options,
      onStage: async (stage) => {
        await options.onStage?.(stage);
        if (stage === "synced") await otherWriter.atSynced?.(path);
      },
    });
  return { ...real, writeFileAtomic };
});

const isRoot = process.getuid?.() === 0;
const onWindows = process.platform === "win32";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
afterEach(() => {
  otherWriter.atSynced = undefined;
});
beforeEach(() => {
  vi.stubEnv("ACTIONLOG_NOW", "2023-10-20T09:00:00Z");
});

/** A log whose validate has one thing to write: the blank Ref gets the next number. */
const seededLog = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), "actionlog-safety-"));
  dirs.push(dir);
  const path = join(dir, "log.xlsx");
  await writeXlsx(path, buildLog({ actions: [action(), action({ Ref: "", Action: "Second" })] }));
  return path;
};

const appendBatch = { ...emptyBatch(), appends: [{ tab: "Audit", values: { Tab: "Actions" } }] };

const refusal = failsWith;

const neighbours = async (path: string) => (await readdir(dirname(path))).filter((name) => name !== "log.xlsx");

describe("a save meets another program's save", () => {
  it("refuses when the file changed on disk between the read and the rename, and keeps the other program's bytes", async () => {
    const path = await seededLog();
    const theirs = Buffer.from("saved by a sync client meanwhile");
    otherWriter.atSynced = (target) => writeFile(target, theirs);
    const message = await refusal(createXlsxWorkbook({ path }).apply(appendBatch), "CONFLICT");
    expect(message).toContain(path);
    expect(message).toContain("changed on disk while actionlog was saving");
    expect(message).toContain("another program or a sync client");
    expect(message).toContain("nothing was saved");
    expect(message).toContain("the other program's changes are kept");
    expect(message).toContain("Run the command again");
    expect(await readFile(path)).toEqual(theirs);
    expect(await neighbours(path)).toEqual([]);
  });

  it("saves when the file on disk is still exactly what it read (a rewrite of the same bytes included)", async () => {
    const path = await seededLog();
    const same = await readFile(path);
    otherWriter.atSynced = (target) => writeFile(target, same);
    expect(await createXlsxWorkbook({ path }).apply(appendBatch)).toMatchObject({ applied: 1 });
    expect(await readFile(path)).not.toEqual(same);
  });

  it("makes `actionlog validate` exit 2 with that message and leave the other program's save alone", async () => {
    const path = await seededLog();
    // A real edit of the same log, as another program would save it.
    const edited = `${path}.theirs.xlsx`;
    await writeXlsx(edited, buildLog({ actions: [action({ Status: "Closed" })] }));
    const theirs = await readFile(edited);
    await rm(edited);
    otherWriter.atSynced = (target) => writeFile(target, theirs);
    const result = await cli("validate", "--sheet", path);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${path} changed on disk while actionlog was saving`);
    expect(await readFile(path)).toEqual(theirs);
  });
});

describe("a save meets a file or folder it may not write", () => {
  it("refuses a read-only workbook (chmod 444) before any work, whoever runs it, and leaves it as it was", async () => {
    const path = await seededLog();
    await chmod(path, 0o444);
    const before = await readFile(path);
    const expected = `${path} is read-only; nothing was saved. Make it writable (or save a copy) and run again.`;
    expect(await refusal(createXlsxWorkbook({ path }).apply(appendBatch), "WORKBOOK_FORBIDDEN")).toBe(expected);
    const result = await cli("validate", "--sheet", path);
    expect(result.code).toBe(2);
    expect(result.err).toContain(expected);
    expect(await readFile(path)).toEqual(before);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    expect(await neighbours(path)).toEqual([]);
  });

  it.skipIf(onWindows)("keeps the workbook's mode on the new file, whatever the umask", async () => {
    const path = await seededLog();
    await chmod(path, 0o664);
    expect(await createXlsxWorkbook({ path }).apply(appendBatch)).toMatchObject({ applied: 1 });
    expect((await stat(path)).mode & 0o777).toBe(0o664);
  });

  if (!isRoot) console.warn("xlsx-save-safety: skipping the owner test; only root can save a file another user owns here");
  it.skipIf(!isRoot)("keeps the workbook's owner when root saves another user's file", async () => {
    const path = await seededLog();
    await chown(path, 65534, 65534);
    expect(await createXlsxWorkbook({ path }).apply(appendBatch)).toMatchObject({ applied: 1 });
    expect(await stat(path)).toMatchObject({ uid: 65534, gid: 65534 });
  });

  /**
   * Root may write any folder, so as root the real `actionlog` binary is run as user 65534 (nobody),
   * for whom the root-owned folder is read-only; otherwise it runs as this user on a chmod 555 folder.
   */
  if (onWindows) console.warn("xlsx-save-safety: skipping the read-only folder test; Windows has no folder write bits");
  it.skipIf(onWindows)("says the folder is not writable, not that the lock file failed, and leaves the workbook alone", async () => {
    const path = await seededLog();
    const dir = dirname(path);
    await chmod(path, 0o666);
    await chmod(dir, isRoot ? 0o755 : 0o555);
    const before = await readFile(path);
    const bin = join(import.meta.dirname, "../../../bin/actionlog.js");
    const run = promisify(execFile);
    const result = await run(process.execPath, [bin, "validate", "--sheet", path], {
      env: { ...process.env, ACTIONLOG_NOW: "2023-10-20T09:00:00Z" },
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    await chmod(dir, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The folder ${dir} is not writable, so ${path} cannot be saved`);
    expect(result.stderr).toContain("nothing was saved");
    expect(result.stderr).not.toContain(".lock");
    expect(await readFile(path)).toEqual(before);
    expect(await neighbours(path)).toEqual([]);
  });
});
