/**
 * POST /slack/events on the shared server, handed to Bolt's HTTPReceiver (which verifies the
 * signature, answers url_verification, parses, and acks). Before that, this route reads the body
 * once (Bolt reuses it) and rejects what Bolt would accept but never ack: a signed body of no
 * known kind (a form without `payload` or our `command`, JSON that is not an object, …) gets 400 at
 * once instead of Bolt's 404 three seconds later; unsigned junk still gets 401.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { defaultBodyLimit, type HTTPReceiver, verifySlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.ts";
import type { Route } from "../channel.ts";
import { rec } from "./inbound.ts";
import { SLACK_COMMAND, SLACK_EVENTS_PATH } from "./manifest.ts";

const FORM = "application/x-www-form-urlencoded";

/** What Bolt will make of a body: handle it, fail to parse it (its own 401/400), or nothing (ours). */
export type BodyKind = "bolt" | "unparsable" | "unknown";

export function slackEventsRoute(receiver: HTTPReceiver, signingSecret: string, log: Logger): Route {
  return {
    method: "POST",
    path: SLACK_EVENTS_PATH,
    handle: async (req, res) => {
      const raw = await readBody(req, defaultBodyLimit);
      if (raw === undefined) return void res.destroy(); // the client went away mid-body
      if (raw === null) return void res.writeHead(413).end();
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      if (classify(req.headers["content-type"], raw) === "unknown") return reject(req, res, raw, signingSecret, log);
      receiver.requestListener(req, res);
    },
  };
}

/** Mirrors Bolt's parsing (form with `payload`, form, else JSON) and checks the result is something it acks. */
export function classify(contentType: string | undefined, raw: Buffer): BodyKind {
  let body: unknown;
  try {
    if (contentType === FORM) {
      const form = parseQuery(raw.toString());
      body = typeof form.payload === "string" ? JSON.parse(form.payload) : form;
    } else {
      body = JSON.parse(raw.toString());
    }
  } catch {
    return "unparsable";
  }
  const b = rec(body);
  if (!b) return "unknown";
  if (b.ssl_check === "1" || b.type === "url_verification") return "bolt";
  if (b.type === "event_callback" && rec(b.event) && typeof rec(b.event)!.type === "string") return "bolt";
  // Only our command has a listener to ack it; another would wait 3 s for Bolt's 404.
  if (b.command === SLACK_COMMAND) return "bolt";
  if (b.type === "block_actions" && Array.isArray(b.actions)) return "bolt";
  return "unknown";
}

function reject(req: IncomingMessage, res: ServerResponse, raw: Buffer, signingSecret: string, log: Logger): void {
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  let signed = false;
  if (typeof signature === "string" && Number.isFinite(timestamp)) {
    try {
      verifySlackRequest({
        signingSecret,
        body: raw.toString(),
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      });
      signed = true;
    } catch {
      signed = false;
    }
  }
  log.warn(
    signed ? "Slack request of no known kind rejected" : "Slack request with a bad or missing signature rejected",
    { path: SLACK_EVENTS_PATH, status: signed ? 400 : 401 },
  );
  res.writeHead(signed ? 400 : 401).end();
}

/** The whole body; null when it is larger than `limit` bytes; undefined when the request failed. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", () => resolve(undefined));
  });
}
