/**
 * Bolt wiring: the receiver (HTTPReceiver mounted on the shared server, or Socket Mode) is the
 * transport. Every request we answer (the events and the command from manifest.ts, button clicks)
 * is handed to `accept` — persisted in the inbox, deduped by event id, trigger_id and action_ts —
 * and only then acknowledged; answering happens after the ack, from the inbox.
 */
import { createHash } from "node:crypto";
import {
  App,
  type Logger as BoltLogger,
  HTTPReceiver,
  LogLevel,
  type ReceiverEvent,
  SocketModeReceiver,
  type webApi,
} from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Logger } from "../../log.ts";
import type { Route } from "../channel.ts";
import { slackFetch } from "./fetch.ts";
import type { SlackHandlers, SlackWork } from "./handlers.ts";
import { slackEventsRoute } from "./http.ts";
import { boundedCopy, messageEventName, rec, str } from "./inbound.ts";
import { SLACK_COMMAND, SLACK_EVENTS, SLACK_EVENTS_PATH, type SlackEventName } from "./manifest.ts";

/** Web API retries: 429s wait for Retry-After; network errors and 5xx back off; about 5 s at most besides Retry-After. */
export const RETRY_CONFIG = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 3000, randomize: true } as const;
export const API_TIMEOUT_MS = 10_000;

export interface SlackAppParts {
  app: App;
  /** HTTP mode: POST /slack/events on the shared server. */
  route?: Route;
  /** Socket Mode: the receiver (its client connects on start and disconnects on stop). */
  socket?: SocketModeReceiver;
}

export interface BuildOptions {
  config: Config;
  handlers: SlackHandlers;
  log: Logger;
  /** Persists (or, the store failing, queues in memory) work to answer after the ack; never throws. */
  accept: (id: string, work: SlackWork) => Promise<unknown>;
}

/** Options shared by every WebClient (ours, Bolt's, the Socket Mode client's). */
export function webClientOptions(config: Config, log: Logger): webApi.WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { ...RETRY_CONFIG },
    fetch: slackFetch,
    timeout: API_TIMEOUT_MS,
    logger: boltLogger(log.child({ component: "slack-web-api" }), config.LOG_LEVEL),
  };
}

export function buildSlackApp({ config, handlers, log, accept }: BuildOptions): SlackAppParts {
  const logger = boltLogger(log.child({ component: "bolt" }), config.LOG_LEVEL);
  const botToken = config.SLACK_BOT_TOKEN!;
  const common = {
    // One workspace, one token: no auth.test before each event (it would delay the ack).
    authorize: async () => ({ botToken }),
    logger,
    clientOptions: webClientOptions(config, log),
    // Bots and subtypes are filtered in inbound.ts; Bolt's filter needs the bot id (an API call).
    ignoreSelf: false,
    convoStore: false as const,
  };
  let parts: SlackAppParts;
  if (config.SLACK_APP_TOKEN) {
    const socket = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      installerOptions: { clientOptions: webClientOptions(config, log) },
    });
    parts = { app: new App({ ...common, receiver: socket }), socket };
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET!,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      processBeforeResponse: false,
      unhandledRequestHandler: ({ response }) => {
        log.warn("Slack request was not acknowledged in time", { path: SLACK_EVENTS_PATH });
        if (!response.headersSent) response.writeHead(404).end();
      },
    });
    parts = {
      app: new App({ ...common, receiver }),
      route: slackEventsRoute(receiver, config.SLACK_SIGNING_SECRET!, log),
    };
  }
  intercept(parts.app, handlers, accept);
  parts.app.error(async (error) => log.error("Slack listener failed", { err: error, code: error.code }));
  return parts;
}

/** Bolt's event type → our manifest names (the message.* events all arrive as "message"). */
const BY_TYPE = new Map<string, SlackEventName[]>();
for (const [name, spec] of Object.entries(SLACK_EVENTS) as [SlackEventName, (typeof SLACK_EVENTS)[SlackEventName]][])
  BY_TYPE.set(spec.bolt, [...(BY_TYPE.get(spec.bolt) ?? []), name]);

/**
 * Every request Bolt verified reaches app.processEvent: ours are accepted into the inbox, then acked;
 * channel chatter is acked and dropped; anything else is left to Bolt.
 */
function intercept(app: App, handlers: SlackHandlers, accept: BuildOptions["accept"]): void {
  const boltProcess = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const work = workOf(event.body, handlers);
    if (work === null) return boltProcess(event);
    if (work !== "drop") {
      const bounded = { on: work.on, body: boundedCopy(work.body) };
      await accept(inboxId(bounded), bounded);
    }
    await event.ack();
  };
}

/** What a request is: work for a handler, chatter to drop, or null (Bolt's). */
export function workOf(
  body: unknown,
  handlers: Pick<SlackHandlers, "expertReply" | "threadReply">,
): SlackWork | "drop" | null {
  const b = rec(body);
  if (!b) return null;
  if (b.command === SLACK_COMMAND) return { on: "command", body };
  if (b.type === "block_actions" && Array.isArray(b.actions) && b.actions.length > 0) return { on: "action", body };
  const type = b.type === "event_callback" ? str(rec(b.event)?.type) : undefined;
  const names = type ? BY_TYPE.get(type) : undefined;
  if (!names) return null;
  const name = names.length === 1 ? names[0] : messageEventName(body);
  if (!name || !names.includes(name)) return "drop";
  // Channel chatter is dropped before it costs a write; thread replies may be follow-ups in a bot
  // thread (checked after the ack) or experts' replies.
  if (
    (name === "message.channels" || name === "message.groups") &&
    !handlers.threadReply(body, name) &&
    !handlers.expertReply(body, name)
  )
    return "drop";
  return { on: name, body };
}

/** The inbox id (and dedupe key): the event_id; a command's trigger_id; a click's trigger_id and action_ts. */
export function inboxId(work: SlackWork): string {
  const b = rec(work.body) ?? {};
  const trigger = str(b.trigger_id);
  const actionTs = Array.isArray(b.actions) ? str(rec(b.actions[0])?.action_ts) : undefined;
  const id =
    work.on === "command"
      ? trigger && `cmd:${trigger}`
      : work.on === "action"
        ? trigger && actionTs && `act:${trigger}:${actionTs}`
        : str(b.event_id) && `ev:${b.event_id}`;
  // Without the ids Slack always sends, the body itself: a replay is the same bytes.
  return `slack:${id || `body:${createHash("sha256").update(JSON.stringify(work.body)).digest("hex").slice(0, 32)}`}`;
}

const LEVELS: Record<Config["LOG_LEVEL"], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Bolt's logger interface on top of ours (which masks tokens). */
export function boltLogger(log: Logger, level: Config["LOG_LEVEL"]): BoltLogger {
  let current = LEVELS[level];
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (l: LogLevel) => order.indexOf(l) >= order.indexOf(current);
  const text = (parts: unknown[]) =>
    parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...m: unknown[]) => on(LogLevel.DEBUG) && log.debug(text(m)),
    info: (...m: unknown[]) => on(LogLevel.INFO) && log.info(text(m)),
    warn: (...m: unknown[]) => on(LogLevel.WARN) && log.warn(text(m)),
    error: (...m: unknown[]) => on(LogLevel.ERROR) && log.error(text(m)),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
