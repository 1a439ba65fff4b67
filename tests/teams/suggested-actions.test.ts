/**
 * Follow-up questions in Teams: in a personal chat they are suggested actions (imBack, at most three,
 * for the person chatting) under the answer instead of card buttons, and each one, sent back as text,
 * is answered as its button would be ("More on …" sends "Tell me more", which the conversation reads
 * as a request for the whole answer); in channels, where the bot only hears mentions, they stay on
 * the card.
 */
import { describe, expect, it } from "vitest";
import { answerActivities, TELL_ME_MORE } from "../../src/channels/teams/suggested.ts";
import { ACTIONS, type Block } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import { testEngine } from "../helpers/engine.ts";
import {
  cardOf,
  channelMention,
  type FakeConnector,
  personalConversation,
  personalMessage,
  postActivity,
  submitsOf,
  textsOf,
  USER,
} from "../helpers/teams.ts";
import { useTeamsBot } from "../helpers/teamsChat.ts";

let connector: FakeConnector;
let bot: RunningServer;
useTeamsBot((b, c) => {
  bot = b;
  connector = c;
});

const QUESTION = "which kpis does a customer care director own?";
/** The follow-up questions the engine closes this answer with. */
const followUps = () => {
  const blocks = testEngine()
    .ask(QUESTION)
    .reply.blocks.filter((b) => b.type !== "feedback");
  const last = blocks.at(-1) as Extract<Block, { type: "buttons" }>;
  expect(last.type).toBe("buttons");
  return last.buttons;
};

describe("follow-up questions", () => {
  it("are suggested actions in a personal chat, for the person chatting, and leave the card", async () => {
    const expected = followUps();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(3);
    const conversation = personalConversation();
    expect((await postActivity(bot.url, personalMessage(connector.url, QUESTION, conversation))).status).toBe(200);
    const last = connector.calls.at(-1)!.body;
    expect(last.suggestedActions).toEqual({
      to: [USER.id],
      actions: expected.map((b) => ({
        type: "imBack",
        title: b.label,
        value: b.action === ACTIONS.more ? TELL_ME_MORE : b.label,
      })),
    });
    const onCard = connector.calls.flatMap((c) => submitsOf(cardOf(c)));
    expect(onCard.some((d) => d.careerfaq.action === ACTIONS.ask)).toBe(false);
    expect(textsOf(cardOf(connector.calls[0]!)).join("\n")).not.toContain("You could also ask");

    // picking one sends its text: "Tell me more" gets the whole topic of the answer; the others are
    // answered with the topic their button asked for
    for (const [i, button] of expected.entries()) {
      const more = button.action === ACTIONS.more;
      const asked = more
        ? testEngine().compose(button.value, {}, { mode: "page" })
        : testEngine().ask(button.label).reply;
      expect(asked.outcome, button.label).toBe("answer");
      expect(asked.intent, button.label).toBe(button.value);
      connector.reset();
      await postActivity(bot.url, personalMessage(connector.url, more ? TELL_ME_MORE : button.label, conversation));
      expect(connector.calls.length, `follow-up ${i}`).toBeGreaterThan(0);
      const rendered = answerActivities(asked, USER.id)[0]!;
      expect(textsOf(cardOf(connector.calls[0]!))[0]).toBe(textsOf(cardOf({ body: rendered } as never))[0]);
    }
  });

  it("stay card buttons in a channel, where a typed question must mention the bot", async () => {
    expect((await postActivity(bot.url, channelMention(connector.url, QUESTION))).status).toBe(200);
    expect(connector.calls.every((c) => c.body.suggestedActions === undefined)).toBe(true);
    const onCard = connector.calls.flatMap((c) => submitsOf(cardOf(c)));
    expect(
      onCard.filter((d) => d.careerfaq.action !== ACTIONS.feedback).map((d) => [d.careerfaq.action, d.careerfaq.value]),
    ).toEqual(followUps().map((b) => [b.action, b.value]));
  });
});
