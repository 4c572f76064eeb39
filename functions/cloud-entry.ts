/**
 * The deploy entry (package.json main, bundled to dist/cloud/index.cjs): runs the functions'
 * bundle from its code cache, which registers every cloud function by name with
 * functions-framework. Only ever run bundled as CommonJS, where __dirname is the bundle's folder.
 */
import { join } from "node:path";
import { runBundle } from "./code-cache.js";

const { uncached } = runBundle(join(__dirname, "bundle.cjs"), module, join(__dirname, "bundle.cjs.cache"));
// Said once per instance, in Cloud Logging's structured form: cold starts are slower, nothing else changes.
// A runtime update that changes Node between deploys leads here too; a redeploy builds the cache again.
const advice = "Redeploy (deploy.sh), or run npm run build on the Node that serves the functions.";
if (uncached !== undefined) process.stdout.write(`${JSON.stringify({ severity: "WARNING", message: `Cold starts are slower: ${uncached}. ${advice}` })}\n`);
