/** Compiles dist/ once, and bundles dist/cloud (the deployable), so tests run the real `actionlog` binary and functions as users do. */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export default function setup(): void {
  const typescript = dirname(createRequire(import.meta.url).resolve("typescript/package.json"));
  execFileSync(process.execPath, [join(typescript, "bin", "tsc"), "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync("npm", ["run", "bundle", "--silent"], { stdio: "inherit" });
}
