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
  /** The bundle's SHA-1, which the cache file names. */
  fingerprint: string;
  /** Why the bundle compiled from source, or undefined when the cache was used. */
  uncached: string | undefined;
}

interface CommonJsModule {
  exports: unknown;
}

/**
 * The cache file's first line. V8 checks a cache against its source's length only, and in
 * release builds not at all against damage (a flipped byte crashes the process), so the file
 * names the bundle it was made from and the SHA-1 of its V8 data, and the Node that made it.
 */
interface CacheHeader {
  bundle: string;
  data: string;
  node: string;
}

const sha1 = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");

/** The header, checked field by field (zod stays out of this loader, which runs before the bundle). */
const headerOf = (line: Buffer): CacheHeader | undefined => {
  try {
    const header = JSON.parse(line.toString("utf8")) as Partial<Record<keyof CacheHeader, unknown>>;
    const { bundle, data, node } = header;
    return typeof bundle === "string" && typeof data === "string" && typeof node === "string" ? { bundle, data, node } : undefined;
  } catch {
    return undefined;
  }
};

/** The V8 data in the cache file with its header, or why there is none to use. */
const readCache = (path: string, fingerprint: string): { data: Buffer; header: CacheHeader } | string => {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return code === "ENOENT" ? `no code cache at ${path}` : `the code cache at ${path} could not be read (${code})`;
  }
  const newline = file.indexOf(10);
  const header = newline > 0 ? headerOf(file.subarray(0, newline)) : undefined;
  const data = file.subarray(newline + 1);
  if (header === undefined || sha1(data) !== header.data) return `the code cache at ${path} is damaged`;
  if (header.bundle !== fingerprint) return `the code cache at ${path} was made for another build of the bundle`;
  return { data, header };
};

/** Why V8 refused a cache that is whole and made for this bundle. */
const refusal = (path: string, header: CacheHeader): string =>
  header.node === process.version
    ? `V8 refused the code cache at ${path}: the functions run with other V8 flags than the build had (NODE_OPTIONS such as --max-old-space-size)`
    : `V8 refused the code cache at ${path}: it was made by Node ${header.node}, and this is Node ${process.version}`;

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
  const fingerprint = sha1(bundle);
  const cache = cachePath === undefined ? "no code cache asked for" : readCache(cachePath, fingerprint);
  const script = new Script(bundle.toString("utf8"), {
    filename: bundlePath,
    // No importModuleDynamically: the bundle is built with its import()s turned into require()s.
    ...(typeof cache === "string" ? {} : { cachedData: cache.data }),
  });
  const uncached = typeof cache === "string" ? cache : script.cachedDataRejected ? refusal(cachePath ?? "", cache.header) : undefined;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: CommonJsModule, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { script, fingerprint, uncached };
}

/** Writes what V8 has compiled of a loaded bundle so far, after its header. */
export function saveCodeCache(loaded: LoadedBundle, cachePath: string): void {
  const data = loaded.script.createCachedData();
  const header: CacheHeader = { bundle: loaded.fingerprint, data: sha1(data), node: process.version };
  const file = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), data]);
  writeFileSync(cachePath, file);
}
