/**
 * Messages over the real HTTP path: Activity JSON posted to /api/messages of the shared server,
 * replies captured by a fake Bot Connector on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { voteKey } from "../../src/core/feedback.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS, type Inbound, type Outbound } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  BOT,
  cardOf,
  cardSubmit,
  channelConversation,
  channelMention,
  type FakeConnector,
  groupConversation,
  groupMention,
  personalConversation,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
  submitsOf,
  textsOf,
  USER,
} from "../helpers/teams.ts";

let bot: RunningServer;
let connector: FakeConnector;
const seen: Inbound[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTeamsBot({ TEAMS_ADMIN_IDS: `29:someoneElse,${USER.aadObjectId}` });
  const handle = bot.engine.handle.bind(bot.engine);
  vi.spyOn(bot.engine, "handle").mockImplementation(async (inbound: Inbound): Promise<Outbound[]> => {
    seen.push(inbound);
    return handle(inbound);
  });
});
afterEach(() => {
  connector.reset();
  seen.length = 0;
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

describe("Teams messages", () => {
  it("answers a channel @-mention in the thread, with the mention removed and the facts in a card", async () => {
    const conversation = channelConversation("19:6a1b2c3d4e5f4a7b8c9d0e1f2a3b4c5d@thread.tacv2", "1759881511856");
    const activity = channelMention(connector.url, "what does a customer care director earn in the uk?", conversation);
    const res = await postActivity(bot.url, activity);
    expect(res.status).toBe(200);

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      channel: "teams",
      text: "what does a customer care director earn in the uk?",
      direct: false,
      conversation: `teams:${conversation.id}`,
      user: `teams:${USER.aadObjectId}`,
      userName: USER.name,
      admin: true,
    });

    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    expect(call!.method).toBe("POST");
    expect(call!.path).toBe(`/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${activity.id}`);
    expect(call!.path).toContain("19%3A6a1b2c3d4e5f4a7b8c9d0e1f2a3b4c5d%40thread.tacv2%3Bmessageid%3D1759881511856");
    expect(call!.authorization).toBeUndefined(); // local mode: no token on replies
    expect(call!.body).toMatchObject({
      type: "message",
      replyToId: activity.id,
      conversation: { id: conversation.id },
      from: { id: BOT.id },
      recipient: { id: USER.id },
    });

    const card = cardOf(call!);
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      version: "1.5",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    });
    expect(textsOf(card)[0]).toBe(
      "In the UK, a year: £70,000 average (jobdescription.org (2023), Totaljobs data) and £45,000 to £100,000 range (unnamed Customer Service Director JD). [1][2]",
    );
    expect(textsOf(card)).toContain("Sources");
    expect(textsOf(card).some((t) => t.startsWith("[1] "))).toBe(true);

    // The plain text is the same answer rendered as text, carried where Teams reads it (not as a second message).
    const expected = renderText(bot.engine.ask("what does a customer care director earn in the uk?").reply, {
      buttons: false,
    });
    expect(call!.body.summary).toBe(expected);
    expect(card.fallbackText).toBe(expected);
    expect(call!.body.summary).toContain("£70,000 average (jobdescription.org (2023), Totaljobs data)");

    // 👍/👎 carry the engine's feedback value; follow-ups carry the engine's ask actions.
    const submits = submitsOf(card);
    expect(submits).toContainEqual({
      careerfaq: {
        action: ACTIONS.feedback,
        value: "up:salary?country=UK~what does a customer care director earn in the uk",
      },
    });
    // "More on …" opens the whole topic for these slots; then two follow-up questions.
    expect(submits.filter((s) => s.careerfaq.action === ACTIONS.more).map((s) => s.careerfaq.value)).toEqual([
      "salary?country=UK",
    ]);
    expect(submits.filter((s) => s.careerfaq.action === ACTIONS.ask).map((s) => s.careerfaq.value)).toEqual([
      "pay-factors",
      "outlook",
    ]);
  });

  it("answers a personal chat message in place, as a direct conversation", async () => {
    const conversation = personalConversation();
    const activity = personalMessage(connector.url, "kpis?", conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]).toMatchObject({ text: "kpis?", direct: true, conversation: `teams:${conversation.id}` });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${activity.id}`,
    );
    expect(textsOf(cardOf(connector.calls[0]!)).join("\n")).toMatch(/satisfaction/i);
  });

  it("answers in a group chat, with the mention removed and not as a direct conversation", async () => {
    const conversation = groupConversation();
    const activity = groupMention(connector.url, "salary in canada", conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]).toMatchObject({ text: "salary in canada", direct: false });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.replyToId).toBe(activity.id);
    expect(JSON.stringify(cardOf(connector.calls[0]!))).toContain("C$115,000");
  });

  it("strips every <at> tag, even one whose text differs from the mention entity, and decodes entities", async () => {
    const activity = personalMessage(
      connector.url,
      "<at>careerfaq bot</at> salary&nbsp;uk &amp; <at>Jordan</at> canada",
    );
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]!.text).toBe("salary uk & canada");
  });

  it("treats a bare mention as an empty message (the engine answers with help)", async () => {
    const activity = channelMention(connector.url, "");
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]!.text).toBe("");
    expect(connector.calls).toHaveLength(1);
    expect(textsOf(cardOf(connector.calls[0]!))[0]).toBe("What I can do");
  });

  it("passes help and topics to the engine as text and answers in the thread", async () => {
    for (const [command, heading] of [
      ["help", "What I can do"],
      ["topics", "Topics"],
    ] as const) {
      connector.reset();
      const activity = channelMention(connector.url, command);
      expect((await postActivity(bot.url, activity)).status).toBe(200);
      expect(seen.at(-1)!.text).toBe(command);
      expect(connector.calls).toHaveLength(1);
      expect(connector.calls[0]!.body.replyToId).toBe(activity.id);
      expect(textsOf(cardOf(connector.calls[0]!))[0]).toBe(heading);
    }
  });

  it("assess in a channel: one message in the thread, a link to a personal chat where the quiz runs", async () => {
    const conversation = channelConversation();
    const activity = channelMention(connector.url, "assess", conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]!.text).toBe("assess");
    expect(connector.calls.map((c) => c.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${activity.id}`,
    ]);
    const pointer = connector.calls[0]!.body;
    expect(pointer.attachments ?? []).toHaveLength(0);
    expect(pointer.text).toContain("Open a chat with me (careerfaq) and type **assess** there");
    expect(pointer.text).toContain(`https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(BOT.id)}`);
    // Nothing of the quiz itself is posted in the channel.
    expect(JSON.stringify(connector.calls)).not.toContain("careerfaq.quiz");
  });

  it("assess in a personal chat: the quiz starts in place", async () => {
    const conversation = personalConversation();
    const activity = personalMessage(connector.url, "assess", conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${activity.id}`,
    );
    expect(JSON.stringify(cardOf(connector.calls[0]!))).toContain("careerfaq.quiz");
  });

  it("turns a click on an ask button into the engine's action and answers it", async () => {
    const conversation = channelConversation();
    const activity = cardSubmit(
      connector.url,
      { careerfaq: { action: ACTIONS.ask, value: "salary?country=CA" } },
      conversation,
    );
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]).toMatchObject({ action: { id: ACTIONS.ask, value: "salary?country=CA" }, direct: false });
    expect(seen[0]!.text).toBeUndefined();
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${activity.id}`,
    );
    expect(JSON.stringify(cardOf(connector.calls[0]!))).toContain("C$115,000");
  });

  it("records 👍 from the card and thanks the user in the thread", async () => {
    const conversation = personalConversation();
    const value = "up:salary?country=UK~salary uk";
    const activity = cardSubmit(connector.url, { careerfaq: { action: ACTIONS.feedback, value } }, conversation);
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen[0]!.action).toEqual({ id: ACTIONS.feedback, value });
    expect(await bot.store.get(voteKey(`teams:${USER.aadObjectId}`, "salary?country=UK"))).toContain('"vote":"up"');
    expect(connector.calls).toHaveLength(1);
    expect(textsOf(cardOf(connector.calls[0]!))[0]).toContain("Thanks for the 👍");
  });

  it("delivers a reply meant for the user's DMs in place in a personal chat, and as a pointer elsewhere", async () => {
    const secret = {
      outcome: "answer" as const,
      intent: "history",
      confidence: 1,
      blocks: [{ type: "text" as const, text: "Your private results" }],
    };
    vi.mocked(bot.engine.handle).mockResolvedValueOnce([{ reply: secret, to: "dm" }]);
    const personal = personalMessage(connector.url, "history");
    await postActivity(bot.url, personal);
    expect(connector.calls).toHaveLength(1);
    expect(textsOf(cardOf(connector.calls[0]!))).toEqual(["Your private results"]);

    connector.reset();
    vi.mocked(bot.engine.handle).mockResolvedValueOnce([{ reply: { ...secret, intent: "something-else" }, to: "dm" }]);
    const group = groupMention(connector.url, "history");
    await postActivity(bot.url, group);
    expect(connector.calls).toHaveLength(1);
    expect(JSON.stringify(connector.calls[0]!.body)).not.toContain("Your private results");
    expect(connector.calls[0]!.body.text).toMatch(/^Open a chat with me \(careerfaq\) to see this in private\./);
    expect(connector.calls[0]!.body.replyToId).toBe(group.id);
  });

  it("ignores a submit that carries another card's data and no text", async () => {
    const activity = cardSubmit(connector.url, { property: "propertyValue" });
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen).toHaveLength(0);
    expect(connector.calls).toHaveLength(0);
  });

  it("still answers 200 when the connector refuses the reply (logged, nothing thrown)", async () => {
    connector.failWith(403);
    const activity = personalMessage(connector.url, "salary uk");
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });
});
