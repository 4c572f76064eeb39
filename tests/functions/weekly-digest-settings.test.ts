/** weeklyDigest's log line names a Settings value that stops or moves mail, per sheet, rather than only counting it. */
import type { CloudEvent } from "@google-cloud/functions-framework";
import { getFunction } from "@google-cloud/functions-framework/testing";
import { afterEach, describe, expect, it } from "vitest";
import "../../functions/index.js";
import { useRuntime } from "../../functions/function-runtime.js";
import { SHEET_A, testRuntime } from "../support/function-runtime.js";
import { action, buildLog } from "../support/log-fixture.js";

afterEach(() => useRuntime(undefined));

const event: CloudEvent<unknown> = {
  specversion: "1.0",
  id: "9101",
  source: "//pubsub.googleapis.com/projects/demo-project/topics/actionlog-digest",
  type: "google.cloud.pubsub.topic.v1.messagePublished",
  data: { message: { data: Buffer.from("actionlog-digest").toString("base64"), messageId: "9101" } },
};

describe("weeklyDigest with a digest_weekday that is not a day (QA finding 4)", () => {
  it("says so in the sheet's outcome, with the day it is using", async () => {
    // The test clock is Friday 20 Oct 2023: "Fryday" falls back to Monday, whose week's mail is still due.
    const log = buildLog({ settings: { digest_weekday: "Fryday", pmo_email: "pmo@example.org", from_email: "actionlog@example.org" }, actions: [action({ Owner: "Lee Cox", Due: "13/10/2023" })] });
    const t = testRuntime({ [SHEET_A]: log });
    useRuntime(t.runtime);
    await (getFunction("weeklyDigest") as (e: CloudEvent<unknown>) => Promise<void>)(event);
    expect(t.mailer.sent.map((m) => m.to[0]).sort()).toEqual(["lee@example.org", "pmo@example.org"]);
    const sheets = t.logs[0]?.sheets as Record<string, unknown>[] | undefined;
    expect(sheets?.[0]).toMatchObject({
      spreadsheetId: SHEET_A,
      ok: true,
      settings: [expect.stringContaining(`Settings digest_weekday: "Fryday" is not a weekday, so digests and the PMO summary go on Monday (the default)`)],
    });
  });
});
