/**
 * Build step after the bundle: runs onSheetEdit's path once through the real Google Sheets client
 * and writes what V8 compiled to dist/cloud/bundle.cjs.cache, which cloud-entry.ts hands back to
 * V8 on a cold start. It runs where the bundle will run (Cloud Build's gcp-build uses the
 * runtime's Node), since V8 accepts only a cache from its own version.
 *
 * The sheet is the demo committee, served by the test suite's fake of the Sheets API over
 * loopback: training needs the code paths of a real edit, not a real sheet.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { DateTime } from "luxon";
import { SIGNATURE_HEADER, signRequest } from "../shared/adapters/request-signature.js";
import { committeeToday } from "../shared/core/dates.js";
import { LONDON } from "../shared/core/london-zone.js";
import { sampleTabs } from "../shared/demo/sample-committee.js";
import { startFakeSheets } from "../tests/support/fake-sheets-server.js";
import { runBundle, saveCodeCache } from "./code-cache.js";

const SHEET = "actionlog-code-cache-training";

async function train(folder: string): Promise<void> {
  const fake = await startFakeSheets();
  try {
    const tabs = sampleTabs(committeeToday(DateTime.now(), LONDON));
    fake.seed(SHEET, tabs.map((tab) => ({ ...tab, rows: tab.rows.map((cells, i) => ({ row: i + 2, cells })) })));
    const secret = randomBytes(24).toString("hex");
    // The bundle reads its config from the environment on each request, as it does when deployed. The
    // builder's own ACTIONLOG_* (a local sheet, say) must not steer it, nor a proxy take its loopback calls.
    for (const name of Object.keys(process.env)) if (/^ACTIONLOG_|^(https?|all)_proxy$/i.test(name)) delete process.env[name];
    Object.assign(process.env, { ACTIONLOG_WEBHOOK_SECRET: secret, ACTIONLOG_SHEETS: SHEET, ACTIONLOG_SHEETS_ROOT_URL: fake.url });
    const bundle = join(folder, "bundle.cjs");
    const loaded = runBundle(bundle, { exports: {} });
    const server = getTestServer("onSheetEdit").listen(0, "127.0.0.1");
    await new Promise((ready) => server.once("listening", ready));
    // The function's log lines are held back, so a build stays quiet; they are shown if training fails.
    const write = process.stdout.write.bind(process.stdout);
    const held: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array) => held.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      // The first nudge writes the demo's fixes (the write path); the second finds nothing to change.
      for (const range of ["F2", "G3"]) {
        const body = JSON.stringify({ spreadsheetId: SHEET, tab: "Actions", range });
        const signature = signRequest(secret, "onSheetEdit", body, Math.floor(Date.now() / 1000));
        const answer = await fetch(url, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature }, body });
        if (answer.status !== 200) throw new Error(`onSheetEdit answered the training nudge with ${answer.status}: ${await answer.text()}\n${held.join("")}`);
      }
    } finally {
      process.stdout.write = write;
      await new Promise((closed) => server.close(closed));
    }
    saveCodeCache(loaded, `${bundle}.cache`);
  } finally {
    await fake.close();
  }
}

await train(resolve(process.argv[2] ?? join("dist", "cloud")));
