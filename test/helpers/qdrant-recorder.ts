/**
 * A loopback HTTP server (127.0.0.1, ephemeral port) that records every request — method, path, query, headers,
 * parsed JSON body — and answers each through a handler. Used to assert the exact REST calls a Qdrant client sends,
 * and as the transport of the in-memory fake (fake-qdrant.ts).
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/collections/vanban_v1/points". */
  path: string;
  /** Query string parameters, e.g. { wait: "true" }. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was no body; the raw text when it was not JSON. */
  body: unknown;
}

export interface Reply {
  status?: number;
  /** Serialized as JSON (content-type application/json). */
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

/** Returns the reply, or undefined to fall through to the next handler (finally: 404). */
export type Handler = (req: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

export interface Recorder {
  /** "http://127.0.0.1:<port>" */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replace the handler (the recorded requests stay). */
  setHandler(handler: Handler): void;
  /** Forget the recorded requests. */
  clear(): void;
  close(): Promise<void>;
}

/** Qdrant's success envelope. */
export function ok(result: unknown): Reply {
  return { status: 200, body: { result, status: "ok", time: 0.0001 } };
}

/** Qdrant's error envelope. */
export function fail(status: number, error: string): Reply {
  return { status, body: { status: { error }, time: 0.0001 } };
}

/** Chain handlers: the first one that answers wins. */
export function firstOf(...handlers: Handler[]): Handler {
  return async (req) => {
    for (const h of handlers) {
      const r = await h(req);
      if (r !== undefined) return r;
    }
    return undefined;
  };
}

/**
 * Plausible answers for the calls QdrantStore makes against an empty server, so a test only has to script the
 * calls it cares about. Not a fake: nothing is stored.
 */
export const qdrantDefaults: Handler = (req) => {
  const { method, path } = req;
  const seg = path.split("/").filter(Boolean);
  const updated = ok({ operation_id: 0, status: "completed" });
  if (method === "GET" && path === "/aliases") return ok({ aliases: [] });
  if (method === "GET" && path === "/collections") return ok({ collections: [] });
  if (method === "POST" && path === "/collections/aliases") return ok(true);
  if (seg[0] !== "collections" || seg.length < 2) return undefined;
  if (seg.length === 2 && (method === "PUT" || method === "DELETE")) return ok(true);
  if (seg.length === 3 && seg[2] === "index" && method === "PUT") return updated;
  if (seg.length === 3 && seg[2] === "points" && method === "PUT") return updated;
  if (seg.length === 4 && seg[2] === "points" && seg[3] === "query" && method === "POST") return ok({ points: [] });
  if (seg.length === 4 && seg[2] === "points" && seg[3] === "count" && method === "POST") return ok({ count: 0 });
  return undefined;
};

export async function startRecorder(handler: Handler = qdrantDefaults): Promise<Recorder> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        if (text.length > 0) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        const recorded: RecordedRequest = {
          method: req.method ?? "GET",
          path: decodeURIComponent(url.pathname),
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body,
        };
        requests.push(recorded);
        let reply: Reply | undefined;
        try {
          reply = await current(recorded);
        } catch (err) {
          reply = fail(500, `recorder handler threw: ${err instanceof Error ? err.message : String(err)}`);
        }
        reply ??= fail(404, `Not found: no handler for ${recorded.method} ${recorded.path}`);
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        if (res.destroyed) return;
        const payload = reply.body === undefined ? "" : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
        res.end(payload);
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setHandler(h) {
      current = h;
    },
    clear() {
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
