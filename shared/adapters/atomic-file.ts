/** Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the target. */
import { randomBytes } from "node:crypto";
import { open, readdir, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

// This module imports only node built-ins so a test can compile it alone and kill a child process mid-save.

/** Points in a save at which a test may pause the writer (and kill it). */
export type SaveStage = "temp-opened" | "partly-written" | "synced" | "renamed";

export interface AtomicWriteOptions {
  /** Test hook awaited at each stage; production callers leave it out. */
  onStage?: (stage: SaveStage) => Promise<void> | void;
  /**
   * Awaited once the new file is safely written, just before it replaces the target: the last
   * moment to check the target is still what the caller read. A throw abandons the save, target untouched.
   */
  beforeRename?: () => Promise<void>;
}

const CHUNK_BYTES = 1 << 20;

/** `.<name>.<pid>.<random>.tmp`: hidden, beside the target (so rename stays on one file system), owner traceable. */
export const tempPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);

/** Directory fsync makes the rename itself durable; some platforms (Windows) refuse it, which is harmless. */
const syncDirectory = async (directory: string): Promise<void> => {
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort by design: the data is already safe in the renamed file.
  }
};

const ownerOf = async (path: string): Promise<{ mode: number; uid: number; gid: number } | undefined> => {
  try {
    const info = await stat(path);
    return { mode: info.mode & 0o777, uid: info.uid, gid: info.gid };
  } catch {
    return undefined;
  }
};

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the
 * new one, never a mixture. Raw fs errors propagate; the caller decides what they mean.
 */
export const writeFileAtomic = async (path: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> => {
  const stage = async (name: SaveStage) => options.onStage?.(name);
  const temp = tempPathFor(path);
  const owner = await ownerOf(path);
  const handle = await open(temp, "wx", owner?.mode ?? 0o666);
  let renamed = false;
  try {
    if (owner) {
      // A new file gets the umask and whoever saves it as owner; give it the old file's back where allowed.
      await handle.chown(owner.uid, owner.gid).catch(() => undefined);
      await handle.chmod(owner.mode).catch(() => undefined);
    }
    await stage("temp-opened");
    for (let offset = 0; offset < data.length; ) {
      const { bytesWritten } = await handle.write(data, offset, Math.min(CHUNK_BYTES, data.length - offset));
      offset += bytesWritten;
      if (offset < data.length) await stage("partly-written");
    }
    await handle.sync();
    await handle.close();
    await stage("synced");
    await options.beforeRename?.();
    await rename(temp, path);
    renamed = true;
    await stage("renamed");
    await syncDirectory(dirname(path));
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
  }
};

/** Whether a process with this pid exists on this machine. */
export const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Deletes temp files a killed writer left beside `path`. Call it only while holding the
 * workbook lock: then no live writer of ours can own a temp file older than `staleMs`.
 */
export const removeLeftoverTemps = async (path: string, staleMs: number): Promise<void> => {
  const prefix = `.${basename(path)}.`;
  const directory = dirname(path);
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const full = join(directory, name);
    const info = await stat(full).catch(() => undefined);
    const abandoned = !isProcessAlive(Number(match[1])) || (info !== undefined && Date.now() - info.mtimeMs > staleMs);
    if (abandoned) await unlink(full).catch(() => undefined);
  }
};
