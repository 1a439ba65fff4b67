import { describe, expect, it } from "vitest";
import {
  decodeSlackConversation,
  decodeSlackPost,
  decodeSlackUser,
  encodeSlackConversation,
  encodeSlackPost,
  encodeSlackUser,
} from "../../src/channels/slack/ids.ts";

describe("Slack ids", () => {
  it("keep their stored formats", () => {
    expect(encodeSlackUser({ team: "T1", user: "U123" })).toBe("slack:T1:U123");
    expect(encodeSlackConversation({ team: "T1", channel: "C100" })).toBe("slack:T1:C100");
    expect(encodeSlackConversation({ team: "T1", channel: "C100", threadTs: "1710000000.000001" })).toBe(
      "slack:T1:C100:1710000000.000001",
    );
    expect(encodeSlackPost({ channel: "CEXPERTS", ts: "1712.0001" })).toBe("slack:CEXPERTS:1712.0001");
  });

  it("round-trip", () => {
    const user = { team: "T1", user: "W42" };
    const channel = { team: "T1", channel: "D200" };
    const thread = { team: "E9", channel: "C100", threadTs: "1710000000.000001" };
    const home = { team: "T1", channel: "home-U1" };
    const post = { channel: "C9", ts: "1712.0001" };
    expect(decodeSlackUser(encodeSlackUser(user))).toEqual(user);
    expect(decodeSlackConversation(encodeSlackConversation(channel))).toEqual(channel);
    expect(decodeSlackConversation(encodeSlackConversation(thread))).toEqual(thread);
    expect(decodeSlackConversation(encodeSlackConversation(home))).toEqual(home);
    expect(decodeSlackPost(encodeSlackPost(post))).toEqual(post);
  });

  it.each([
    "",
    "slack",
    "slack:",
    "slack:T1",
    "slack:T1:",
    "slack::U1",
    "slack:T1:U1:extra",
    "teams:T1:U1",
    "cli:local",
    "SLACK:T1:U1",
  ])("reject the malformed user id %j", (id) => {
    expect(decodeSlackUser(id)).toBeNull();
  });

  it.each([
    "",
    "slack:T1",
    "slack:T1:C1:",
    "slack:T1::1710000000.000001",
    "slack:T1:C1:1710000000.000001:more",
    "teams:19:abc@thread.tacv2",
  ])("reject the malformed conversation id %j", (id) => {
    expect(decodeSlackConversation(id)).toBeNull();
  });

  it.each(["slack:C1", "slack:C1:", "slack:C1:1.2:3", "teams:C1:1.2"])("reject the malformed post id %j", (id) => {
    expect(decodeSlackPost(id)).toBeNull();
  });
});
