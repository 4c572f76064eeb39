/**
 * `npm run bundle`: the deployable in dist/cloud. bundle.cjs holds the functions with zod, luxon
 * and the Google client; index.cjs (package.json main) runs it from the V8 code cache that a
 * training run in a fresh process then writes (train-code-cache.ts).
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Plugin, build } from "esbuild";

const OUT = join("dist", "cloud");

/**
 * googleapis-common loads its HTTP/2 client, and with it Node's http2 module (about 4 ms of a
 * cold start), whenever it is loaded; the client is used only for requests made with
 * `http2: true`, which actionlog never makes. The stand-in fails loudly if that ever changes.
 */
const withoutHttp2: Plugin = {
  name: "googleapis-common-without-http2",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/http2$/ }, (args) => (args.importer.includes("googleapis-common") ? { path: "googleapis-common-http2", namespace: "actionlog-stub" } : undefined));
    esbuild.onLoad({ filter: /.*/, namespace: "actionlog-stub" }, () => ({
      contents: 'exports.request = () => { throw new Error("actionlog is built without the HTTP/2 client: do not pass http2: true"); }; exports.sessions = {}; exports.closeSession = () => {};',
      loader: "js",
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
const bundled = await build({
  entryPoints: ["functions/index.ts"],
  outfile: join(OUT, "bundle.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  // Left in node_modules: functions-framework registers the functions with its own copy; the
  // rest load on first use (mail, spreadsheet files, papers) and need not be in the code cache.
  external: ["@google-cloud/functions-framework", "nodemailer", "exceljs", "jszip", "docx"],
  // import() of those becomes require(), so the bundle needs no dynamic-import hook from node:vm.
  supported: { "dynamic-import": false },
  // One function expression in Node's CommonJS wrapper: code-cache.ts compiles it as it is.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {" },
  footer: { js: "})" },
  plugins: [withoutHttp2],
  metafile: true,
  logLevel: "warning",
});
writeFileSync(join(OUT, "meta.json"), JSON.stringify(bundled.metafile));
await build({ entryPoints: ["functions/cloud-entry.ts"], outfile: join(OUT, "index.cjs"), bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning" });
// A fresh process, so the cache holds what a cold start compiles and nothing of this one.
execFileSync(process.execPath, [join("dist", "functions", "train-code-cache.js"), OUT], { stdio: "inherit" });
