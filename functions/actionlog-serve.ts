/** `actionlog serve`: the HTTP cloud functions on 127.0.0.1 against a local workbook, until Ctrl+C. */
import { parseLog } from "../sheets-schema/parse-log.js";
import { openWorkbook } from "../shared/adapters/open-workbook.js";
import { ActionlogError } from "../shared/core/errors.js";
import { type Command, flag, required, text } from "./actionlog-command.js";

const parsePort = (value: string | boolean | undefined): number => {
  if (value === undefined) return 8080;
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ActionlogError("USAGE", `--port "${String(value)}" is not a port; give a number from 0 to 65535 (0 picks a free one)`);
  }
  return Number(value);
};

const stopped = (): Promise<void> =>
  new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });

export const serve: Command = {
  options: { sheet: text, port: text, help: flag },
  async run(values, _positionals, io) {
    const sheet = required(values, "sheet", "the workbook to serve, such as log.xlsx");
    const port = parsePort(values.port);
    // Fail now, with the tab or header to fix, rather than on the first nudge.
    parseLog(await openWorkbook(sheet).read());
    // Loaded only here, so the other commands never pay for functions-framework and express.
    const { SERVED_FUNCTIONS, startLocalServer } = await import("./local-server.js");
    const server = await startLocalServer({ sheet, port });
    io.out(
      [
        `Serving ${sheet} at ${server.url}: ${SERVED_FUNCTIONS.map((name) => `POST /${name}`).join(", ")}.`,
        "Requests must be signed with ACTIONLOG_WEBHOOK_SECRET (X-Actionlog-Signature); spreadsheetId is ignored. Ctrl+C stops.",
      ].join("\n"),
    );
    await stopped();
    await server.close();
    return 0;
  },
};
