/** Optional: the PMO summary rendered by headless Chromium, when Debian's chromium is installed (.ci/run does). */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { expect, it } from "vitest";
import { planMail } from "../../../shared/core/digest-plan.js";
import { validateLog } from "../../../shared/core/validate.js";
import { parseLog } from "../../../sheets-schema/parse-log.js";
import { action, buildLog } from "../../support/log-fixture.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the digest screenshot test: ${CHROMIUM} is not installed (only .ci/run installs Debian's chromium).`);

it.skipIf(!hasChromium)("renders the PMO summary, charts included, to an 800px-wide PNG", async () => {
  const now = DateTime.fromISO("2023-11-13T09:00:00", { zone: "Europe/London" });
  const log = parseLog(buildLog({
    settings: { pmo_email: "fraser@example.org", from_email: "actionlog@example.org" },
    actions: [action({ Owner: "Paul Pettitt", Due: "01/11/2023" }), action({ Ref: "DAG29-02", Owner: "Lee Cox", Due: "16/11/2023" })],
  }));
  const summary = planMail(log, validateLog(log, now), now, { weekly: "always", reminders: false }).messages.find((m) => m.kind === "summary");
  const dir = await mkdtemp(join(tmpdir(), "actionlog-shot-"));
  const html = join(dir, "summary.html");
  const png = join(dir, "summary.png");
  await writeFile(html, summary?.render().html ?? "", "utf8");
  await promisify(execFile)(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--screenshot=${png}`, "--window-size=800,1400", `file://${html}`], { timeout: 60_000 });
  const bytes = await readFile(png);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.readUInt32BE(16)).toBe(800); // IHDR width
  expect(bytes.length).toBeGreaterThan(10_000); // text, tables and bars, not a blank page
}, 90_000);
