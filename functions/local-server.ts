/** The HTTP cloud functions in one local process: each registered handler served at /<functionName>. */
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { loadFunctionConfig, servePlainErrorPages } from "../shared/config.js";
import { createRuntime, useRuntime } from "./function-runtime.js";
import "./on-sheet-edit.js";
import "./generate-register.js";

/** The functions the Apps Script relay calls; the scheduled ones are `actionlog validate` and `rollover` locally. */
export const SERVED_FUNCTIONS = ["onSheetEdit", "generateRegister"] as const;

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/**
 * functions-framework serves one target per process, so each function gets the framework's
 * own server (same body parsing, raw body and routing as in the cloud) and a small router
 * hands it the requests for its path. Listens on loopback only: this is a developer's tool.
 */
export async function startLocalServer(options: { sheet: string; port: number }): Promise<LocalServer> {
  useRuntime(createRuntime(loadFunctionConfig(undefined, options.sheet)));
  servePlainErrorPages();
  const targets = new Map<string, Server>(SERVED_FUNCTIONS.map((name) => [name, getTestServer(name)]));
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://localhost").pathname.split("/")[1] ?? "";
    const target = targets.get(name);
    if (target) {
      target.emit("request", req, res);
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: `no function at /${name}; POST to ${SERVED_FUNCTIONS.map((n) => `/${n}`).join(" or ")}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
