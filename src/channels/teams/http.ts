/**
 * POST /api/messages on the shared server: the body is read here (with a size limit) and checked
 * before botbuilder sees it, then node's req/res are adapted to botbuilder's Request/Response and
 * CloudAdapter.process authenticates, runs the turn and writes the status. Bad input gets a 4xx and
 * nothing is sent to Teams.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request as BotRequest, Response as BotResponse, CloudAdapter, TurnContext } from "botbuilder";
import type { Logger } from "../../log.ts";
import type { Route } from "../channel.ts";
import { tokenCheck } from "./auth.ts";
import { TEAMS_LIMITS } from "./limits.ts";

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Local mode (no authentication): reply only to a serviceUrl on this machine. */
  loopbackOnly: boolean;
}

export const MESSAGES_PATH = "/api/messages";

export function messagesRoute(deps: MessagesRouteDeps): Route {
  return { method: "POST", path: MESSAGES_PATH, handle: (req, res) => handleMessages(req, res, deps) };
}

async function handleMessages(req: IncomingMessage, res: ServerResponse, deps: MessagesRouteDeps): Promise<void> {
  const raw = await readBody(req, TEAMS_LIMITS.requestBytes);
  if (raw === "aborted") return;
  if (raw === "too-large") {
    // 413 at once, then the connection closes: the rest of the body is never read.
    res.setHeader("connection", "close");
    res.once("finish", () => req.destroy());
    return json(res, 413, { error: `request body over ${TEAMS_LIMITS.requestBytes} bytes` });
  }
  const parsed = parseActivity(raw);
  if ("error" in parsed) {
    deps.log.debug("Teams request rejected", { status: 400, reason: parsed.error });
    return json(res, 400, { error: parsed.error });
  }
  const { activity } = parsed;
  if (deps.loopbackOnly && !isLoopbackUrl(activity.serviceUrl as string)) {
    deps.log.warn(
      "Teams activity refused: local mode only replies to a serviceUrl on this machine; set MicrosoftAppId to connect to Teams",
      { status: 403 },
    );
    return json(res, 403, { error: "local mode (no MicrosoftAppId) only replies to a serviceUrl on localhost" });
  }
  const request: BotRequest = { method: req.method, headers: req.headers, body: activity };
  const check = { rejected: false };
  await tokenCheck.run(check, () => deps.adapter.process(request, botResponse(res, check), deps.logic));
}

/** The body, or why there is none; "too-large" as soon as it passes `limit` (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large" | "aborted"> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) return resolve("too-large");
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      resolve("too-large");
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve("aborted"));
    req.on("close", () => resolve("aborted")); // no effect once resolved
  });
}

/** The Activity, or a reason it is not one. The fields checked are the ones a turn cannot do without. */
export function parseActivity(raw: Buffer): { activity: Record<string, unknown> } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return { error: "body is not JSON" };
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return { error: "body is not a JSON object (an Activity)" };
  const a = body as Record<string, unknown>;
  if (typeof a.type !== "string" || a.type.length === 0) return { error: "Activity has no type" };
  if (typeof a.serviceUrl !== "string" || !/^https?:\/\//i.test(a.serviceUrl) || !URL.canParse(a.serviceUrl))
    return { error: "Activity has no valid serviceUrl" };
  for (const field of ["conversation", "from", "recipient"] as const) {
    const v = a[field] as { id?: unknown } | undefined;
    if (!v || typeof v !== "object" || typeof v.id !== "string" || v.id.length === 0)
      return { error: `Activity has no ${field}.id` };
  }
  return { activity: a };
}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** botbuilder's Response on top of node's: status/header/send collect, end writes once. */
function botResponse(res: ServerResponse, check: { rejected: boolean }): BotResponse {
  let status = 200;
  let body: unknown;
  const response: BotResponse = {
    socket: res.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return response;
    },
    send(b: unknown) {
      body = b;
      return response;
    },
    end() {
      if (!res.headersSent) finish(res, check.rejected ? 401 : status, body);
      return response;
    },
  };
  return response;
}

/** Error statuses get our own short bodies (botbuilder's would carry internal messages). */
function finish(res: ServerResponse, status: number, body: unknown): void {
  if (status === 401 || status === 501 || status >= 500) {
    const error = status === 401 ? "unauthorized" : status === 501 ? "not implemented" : "internal error";
    json(res, status, { error });
    return;
  }
  if (body === undefined || body === null || body === "") {
    res.writeHead(status, { "content-length": 0 });
    res.end();
    return;
  }
  if (typeof body === "string") {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  json(res, status, body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
