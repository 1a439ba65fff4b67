/**
 * Bolt wiring: the receiver (HTTPReceiver mounted on the shared server, or Socket Mode), the events
 * and the command from manifest.ts, one catch-all for button clicks. Listeners ack at once and hand
 * the work to `track`, so answering never delays an ack.
 */
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Logger } from "../../log.ts";
import type { Route } from "../channel.ts";
import { slackFetch } from "./fetch.ts";
import type { SlackHandlers } from "./handlers.ts";
import { slackEventsRoute } from "./http.ts";
import { messageEventName } from "./inbound.ts";
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
  /** Runs work after the ack, keeping track of it so that stop() can wait for it. */
  track: (work: () => Promise<void>) => void;
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

export function buildSlackApp({ config, handlers, log, track }: BuildOptions): SlackAppParts {
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
  register(parts.app, handlers, track, log);
  return parts;
}

function register(app: App, handlers: SlackHandlers, track: BuildOptions["track"], log: Logger): void {
  const onEvent: Record<SlackEventName, (body: unknown) => Promise<void>> = {
    app_mention: (body) => handlers.onMessage(body, "mention"),
    "message.im": (body) => handlers.onMessage(body, "dm"),
    "message.channels": (body) => handlers.onChannelMessage(body, "message.channels"),
    "message.groups": (body) => handlers.onChannelMessage(body, "message.groups"),
    app_home_opened: (body) => handlers.onHomeOpened(body),
  };
  // One listener per Bolt event type; the message.* events all arrive as "message" (channel_type tells which).
  const byType = new Map<string, SlackEventName[]>();
  for (const [name, spec] of Object.entries(SLACK_EVENTS) as [
    SlackEventName,
    (typeof SLACK_EVENTS)[SlackEventName],
  ][]) {
    byType.set(spec.bolt, [...(byType.get(spec.bolt) ?? []), name]);
  }
  // Bolt acks events itself, before any listener runs.
  for (const [type, names] of byType) {
    app.event(type, async ({ body }) => {
      const name = names.length === 1 ? names[0] : messageEventName(body);
      if (!name || !names.includes(name)) return;
      // Channel chatter (message.channels/groups outside the experts' threads) is dropped before it is queued.
      if ((name === "message.channels" || name === "message.groups") && !handlers.expertReply(body, name)) return;
      track(() => onEvent[name](body));
    });
  }
  app.command(SLACK_COMMAND, async ({ ack, body }) => {
    await ack();
    track(() => handlers.onCommand(body));
  });
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    track(() => handlers.onAction(body));
  });
  app.error(async (error) => log.error("Slack listener failed", { err: error, code: error.code }));
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
