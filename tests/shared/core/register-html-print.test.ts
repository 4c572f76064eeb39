/** Optional: the HTML meeting papers printed to PDF by headless Chromium, when Debian's chromium and poppler's pdftotext are installed. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { RegisterHeading } from "../../../shared/core/register-export.js";
import { registerHtml } from "../../../shared/core/register-html.js";
import type { RegisterEntry } from "../../../shared/core/roll-forward.js";

const CHROMIUM = "/usr/bin/chromium";
const hasPdfTools = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return existsSync(CHROMIUM);
  } catch {
    return false;
  }
})();
if (!hasPdfTools) console.warn(`Skipping the HTML papers print test: ${CHROMIUM} or pdftotext is not installed.`);

const heading: RegisterHeading = { committeeCode: "DAG", committeeName: "Design Advisory Group", meeting: 30, date: "2023-11-08", asAt: "2023-10-20" };
/** Enough rows of a long action for three or more A4 landscape pages. */
const ENTRIES: RegisterEntry[] = Array.from({ length: 40 }, (_, i) => ({
  section: "new",
  area: `Workstream ${i + 1}`,
  ref: `DAG29-${String(i + 1).padStart(2, "0")}`,
  action: "Programme to review the item and report back to DAG with a recommendation on next steps, including any impacts on SIT and Qualification timelines",
  owner: "Programme (Paul Pettitt & Lee Cox)",
  due: "08/11/2023",
  dueDate: "2023-11-08",
  carried: 0,
}));

it.skipIf(!hasPdfTools)("prints the footer and Page X of Y on every page (regression, QA look 7: no page numbers, no as-at date)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "actionlog-print-"));
  await writeFile(join(dir, "register.html"), registerHtml(heading, ENTRIES), "utf8");
  const pdf = join(dir, "register.pdf");
  execFileSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", `--user-data-dir=${join(dir, "profile")}`, "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, `file://${join(dir, "register.html")}`], { stdio: "ignore", timeout: 60_000 });
  execFileSync("pdftotext", ["-layout", pdf, join(dir, "register.txt")]);
  const pages = (await readFile(join(dir, "register.txt"), "utf8")).split("\f").filter((page) => page.trim() !== "");
  expect(pages.length).toBeGreaterThanOrEqual(3);
  pages.forEach((page, i) => {
    expect(page).toContain("DAG Meeting 30 – New / Outstanding Actions – As at 20 Oct 2023");
    expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
  });
}, 90_000);
