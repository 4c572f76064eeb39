#!/usr/bin/env node
// Runs the compiled command; `npm run build` (or `npm start`) produces dist/.
import { existsSync } from "node:fs";

const entry = new URL("../dist/functions/actionlog.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("actionlog: not built yet; run npm run build first");
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
});
