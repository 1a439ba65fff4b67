/** Activity → Inbound, field by field. */

import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { isDirect, messageText, toInbound } from "../../src/channels/teams/inbound.ts";
import { TEAMS_LIMITS } from "../../src/channels/teams/limits.ts";
import { ACTIONS } from "../../src/core/types.ts";
import { BOT, cardSubmit, channelMention, personalMessage, USER } from "../helpers/teams.ts";

const URL = "http://127.0.0.1:1/";
const activity = (a: object) => a as unknown as Activity;

describe("Teams inbound", () => {
  it("removes the bot's mention by its entity, and every other <at> tag", () => {
    expect(messageText(activity(channelMention(URL, "salary uk")))).toBe("salary uk");
    expect(messageText({ text: "<at>Careerfaq Bot</at>   kpis?\n", recipient: BOT, entities: [] })).toBe("kpis?");
    expect(
      messageText({
        text: `what would <at>Jordan</at> earn`,
        recipient: BOT,
        entities: [
          { type: "mention", text: "<at>Jordan</at>", mentioned: { id: "29:jordan", name: "Jordan" } } as never,
        ],
      }),
    ).toBe("what would earn");
  });

  it("copes with malformed mention entities and text that is not a string", () => {
    expect(
      messageText({
        text: "<at>careerfaq</at> hi",
        recipient: BOT,
        entities: [{ type: "mention" }, null, { type: "mention", text: 3 }] as never,
      }),
    ).toBe("hi");
    expect(messageText({ text: 42 as never, recipient: BOT })).toBe("");
    expect(messageText({ text: undefined as never, recipient: BOT })).toBe("");
  });

  it("decodes HTML entities and caps the length", () => {
    expect(messageText({ text: "pay&nbsp;&amp;&#32;bonus &lt;uk&gt; &bogus; &#x1F44D;", recipient: BOT })).toBe(
      "pay & bonus <uk> &bogus; 👍",
    );
    expect(messageText({ text: "a".repeat(TEAMS_LIMITS.inboundTextChars + 10), recipient: BOT })).toHaveLength(
      TEAMS_LIMITS.inboundTextChars,
    );
  });

  it.each([
    [{ id: "a:1", conversationType: "personal" }, true],
    [{ id: "19:x;messageid=1", conversationType: "channel", isGroup: true }, false],
    [{ id: "19:x@thread.v2", conversationType: "groupChat", isGroup: true }, false],
    [{ id: "emulator-conversation" }, true], // Bot Framework Emulator: no conversationType
    [{ id: "webchat", isGroup: true }, false],
  ])("isDirect(%o) is %s", (conversation, direct) => {
    expect(isDirect({ conversation } as never)).toBe(direct);
  });

  it("keys the user by Entra object id, or by Teams id when there is none, and marks admins", () => {
    const a = activity(personalMessage(URL, "stats"));
    expect(toInbound(a, { adminIds: [] })).toMatchObject({
      channel: "teams",
      user: `teams:${USER.aadObjectId}`,
      userName: USER.name,
      admin: false,
      text: "stats",
      direct: true,
    });
    expect(toInbound(a, { adminIds: [USER.id] })!.admin).toBe(true);
    const noAad = activity({ ...personalMessage(URL, "hi"), from: { id: "29:abc" } });
    expect(toInbound(noAad, { adminIds: ["29:abc"] })).toMatchObject({ user: "teams:29:abc", admin: true });
    expect(toInbound(noAad, { adminIds: [] })!.userName).toBeUndefined();
  });

  it("turns our card's data into an action, and ignores other cards' data", () => {
    const click = activity(cardSubmit(URL, { careerfaq: { action: ACTIONS.ask, value: "kpis" }, someInput: "x" }));
    expect(toInbound(click, { adminIds: [] })).toMatchObject({ action: { id: ACTIONS.ask, value: "kpis" } });
    expect(toInbound(activity(cardSubmit(URL, { other: true })), { adminIds: [] })).toBeNull();
    expect(
      toInbound(activity(cardSubmit(URL, { careerfaq: { action: "", value: "x" } })), { adminIds: [] }),
    ).toBeNull();
    // messageBack-style: other data but a text: the text is the question
    expect(
      toInbound(activity({ ...cardSubmit(URL, { other: true }), text: "salary uk" }), { adminIds: [] }),
    ).toMatchObject({ text: "salary uk" });
  });
});
