#!/usr/bin/env node
// Runs the compiled command; `npm run build` (or `npm start`) produces dist/.
import { existsSync } from "node:fs";

const entry = new URL("../dist/functions/actionlog.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("actionlog: not built yet; run npm run build first");
  process.exit(2);
}
// `actionlog validate --json | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
});
