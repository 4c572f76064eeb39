/** A lock file beside the workbook so two actionlog commands never read-modify-write it at the same time. */
import { randomBytes } from "node:crypto";
import { link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { ActionlogError } from "../core/errors.js";
import { isProcessAlive } from "./atomic-file.js";

export interface FileLockOptions {
  timeoutMs: number;
  /** A lock older than this is abandoned whatever it says; a live save takes well under a second. */
  staleMs?: number;
  retryMs?: number;
  /** What to say when another holder keeps the lock past the timeout; by default, that the workbook is locked. */
  busyMessage?: string;
}

interface LockOwner {
  pid: number;
  host: string;
  time: string;
  token: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const parseOwner = (text: string): LockOwner | undefined => {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === "number" && typeof value.host === "string" ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
};

/** Stale when old, or when its owner on this machine has died. A half-written lock only goes stale with age. */
const isStale = async (lockPath: string, text: string, staleMs: number): Promise<boolean> => {
  const info = await stat(lockPath).catch(() => undefined);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > staleMs) return true;
  const owner = parseOwner(text);
  return owner !== undefined && owner.host === hostname() && !isProcessAlive(owner.pid);
};

/**
 * Removes a lock judged stale. It is first renamed aside and checked to be the very file judged,
 * so a racing process that has just taken a fresh lock does not lose it; if it was fresh, it goes back.
 */
const takeOver = async (lockPath: string, judged: string): Promise<void> => {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, "utf8").catch(() => judged);
  if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
};

const tryCreate = async (lockPath: string, owner: LockOwner): Promise<boolean> => {
  try {
    const handle = await open(lockPath, "wx");
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
};

const release = async (lockPath: string, token: string): Promise<void> => {
  const text = await readFile(lockPath, "utf8").catch(() => "");
  // Someone may have taken over a lock we held too long; theirs is not ours to delete.
  if (parseOwner(text)?.token === token) await unlink(lockPath).catch(() => undefined);
};

/** Runs `work` holding `lockPath`, waiting up to `timeoutMs` for another holder; always releases. */
export const withFileLock = async <T>(lockPath: string, options: FileLockOptions, work: () => Promise<T>): Promise<T> => {
  const { timeoutMs, staleMs = 60_000, retryMs = 50 } = options;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await tryCreate(lockPath, owner))) {
    const text = await readFile(lockPath, "utf8").catch(() => undefined);
    const stale = text !== undefined && (await isStale(lockPath, text, staleMs));
    if (stale) await takeOver(lockPath, text);
    if (Date.now() >= deadline) {
      throw new ActionlogError(
        "WORKBOOK_LOCKED",
        options.busyMessage ?? `The workbook is locked by ${lockPath}. Another actionlog command may be saving it; if none is running, delete ${lockPath} and try again.`,
      );
    }
    // A lock that vanished is worth an immediate retry; otherwise wait a short, jittered while.
    if (text !== undefined) await sleep(stale ? retryMs / 5 : retryMs / 2 + Math.random() * retryMs);
  }
  try {
    return await work();
  } finally {
    await release(lockPath, owner.token);
  }
};
