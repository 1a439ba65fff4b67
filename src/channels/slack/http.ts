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
import { refuseTooLarge } from "../too-large.ts";
import { rec } from "./inbound.ts";
import { SLACK_COMMAND, SLACK_EVENTS_PATH } from "./manifest.ts";

const FORM = "application/x-www-form-urlencoded";
/** Slack's own window for request timestamps, applied to the future too. */
const MAX_SKEW_S = 5 * 60;

/** What Bolt will make of a body: handle it, fail to parse it (its own 401/400), or nothing (ours). */
export type BodyKind = "bolt" | "unparsable" | "unknown";

export function slackEventsRoute(receiver: HTTPReceiver, signingSecret: string, log: Logger): Route {
  return {
    method: "POST",
    path: SLACK_EVENTS_PATH,
    handle: async (req, res) => {
      // Bolt rejects stale timestamps; one from the future is as suspect (a replay prepared in advance).
      const timestamp = Number(req.headers["x-slack-request-timestamp"]);
      if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + MAX_SKEW_S) {
        log.warn("Slack request rejected: its timestamp is in the future", { path: SLACK_EVENTS_PATH, status: 401 });
        return void res.writeHead(401, { connection: "close" }).end();
      }
      const raw = await readBody(req, defaultBodyLimit);
      if (raw === undefined) return void res.destroy(); // the client went away mid-body
      if (raw === null) return tooLarge(req, res);
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      // Bolt only parses a form whose content type is exactly this (no "; charset=utf-8").
      if (mediaType(req.headers["content-type"]) === FORM) req.headers["content-type"] = FORM;
      if (classify(req.headers["content-type"], raw) === "unknown") return reject(req, res, raw, signingSecret, log);
      receiver.requestListener(req, res);
    },
  };
}

/** 413 at once; the rest of the body is not read. */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  refuseTooLarge(req, res, () => res.writeHead(413, { "content-length": 0 }).end());
}

/** "application/x-www-form-urlencoded; charset=utf-8" → "application/x-www-form-urlencoded". */
function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase();
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
  if (b.type === "block_actions" && Array.isArray(b.actions) && b.actions.length > 0) return "bolt";
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

/** The whole body; null as soon as it is larger than `limit` bytes (the rest is not read); undefined when the request failed. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null | undefined> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      resolve(null);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(undefined));
  });
}
