/** Cold starts: the Google client loads only when a Google Sheet is really read or written, never for local workbooks. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs `body` in a fresh node on the compiled dist/, then prints how many Google client modules it loaded. */
const googleModulesAfter = (body: string): number => {
  const script = [
    'import { createRequire } from "node:module";',
    'const require = createRequire(process.cwd() + "/");',
    'const { openWorkbook } = await import("./dist/shared/adapters/open-workbook.js");',
    body,
    "console.log(Object.keys(require.cache).filter((p) => /googleapis|google-auth-library|gaxios/.test(p)).length);",
  ].join("\n");
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" }).trim());
};

describe("loading the Google client", () => {
  it("stays out of commands on a local workbook, even after a gsheet: workbook is built but not used", () => {
    expect(googleModulesAfter('openWorkbook("gsheet:1AbCdEfGhIjKlMnOpQrStUvWxYz"); await openWorkbook("missing/log.xlsx").read().catch(() => {});')).toBe(0);
  });

  it("happens on the first call to the Sheets API (the control for the test above)", () => {
    const body = [
      'const { createGoogleWorkbook } = await import("./dist/shared/adapters/workbook.google.js");',
      'const book = createGoogleWorkbook({ spreadsheetId: "x", rootUrl: "http://127.0.0.1:9/", retry: { attempts: 1 } });',
      "await book.read().catch(() => {});",
    ].join("\n");
    expect(googleModulesAfter(body)).toBeGreaterThan(0);
  });
});
