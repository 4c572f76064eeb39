/** The .xlsx adapter's atomic save: the production writer killed part-way leaves the previous workbook intact. */
import { spawn } from "node:child_process";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transformWithOxc } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { createXlsxWorkbook } from "../../../shared/adapters/workbook.xlsx.js";
import { emptyBatch } from "../../../shared/adapters/workbook.js";
import { actions, leftovers, removeTempDirs, seeded } from "../../support/xlsx-workbook-files.js";

afterAll(removeTempDirs);

/**
 * How the crash test works: the real atomic-file.ts is compiled on the fly (vite's oxc transform strips
 * the types; the module imports only node built-ins) and run in a child node process that saves 3 MiB
 * over the workbook. Its onStage hook announces a stage on stdout and then parks, and the parent
 * SIGKILLs it there: a genuine kill of the production code mid-write, with no cooperation at the end.
 */
describe("atomic save", () => {
  const compileWriter = async (dir: string): Promise<string> => {
    const sourcePath = new URL("../../../shared/adapters/atomic-file.ts", import.meta.url);
    const { code } = await transformWithOxc(await readFile(sourcePath, "utf8"), "atomic-file.ts");
    await writeFile(join(dir, "atomic-file.mjs"), code);
    const script = join(dir, "writer.mjs");
    await writeFile(
      script,
      [
        'import { writeFileAtomic } from "./atomic-file.mjs";',
        "const [target, killAt] = process.argv.slice(2);",
        "setInterval(() => {}, 60_000);",
        "const park = () => new Promise(() => {});",
        "const onStage = async (stage) => { if (stage === killAt) { process.stdout.write('at ' + stage + '\\n'); await park(); } };",
        "await writeFileAtomic(target, Buffer.alloc(3 * 1024 * 1024, 65), { onStage });",
        "process.exit(0);",
      ].join("\n"),
    );
    return script;
  };

  /** Runs the writer; kills it with SIGKILL as soon as it reports reaching `killAt`. */
  const runWriter = (script: string, target: string, killAt: string) =>
    new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [script, target, killAt], { stdio: ["ignore", "pipe", "inherit"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`at ${killAt}`)) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("exit", (_code, signal) => resolve({ signal, output }));
    });

  it("leaves the previous workbook intact when the saving process is killed part-way", async () => {
    const { path, book } = await seeded([actions()]);
    const before = await readFile(path);
    const script = await compileWriter(join(path, ".."));
    const dir = join(path, "..");
    const writerFiles = ["atomic-file.mjs", "writer.mjs"];
    const temps = async () => (await readdir(dir)).filter((n) => n.startsWith(".log.xlsx.") && n.endsWith(".tmp"));

    for (const stage of ["temp-opened", "partly-written", "synced"]) {
      const { signal } = await runWriter(script, path, stage);
      expect(signal).toBe("SIGKILL");
      expect(await readFile(path)).toEqual(before);
      expect(await createXlsxWorkbook({ path }).read()).toEqual({ tabs: [actions()] });
    }
    const partial = await Promise.all((await temps()).map(async (n) => (await stat(join(dir, n))).size));
    expect(partial).toHaveLength(3);
    expect(partial.some((size) => size > 0 && size < 3 * 1024 * 1024)).toBe(true);

    // The next save clears what the killed writers left behind.
    await book.apply({ ...emptyBatch(), appends: [{ tab: "Actions", values: { Ref: "A-2" } }] });
    expect(await temps()).toEqual([]);
    expect((await book.read()).tabs[0]?.rows).toHaveLength(2);
    expect((await leftovers(path)).sort()).toEqual(writerFiles);

    // Control: left alone, the same compiled writer really does replace the file.
    const { signal } = await runWriter(script, path, "never");
    expect(signal).toBeNull();
    expect((await readFile(path)).equals(Buffer.alloc(3 * 1024 * 1024, 65))).toBe(true);
  });
});
