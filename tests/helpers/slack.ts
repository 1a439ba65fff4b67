/**
 * Slack test helpers: requests signed exactly as Slack signs them, the project's own payload
 * fixtures (events, slash commands, block_actions), and a server started on 127.0.0.1 with its
 * Web API pointed at a FakeSlack.
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createSlackChannel } from "../../src/channels/slack/index.ts";
import { loadConfig } from "../../src/config.ts";
import type { Engine } from "../../src/core/engine.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { FakeSlack } from "./slack-fake.ts";

export { blockText, buttonsIn, type Clickable } from "./slack-blocks.ts";

export const SIGNING_SECRET = "testsigningsecret0123456789abcdef";
export const BOT_TOKEN = "xoxb-111-222-testtokenvalue";
export const TEAM = "T1";
export const BOT_USER = "UBOT";
export const FORM = "application/x-www-form-urlencoded";

export async function startSlackServer(
  fake: FakeSlack,
  env: Record<string, string> = {},
  log?: Logger,
): Promise<RunningServer> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    STORE: "memory",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ADMIN_USER_IDS: "UADMIN",
    LOG_LEVEL: "silent",
    ...env,
  });
  return startServer(config, { log: log ?? createLogger({ level: "silent" }) });
}

/**
 * A Slack server on 127.0.0.1 with a FakeSlack, for one test file: started before its tests, closed
 * after them, the fake's records cleared before each test. `bind` receives both once they are up.
 */
export function useSlackServer(
  bind: (fake: FakeSlack, server: RunningServer) => void,
  env: Record<string, string> = {},
): void {
  let fake: FakeSlack | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    server = await startSlackServer(fake, env);
    bind(fake, server);
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
  beforeEach(() => fake?.reset());
}

/** X-Slack-Signature for a body: v0=HMAC-SHA256(secret, "v0:{ts}:{raw body}"). */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface PostOptions {
  contentType?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the signature; null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs a body to /slack/events, signed like Slack (fresh timestamp unless told otherwise). */
export async function postSlack(
  server: { url: string },
  body: string,
  options: PostOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = options.signature === undefined ? signature(body, timestamp) : options.signature;
  const res = await fetch(`${server.url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "x-slack-request-timestamp": String(timestamp),
      ...(sig !== null ? { "x-slack-signature": sig } : {}),
      ...options.headers,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

let seq = 0;
const nextTs = () => `1710000000.${String(++seq).padStart(6, "0")}`;
/** Slack gives every command and interaction its own trigger_id (like 13345224609.738474920.8088930838d88f008e0). */
export const nextTriggerId = () => `${Date.now()}.${++seq}.${Math.random().toString(16).slice(2, 12)}`;
export const nextEventId = () => `Ev${Date.now().toString(36).toUpperCase()}${++seq}`;

/** An event_callback envelope around `event`. */
export function eventBody(event: Record<string, unknown>, eventId = nextEventId()): string {
  return JSON.stringify({
    token: "unused-verification-token",
    team_id: TEAM,
    api_app_id: "A1",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  });
}

export function mention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user: "U100",
    text: `<@${BOT_USER}> ${text}`,
    ts: nextTs(),
    channel: "C100",
    team: TEAM,
    ...extra,
  };
}

/** The rich_text blocks Slack adds to a message: the bot's mention, then the question. */
export function richText(question: string): unknown[] {
  return [
    {
      type: "rich_text",
      block_id: "rt1",
      elements: [
        {
          type: "rich_text_section",
          elements: [
            { type: "user", user_id: BOT_USER },
            { type: "text", text: ` ${question}` },
          ],
        },
      ],
    },
  ];
}

export function directMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "message", channel: "D100", channel_type: "im", user: "U100", text, ts: nextTs(), ...extra };
}

/** A message in a channel (message.channels; message.groups with channel_type "group"), as people post them. */
export function channelMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "message", channel: "C100", channel_type: "channel", user: "U300", text, ts: nextTs(), ...extra };
}

/** A slash command as Slack posts it (form-encoded). */
export function commandBody(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "unused-verification-token",
    team_id: TEAM,
    team_domain: "example",
    channel_id: "C100",
    channel_name: "general",
    user_id: "U100",
    user_name: "alex",
    command: "/careerfaq",
    text,
    api_app_id: "A1",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:1/unset",
    trigger_id: nextTriggerId(),
    ...extra,
  }).toString();
}

export interface ClickOptions {
  actionId: string;
  value: string;
  /** The clicked element's type: "button" (default) or "feedback_buttons". */
  type?: string;
  label?: string;
  channel?: string;
  /** The clicked message was ephemeral (no `message` in the payload). */
  ephemeral?: boolean;
  messageTs?: string;
  threadTs?: string;
  /** A click in App Home. */
  home?: boolean;
  responseUrl: string;
  user?: string;
}

/** block_actions as Slack posts it: one form field, payload=<JSON>. */
export function clickBody(o: ClickOptions): string {
  const user = o.user ?? "U100";
  const channel = o.channel ?? "C100";
  const messageTs = o.messageTs ?? "1700000000.000001";
  const action = {
    action_id: o.actionId,
    block_id: "b1",
    text: { type: "plain_text", text: o.label ?? "Button", emoji: true },
    value: o.value,
    type: o.type ?? "button",
    action_ts: nextTs(),
  };
  const payload: Record<string, unknown> = {
    type: "block_actions",
    user: { id: user, username: "alex", name: "alex", team_id: TEAM },
    api_app_id: "A1",
    token: "unused-verification-token",
    trigger_id: nextTriggerId(),
    team: { id: TEAM, domain: "example" },
    enterprise: null,
    is_enterprise_install: false,
    response_url: o.responseUrl,
    actions: [action],
  };
  if (o.home) {
    payload.container = { type: "view", view_id: "VHOME" };
    payload.view = { id: "VHOME", type: "home", blocks: [] };
  } else {
    payload.channel = { id: channel, name: "general" };
    payload.container = {
      type: "message",
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: o.ephemeral === true,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    };
    if (!o.ephemeral)
      payload.message = {
        type: "message",
        bot_id: "BBOT",
        user: BOT_USER,
        text: "an answer",
        ts: messageTs,
        ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
        blocks: [],
      };
  }
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A Slack channel built around a stand-in engine, its route served on 127.0.0.1 (for delivery rules). */
export async function serveChannel(
  fake: FakeSlack,
  engine: Pick<Engine, "handle" | "home">,
  env: Record<string, string> = {},
): Promise<{ url: string; lines: string[]; close: () => Promise<void> }> {
  const lines: string[] = [];
  const log = createLogger({ level: "debug", write: (line) => lines.push(line) });
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ADMIN_USER_IDS: "UADMIN",
    ...env,
  });
  const channel = createSlackChannel({ config, engine: engine as Engine, store: new MemoryStore(), log });
  const route = channel.routes[0]!;
  const server = createServer((req, res) => void route.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await channel.start?.();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await channel.stop();
    },
  };
}
