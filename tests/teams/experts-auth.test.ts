/**
 * Ask an expert in authenticated mode: the post to the experts' channel and the relay to the asker
 * are proactive sends, made with the bot's own token as botbuilder gets it (Entra is faked by nock).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  cardSubmit,
  channelConversation,
  channelMention,
  type FakeConnector,
  personalConversation,
  postActivity,
  startFakeConnector,
  startTeamsBot,
} from "../helpers/teams.ts";
import { botFrameworkTokens, connectorClaims, OUTGOING_TOKEN, type TokenKit } from "../helpers/teamsAuth.ts";
import { said } from "../helpers/teamsChat.ts";

const APP_ID = randomUUID();
const EXPERTS = "19:0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5@thread.tacv2";
let tokens: TokenKit;
let asker: FakeConnector;
let experts: FakeConnector;
let bot: RunningServer;

beforeAll(async () => {
  tokens = botFrameworkTokens();
  [asker, experts] = await Promise.all([startFakeConnector(), startFakeConnector()]);
  bot = await startTeamsBot({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: `pw~${randomUUID()}`,
    MicrosoftAppType: "MultiTenant",
    TEAMS_EXPERTS_CONVERSATION: EXPERTS,
    TEAMS_EXPERTS_SERVICE_URL: experts.url,
  });
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  tokens.done();
  vi.restoreAllMocks();
  await bot.close();
  await Promise.all([asker.close(), experts.close()]);
});

const signed = (serviceUrl: string) => ({
  headers: { authorization: `Bearer ${tokens.token(connectorClaims(APP_ID, serviceUrl))}` },
});

it("posts to the experts' channel and relays the reply with the bot's own token", async () => {
  const conversation = personalConversation();
  const click = cardSubmit(
    asker.url,
    { careerfaq: { action: ACTIONS.expert, value: "how much does a nurse earn?" } },
    conversation,
  );
  expect((await postActivity(bot.url, click, signed(asker.url))).status).toBe(200);
  expect(experts.calls).toHaveLength(1);
  expect(experts.calls[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(EXPERTS)}/activities`);
  expect(experts.calls[0]!.authorization).toBe(`Bearer ${OUTGOING_TOKEN}`);
  expect(tokens.tokenRequests.at(-1)).toContain(`client_id=${APP_ID}`);

  asker.reset();
  const reply = channelMention(
    experts.url,
    "About £37,000 to start.",
    channelConversation(EXPERTS, experts.calls[0]!.answered!),
  );
  expect((await postActivity(bot.url, reply, signed(experts.url))).status).toBe(200);
  expect(asker.calls).toHaveLength(1);
  expect(asker.calls[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(conversation.id)}/activities`);
  expect(asker.calls[0]!.authorization).toBe(`Bearer ${OUTGOING_TOKEN}`);
  expect(said(asker.calls).text).toContain("replied: About £37,000 to start.");
  expect(experts.calls).toHaveLength(1);
});
