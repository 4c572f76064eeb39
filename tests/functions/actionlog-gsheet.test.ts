/** The actionlog command on gsheet:<id>: init prepares a Google Sheet, and the other commands run on it (fake Sheets API via ACTIONLOG_SHEETS_ROOT_URL). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { HEADERS } from "../../sheets-schema/tabs.js";
import { cli } from "../support/cli.js";
import { type FakeSheets, startFakeSheets } from "../support/fake-sheets-server.js";
import { action, buildLog } from "../support/log-fixture.js";

let fake: FakeSheets;
beforeAll(async () => {
  fake = await startFakeSheets();
});
afterAll(() => fake.close());

const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xyz";

beforeEach(() => {
  vi.stubEnv("ACTIONLOG_SHEETS_ROOT_URL", fake.url);
  vi.stubEnv("ACTIONLOG_NOW", "2023-10-20T09:00:00Z");
  fake.seed(ID, [{ name: "Sheet1", headers: [], rows: [] }]);
});

describe("actionlog init --sheet gsheet:<id>", () => {
  it("sets up the sheet, says what it added, and says nothing changed the second time", async () => {
    const first = await cli("init", "--sheet", `gsheet:${ID}`, "--committee", "dag", "--name", "Design Advisory Group");
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain(`Set up gsheet:${ID}:`);
    expect(first.out).toContain("  - added the Actions tab with its headers");
    expect(first.out).toContain(`actionlog validate --sheet gsheet:${ID}`);
    const book = fake.snapshot(ID);
    expect(book.tabs.map((t) => t.name)).toEqual(["Sheet1", ...Object.keys(HEADERS), "Dashboard"]);
    expect(book.tabs.find((t) => t.name === "Settings")?.rows.map((r) => r.cells)).toContainEqual(["committee_code", "DAG"]);

    // Every thing setup added is a row in Audit, so the sheet's history starts with it.
    const audit = book.tabs.find((t) => t.name === "Audit");
    const added = first.out.split("\n").filter((line) => line.startsWith("  - ")).map((line) => line.slice(4));
    expect(audit?.rows.map((r) => [r.cells[1], r.cells[6], r.cells[7]])).toEqual(added.map((line) => ["actionlog init", line, "set up the sheet for actionlog"]));

    const second = await cli("init", "--sheet", `gsheet:${ID}`, "--committee", "DAG");
    expect(second).toMatchObject({ code: 0, out: `gsheet:${ID} is already set up; nothing changed.\n` });

    const other = await cli("init", "--sheet", `gsheet:${ID}`, "--committee", "XYZ", "--name", "Other Board");
    expect(other.out).toBe(
      `gsheet:${ID} is already set up; nothing changed.\n` +
        "Note: committee_code stays DAG, as the sheet's Settings say, not XYZ; change it there if that is wrong.\n" +
        'Note: committee_name stays "Design Advisory Group", as the sheet\'s Settings say, not "Other Board"; change it there if that is wrong.\n',
    );
  });

  it.each([
    [["init", "--sheet", "gsheet:short", "--committee", "DAG"], /does not name a Google Sheet/],
    [["init", "--sheet", "gsheet:NoSuchSpreadsheet0000", "--committee", "DAG"], /NoSuchSpreadsheet0000 was not found/],
    [["validate", "--sheet", "gsheet:bad id!"], /the id from the sheet's URL \(docs\.google\.com\/spreadsheets\/d\/<id>\/edit\)/],
  ])("exits 2 with one line for %j", async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("actionlog validate and rollover --sheet gsheet:<id>", () => {
  it("validates and rolls forward a Google Sheet like a workbook file", async () => {
    fake.seed(ID, buildLog({ actions: [action({ Status: "open" }), action({ Ref: "DAG29-02", Due: "31/02/2024" })] }).tabs);
    const validate = await cli("validate", "--sheet", `gsheet:${ID}`, "--json");
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.out).changes.map((c: { column: string }) => c.column)).toContain("Status");
    const actions = fake.snapshot(ID).tabs.find((t) => t.name === "Actions");
    expect(actions?.rows[0]?.cells[HEADERS.Actions.indexOf("Status")]).toBe("Open");

    const rollover = await cli("rollover", "--sheet", `gsheet:${ID}`, "--meeting", "29", "--json");
    expect(rollover.code).toBe(0);
    expect(JSON.parse(rollover.out).next).toBe(30);
    expect(fake.snapshot(ID).tabs.map((t) => t.name)).toContain("Register DAG30");
  });
});
