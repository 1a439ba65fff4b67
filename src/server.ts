/**
 * The bot's process: configuration → content → store → engine → channels → one HTTP server.
 * GET /healthz always; POST /slack/events when Slack is configured (HTTP mode); /api/messages for
 * Teams. SIGTERM/SIGINT: stop taking requests; within SHUTDOWN_GRACE_MS finish those in flight and
 * answer what the channels accepted; what does not fit stays pending in the store for the next start.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEngine } from "./app.ts";
import type { Channel, ChannelContext, Route } from "./channels/channel.ts";
import { type ChannelEntry, openChannel } from "./channels/lazy.ts";
import { slackEnabled } from "./channels/slack/enabled.ts";
import { MESSAGES_PATH, teamsUnconfigured } from "./channels/teams/local.ts";
import { type Config, loadConfig } from "./config.ts";
import type { Engine, TurnSummary } from "./core/engine.ts";
import { CareerfaqError } from "./core/errors.ts";
import type { Clock, Store } from "./core/store.ts";
import { healthRoute } from "./health.ts";
import { json } from "./http-json.ts";
import { createLogger, type Logger, routeConsole } from "./log.ts";
import { openStore } from "./stores/open.ts";
import type { TimedStore } from "./stores/timed.ts";

/**
 * The channels, in start order. A channel's SDK is imported only when the channel is on: without
 * SLACK_* configuration Bolt is never loaded. Teams is always on, but in local mode with nothing
 * configured, botbuilder loads on the first POST /api/messages.
 */
const CHANNELS: ChannelEntry[] = [
  { name: "slack", enabled: slackEnabled, load: async () => (await import("./channels/slack/index.ts")).slackChannel },
  {
    name: "teams",
    enabled: () => true,
    load: async () => (await import("./channels/teams/index.ts")).teamsChannel,
    deferred: ({ config }) =>
      teamsUnconfigured(config)
        ? { routes: [{ method: "POST", path: MESSAGES_PATH }], health: { ok: true, auth: "local" } }
        : undefined,
  },
];
/** How often Node checks for requests past their timeouts (its default is 30 s). */
const TIMEOUT_CHECK_MS = 1_000;

export interface RunningServer {
  server: Server;
  url: string;
  engine: Engine;
  store: TimedStore;
  channels: Channel[];
  log: Logger;
  /** Stops taking requests, waits for those in flight, closes channels and the store. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config = loadConfig(),
  options: { log?: Logger; store?: Store; clock?: Clock } = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger({ level: config.LOG_LEVEL, json: config.LOG_FORMAT === "json" });
  const store = await openStore(config, log, options.store);
  const engine = createEngine(config, {
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    onError: (err, inbound) =>
      log.error("turn failed", {
        err,
        code: (err as { code?: string }).code ?? "INTERNAL",
        conversation: (inbound as { conversation?: string }).conversation,
      }),
    onTurn: turnLogger(log, config.LOG_LEVEL === "debug"),
  });
  const channels: Channel[] = [];
  const context: ChannelContext = { config, engine, store, log };
  for (const entry of CHANNELS) {
    const channel = await openChannel(entry, context);
    if (channel) channels.push(channel);
  }
  const routes: Route[] = [healthRoute(store, channels), ...channels.flatMap((c) => c.routes)];

  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  // Stalled clients (headers or a body sent slowly, or never) are cut off instead of holding a socket.
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 10_000),
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (req, res) => {
      if (draining) {
        res.setHeader("connection", "close");
        return json(res, 503, { error: "shutting down" });
      }
      inFlight++;
      res.on("close", () => {
        inFlight--;
        if (inFlight === 0) idle?.();
      });
      void dispatch(routes, req, res, log);
    },
  );
  server.keepAliveTimeout = 5_000;
  await listen(server, config).catch(async (err) => {
    for (const c of channels) await c.stop().catch(() => {});
    await store.close();
    throw err;
  });
  try {
    for (const c of channels) await c.start?.();
  } catch (err) {
    // A channel that cannot start (e.g. Slack refused the app token): release everything, so the
    // process exits with the channel's error instead of hanging on a listening server.
    server.close();
    server.closeAllConnections?.();
    for (const c of channels) await c.stop().catch(() => {});
    await store.close().catch(() => {});
    throw err;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address}:${address.port}`;
  log.info("careerfaq listening", {
    url,
    channels: channels.map((c) => c.name).join(",") || "none",
    store: store.inner.constructor.name,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
      draining = true;
      log.info("shutting down: finishing requests in flight", { inFlight, graceMs: config.SHUTDOWN_GRACE_MS });
      server.close();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
        });
      }
      server.closeIdleConnections?.();
      for (const c of channels)
        await c.stop(deadline).catch((err) => log.warn("channel did not stop cleanly", { channel: c.name, err }));
      await store.close().catch((err) => log.warn("store did not close cleanly", { err }));
      log.info("stopped");
    })());
  return { server, url, engine, store, channels, log, close };
}

/** Listens, or fails with one clear line naming PORT or HOST (not a stack trace). */
function listen(server: Server, config: Config): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      const why =
        err.code === "EADDRINUSE"
          ? `PORT=${config.PORT} is already in use on HOST=${config.HOST}: stop the other process, or set PORT to a free port`
          : err.code === "EACCES"
            ? `PORT=${config.PORT} needs privileges on this machine: set PORT to 1024 or above`
            : `cannot listen on HOST=${config.HOST} PORT=${config.PORT} (${err.code ?? err.message}): set HOST to an address of this machine, e.g. 0.0.0.0 or 127.0.0.1`;
      reject(new CareerfaqError("CONFIG_INVALID", why, { cause: err }));
    });
    server.listen(config.PORT, config.HOST, () => resolve());
  });
}

async function dispatch(
  routes: readonly Route[],
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  const matching = routes.filter((r) => r.path === path);
  const route = matching.find((r) => r.method === req.method || r.method === "*");
  try {
    if (!route) {
      if (matching.length > 0) {
        res.setHeader("allow", matching.map((r) => r.method).join(", "));
        return json(res, 405, { error: "method not allowed" });
      }
      return json(res, 404, { error: "not found" });
    }
    await route.handle(req, res);
  } catch (err) {
    log.error("request failed", { err, path });
    if (!res.headersSent) json(res, 500, { error: "internal error" });
    else res.end();
  }
}

/**
 * One info line per handled turn: channel, intent, outcome, milliseconds. The user's words appear
 * only at LOG_LEVEL=debug (shortened; the logger masks anything that looks like a secret).
 */
export function turnLogger(log: Logger, withText: boolean): (turn: TurnSummary) => void {
  return ({ inbound, intent, outcome, ms }) =>
    log.info("turn", {
      channel: inbound.channel,
      ...(inbound.action ? { action: inbound.action.id } : {}),
      intent,
      outcome,
      ms: Math.round(ms * 10) / 10,
      ...(withText && inbound.text !== undefined ? { text: inbound.text.slice(0, 200) } : {}),
    });
}

/** `npm start`: run until SIGTERM/SIGINT. */
export async function main(config?: Config): Promise<void> {
  const running = await startServer(config);
  routeConsole(running.log);
  let signals = 0;
  const stop = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(1);
    running.log.info("signal received", { signal });
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
