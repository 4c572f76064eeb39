/** generateRegister's reply and log line say how many outstanding actions the register left off (QA messy 3). */
import { getTestServer } from "@google-cloud/functions-framework/testing";
import supertest from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SIGNATURE_HEADER } from "../../shared/adapters/request-signature.js";
import { action, buildLog } from "../support/log-fixture.js";
import { SHEET_A, signed, testRuntime } from "../support/function-runtime.js";

afterEach(() => useRuntime(undefined));

const generate = (actions: ReturnType<typeof action>[]) => {
  const t = testRuntime({ [SHEET_A]: buildLog({ actions }) });
  useRuntime(t.runtime);
  const { raw, header } = signed("generateRegister", { spreadsheetId: SHEET_A, meeting: 29 });
  return { t, response: supertest(getTestServer("generateRegister")).post("/").set("Content-Type", "application/json").set(SIGNATURE_HEADER, header).send(raw) };
};

describe("generateRegister", () => {
  it.each([
    // statuses of the second action, actions left off, the log line's message
    ["Ongoing", 0, "Built Register DAG30"],
    ["WIP", 0, "Built Register DAG30"],
    ["On hold", 1, "Built Register DAG30; 1 outstanding action is left off for problems (see warnings and Checks)"],
  ])("with a Status %j leaves %i off, and says so", async (status, leftOff, message) => {
    const { t, response } = generate([action(), action({ Ref: "DAG29-02", Status: status })]);
    const reply = await response;
    expect(reply.status).toBe(200);
    expect(reply.body.registers[0]).toMatchObject({ tab: "Register DAG30", leftOff, actions: 2 - leftOff });
    if (leftOff > 0) expect(reply.body.registers[0].warnings).toContainEqual(expect.stringContaining('Actions row 3 (DAG29-02) is not on the register: Status "On hold"'));
    expect(t.logs[0]).toMatchObject({ severity: "INFO", message, leftOff });
  });
});
