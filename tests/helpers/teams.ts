/**
 * Teams test kit: the bot on the real shared server (127.0.0.1, memory store, silent log), a fake Bot
 * Connector on 127.0.0.1 that records every call the bot makes, and Activity builders shaped like what
 * Teams posts (our own fixtures: ids and names are made up).
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { type RunningServer, startServer } from "../../src/server.ts";

export { cardOf, submitsOf, textsOf } from "./teams-cards.ts";

export interface ConnectorCall {
  method: string;
  /** The raw request path, percent-encoding included. */
  path: string;
  authorization: string | undefined;
  body: any;
  /** The id the fake connector answered with (a new message's id), when it accepted the call. */
  answered?: string;
}

export interface FakeConnector {
  /** The serviceUrl to put in Activities (ends with "/", like Teams'). */
  url: string;
  calls: ConnectorCall[];
  /** Answers the next calls with this HTTP status instead of 200. */
  failWith(status: number | null): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let failure: number | null = null;
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = failure ?? 200;
      const answered = status < 300 ? `reply-${++n}` : undefined;
      calls.push({
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
        ...(answered ? { answered } : {}),
      });
      const body = JSON.stringify(
        answered
          ? { id: answered }
          : {
              error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." },
            },
      );
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    failWith: (status) => {
      failure = status;
    },
    reset: () => {
      calls.length = 0;
      failure = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function silentLog(): Logger {
  return createLogger({ level: "silent" });
}

/** The whole server as `npm start` runs it, with Teams configured by `env`. */
export async function startTeamsBot(
  env: Record<string, string> = {},
  log: Logger = silentLog(),
): Promise<RunningServer> {
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", STORE: "memory", LOG_LEVEL: "silent", ...env });
  return startServer(config, { log });
}

export interface Posted {
  status: number;
  text: string;
  json(): any;
}

export async function postActivity(
  base: string,
  body: unknown,
  init: { headers?: Record<string, string>; method?: string; raw?: string | Buffer } = {},
): Promise<Posted> {
  const res = await fetch(`${base}/api/messages`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.method === "GET" ? undefined : (init.raw ?? JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

// ---- Activities ----

export const BOT = { id: "28:5f0c3a8e-8d1b-4a6e-9a57-2b1e0c7d4f10", name: "careerfaq" };
export const USER = {
  id: "29:1Qz8pLwXc7vT3nR2mK9yB4sD6fH0jG5aE1uI8oP3qW7eR2tY6uI9oP0aS4dF7gH1jK3lZ5xC8vB2nM6qW9eR",
  name: "Dana Reyes",
  aadObjectId: "7d3f2a91-4b6c-4e8d-9f10-2a3b4c5d6e7f",
};
const TENANT = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const TEAM_ID = "19:Kx2hT8vRbQm4nLw7yZ1pC5dF9gJ3sA6e@thread.tacv2";

let sequence = 0;
/** A fresh conversation id for each test, so that per-conversation state (the welcome) never leaks. */
export function uniqueId(prefix = ""): string {
  return `${prefix}${Date.now().toString(36)}${(++sequence).toString(36)}`;
}

export const channelConversation = (channel = `19:${uniqueId("ch")}@thread.tacv2`, root = "1759881511856") => ({
  id: `${channel};messageid=${root}`,
  isGroup: true,
  conversationType: "channel",
  tenantId: TENANT,
});
export const personalConversation = () => ({
  id: `a:1${uniqueId("pers")}Xw9kQ2mZ7`,
  conversationType: "personal",
  tenantId: TENANT,
});
export const groupConversation = () => ({
  id: `19:${uniqueId("grp")}@thread.v2`,
  isGroup: true,
  conversationType: "groupChat",
  tenantId: TENANT,
});

type Conversation = { id: string; conversationType?: string; isGroup?: boolean; tenantId?: string };

function envelope(serviceUrl: string, conversation: Conversation) {
  return {
    channelId: "msteams",
    id: `${Date.now()}${++sequence}`,
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    from: { ...USER },
    recipient: { ...BOT },
    conversation,
    channelData: { tenant: { id: TENANT } },
    locale: "en-US",
    entities: [{ type: "clientInfo", locale: "en-US", country: "US", platform: "Web", timezone: "Europe/London" }],
  };
}

/** A channel thread message @-mentioning the bot, as Teams sends it (mention in text and in entities). */
export function channelMention(
  serviceUrl: string,
  question: string,
  conversation: Conversation = channelConversation(),
) {
  const tag = `<at>${BOT.name}</at>`;
  const base = envelope(serviceUrl, conversation);
  return {
    ...base,
    type: "message",
    text: `${tag} ${question}`,
    textFormat: "plain",
    channelData: {
      teamsChannelId: conversation.id.split(";")[0],
      teamsTeamId: TEAM_ID,
      channel: { id: conversation.id.split(";")[0] },
      team: { id: TEAM_ID },
      tenant: { id: TENANT },
    },
    entities: [{ type: "mention", text: tag, mentioned: { id: BOT.id, name: BOT.name } }, ...base.entities],
    attachments: [
      {
        contentType: "text/html",
        content: `<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">${BOT.name}</span>&nbsp;${question}</p>`,
      },
    ],
  };
}

export function personalMessage(serviceUrl: string, text: string, conversation: Conversation = personalConversation()) {
  return { ...envelope(serviceUrl, conversation), type: "message", text, textFormat: "plain" };
}

/** A group chat message: the bot is @-mentioned there too. */
export function groupMention(serviceUrl: string, question: string, conversation: Conversation = groupConversation()) {
  const tag = `<at>${BOT.name}</at>`;
  const base = envelope(serviceUrl, conversation);
  return {
    ...base,
    type: "message",
    text: `${tag} ${question}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: tag, mentioned: { id: BOT.id, name: BOT.name } }, ...base.entities],
  };
}

/** A click on one of our Action.Submit buttons: a message with the card's data as `value` and no text. */
export function cardSubmit(
  serviceUrl: string,
  data: unknown,
  conversation: Conversation = personalConversation(),
  cardActivityId = "1767765488332",
) {
  return {
    ...envelope(serviceUrl, conversation),
    type: "message",
    replyToId: cardActivityId,
    value: data,
    channelData: { tenant: { id: TENANT }, source: { name: "message" }, legacy: { replyToId: cardActivityId } },
  };
}

export function botAdded(
  serviceUrl: string,
  conversation: Conversation,
  others: { id: string; aadObjectId?: string }[] = [],
) {
  return {
    ...envelope(serviceUrl, conversation),
    id: `f:${randomUUID()}`,
    type: "conversationUpdate",
    membersAdded: [{ id: BOT.id }, ...others],
    channelData: { tenant: { id: TENANT }, eventType: "teamMemberAdded", team: { id: TEAM_ID } },
  };
}

export function memberAdded(serviceUrl: string, conversation: Conversation) {
  return {
    ...envelope(serviceUrl, conversation),
    id: `f:${randomUUID()}`,
    type: "conversationUpdate",
    membersAdded: [
      { id: "29:9newMember0aBcDeFgHiJkLmNoPqRsTuVwXyZ", aadObjectId: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" },
    ],
    channelData: { tenant: { id: TENANT }, eventType: "teamMemberAdded", team: { id: TEAM_ID } },
  };
}

export function installationUpdate(serviceUrl: string, conversation: Conversation, action: "add" | "remove" = "add") {
  return {
    ...envelope(serviceUrl, conversation),
    id: `f:${randomUUID()}`,
    type: "installationUpdate",
    action,
    channelData: { tenant: { id: TENANT }, source: { name: "message" }, team: { id: TEAM_ID } },
  };
}

export function invoke(
  serviceUrl: string,
  name: string,
  value: unknown,
  conversation: Conversation = personalConversation(),
) {
  return { ...envelope(serviceUrl, conversation), id: `f:${randomUUID()}`, type: "invoke", name, value };
}

/** A logger that keeps every line (as the real logger writes them, secrets masked). */
export function captureLog(level: "debug" | "info" = "info"): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger({ level, write: (line) => lines.push(line) }), lines };
}
