/**
 * Delivery rules and Web API failures, with a stand-in engine (so the test chooses the Outbounds)
 * behind the real Bolt receiver: what the engine receives, where each Outbound goes, how long
 * answers are split, and what happens on 429, channel_not_found, not_in_channel and invalid_auth.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SLACK_LIMITS } from "../../src/channels/slack/limits.ts";
import { ACTIONS, type Inbound, type Outbound, type Reply } from "../../src/core/types.ts";
import {
  BOT_TOKEN,
  blockText,
  clickBody,
  commandBody,
  directMessage,
  eventBody,
  FORM,
  mention,
  postSlack,
  serveChannel,
} from "../helpers/slack.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";

const answer = (text: string): Reply => ({
  outcome: "answer",
  intent: "test",
  confidence: 1,
  blocks: [
    { type: "heading", text: "Answer", level: 1 },
    { type: "text", text },
  ],
});

const seen: Inbound[] = [];
let next: (inbound: Inbound) => Outbound[] = (i) => [{ reply: answer(`echo ${i.text ?? i.action?.value}`) }];
const engine = {
  handle: async (inbound: Inbound) => {
    seen.push(inbound);
    return next(inbound);
  },
  home: async () => answer("home"),
};

let fake: FakeSlack;
let app: Awaited<ReturnType<typeof serveChannel>>;

beforeAll(async () => {
  fake = await FakeSlack.start();
  app = await serveChannel(fake, engine);
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  seen.length = 0;
  next = (i) => [{ reply: answer(`echo ${i.text ?? i.action?.value}`) }];
});

describe("what the engine receives", () => {
  it("a mention: text without markup, its thread as the conversation, user key, not direct", async () => {
    await postSlack(app, eventBody(mention("  salary &amp; <https://example.com|bonus> in <#C9|uk>  ")));
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(seen[0]).toEqual({
      channel: "slack",
      conversation: "slack:T1:C100:1710000000.000001", // the reply's thread: follow-ups there share it
      user: "slack:T1:U100",
      admin: false,
      direct: false,
      text: "salary & bonus in #uk",
    });
  });

  it("a DM from an admin: direct, admin", async () => {
    await postSlack(app, eventBody(directMessage("stats", { user: "UADMIN" })));
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(seen[0]).toMatchObject({
      conversation: "slack:T1:D100",
      user: "slack:T1:UADMIN",
      admin: true,
      direct: true,
      text: "stats",
    });
  });

  it("a command: its text, the user's name; a click: the action without the suffix", async () => {
    await postSlack(app, commandBody("history", { response_url: fake.responseUrl("c1") }), { contentType: FORM });
    await postSlack(
      app,
      clickBody({ actionId: `${ACTIONS.ask}#12`, value: "salary?country=UK", responseUrl: fake.responseUrl("c2") }),
      { contentType: FORM },
    );
    await fake.waitFor(() => seen.length >= 2 && fake.callsTo("chat.postMessage")[0]);
    expect(seen.find((i) => i.text)).toMatchObject({
      text: "history",
      userName: "alex",
      direct: false,
      conversation: "slack:T1:C100",
    });
    expect(seen.find((i) => i.action)).toMatchObject({
      action: { id: ACTIONS.ask, value: "salary?country=UK" },
      user: "slack:T1:U100",
    });
  });
});

describe("where Outbounds go", () => {
  it("private in a channel thread → chat.postEphemeral to the asker, in the thread", async () => {
    next = () => [{ reply: answer("just for you"), visibility: "private" }];
    const event = mention("hi");
    await postSlack(app, eventBody(event));
    const call = await fake.waitFor(() => fake.callsTo("chat.postEphemeral")[0]);
    expect(call.params).toMatchObject({
      channel: "C100",
      user: "U100",
      thread_ts: event.ts,
      text: expect.stringContaining("just for you"),
    });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("private in a DM → posted in the DM", async () => {
    next = () => [{ reply: answer("just for you"), visibility: "private" }];
    await postSlack(app, eventBody(directMessage("hi")));
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params.channel).toBe("D100");
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("to: dm from a command → conversations.open and a DM post; the pointer stays private", async () => {
    next = () => [
      { reply: answer("I've sent you a direct message."), visibility: "private" },
      { reply: answer("Question 1 of 10"), to: "dm" },
    ];
    await postSlack(app, commandBody("assess", { response_url: fake.responseUrl("dm1") }), { contentType: FORM });
    const dm = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(fake.callsTo("conversations.open")[0]!.params.users).toBe("U100");
    expect(dm.params.channel).toBe("D100");
    expect(String(dm.params.text)).toContain("Question 1 of 10");
    const pointer = await fake.waitFor(() => fake.responses.find((r) => r.id === "dm1"));
    expect(pointer.body.response_type).toBe("ephemeral");
    expect(String(pointer.body.text)).toContain("sent you a direct message");
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "C100")).toHaveLength(0);
  });

  it("a long answer is split into several messages in the same thread, each within Block Kit's limits", async () => {
    const long: Reply = {
      outcome: "answer",
      intent: "test",
      confidence: 1,
      blocks: [
        { type: "heading", text: "Long", level: 1 },
        { type: "text", text: "word ".repeat(2000).trim() },
        ...Array.from({ length: 60 }, (_, i) => ({ type: "bullets" as const, items: [{ text: `point ${i}` }] })),
      ],
    };
    next = () => [{ reply: long }];
    const event = mention("long");
    await postSlack(app, eventBody(event));
    const calls = await fake.waitFor(() =>
      fake.callsTo("chat.postMessage").length >= 2 ? fake.callsTo("chat.postMessage") : undefined,
    );
    await fake.waitFor(() => blockText(fake.callsTo("chat.postMessage").at(-1)!.params.blocks).includes("point 59"));
    for (const c of fake.callsTo("chat.postMessage")) {
      expect(c.params.thread_ts).toBe(event.ts);
      expect((c.params.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(String(c.params.text).length).toBeGreaterThan(0);
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });
});

describe("Web API failures", () => {
  it("429 with Retry-After is retried and the answer is posted", async () => {
    fake.fail("chat.postMessage", { retryAfter: 1 });
    await postSlack(app, eventBody(mention("salary")));
    await fake.waitFor(() => (fake.callsTo("chat.postMessage").length >= 2 ? true : undefined));
    const [limited, retried] = fake.callsTo("chat.postMessage");
    expect(retried!.params).toEqual(limited!.params);
  });

  it("channel_not_found on a mention → the user is told in a DM how to fix it, with the answer", async () => {
    fake.fail("chat.postMessage", { error: "channel_not_found" });
    await postSlack(app, eventBody(mention("salary", { channel: "C404" })));
    const notice = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
    expect(String(notice.params.text)).toContain("/invite @careerfaq");
    await fake.waitFor(() =>
      fake
        .callsTo("chat.postMessage")
        .find((c) => c.params.channel === "D100" && String(c.params.text).includes("echo salary")),
    );
    expect(
      app.lines.some(
        (l) => l.includes("code=channel_not_found") && l.includes("channel=C404") && l.includes("event=app_mention"),
      ),
    ).toBe(true);
  });

  it("not_in_channel on a click's thread reply → told privately through response_url", async () => {
    fake.fail("chat.postMessage", { error: "not_in_channel" });
    await postSlack(
      app,
      clickBody({ actionId: `${ACTIONS.ask}#0`, value: "kpis", channel: "C200", responseUrl: fake.responseUrl("nic") }),
      { contentType: FORM },
    );
    const notes = await fake.waitFor(() => {
      const list = fake.responses.filter((r) => r.id === "nic");
      return list.length >= 2 ? list : undefined;
    });
    expect(notes[0]!.body.response_type).toBe("ephemeral");
    expect(String(notes[0]!.body.text)).toContain("/invite @careerfaq");
    expect(String(notes[1]!.body.text)).toContain("echo kpis");
  });

  it("is_archived → the user is told the channel is archived", async () => {
    fake.fail("chat.postMessage", { error: "is_archived" });
    await postSlack(app, eventBody(mention("salary", { channel: "C300" })));
    const notice = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
    expect(String(notice.params.text)).toMatch(/archived/);
    await fake.waitFor(() =>
      fake
        .callsTo("chat.postMessage")
        .find((c) => c.params.channel === "D100" && String(c.params.text).includes("echo salary")),
    );
  });

  it("invalid_auth → a clear error in the log, without the token", async () => {
    fake.fail("chat.postMessage", { error: "invalid_auth" });
    const before = app.lines.length;
    await postSlack(app, eventBody(mention("salary", { channel: "C500" })));
    const line = await fake.waitFor(() =>
      app.lines.slice(before).find((l) => l.includes("code=invalid_auth") && l.includes("channel=C500")),
    );
    expect(line).toMatch(/error/);
    expect(line).toContain("SLACK_BOT_TOKEN");
    expect(line).toContain("method=chat.postMessage");
    expect(app.lines.join("\n")).not.toContain(BOT_TOKEN);
    expect(app.lines.join("\n")).not.toContain(BOT_TOKEN.slice(5));
  });

  it("logged at start-up: the token was accepted (auth.test against SLACK_API_URL)", () => {
    expect(app.lines.some((l) => l.includes("Slack bot token accepted") && l.includes("botUser=UBOT"))).toBe(true);
  });
});
