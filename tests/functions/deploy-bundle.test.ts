/**
 * The deployable: package.json main is dist/cloud/index.cjs, which runs the esbuild bundle of
 * functions/index.ts from its V8 code cache. These run it the way Cloud Functions does,
 * functions-framework in its own process, and check what the bundle holds.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNATURE_HEADER } from "../../shared/adapters/request-signature.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { type FrameworkProcess, repoRoot, startFramework } from "../support/framework-process.js";
import { NOW_ISO, SECRET, SHEET_A, actionCell, signed } from "../support/function-runtime.js";
import { action, buildLog } from "../support/log-fixture.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const main = join(repoRoot, (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { main: string }).main);

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

const COLD_START_WARNING = "Cold starts are slower";

describe("the deploy bundle", () => {
  it("is package.json main; it holds the edit path and the Google client, and leaves mail and spreadsheet files to node_modules", () => {
    expect(main).toBe(join(repoRoot, "dist", "cloud", "index.cjs"));
    const meta = JSON.parse(readFileSync(join(repoRoot, "dist", "cloud", "meta.json"), "utf8")) as Metafile;
    const inputs = Object.keys(meta.outputs[join("dist", "cloud", "bundle.cjs")]?.inputs ?? {});
    expect(inputs).toContain("functions/on-sheet-edit.ts");
    expect(inputs).toContain("shared/core/validate.ts");
    const packages = new Set(inputs.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []));
    // In the bundle, so the code cache holds them compiled.
    for (const cached of ["@googleapis/sheets", "google-auth-library", "gaxios", "zod", "luxon"]) expect(packages).toContain(cached);
    // Required from node_modules the first time a digest is sent or a file is read.
    for (const lazy of ["nodemailer", "exceljs", "jszip", "docx"]) expect(packages).not.toContain(lazy);
    // googleapis-common's HTTP/2 client (and Node's http2 with it) is replaced by a stand-in that throws.
    expect(inputs).toContain("actionlog-stub:googleapis-common-http2");
    expect(inputs.filter((file) => file.endsWith("googleapis-common/build/src/http2.js"))).toEqual([]);
    expect(packages).not.toContain("@google-cloud/functions-framework"); // the host's own copy registers the functions
    // `import * as z` lets the bundler drop zod's 40-odd translations; `import { z }` keeps them all (400 KB, ~10 ms at start).
    const zodLocales = inputs.filter((file) => file.includes("node_modules/zod/") && file.includes("/locales/"));
    expect(zodLocales.map((file) => file.replace(/.*\/locales\//, ""))).toEqual(["en.js"]);
  });

  describe("served by functions-framework", () => {
    let fake: FakeSheets;
    let smtp: SmtpSink;
    const running: FrameworkProcess[] = [];
    beforeAll(async () => {
      [fake, smtp] = await Promise.all([startFakeSheets(), startSmtpSink()]);
    });
    afterAll(async () => {
      await Promise.all(running.map((p) => p.stop()));
      await Promise.all([fake.close(), smtp.close()]);
    });
    const serve = async (target: string, env: Record<string, string> = {}, source = main) => {
      const process = await startFramework({
        target,
        source,
        env: { ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: SHEET_A, ACTIONLOG_SHEETS_ROOT_URL: fake.url, ...env },
      });
      running.push(process);
      return process;
    };

    const nudge = (url: string, headers: Record<string, string> = {}) => {
      const { raw, header } = signed("onSheetEdit", { spreadsheetId: SHEET_A, tab: "Actions", range: "F2" }, { at: Math.floor(Date.now() / 1000) });
      return fetch(url, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: header, ...headers }, body: raw });
    };

    it("onSheetEdit answers a signed nudge through the real Sheets client, from the code cache, and refuses an unsigned one", async () => {
      fake.seed(SHEET_A, buildLog({ actions: [action({ Due: "31/02/2024" })] }).tabs);
      const edit = await serve("onSheetEdit");
      expect((await nudge(edit.url, { [SIGNATURE_HEADER]: "" })).status).toBe(401);
      const answer = await nudge(edit.url);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ rows: 1, problems: 1 });
      expect(actionCell(fake.snapshot(SHEET_A), "DAG29-01", "Checks")).toContain('Due "31/02/2024" is not a date');
      expect(edit.output()).not.toContain(SECRET);
      // The build's training run made the cache on this Node, so V8 took it.
      expect(edit.output()).not.toContain(COLD_START_WARNING);
    });

    it("a code cache for another build, damaged, refused by V8 or missing only slows the start: the function answers, and says why once", async () => {
      // A copy beside dist/cloud, so node_modules resolve as they do for the real one.
      const copy = join(repoRoot, "dist", "cloud-cache-test");
      const cachePath = join(copy, "bundle.cjs.cache");
      rmSync(copy, { recursive: true, force: true });
      cpSync(join(repoRoot, "dist", "cloud"), copy, { recursive: true });
      const real = readFileSync(cachePath);
      const answersSaying = async (reason: string, env: Record<string, string> = {}) => {
        fake.seed(SHEET_A, buildLog({ actions: [action({ Due: "31/02/2024" })] }).tabs);
        const edit = await serve("onSheetEdit", env, join(copy, "index.cjs"));
        expect((await nudge(edit.url)).status).toBe(200);
        expect(edit.output()).toContain(`"severity":"WARNING","message":"${COLD_START_WARNING}: ${reason}`);
        expect(edit.output().split(COLD_START_WARNING)).toHaveLength(2);
        return edit.output();
      };
      try {
        // A rebuilt bundle of the same length: V8 alone would take the old cache, as it checks only the length.
        const bundle = readFileSync(join(copy, "bundle.cjs"), "utf8");
        writeFileSync(join(copy, "bundle.cjs"), bundle.replace("Validated after an edit", "Validated after a edit."));
        expect(await answersSaying(`the code cache at ${cachePath} was made for another build of the bundle`)).toContain("Validated after a edit.");
        writeFileSync(join(copy, "bundle.cjs"), bundle);
        // Damaged V8 data crashes V8 outright (release builds skip its checksum); the header's SHA-1 catches it first.
        const damaged = Buffer.from(real);
        for (let i = real.length - 5000; i < real.length - 4900; i += 1) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
        writeFileSync(cachePath, damaged);
        await answersSaying(`the code cache at ${cachePath} is damaged`);
        writeFileSync(cachePath, real.subarray(0, 100));
        await answersSaying(`the code cache at ${cachePath} is damaged`);
        writeFileSync(cachePath, real);
        await answersSaying(`V8 refused the code cache at ${cachePath}: the functions run with other V8 flags than the build had`, { NODE_OPTIONS: "--max-old-space-size=300" });
        rmSync(cachePath);
        await answersSaying(`no code cache at ${cachePath}`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });

    it("the build's training run ignores the builder's ACTIONLOG_* settings and proxies, and prints nothing", () => {
      const copy = join(repoRoot, "dist", "cloud-train-test");
      rmSync(copy, { recursive: true, force: true });
      cpSync(join(repoRoot, "dist", "cloud"), copy, { recursive: true });
      rmSync(join(copy, "bundle.cjs.cache"));
      try {
        // Either would fail the training nudge: a local sheet that is not there, a proxy that does not answer.
        const env = { ...process.env, ACTIONLOG_LOCAL_SHEET: join(copy, "missing.xlsx"), HTTPS_PROXY: "http://127.0.0.1:9", http_proxy: "http://127.0.0.1:9" };
        const out = execFileSync(process.execPath, [join(repoRoot, "dist", "functions", "train-code-cache.js"), copy], { env, encoding: "utf8" });
        expect(out).toBe("");
        const header = JSON.parse(readFileSync(join(copy, "bundle.cjs.cache"), "utf8").split("\n")[0] ?? "") as { node: string };
        expect(header.node).toBe(process.version);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });

    it("weeklyDigest sends over SMTP (nodemailer loads on the first send) to Members only", async () => {
      // Friday 20 Oct 2023 is the digest day; Paul's action is a week overdue.
      const log = buildLog({
        settings: { digest_weekday: "Friday", pmo_email: "pmo@example.org", from_email: "actionlog@example.org" },
        actions: [action({ Ref: "DAG29-01", Due: "13/10/2023", Owner: "Programme (Paul Pettitt)" })],
      });
      fake.seed(SHEET_A, log.tabs);
      const digest = await serve("weeklyDigest", { ACTIONLOG_SMTP_URL: smtp.url, ACTIONLOG_NOW: NOW_ISO });
      const answer = await fetch(digest.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "ce-id": "bundle-1",
          "ce-specversion": "1.0",
          "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
          "ce-source": "//pubsub.googleapis.com/projects/demo-project/topics/actionlog-digest",
        },
        body: JSON.stringify({ message: { data: Buffer.from("actionlog-digest").toString("base64"), messageId: "bundle-1" } }),
      });
      expect(answer.status).toBeLessThan(300);
      expect(smtp.messages.map((m) => m.recipients).sort()).toEqual([["paul@example.org"], ["pmo@example.org"]]);
      expect(digest.output()).not.toContain(smtp.password);
    });
  });
});
