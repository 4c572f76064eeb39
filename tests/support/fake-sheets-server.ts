/** A local fake of the Sheets v4 REST API subset actionlog uses, on 127.0.0.1, counting calls and injecting faults. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RawTab, RawWorkbook } from "../../shared/adapters/workbook.js";
import type { Cell } from "../../shared/core/types.js";
import { batchUpdate, valuesBatchUpdate } from "./fake-sheets/batch-update.js";
import { valuesGet, valuesUpdate } from "./fake-sheets/values.js";
import type { FakeSpreadsheet } from "./fake-sheets/store.js";
import { errorBody, FakeApiError, effectiveCell, getSpreadsheet, seedSpreadsheet, sheetByTitle, snapshotSpreadsheet } from "./fake-sheets/store.js";

/** values.get and values.update are what cell-by-cell trackers call; actionlog itself never does (the bench's naive baseline uses them). */
export type FakeApi = "spreadsheets.get" | "spreadsheets.batchUpdate" | "values.batchUpdate" | "values.get" | "values.update";

export interface FakeCall {
  api: FakeApi | "unknown";
  method: string;
  /** The decoded path, e.g. /v4/spreadsheets/abc/values:batchUpdate. */
  path: string;
  query: URLSearchParams;
  body?: unknown;
}

/** Which requests a fault hits; unset fields match everything. */
interface FaultTarget {
  api?: FakeApi;
  /** Only requests for this spreadsheet, so tests sharing one fake cannot hit each other's faults. */
  spreadsheetId?: string;
  /** How many matching requests it hits before it is used up; default 1, Infinity for a lasting outage. */
  times?: number;
}

export type FakeFault =
  | (FaultTarget & { kind: "status"; status: number; message?: string; retryAfterSeconds?: number })
  /** The request is read and never answered, until close(); with `land`, it is carried out first, so only the answer is lost. */
  | (FaultTarget & { kind: "hang"; land?: boolean })
  /** Runs once, just before the request after call number `afterCall` is handled (a member editing between two calls). */
  | { kind: "mutate"; afterCall: number; mutate: (fake: FakeSheets) => void };

export interface FakeSheets {
  /** Base URL for the client's rootUrl, ending in a slash. */
  url: string;
  /** Every request received, faulted or not, in order. */
  calls: FakeCall[];
  spreadsheets: Map<string, FakeSpreadsheet>;
  /** Milliseconds every request waits before it is handled, as the real API's round trip would; 0 by default. */
  latencyMs: number;
  /** Creates (or replaces) spreadsheet `id` holding exactly `tabs`, their merged cells (RawTab.merges) included. */
  seed(id: string, tabs: readonly RawTab[], title?: string): void;
  /** What the port would read from spreadsheet `id` right now. */
  snapshot(id: string): RawWorkbook;
  spreadsheet(id: string): FakeSpreadsheet;
  /** Reorders the data rows of a tab (rows 2 to the last non-empty one) as a member's sort would; reverses by default. */
  sortRows(id: string, tab: string, compare?: (a: Cell[], b: Cell[]) => number): void;
  inject(fault: FakeFault): void;
  /** Drops every fault not yet used up. */
  clearFaults(): void;
  resetCalls(): void;
  close(): Promise<void>;
}

const apiOf = (method: string, path: string): FakeApi | "unknown" => {
  if (method === "GET" && /^\/v4\/spreadsheets\/[^/:]+$/.test(path)) return "spreadsheets.get";
  if (method === "POST" && /^\/v4\/spreadsheets\/[^/:]+:batchUpdate$/.test(path)) return "spreadsheets.batchUpdate";
  if (method === "POST" && /^\/v4\/spreadsheets\/[^/:]+\/values:batchUpdate$/.test(path)) return "values.batchUpdate";
  if (method === "GET" && /^\/v4\/spreadsheets\/[^/:]+\/values\/.+$/.test(path)) return "values.get";
  if (method === "PUT" && /^\/v4\/spreadsheets\/[^/:]+\/values\/.+$/.test(path)) return "values.update";
  return "unknown";
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  response.end(JSON.stringify(body));
};

export async function startFakeSheets(options: { latencyMs?: number } = {}): Promise<FakeSheets> {
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const calls: FakeCall[] = [];
  let faults: FakeFault[] = [];

  const spreadsheet = (id: string): FakeSpreadsheet => {
    const book = spreadsheets.get(id);
    if (!book) throw new FakeApiError(404, "Requested entity was not found.");
    return book;
  };

  const takeFault = (api: FakeCall["api"], id: string) => {
    const fault = faults.find(
      (f) => f.kind !== "mutate" && (f.api === undefined || f.api === api) && (f.spreadsheetId === undefined || f.spreadsheetId === id),
    );
    if (!fault || fault.kind === "mutate") return undefined;
    const left = (fault.times ?? 1) - 1;
    faults = left > 0 ? faults.map((f) => (f === fault ? { ...fault, times: left } : f)) : faults.filter((f) => f !== fault);
    return fault;
  };

  const runMutations = () => {
    const due = faults.filter((f) => f.kind === "mutate" && f.afterCall === calls.length);
    faults = faults.filter((f) => !due.includes(f));
    for (const fault of due) if (fault.kind === "mutate") fault.mutate(fake);
  };

  const handle = (call: FakeCall, id: string): unknown => {
    const book = spreadsheet(id);
    if (call.api === "spreadsheets.get") return getSpreadsheet(book, call.query);
    const range = /^\/v4\/spreadsheets\/[^/:]+\/values\/(.+)$/.exec(call.path)?.[1] ?? "";
    if (call.api === "values.get") return valuesGet(book, range);
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (call.api === "values.update") {
      spreadsheets.set(id, valuesUpdate(book, range, call.query, body));
      return { spreadsheetId: id, updatedRange: range };
    }
    if (call.api === "values.batchUpdate") {
      const updated = valuesBatchUpdate(book, body);
      spreadsheets.set(id, updated);
      return { spreadsheetId: id, totalUpdatedRanges: (body.data as unknown[] | undefined)?.length ?? 0 };
    }
    const result = batchUpdate(book, (body.requests ?? []) as never[]);
    spreadsheets.set(id, result.book);
    return { spreadsheetId: id, replies: result.replies };
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const path = decodeURIComponent(url.pathname);
      const method = request.method ?? "GET";
      const text = await readBody(request);
      if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
      runMutations();
      const call: FakeCall = { api: apiOf(method, path), method, path, query: url.searchParams };
      if (text !== "") call.body = JSON.parse(text);
      calls.push(call);
      const id = /^\/v4\/spreadsheets\/([^/:]+)/.exec(path)?.[1] ?? "";
      const fault = takeFault(call.api, id);
      if (fault?.kind === "hang") {
        if (fault.land) handle(call, id);
        return;
      }
      if (fault?.kind === "status") {
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
        return send(response, fault.status, errorBody(fault.status, fault.message ?? `Injected ${fault.status}`), headers);
      }
      if (!/^Bearer \S+/.test(request.headers.authorization ?? "")) {
        return send(response, 401, errorBody(401, "Request is missing required authentication credential."));
      }
      if (call.api === "unknown") return send(response, 404, errorBody(404, `The fake Sheets API does not serve ${method} ${path}`));
      try {
        send(response, 200, handle(call, id));
      } catch (error) {
        if (!(error instanceof FakeApiError)) throw error;
        send(response, error.status, errorBody(error.status, error.message));
      }
    })().catch((error: unknown) => send(response, 500, errorBody(500, String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeSheets = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    spreadsheets,
    latencyMs: options.latencyMs ?? 0,
    seed: (id, tabs, title) => void spreadsheets.set(id, seedSpreadsheet(id, tabs, title)),
    snapshot: (id) => snapshotSpreadsheet(spreadsheet(id)),
    spreadsheet,
    sortRows(id, tab, compare) {
      const sheet = sheetByTitle(spreadsheet(id), tab);
      let last = sheet.cells.length - 1;
      const values = (row: number) => (sheet.cells[row] ?? []).map((cell) => effectiveCell(cell?.value));
      while (last > 0 && values(last).every((cell) => cell === null)) last -= 1;
      const rows = sheet.cells.slice(1, last + 1);
      const sorted = compare ? rows.map((row, i) => ({ row, cells: values(i + 1) })).sort((a, b) => compare(a.cells, b.cells)).map((r) => r.row) : rows.reverse();
      sheet.cells.splice(1, sorted.length, ...sorted);
    },
    inject: (fault) => void faults.push(fault),
    clearFaults: () => void faults.splice(0),
    resetCalls: () => void calls.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
