/** Slack payloads → what the adapter reads: markup stripped, bots and subtypes ignored, clicks located. */
import { describe, expect, it } from "vitest";
import {
  messageEventName,
  readAction,
  readCommand,
  readHomeOpened,
  readMessageEvent,
  richTextToPlain,
} from "../../src/channels/slack/inbound.ts";
import { readShareValue, shareValue } from "../../src/channels/slack/share.ts";
import { slackToPlain } from "../../src/channels/slack/text.ts";

describe("slackToPlain", () => {
  it.each([
    ["<@UBOT> salary uk", "salary uk"],
    ["<@UBOT|careerfaq> what about <@U2> ?", "what about ?"],
    ["pay in <#C123|london>?", "pay in #london?"],
    ["<!here> kpis", "@here kpis"],
    ["<!subteam^S1|@leads> skills", "@leads skills"],
    ["see <https://example.com/a|this page> and <https://example.com/b>", "see this page and https://example.com/b"],
    ["R&amp;D &lt;3 &gt; x", "R&D <3 > x"],
    ["<!date^1392734382^{date}|Feb 18, 2014> salary", "Feb 18, 2014 salary"],
  ])("%s → %s", (input, expected) => {
    expect(slackToPlain(input)).toBe(expected);
  });
});

const envelope = (event: Record<string, unknown>) => ({
  type: "event_callback",
  team_id: "T1",
  event_id: "Ev1",
  event,
});

describe("readMessageEvent", () => {
  it("reads a mention, its thread and its team", () => {
    const v = readMessageEvent(
      envelope({ type: "app_mention", user: "U1", channel: "C1", ts: "1.2", thread_ts: "1.1", text: "<@UBOT> kpis" }),
      "mention",
    );
    expect(v).toEqual({
      message: {
        kind: "mention",
        eventId: "Ev1",
        team: "T1",
        channel: "C1",
        user: "U1",
        text: "kpis",
        ts: "1.2",
        threadTs: "1.1",
      },
    });
  });

  it("falls back to rich_text blocks when there is no text", () => {
    const blocks = [
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "user", user_id: "UBOT" },
              { type: "text", text: " salary " },
              { type: "link", url: "https://x", text: "uk" },
              { type: "emoji", name: "wave" },
            ],
          },
        ],
      },
    ];
    expect(richTextToPlain(blocks)).toBe("salary uk:wave:");
    const v = readMessageEvent(
      envelope({ type: "app_mention", user: "U1", channel: "C1", ts: "1.2", blocks }),
      "mention",
    );
    expect("message" in v && v.message.text).toBe("salary uk:wave:");
  });

  it.each([
    [{ bot_id: "B1" }, "bot"],
    [{ subtype: "bot_message" }, "bot"],
    [{ subtype: "message_changed" }, "subtype:message_changed"],
    [{ subtype: "message_deleted" }, "subtype:message_deleted"],
    [{ subtype: "channel_join" }, "subtype:channel_join"],
    [{ channel_type: "channel" }, "not-a-dm"],
    [{ user: undefined }, "malformed"],
  ])("ignores %o (%s)", (extra, reason) => {
    const event = { type: "message", channel_type: "im", user: "U1", channel: "D1", ts: "1.2", text: "hi", ...extra };
    if ("subtype" in extra && extra.subtype === "bot_message") Object.assign(event, { bot_id: "B2" });
    expect(readMessageEvent(envelope(event), "dm")).toEqual({ ignore: reason });
  });

  it("ignores junk", () => {
    expect(readMessageEvent(null, "dm")).toEqual({ ignore: "malformed" });
    expect(readMessageEvent({ event: "x" }, "mention")).toEqual({ ignore: "malformed" });
  });
});

describe("channel messages (an expert's reply)", () => {
  const reply = (extra: Record<string, unknown> = {}) =>
    envelope({
      type: "message",
      channel_type: "channel",
      user: "U7",
      channel: "C9",
      ts: "1.3",
      thread_ts: "1.1",
      text: "ask <@U2> or <@U3|dana> <!here>",
      ...extra,
    });

  it("keeps people's mentions as inert text, and the thread", () => {
    expect(readMessageEvent(reply(), "channel")).toEqual({
      message: {
        kind: "channel",
        eventId: "Ev1",
        team: "T1",
        channel: "C9",
        user: "U7",
        text: "ask @U2 or @dana @here",
        ts: "1.3",
        threadTs: "1.1",
      },
    });
    expect(slackToPlain("<@U2> <@U3|dana>", { people: "keep" })).toBe("@U2 @dana");
    const blocks = [
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "ask " },
              { type: "user", user_id: "U2" },
            ],
          },
        ],
      },
    ];
    expect(richTextToPlain(blocks, { people: "keep" })).toBe("ask @U2");
  });

  it("reads a private channel's message and a thread reply also sent to the channel", () => {
    expect("message" in readMessageEvent(reply({ channel_type: "group" }), "channel")).toBe(true);
    expect("message" in readMessageEvent(reply({ subtype: "thread_broadcast" }), "channel")).toBe(true);
  });

  it.each([
    [{ bot_id: "B1" }, "bot"],
    [{ subtype: "message_changed" }, "subtype:message_changed"],
    [{ channel_type: "im" }, "not-a-channel"],
    [{ channel_type: "mpim" }, "not-a-channel"],
  ])("ignores %o (%s)", (extra, reason) => {
    expect(readMessageEvent(reply(extra), "channel")).toEqual({ ignore: reason });
  });

  it("tells the message events apart by channel_type", () => {
    expect(
      ["im", "channel", "group", "mpim", undefined].map((t) =>
        messageEventName(envelope({ type: "message", channel_type: t })),
      ),
    ).toEqual(["message.im", "message.channels", "message.groups", undefined, undefined]);
    expect(messageEventName(null)).toBeUndefined();
  });
});

describe("other payloads", () => {
  it("app_home_opened: the Home tab only", () => {
    expect(readHomeOpened(envelope({ type: "app_home_opened", user: "U1", tab: "home" }))).toEqual({
      team: "T1",
      user: "U1",
      eventId: "Ev1",
    });
    expect(readHomeOpened(envelope({ type: "app_home_opened", user: "U1", tab: "messages" }))).toBeNull();
  });

  it("a command needs its team, channel, user and response_url", () => {
    const base = {
      command: "/careerfaq",
      team_id: "T1",
      channel_id: "C1",
      user_id: "U1",
      user_name: "alex",
      text: "salary",
      response_url: "https://hooks.slack.com/x",
    };
    expect(readCommand(base)).toMatchObject({ text: "salary", userName: "alex" });
    expect(readCommand({ ...base, response_url: undefined })).toBeNull();
  });

  it("a click: the action id without suffix, the clicked message's thread, App Home clicks have no channel", () => {
    const click = {
      type: "block_actions",
      user: { id: "U1", name: "alex", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: "C1" },
      container: { type: "message", channel_id: "C1", message_ts: "5.5", is_ephemeral: false },
      message: { ts: "5.5", thread_ts: "5.1" },
      response_url: "https://hooks.slack.com/y",
      actions: [{ action_id: "careerfaq.ask#7", value: "kpis", text: { type: "plain_text", text: "KPIs" } }],
    };
    expect(readAction(click)).toEqual({
      team: "T1",
      user: "U1",
      userName: "alex",
      actionId: "careerfaq.ask",
      value: "kpis",
      label: "KPIs",
      channel: "C1",
      ephemeral: false,
      messageTs: "5.5",
      threadTs: "5.1",
      responseUrl: "https://hooks.slack.com/y",
    });
    const home = {
      ...click,
      channel: undefined,
      message: undefined,
      container: { type: "view", view_id: "V1" },
      view: { id: "V1" },
    };
    expect(readAction(home)).toMatchObject({ actionId: "careerfaq.ask", ephemeral: false });
    expect(readAction(home)!.channel).toBeUndefined();
    expect(readAction({ type: "block_actions", actions: [] })).toBeNull();
    expect(readAction({ type: "view_submission" })).toBeNull();
  });

  it("share values round-trip and reject junk", () => {
    expect(readShareValue(shareValue({ question: "salary?", text: "salary?" })!)).toEqual({
      question: "salary?",
      text: "salary?",
    });
    expect(readShareValue(shareValue({ question: "KPIs", action: { id: "careerfaq.ask", value: "kpis" } })!)).toEqual({
      question: "KPIs",
      action: { id: "careerfaq.ask", value: "kpis" },
    });
    expect(shareValue({ question: "x".repeat(2000), text: "x" })).toBeNull();
    expect(readShareValue("{not json")).toBeNull();
    expect(readShareValue('{"q":1}')).toBeNull();
  });
});
