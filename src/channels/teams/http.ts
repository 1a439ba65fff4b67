/**
 * POST /api/messages on the shared server: the body is read here (with a size limit) and checked
 * before botbuilder sees it, then node's req/res are adapted to botbuilder's Request/Response and
 * CloudAdapter.process authenticates, runs the turn and writes the status. Bad input gets a 4xx and
 * nothing is sent to Teams.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request as BotRequest, Response as BotResponse, CloudAdapter, TurnContext } from "botbuilder";
import { z } from "zod";
import type { Logger } from "../../log.ts";
import type { Route } from "../channel.ts";
import { refuseTooLarge } from "../too-large.ts";
import { tokenCheck } from "./auth.ts";
import { encodeTeamsConversation } from "./ids.ts";
import { TEAMS_LIMITS } from "./limits.ts";
import { MESSAGES_PATH } from "./local.ts";

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Local mode (no authentication): reply only to a serviceUrl on this machine. */
  loopbackOnly: boolean;
  /** True the first time an activity is seen (Teams redelivers; each activity is answered once). */
  firstTime?: (conversationId: string, activityId: string) => Promise<boolean>;
}

export { MESSAGES_PATH };

export function messagesRoute(deps: MessagesRouteDeps): Route {
  return { method: "POST", path: MESSAGES_PATH, handle: (req, res) => handleMessages(req, res, deps) };
}

async function handleMessages(req: IncomingMessage, res: ServerResponse, deps: MessagesRouteDeps): Promise<void> {
  const raw = await readBody(req, TEAMS_LIMITS.requestBytes);
  if (raw === "aborted") return;
  if (raw === "too-large") {
    // 413 at once; the rest of the body is not read.
    return refuseTooLarge(req, res, () =>
      json(res, 413, { error: `request body over ${TEAMS_LIMITS.requestBytes} bytes` }),
    );
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
  const check: { rejected: boolean; unavailable?: string } = { rejected: false };
  await tokenCheck.run(check, () => deps.adapter.process(request, botResponse(res, check), onceLogic(deps)));
  if (check.unavailable)
    deps.log.error(
      "Teams request not verified: the Bot Framework's signing keys cannot be fetched; check outbound HTTPS to login.botframework.com (answered 503)",
      { code: "CHANNEL_FAILED", status: 503, error: check.unavailable.slice(0, 200) },
    );
}

/** The turn, run once per activity id (checked after authentication, so forged requests mark nothing). */
function onceLogic(deps: MessagesRouteDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { id, conversation } = context.activity;
    if (id && deps.firstTime && !(await deps.firstTime(conversation.id, id))) {
      deps.log.debug("Teams activity already handled (a redelivery)", {
        conversation: encodeTeamsConversation(conversation.id),
      });
      return;
    }
    await deps.logic(context);
  };
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

/** An optional field of the wrong type is dropped (the turn goes on without it), not a crash. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const Account = z.looseObject({
  id: z.string().min(1),
  name: optional(z.string()),
  aadObjectId: optional(z.string()),
});
/**
 * What a turn reads of an Activity, checked at the edge: the fields it cannot do without are
 * required (400 otherwise); the others are dropped when malformed. Other fields pass through.
 */
const ActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: optional(z.string()),
  serviceUrl: z.string().refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), "not an http(s) URL"),
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: optional(z.string()),
    isGroup: optional(z.boolean()),
    tenantId: optional(z.string()),
  }),
  from: Account,
  recipient: Account,
  text: optional(z.string()),
  entities: optional(
    z.array(z.looseObject({ type: z.string() }).nullable().catch(null)).transform((e) => e.filter((x) => x !== null)),
  ),
  membersAdded: optional(z.array(Account.nullable().catch(null))),
  membersRemoved: optional(z.array(Account.nullable().catch(null))),
  action: optional(z.string()),
  name: optional(z.string()),
});

/** The Activity, or a reason it is not one (naming the field). */
export function parseActivity(raw: Buffer): { activity: Record<string, unknown> } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return { error: "body is not JSON" };
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return { error: "body is not a JSON object (an Activity)" };
  const parsed = ActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "Activity";
    return { error: `Activity field ${field}: ${issue.message}` };
  }
  return { activity: withoutUndefined(parsed.data) };
}

/** Drops the keys whose (malformed) values were removed, so botbuilder never sees them. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = v && typeof v === "object" && !Array.isArray(v) ? withoutUndefined(v as Record<string, unknown>) : v;
  }
  return out;
}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** botbuilder's Response on top of node's: status/header/send collect, end writes once. */
function botResponse(res: ServerResponse, check: { rejected: boolean; unavailable?: string }): BotResponse {
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
      if (!res.headersSent) finish(res, check.unavailable ? 503 : check.rejected ? 401 : status, body);
      return response;
    },
  };
  return response;
}

/** Error statuses get our own short bodies (botbuilder's would carry internal messages). */
function finish(res: ServerResponse, status: number, body: unknown): void {
  if (status === 401 || status >= 500) {
    const error =
      status === 401
        ? "unauthorized"
        : status === 501
          ? "not implemented"
          : status === 503
            ? "authentication unavailable"
            : "internal error";
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
