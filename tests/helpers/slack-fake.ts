/**
 * A fake Slack on 127.0.0.1: the Web API (POST /api/<method>, form-encoded or JSON, answered like
 * Slack) and response_url endpoints (POST /response/<id>). Records every call; can answer 429 with
 * Retry-After, or a platform error such as channel_not_found, on demand.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  contentType: string;
  authorization?: string;
  /** What the fake answered (e.g. the ts of a posted message). */
  result?: Record<string, unknown>;
}

export interface ResponseCall {
  id: string;
  body: Record<string, unknown>;
}

export interface Failure {
  /** HTTP 429 with this Retry-After (seconds). */
  retryAfter?: number;
  /** A Slack platform error: {"ok": false, "error": …}. */
  error?: string;
  /** How many calls fail (default 1). */
  times?: number;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseCall[] = [];
  /** Every Web API method ever called (not cleared by reset). */
  readonly seen = new Set<string>();
  /** What apps.connections.open answers (Socket Mode). */
  socketUrl?: string;
  private readonly failures = new Map<string, Failure[]>();
  private readonly held = new Map<string, Promise<void>>();
  private server!: Server;
  private ts = 0;
  url = "";
  /** Every Web API answer waits this long (a slow Slack): the call is recorded, and so posted, at once. */
  delayMs = 0;

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.server = createServer((req, res) => {
      void readAll(req).then(async (raw) => {
        const { status, headers, body } = fake.answer(req, raw);
        const gate = fake.held.get((req.url ?? "").replace(/^\/api\//, ""));
        if (gate) await gate;
        if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** SLACK_API_URL for the app. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url that records what is posted to it. */
  responseUrl(id = `r${Math.random().toString(36).slice(2, 10)}`): string {
    return `${this.url}/response/${id}`;
  }

  fail(method: string, failure: Failure): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (failure.times ?? 1); i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Holds the answers to one method until the returned function is called (the call is still recorded). */
  hold(method: string): () => void {
    let release!: () => void;
    this.held.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.held.delete(method);
      release();
    };
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.failures.clear();
  }

  /** Calls to one Web API method (or to every method but auth.test). */
  callsTo(method?: string): ApiCall[] {
    return this.calls.filter((c) => (method ? c.method === method : c.method !== "auth.test"));
  }

  /** Polls until `probe` returns something truthy; fails after `timeoutMs`. */
  async waitFor<T>(
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error("timed out waiting for the fake Slack to receive the expected calls");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(
    req: IncomingMessage,
    raw: string,
  ): { status: number; headers?: Record<string, string>; body: unknown } {
    const path = (req.url ?? "/").split("?")[0]!;
    const contentType = String(req.headers["content-type"] ?? "");
    const params = parseBody(contentType, raw);
    if (path.startsWith("/response/")) {
      this.responses.push({ id: path.slice("/response/".length), body: params });
      return { status: 200, body: { ok: true } };
    }
    if (!path.startsWith("/api/")) return { status: 404, body: { ok: false, error: "unknown_method" } };
    const method = path.slice("/api/".length);
    const authorization = req.headers.authorization;
    this.seen.add(method);
    const call: ApiCall = { method, params, contentType, ...(authorization ? { authorization } : {}) };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure?.retryAfter !== undefined)
      return {
        status: 429,
        headers: { "retry-after": String(failure.retryAfter) },
        body: { ok: false, error: "ratelimited" },
      };
    if (failure?.error) return { status: 200, body: { ok: false, error: failure.error } };
    call.result = this.success(method, params);
    return { status: 200, body: call.result };
  }

  private success(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const ts = `1700000000.${String(++this.ts).padStart(6, "0")}`;
    switch (method) {
      case "chat.postMessage":
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { type: "message", text: params.text, ts, bot_id: "BBOT" },
        };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(params.users ?? "X").replace(/^U/, "")}` } };
      case "views.publish":
        return { ok: true, view: { id: "VHOME", type: "home" } };
      case "auth.test":
        return {
          ok: true,
          url: "https://example.slack.com/",
          team: "Example",
          user: "careerfaq",
          team_id: "T1",
          user_id: "UBOT",
          bot_id: "BBOT",
        };
      case "conversations.replies":
      case "conversations.history":
        return { ok: true, messages: this.posted(params), has_more: false };
      case "apps.connections.open":
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: "invalid_auth" };
      default:
        return { ok: true };
    }
  }

  /** Messages posted to a channel (a thread's, for conversations.replies), with their metadata. */
  private posted(params: Record<string, unknown>): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === "chat.postMessage" && c.params.channel === params.channel && c.result)
      .filter((c) => params.ts === undefined || c.params.thread_ts === params.ts || c.result?.ts === params.ts)
      .map((c) => ({ type: "message", ts: c.result!.ts, text: c.params.text, metadata: c.params.metadata }));
  }
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
  });
}

/** Form bodies (the Node client's default, with blocks/view as JSON strings) and JSON bodies. */
function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
