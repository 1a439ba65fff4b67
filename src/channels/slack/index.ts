/**
 * The Slack channel. Off (one info line, null) without SLACK_* configuration; Socket Mode when
 * SLACK_APP_TOKEN is set; otherwise HTTP mode at POST /slack/events on the shared server.
 * Accepted work goes through the event inbox (src/core/inbox.ts, drained by ../worker.ts).
 * stop(): disconnects Socket Mode, answers what fits before the deadline, leaves the rest pending.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { webApi } from "@slack/bolt";
import { CareerfaqError, ConfigError } from "../../core/errors.ts";
import { rememberForward } from "../../core/experts.ts";
import { Inbox } from "../../core/inbox.ts";
import type { Channel, ChannelContext, ChannelFactory } from "../channel.ts";
import { InboxWorker } from "../worker.ts";
import { buildSlackApp, webClientOptions } from "./app.ts";
import { Delivery, failureOf } from "./deliver.ts";
import { slackEnabled } from "./enabled.ts";
import { SlackHandlers, type SlackWork } from "./handlers.ts";
import { SLACK_EVENTS_PATH } from "./manifest.ts";
import { AnswerQueue } from "./queue.ts";

export { SLACK_COMMAND, SLACK_EVENTS, SLACK_EVENTS_PATH, SLACK_METHODS, SLACK_SCOPES } from "./manifest.ts";

const STOP_TIMEOUT_MS = 10_000;
const SOCKET_AUTH_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "not_allowed_token_type",
]);

export const slackChannel: ChannelFactory = async (ctx) => {
  const { config } = ctx;
  if (!slackEnabled(ctx)) return null;
  // loadConfig already enforces these; repeated here so the channel never starts half-configured.
  if (!config.SLACK_BOT_TOKEN)
    throw new ConfigError(["SLACK_BOT_TOKEN: required when Slack is configured (xoxb-…, from OAuth & Permissions)"]);
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)
    throw new ConfigError([
      "SLACK_SIGNING_SECRET: required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
    ]);
  return createSlackChannel(ctx);
};

export function createSlackChannel({ config, engine, store, log: parent }: ChannelContext): Channel {
  const log = parent.child({ channel: "slack" });
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, webClientOptions(config, log));
  const experts = config.EXPERTS_CHANNEL
    ? {
        channel: config.EXPERTS_CHANNEL,
        remember: (thread: string, about: { user: string; conversation: string; question: string }) =>
          rememberForward(store, thread, {
            user: about.user,
            conversation: about.conversation,
            channel: "slack",
            question: about.question,
            at: Date.now(),
          }),
      }
    : undefined;
  const delivery = new Delivery(client, log, experts);
  const handlers = new SlackHandlers({
    engine,
    store,
    delivery,
    log,
    admins: new Set(config.ADMIN_USER_IDS),
    ...(config.EXPERTS_CHANNEL ? { expertsChannel: config.EXPERTS_CHANNEL } : {}),
  });
  const answers = new AnswerQueue(log);
  const instance = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const inbox = new Inbox(store, { instance, leaseMs: config.INBOX_LEASE_MS, clock: Date.now });
  const worker = new InboxWorker({
    inbox,
    queue: answers,
    handlers: { slack: handlers },
    log,
    leaseMs: config.INBOX_LEASE_MS,
  });
  const accept = (id: string, work: SlackWork) => worker.accept(id, "slack", JSON.stringify(work));
  const { route, socket } = buildSlackApp({ config, handlers, log, accept });
  const mode = socket ? "socket" : "http";

  return {
    name: "slack",
    routes: route ? [route] : [],
    async start() {
      await worker.start();
      if (socket) {
        try {
          await socket.start();
        } catch (err) {
          const { code } = failureOf(err);
          const hint = SOCKET_AUTH_ERRORS.has(code)
            ? "check SLACK_APP_TOKEN (Basic Information → App-Level Tokens, with the connections:write scope) and that Socket Mode is enabled"
            : "check the network and SLACK_API_URL";
          throw new CareerfaqError("CHANNEL_FAILED", `Slack Socket Mode could not connect (${code}): ${hint}`, {
            cause: err,
          });
        }
      }
      log.info("Slack is on", { mode, instance, ...(mode === "http" ? { path: SLACK_EVENTS_PATH } : {}) });
      answers.push(() => delivery.checkAuth());
    },
    async stop(deadline = Date.now() + STOP_TIMEOUT_MS) {
      if (socket) await withTimeout(socket.client.disconnect(), Math.max(0, deadline - Date.now()));
      await worker.stop(deadline);
    },
    health: () => ({
      ok: delivery.auth.state !== "rejected",
      auth: delivery.auth.state,
      ...(delivery.auth.code ? { code: delivery.auth.code } : {}),
      mode,
      inbox: { ...worker.counts },
    }),
  };
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    p.then(done, done);
  });
}
