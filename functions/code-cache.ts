/**
 * Runs the functions' CommonJS bundle through V8's code cache. A cold instance otherwise spends
 * about a third of its first answer compiling the bundle (zod, luxon, the Google client and the
 * core) function by function; the cache holds that compiled code, made at build time by a
 * training run (train-code-cache.ts) on the same Node that serves it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

export interface LoadedBundle {
  script: Script;
  /** Why the bundle compiled from source, or undefined when the cache was used. */
  uncached: string | undefined;
}

interface CommonJsModule {
  exports: unknown;
}

const readCache = (path: string): Buffer | string => {
  try {
    return readFileSync(path);
  } catch (error) {
    return `no code cache at ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`;
  }
};

/**
 * Compiles and runs `bundlePath` as the CommonJS module `module`, from `cachePath` when V8
 * accepts it. V8 refuses a cache from another Node version or other flags, and then the bundle
 * compiles from source as it would without one: slower to start, never wrong.
 *
 * The bundle is built as one function expression in Node's CommonJS wrapper (esbuild's banner
 * and footer), so it sees what a `require` of it would, and the megabyte of source is not copied
 * again to wrap it: at cold start, every megabyte on the heap brings the first full GC closer.
 */
export function runBundle(bundlePath: string, module: CommonJsModule, cachePath?: string): LoadedBundle {
  const cache = cachePath === undefined ? "no code cache asked for" : readCache(cachePath);
  const script = new Script(readFileSync(bundlePath, "utf8"), {
    filename: bundlePath,
    // No importModuleDynamically: the bundle is built with its import()s turned into require()s.
    ...(typeof cache === "string" ? {} : { cachedData: cache }),
  });
  const uncached = typeof cache === "string" ? cache : script.cachedDataRejected ? `V8 rejected the code cache at ${cachePath}: it was made by another Node version or with other flags` : undefined;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: CommonJsModule, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { script, uncached };
}
