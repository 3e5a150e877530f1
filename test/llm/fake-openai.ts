/**
 * A loopback fake of an OpenAI-compatible server (127.0.0.1, ephemeral port) for the real `openai` client:
 * POST /v1/chat/completions answers from a script (one reply per request, in order), POST /v1/embeddings answers
 * with deterministic vectors (or from a script). Every request is recorded with its parsed JSON body and headers.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body. */
  body?: unknown;
  /** Wait this long before answering (the fake stops waiting if the client goes away). */
  delayMs?: number;
}

export type Script = Reply | ((req: RecordedRequest) => Reply);

export interface FakeOpenAI {
  /** "http://127.0.0.1:<port>/v1", for the client's `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Requests to one endpoint ("chat/completions" or "embeddings"). */
  requestsTo(endpoint: "chat/completions" | "embeddings"): RecordedRequest[];
  /** Queue replies for chat completions, consumed one per request. An empty queue answers 500 "unscripted". */
  chat(...replies: Script[]): void;
  /** Queue replies for embeddings; an empty queue answers with `vectorFor` vectors. */
  embeddings(...replies: Script[]): void;
  /**
   * What to answer when a queue is empty (a hung or failing server for as long as a test needs). A function may
   * return undefined to fall back to the built-in answer (500 "unscripted" for chat, `vectorFor` vectors).
   */
  fallback(endpoint: "chat/completions" | "embeddings", script: ((req: RecordedRequest) => Reply | undefined) | undefined): void;
  close(): Promise<void>;
}

/** A chat completion whose message content is `content` (a JSON value is serialized, a string sent as is). */
export function completion(content: unknown, extra: { refusal?: string; finishReason?: string } = {}): Reply {
  return {
    body: {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "fake-chat",
      choices: [
        {
          index: 0,
          finish_reason: extra.finishReason ?? "stop",
          logprobs: null,
          message: {
            role: "assistant",
            content: extra.refusal ? null : typeof content === "string" ? content : JSON.stringify(content),
            refusal: extra.refusal ?? null,
          },
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** An OpenAI-style error reply. `retry-after-ms: 1` keeps the SDK's retry backoff short in tests. */
export function httpError(status: number, message = "fake failure"): Reply {
  return { status, headers: { "retry-after-ms": "1" }, body: { error: { message, type: "server_error", code: null } } };
}

/** Deterministic vector of a text: `dims` numbers from its sha256, with an exact float32 value each. */
export function vectorFor(text: string, dims = 4): number[] {
  const h = createHash("sha256").update(text).digest();
  return Array.from({ length: dims }, (_, i) => (h[i % h.length]! - 128) / 256);
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const chatQueue: Script[] = [];
  const embeddingQueue: Script[] = [];
  const fallbacks = new Map<string, (req: RecordedRequest) => Reply | undefined>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const recorded: RecordedRequest = { method: req.method ?? "", path: (req.url ?? "").split("?")[0]!, headers: req.headers, body };
      requests.push(recorded);

      let reply: Reply;
      if (recorded.method === "POST" && recorded.path === "/v1/chat/completions") {
        const next = chatQueue.shift();
        reply =
          next === undefined
            ? (fallbacks.get("chat/completions")?.(recorded) ?? httpError(500, "unscripted chat request"))
            : typeof next === "function"
              ? next(recorded)
              : next;
      } else if (recorded.method === "POST" && recorded.path === "/v1/embeddings") {
        const next = embeddingQueue.shift();
        reply =
          next === undefined
            ? (fallbacks.get("embeddings")?.(recorded) ?? embeddingReply(recorded))
            : typeof next === "function"
              ? next(recorded)
              : next;
      } else {
        reply = { status: 404, body: { error: { message: `no route ${recorded.method} ${recorded.path}` } } };
      }

      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
        res.end(JSON.stringify(reply.body ?? {}));
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(send, reply.delayMs);
      res.on("close", () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    requestsTo: (endpoint) => requests.filter((r) => r.path === `/v1/${endpoint}`),
    chat: (...replies) => void chatQueue.push(...replies),
    embeddings: (...replies) => void embeddingQueue.push(...replies),
    fallback: (endpoint, script) => void (script ? fallbacks.set(endpoint, script) : fallbacks.delete(endpoint)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the real endpoint sends: one item per input, with its index; `dimensions` honoured (default 4 here). */
function embeddingReply(req: RecordedRequest): Reply {
  const { input, dimensions, encoding_format: format } = req.body as { input: string | string[]; dimensions?: number; encoding_format?: string };
  const inputs = Array.isArray(input) ? input : [input];
  const data = inputs.map((text, index) => {
    const v = vectorFor(text, dimensions ?? 4);
    return {
      object: "embedding",
      index,
      embedding: format === "base64" ? Buffer.from(new Float32Array(v).buffer).toString("base64") : v,
    };
  });
  return { body: { object: "list", data, model: "fake-embedding", usage: { prompt_tokens: 1, total_tokens: 1 } } };
}
