/**
 * Runs the functions' CommonJS bundle through V8's code cache. A cold instance otherwise spends
 * about a third of its first answer compiling the bundle (zod, luxon, the Google client and the
 * core) function by function; the cache holds that compiled code, made at build time by a
 * training run (train-code-cache.ts) on the same Node that serves it.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

export interface LoadedBundle {
  script: Script;
  /** The bundle's SHA-1, which the cache file starts with. */
  fingerprint: Buffer;
  /** Why the bundle compiled from source, or undefined when the cache was used. */
  uncached: string | undefined;
}

interface CommonJsModule {
  exports: unknown;
}

const FINGERPRINT_BYTES = 20;

/**
 * The V8 data in the cache file, or why there is none to use. V8 checks a cache against its
 * source's length only, so the file starts with the SHA-1 of the bundle it was made from: a
 * rebuilt bundle of the same length must not run another build's compiled code.
 */
const readCache = (path: string, fingerprint: Buffer): Buffer | string => {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    return `no code cache at ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`;
  }
  if (!file.subarray(0, FINGERPRINT_BYTES).equals(fingerprint)) return `the code cache at ${path} was made for another build of the bundle`;
  return file.subarray(FINGERPRINT_BYTES);
};

/**
 * Compiles and runs \`bundlePath\` as the CommonJS module \`module\`, from \`cachePath\` when V8
 * accepts it. V8 refuses a cache from another Node version or other flags, and then the bundle
 * compiles from source as it would without one: slower to start, never wrong.
 *
 * The bundle is built as one function expression in Node's CommonJS wrapper (esbuild's banner
 * and footer), so it sees what a \`require\` of it would, and the megabyte of source is not copied
 * again to wrap it: at cold start, every megabyte on the heap brings the first full GC closer.
 */
export function runBundle(bundlePath: string, module: CommonJsModule, cachePath?: string): LoadedBundle {
  const bundle = readFileSync(bundlePath);
  const fingerprint = createHash("sha1").update(bundle).digest();
  const cache = cachePath === undefined ? "no code cache asked for" : readCache(cachePath, fingerprint);
  const script = new Script(bundle.toString("utf8"), {
    filename: bundlePath,
    // No importModuleDynamically: the bundle is built with its import()s turned into require()s.
    ...(typeof cache === "string" ? {} : { cachedData: cache }),
  });
  const uncached = typeof cache === "string" ? cache : script.cachedDataRejected ? `V8 rejected the code cache at ${cachePath}: it was made by another Node version or with other flags` : undefined;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: CommonJsModule, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { script, fingerprint, uncached };
}

/** Writes what V8 has compiled of a loaded bundle so far, after its fingerprint; returns the file's size in bytes. */
export function saveCodeCache(loaded: LoadedBundle, cachePath: string): number {
  const file = Buffer.concat([loaded.fingerprint, loaded.script.createCachedData()]);
  writeFileSync(cachePath, file);
  return file.length;
}
