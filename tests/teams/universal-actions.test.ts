/**
 * Universal Actions through the real HTTP path (local mode): answer cards carry Action.Execute (verb +
 * data) with Action.Submit as the fallback; an adaptiveCard/action invoke gets a 200 invoke response
 * with the refreshed card where the card itself changes (a vote's thanks, the next quiz question), or
 * a message response with the answer posted in the conversation; cards already in chats, whose
 * buttons are Action.Submit, keep working.
 */
import { describe, expect, it } from "vitest";
import { voteCodec, voteKey } from "../../src/core/feedback.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  cardOf,
  cardSubmit,
  channelConversation,
  type FakeConnector,
  invoke,
  personalConversation,
  personalMessage,
  postActivity,
  textsOf,
  USER,
} from "../helpers/teams.ts";
import { answerButton, chat, said, useTeamsBot } from "../helpers/teamsChat.ts";

let connector: FakeConnector;
let bot: RunningServer;
useTeamsBot((b, c) => {
  bot = b;
  connector = c;
});

type Conversation = ReturnType<typeof personalConversation> | ReturnType<typeof channelConversation>;

/** Every action of a card, in order. */
const actionsOf = (card: any): any[] =>
  (card?.body ?? []).flatMap((el: any) => (el.type === "ActionSet" ? el.actions : []));

/** The answer card the bot posts for `question` in a new personal chat. */
async function answerCard(question: string, conversation: Conversation = personalConversation()) {
  const res = await postActivity(bot.url, personalMessage(connector.url, question, conversation as never));
  expect(res.status).toBe(200);
  const card = cardOf(connector.calls.at(-1)!);
  connector.reset();
  return { card, conversation };
}

/** Clicks an Action.Execute as Teams sends it: an invoke named adaptiveCard/action. */
async function execute(action: any, conversation: Conversation, from = USER) {
  const built = invoke(
    connector.url,
    "adaptiveCard/action",
    { action: { type: "Action.Execute", id: "", verb: action.verb, data: action.data }, trigger: "manual" },
    conversation as never,
  );
  const activity = { ...built, from: { ...from }, replyToId: "1767765488332" };
  const res = await postActivity(bot.url, activity);
  return {
    status: res.status,
    body: res.json(),
    posted: said(connector.calls.filter((c) => c.body?.replyToId === activity.id)),
  };
}

const feedbackAction = (card: any, title: "👍" | "👎") =>
  actionsOf(card).find((a) => a.data.careerfaq.action === ACTIONS.feedback && a.title === title);

describe("answer cards", () => {
  it("use Action.Execute with a verb and data, and Action.Submit with the same data as the fallback", async () => {
    const { card } = await answerCard("what does a customer care director earn in the uk?");
    expect(card.version).toBe("1.5");
    const actions = actionsOf(card);
    expect(actions.length).toBeGreaterThanOrEqual(2);
    for (const a of actions) {
      expect(a.type).toBe("Action.Execute");
      expect(a.verb).toBe(a.data.careerfaq.action);
      expect(a.fallback).toEqual({
        type: "Action.Submit",
        title: a.title,
        data: a.data,
        ...(a.style ? { style: a.style } : {}),
        ...(a.tooltip ? { tooltip: a.tooltip } : {}),
      });
    }
    expect(feedbackAction(card, "👍")).toBeDefined();
  });
});

describe("adaptiveCard/action", () => {
  it("👍 answers 200 with the card refreshed: the answer, then the thanks in place of 👍/👎; nothing is posted", async () => {
    const { card, conversation } = await answerCard("what does a customer care director earn in the uk?");
    const up = feedbackAction(card, "👍");
    const r = await execute(up, conversation);
    expect(r.status).toBe(200);
    expect(r.body.statusCode).toBe(200);
    expect(r.body.type).toBe("application/vnd.microsoft.card.adaptive");
    const refreshed = textsOf(r.body.value);
    expect(refreshed[0]).toBe(textsOf(card)[0]); // the answer is still there
    expect(refreshed.join("\n")).toContain("Thanks for the 👍");
    expect(feedbackAction(r.body.value, "👍")).toBeUndefined();
    expect(r.posted.calls).toHaveLength(0);
    const answer = up.data.careerfaq.value.slice(3).split("~")[0];
    const vote = voteCodec.decode(await bot.store.get(voteKey(`teams:${USER.aadObjectId}`, answer)));
    expect(vote).toMatchObject({ vote: "up", intent: "salary" });
  });

  it("👎 refreshes the card with the reasons; a reason refreshes it again with the thanks", async () => {
    const { card, conversation } = await answerCard("which kpis does a customer care director own?");
    const down = await execute(feedbackAction(card, "👎"), conversation);
    expect(textsOf(down.body.value).join("\n")).toContain("What was wrong with it?");
    const reasons = actionsOf(down.body.value).filter((a) => a.data.careerfaq.action === ACTIONS.feedbackReason);
    expect(reasons.map((a) => a.type)).toEqual([
      "Action.Execute",
      "Action.Execute",
      "Action.Execute",
      "Action.Execute",
    ]);
    const reason = await execute(reasons[0], conversation);
    expect(reason.status).toBe(200);
    expect(reason.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textsOf(reason.body.value).join("\n")).toContain("Got it, thank you");
    expect(textsOf(reason.body.value)[0]).toBe(textsOf(card)[0]);
    expect(reason.posted.calls).toHaveLength(0);
  });

  it("a quiz answer refreshes the question card with the next question", async () => {
    const quizzer = { id: "29:1quizzer", name: "Quinn", aadObjectId: "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e" };
    const me = chat(() => bot.url, connector, personalConversation(), quizzer);
    const first = await me.say("assess");
    expect(first.text).toContain("Question 1 of 11");
    const wanted = answerButton(first, "service-years", "y5-9").careerfaq.value;
    const option = actionsOf(cardOf(first.calls[0]!)).find((a) => a.data.careerfaq.value === wanted);
    expect(option.type).toBe("Action.Execute");
    const r = await execute(option, me.conversation, quizzer);
    expect(r.status).toBe(200);
    expect(r.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textsOf(r.body.value).join("\n")).toContain("Question 2 of 11");
    expect(r.posted.calls).toHaveLength(0);
  });

  it("a follow-up question answers 200 with a message response, and the answer is posted as a reply", async () => {
    const { card, conversation } = await answerCard("tell me about customer care director kpis", channelConversation());
    const follow = actionsOf(card).find((a) => a.data.careerfaq.action === ACTIONS.ask);
    expect(follow).toBeDefined();
    const r = await execute(follow, conversation);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "Answered in the conversation.",
    });
    expect(r.posted.calls.length).toBeGreaterThan(0);
    expect(cardOf(r.posted.calls[0]!).type).toBe("AdaptiveCard");
    expect(textsOf(cardOf(r.posted.calls[0]!))[0]).not.toBe(textsOf(card)[0]); // another answer
  });

  it("a vote in a channel refreshes the card for the voter, and posts nothing in the channel", async () => {
    const conversation = channelConversation();
    const { card } = await answerCard("what skills does a customer care director need?", conversation);
    const r = await execute(feedbackAction(card, "👍"), conversation);
    expect(r.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(r.posted.calls).toHaveLength(0);
  });
});

describe("cards sent before Universal Actions", () => {
  it("an Action.Submit click still reaches the engine and is answered in the conversation", async () => {
    const { card, conversation } = await answerCard("what does a customer care director earn in the uk?");
    const up = feedbackAction(card, "👍");
    const res = await postActivity(bot.url, cardSubmit(connector.url, up.fallback.data, conversation as never));
    expect(res.status).toBe(200);
    expect(said(connector.calls).text).toContain("Thanks for the 👍");
  });
});
