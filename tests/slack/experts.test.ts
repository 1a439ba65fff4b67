/**
 * Ask an expert, the whole loop: a declined question offers the button (only with EXPERTS_CHANNEL),
 * the click posts it to the experts' channel and tells the asker privately, and a person's reply in
 * that thread (message.channels / message.groups) reaches the asker by DM, escaped so it pings
 * nobody. Every other channel message is ignored: in channels the bot answers mentions only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  blockText,
  buttonsIn,
  channelMessage,
  eventBody,
  mention,
  nextEventId,
  postSlack,
  startSlackServer,
} from "../helpers/slack.ts";
import { type ApiCall, FakeSlack } from "../helpers/slack-fake.ts";
import { clickOn, DM, mark, postsTo, sayInDm, waitForPost } from "../helpers/slack-flow.ts";

const EXPERTS = "CEXPERTS";
let fake: FakeSlack;
let server: RunningServer;

beforeAll(async () => {
  fake = await FakeSlack.start();
  server = await startSlackServer(fake, { EXPERTS_CHANNEL: EXPERTS });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

/** Mentions the bot with a question it declines, clicks "Ask an expert"; returns the post in the experts' channel. */
async function forward(question: string, user = "U100"): Promise<ApiCall> {
  await postSlack(server, eventBody(mention(question, { user })));
  const declined = await fake.waitFor(() =>
    fake
      .callsTo("chat.postMessage")
      .find((c) => c.params.channel === "C100" && /Ask an expert/.test(blockText(c.params.blocks))),
  );
  const id = await clickOn(server, fake, declined, /^Ask an expert$/, user);
  const forwarded = await fake.waitFor(() => postsTo(fake, EXPERTS).at(-1));
  const confirm = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
  expect(confirm.body.response_type).toBe("ephemeral");
  expect(String(confirm.body.text)).toMatch(/passed your question to the experts/);
  // The thread is remembered before anyone can reply in it.
  await fake.waitFor(
    async () =>
      (await server.store.get(`expert:thread:slack:${EXPERTS}:${String(forwarded.result!.ts)}`)) !== undefined,
  );
  return forwarded;
}

const replyIn = (forwarded: ApiCall, text: string, extra: Record<string, unknown> = {}) =>
  channelMessage(text, { channel: EXPERTS, user: "UEXPERT", thread_ts: String(forwarded.result!.ts), ...extra });

describe("Ask an expert, relayed", () => {
  it("relays an expert's thread reply to the asker by DM, escaped, and tells the expert privately", async () => {
    const forwarded = await forward("what's the weather in paris?");
    expect(blockText(forwarded.params.blocks)).toMatch(/Asked by <@U100> in <#C100>[\s\S]*weather in paris/);
    const from = mark(fake);
    const reply = replyIn(
      forwarded,
      "Sunny. <!here> ask <@U200> or <@U201|dana> &lt;!channel&gt; about <https://example.com/pay|pay> &amp; more",
    );
    expect((await postSlack(server, eventBody(reply))).status).toBe(200);
    const dm = await waitForPost(fake, from, /An expert answered your question/);
    expect(fake.callsTo("conversations.open").at(-1)!.params.users).toBe("U100");
    expect(dm.params.channel).toBe(DM);
    const text = blockText(dm.params.blocks);
    expect(text).toContain('You asked: "what\'s the weather in paris?"');
    expect(text).toContain("Sunny. @\u2060here ask @U200 or @dana &lt;!channel&gt; about pay &amp; more");
    expect(JSON.stringify(dm.params)).not.toMatch(/<!(here|channel|everyone|subteam)|<@U/);
    const note = await fake.waitFor(() => fake.callsTo("chat.postEphemeral")[0]);
    expect(note.params).toMatchObject({ channel: EXPERTS, user: "UEXPERT", thread_ts: forwarded.result!.ts });
    expect(String(note.params.text)).toBe("I sent your reply to <@U100> by direct message.");
  });

  it("relays from a private experts' channel (message.groups) and a reply also sent to the channel", async () => {
    const forwarded = await forward("who won the football?", "U400");
    const from = mark(fake);
    await postSlack(
      server,
      eventBody(replyIn(forwarded, "Not our field, sorry.", { channel_type: "group", subtype: "thread_broadcast" })),
    );
    const dm = await waitForPost(fake, from, /Not our field, sorry\./, "D400");
    expect(blockText(dm.params.blocks)).toContain('You asked: "who won the football?"');
  });

  it("relays a retried event once", async () => {
    const forwarded = await forward("tell me a joke");
    const body = eventBody(replyIn(forwarded, "Knock knock."), nextEventId());
    await postSlack(server, body);
    await postSlack(server, body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    await waitForPost(fake, 0, /Knock knock/);
    await sayInDm(server, "thanks"); // a marker, sent after the retry
    await waitForPost(fake, 0, /You're welcome/);
    expect(postsTo(fake, DM).filter((c) => /Knock knock/.test(blockText(c.params.blocks)))).toHaveLength(1);
  });

  it("ignores every other channel message: chatter, other threads, top-level posts, bots, edits", async () => {
    const forwarded = await forward("what's the capital of peru?");
    fake.reset();
    const ignored = [
      channelMessage("salary uk"), // ordinary chatter where the bot is a member
      channelMessage("salary uk", { thread_ts: "1700000000.000777" }),
      channelMessage("what KPIs matter?", { channel: EXPERTS }), // top-level, not in a thread
      replyIn(forwarded, "a reply in another channel", { channel: "C100" }),
      channelMessage("a thread that is not a forwarded question", { channel: EXPERTS, thread_ts: "1600000000.000001" }),
      replyIn(forwarded, "posted by a bot", { bot_id: "BOTHER" }),
      replyIn(forwarded, "", { subtype: "message_changed", message: { text: "edited" } }),
      replyIn(forwarded, "joined", { subtype: "channel_join" }),
      replyIn(forwarded, "a group DM", { channel_type: "mpim" }),
    ];
    for (const event of ignored) expect((await postSlack(server, eventBody(event))).status).toBe(200);
    // A real reply afterwards is relayed: anything the ignored ones caused would have been posted before it.
    await postSlack(server, eventBody(replyIn(forwarded, "Lima.")));
    await waitForPost(fake, 0, /Lima\./);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral")[0]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(fake.responses).toHaveLength(0);
  });

  it("tells the expert when the asker cannot be reached", async () => {
    const forwarded = await forward("is it going to rain?", "U500");
    fake.fail("conversations.open", { error: "user_not_found" });
    await postSlack(server, eventBody(replyIn(forwarded, "Probably.")));
    const note = await fake.waitFor(() => fake.callsTo("chat.postEphemeral")[0]);
    expect(String(note.params.text)).toMatch(/couldn't send your reply to <@U500>/);
    expect(fake.callsTo("conversations.open").at(-1)!.params.users).toBe("U500");
    expect(postsTo(fake, "D500")).toHaveLength(0);
  });
});

describe("without EXPERTS_CHANNEL", () => {
  it("offers no Ask an expert button and relays nothing", async () => {
    const plain = await startSlackServer(fake);
    try {
      await postSlack(plain, eventBody(mention("what's the weather in paris?")));
      const declined = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
      expect(blockText(declined.params.blocks)).toMatch(/\S/);
      expect(buttonsIn(declined.params.blocks).some((b) => b.action_id.startsWith(ACTIONS.expert))).toBe(false);
      fake.reset();
      await postSlack(
        plain,
        eventBody(channelMessage("an answer in some thread", { channel: EXPERTS, thread_ts: "1700000000.000001" })),
      );
      await postSlack(plain, eventBody(mention("kpis")));
      await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
      expect(fake.callsTo("chat.postMessage").map((c) => c.params.channel)).toEqual(["C100"]);
      expect(fake.callsTo("chat.postEphemeral")).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });
});
