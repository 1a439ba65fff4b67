/** Installing the bot: one welcome card per team or group chat, whichever install events Teams sends; none in a personal chat. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_PROMPT_STARTERS } from "../../src/channels/teams/commands.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  botAdded,
  cardOf,
  channelConversation,
  type FakeConnector,
  groupConversation,
  installationUpdate,
  memberAdded,
  personalConversation,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
  submitsOf,
  textsOf,
  USER,
  uniqueId,
} from "../helpers/teams.ts";

let bot: RunningServer;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTeamsBot();
});
afterEach(() => connector.reset());
afterAll(async () => {
  await bot.close();
  await connector.close();
});

/** A team's General channel, as conversationUpdate and installationUpdate name it (no ;messageid). */
const teamChannel = () => ({
  id: `19:${uniqueId("general")}@thread.tacv2`,
  isGroup: true,
  conversationType: "channel",
  tenantId: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
});

describe("Teams install", () => {
  it("welcomes once when the bot is added to a team, with what it does, examples and topic buttons", async () => {
    const conversation = teamChannel();
    const activity = botAdded(connector.url, conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    expect(call!.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${encodeURIComponent(activity.id)}`,
    );
    const card = cardOf(call!);
    const welcome = bot.engine.welcome();
    const heading = welcome.blocks.find((b) => b.type === "heading");
    expect(textsOf(card)[0]).toBe(heading && heading.type === "heading" ? heading.text : "");
    const asks = submitsOf(card).filter((d) => d.careerfaq.action === ACTIONS.ask);
    expect(asks.length).toBeGreaterThanOrEqual(10);
    expect(asks.map((d) => d.careerfaq.value)).toContain("salary");
    expect(call!.body.summary).toContain(textsOf(card)[1]!.slice(0, 30));

    // The same install seen again (Teams retries, or both install events arrive): no second welcome.
    expect((await postActivity(bot.url, botAdded(connector.url, conversation))).status).toBe(200);
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation))).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it("does not welcome when other people join a conversation the bot is in", async () => {
    const conversation = teamChannel();
    await postActivity(bot.url, botAdded(connector.url, conversation));
    connector.reset();
    const res = await postActivity(bot.url, memberAdded(connector.url, conversation));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(0);
    // A member joining a conversation the bot was never welcomed in is not an install either.
    expect((await postActivity(bot.url, memberAdded(connector.url, teamChannel()))).status).toBe(200);
    expect(connector.calls).toHaveLength(0);
  });

  it("welcomes on installationUpdate (add) in a group chat, once, and not again on conversationUpdate", async () => {
    const conversation = groupConversation();
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation))).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(
      connector.calls[0]!.path.startsWith(`/v3/conversations/${encodeURIComponent(conversation.id)}/activities`),
    ).toBe(true);
    expect(cardOf(connector.calls[0]!).type).toBe("AdaptiveCard");
    expect((await postActivity(bot.url, botAdded(connector.url, conversation))).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it("sends no welcome in a personal chat, where the manifest's prompt starters greet the user", async () => {
    const conversation = personalConversation();
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation))).status).toBe(200);
    expect(
      (
        await postActivity(
          bot.url,
          botAdded(connector.url, conversation, [{ id: USER.id, aadObjectId: USER.aadObjectId }]),
        )
      ).status,
    ).toBe(200);
    expect(connector.calls).toHaveLength(0);
    // the chat works: a prompt starter's question is answered
    const res = await postActivity(
      bot.url,
      personalMessage(connector.url, TEAMS_PROMPT_STARTERS[0]!.prompt!, conversation),
    );
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it("welcomes again after the bot was removed and added back", async () => {
    const conversation = teamChannel();
    await postActivity(bot.url, installationUpdate(connector.url, conversation, "add"));
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation, "remove"))).status).toBe(200);
    expect(connector.calls).toHaveLength(1); // nothing is posted on removal
    await postActivity(bot.url, installationUpdate(connector.url, conversation, "add"));
    expect(connector.calls).toHaveLength(2);
  });

  it("tries the welcome again on the next install event when Teams refused it", async () => {
    const conversation = channelConversation();
    connector.failWith(403);
    expect((await postActivity(bot.url, botAdded(connector.url, conversation))).status).toBe(200);
    connector.failWith(null);
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation))).status).toBe(200);
    expect(connector.calls).toHaveLength(2); // the refused welcome, then the one that went through
    expect(connector.calls.map((c) => cardOf(c)?.type)).toEqual(["AdaptiveCard", "AdaptiveCard"]);
    expect((await postActivity(bot.url, installationUpdate(connector.url, conversation))).status).toBe(200);
    expect(connector.calls).toHaveLength(2);
  });
});
