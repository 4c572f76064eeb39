/**
 * The deployable: package.json main is the esbuild bundle of functions/index.ts. These run it the way
 * Cloud Functions does, functions-framework in its own process, and check that cold start loads
 * only what an edit needs.
 */
import { readFileSync } from "node:fs";
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
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}

/** Every source file the entry chunk loads before serving: its static imports, transitively. Dynamic imports load on first use. */
function loadedAtStart(meta: Metafile): string[] {
  const entry = Object.keys(meta.outputs).find((file) => meta.outputs[file]?.entryPoint === "functions/index.ts");
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === "import-statement" && i.path in meta.outputs) visit(i.path);
  };
  if (entry) visit(entry);
  return [...seen].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
}

describe("the deploy bundle", () => {
  it("is package.json main, and cold start loads no mail, spreadsheet-file or Google client code", () => {
    expect(main).toBe(join(repoRoot, "dist", "cloud", "index.js"));
    const meta = JSON.parse(readFileSync(join(repoRoot, "dist", "cloud", "meta.json"), "utf8")) as Metafile;
    const inputs = loadedAtStart(meta);
    expect(inputs).toContain("functions/on-sheet-edit.ts");
    expect(inputs).toContain("shared/core/validate.ts");
    const packages = new Set(inputs.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []));
    for (const lazy of ["nodemailer", "exceljs", "jszip", "@googleapis/sheets", "google-auth-library", "gaxios"]) expect(packages).not.toContain(lazy);
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
    const serve = async (target: string, env: Record<string, string> = {}) => {
      const process = await startFramework({
        target,
        source: main,
        env: { ACTIONLOG_WEBHOOK_SECRET: SECRET, ACTIONLOG_SHEETS: SHEET_A, ACTIONLOG_SHEETS_ROOT_URL: fake.url, ...env },
      });
      running.push(process);
      return process;
    };

    it("onSheetEdit answers a signed nudge through the real Sheets client, and refuses an unsigned one", async () => {
      fake.seed(SHEET_A, buildLog({ actions: [action({ Due: "31/02/2024" })] }).tabs);
      const edit = await serve("onSheetEdit");
      const { raw, header } = signed("onSheetEdit", { spreadsheetId: SHEET_A, tab: "Actions", range: "F2" }, { at: Math.floor(Date.now() / 1000) });
      const post = (headers: Record<string, string>) => fetch(edit.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: raw });
      expect((await post({})).status).toBe(401);
      const answer = await post({ [SIGNATURE_HEADER]: header });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ rows: 1, problems: 1 });
      expect(actionCell(fake.snapshot(SHEET_A), "DAG29-01", "Checks")).toContain('Due "31/02/2024" is not a date');
      expect(edit.output()).not.toContain(SECRET);
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
