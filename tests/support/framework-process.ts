/** functions-framework in its own process, as Cloud Functions runs it: spawned with --target and --source, ready once it listens. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const twoUp = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The repository root whether this runs from source (vitest) or compiled into dist/ (the bench). */
export const repoRoot = basename(twoUp) === "dist" ? dirname(twoUp) : twoUp;
const frameworkBin = join(repoRoot, "node_modules", ".bin", "functions-framework");

/** A loopback port nobody is listening on (the listener is closed before it is handed out). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

export interface FrameworkProcess {
  url: string;
  /** Exit code once the process has exited by itself, else null. */
  exitCode(): number | null;
  /** What the process has written to stdout and stderr so far: its structured log lines. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns the framework serving `target` from `source`, without waiting: the bench times from here. */
export async function spawnFramework(options: { target: string; source: string; env: Record<string, string> }): Promise<FrameworkProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(frameworkBin, [`--target=${options.target}`, `--source=${options.source}`, `--port=${port}`], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    url: `http://127.0.0.1:${port}`,
    exitCode: () => child.exitCode,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

/** Spawns the framework and waits (up to 20 s) until it accepts connections. */
export async function startFramework(options: { target: string; source: string; env: Record<string, string> }): Promise<FrameworkProcess> {
  const framework = await spawnFramework(options);
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (framework.exitCode() !== null) throw new Error(`functions-framework exited (${framework.exitCode()}): ${framework.output()}`);
    const listening = await fetch(framework.url, { method: "OPTIONS" }).then(
      () => true,
      () => false,
    );
    if (listening) return framework;
    if (Date.now() > deadline) {
      await framework.stop();
      throw new Error(`functions-framework did not listen within 20 s: ${framework.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
