/**
 * Ask an expert through Teams: a declined question forwarded to the experts' channel (a new thread,
 * posted through the Bot Connector at TEAMS_EXPERTS_SERVICE_URL), and an expert's reply in that
 * thread, @-mentioning the bot, relayed to the asker's conversation proactively. Two fake Bot
 * Connectors on 127.0.0.1: the asker's and the experts'.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { askerKey, expertsSettings, plainName } from "../../src/channels/teams/experts.ts";
import { loadConfig } from "../../src/config.ts";
import { ACTIONS, type Inbound, type Outbound } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  BOT,
  captureLog,
  cardOf,
  channelConversation,
  channelMention,
  type FakeConnector,
  postActivity,
  startFakeConnector,
  startTeamsBot,
  submitsOf,
  USER,
} from "../helpers/teams.ts";
import { chat, said } from "../helpers/teamsChat.ts";

const EXPERTS = "19:9f8e7d6c5b4a49388271605f4e3d2c1b@thread.tacv2";
const EXPERT = {
  id: "29:1expertSamOkaforXw9kQ2mZ7",
  name: "Sam Okafor",
  aadObjectId: "3c2b1a09-8f7e-4d6c-9b5a-493827160504",
};
const QUESTION = "how much does a nurse earn?";
let asker: FakeConnector;
let experts: FakeConnector;
let bot: RunningServer;
const seen: Inbound[] = [];

beforeAll(async () => {
  [asker, experts] = await Promise.all([startFakeConnector(), startFakeConnector()]);
  bot = await startTeamsBot({ TEAMS_EXPERTS_CONVERSATION: EXPERTS, TEAMS_EXPERTS_SERVICE_URL: experts.url });
  const handle = bot.engine.handle.bind(bot.engine);
  vi.spyOn(bot.engine, "handle").mockImplementation(async (inbound: Inbound): Promise<Outbound[]> => {
    seen.push(inbound);
    return handle(inbound);
  });
});
afterEach(() => {
  asker.reset();
  experts.reset();
  seen.length = 0;
});
afterAll(async () => {
  await bot.close();
  await Promise.all([asker.close(), experts.close()]);
});

const expertButton = (s: { submits: { careerfaq: { action: string; value: string } }[] }) =>
  s.submits.find((d) => d.careerfaq.action === ACTIONS.expert);

/** An expert's reply in the thread of the experts' post `root`, @-mentioning the bot. */
function expertReply(root: string, text: string) {
  const conversation = { ...channelConversation(EXPERTS, root) };
  return { ...channelMention(experts.url, text, conversation), from: { ...EXPERT } };
}

describe("ask an expert in Teams", () => {
  it("forwards a declined question as a new thread and relays the expert's reply to the asker's chat", async () => {
    const me = chat(() => bot.url, asker);
    const declined = await me.say(QUESTION);
    const button = expertButton(declined);
    expect(button).toEqual({ careerfaq: { action: ACTIONS.expert, value: QUESTION } });
    expect(declined.text).toContain("Ask an expert");

    const forwarded = await me.click(button);
    // The experts' channel: one new message (no replyToId: a new thread) at TEAMS_EXPERTS_SERVICE_URL.
    expect(experts.calls).toHaveLength(1);
    const post = experts.calls[0]!;
    expect(post.method).toBe("POST");
    expect(post.path).toBe(`/v3/conversations/${encodeURIComponent(EXPERTS)}/activities`);
    expect(post.authorization).toBeUndefined();
    expect(post.body).toMatchObject({ type: "message", conversation: { id: EXPERTS }, from: { id: BOT.id } });
    expect(post.body.replyToId).toBeUndefined();
    const header = said([post]);
    expect(header.text.split("\n")[0]).toBe(`Asked by ${USER.name} in a personal chat`);
    expect(header.text).toContain("A question careerfaq could not answer");
    expect(header.text).toContain(QUESTION);
    // The asker is told, in place.
    expect(forwarded.calls).toHaveLength(1);
    expect(forwarded.text).toContain("I've passed your question to the experts");

    // The thread is remembered, with the asker's conversation reference.
    const root = post.answered!;
    const thread = `teams:${EXPERTS};messageid=${root}`;
    expect(JSON.parse((await bot.store.get(`expert:thread:${thread}`))!)).toMatchObject({
      user: `teams:${USER.aadObjectId}`,
      conversation: `teams:${me.conversation.id}`,
      channel: "teams",
      question: QUESTION,
    });
    expect(JSON.parse((await bot.store.get(askerKey(thread)))!)).toMatchObject({
      serviceUrl: asker.url,
      conversation: { id: me.conversation.id },
      user: { id: USER.id },
    });

    // The expert replies in that thread, mentioning the bot: relayed to the asker's conversation.
    asker.reset();
    seen.length = 0;
    const reply = expertReply(root, "Band 6 nurses in the NHS start around £37,000.");
    expect((await postActivity(bot.url, reply)).status).toBe(200);
    expect(seen).toHaveLength(0); // not answered as a question
    expect(experts.calls).toHaveLength(1); // nothing more in the experts' channel
    expect(asker.calls).toHaveLength(1);
    const relayed = asker.calls[0]!;
    expect(relayed.path).toBe(`/v3/conversations/${encodeURIComponent(me.conversation.id)}/activities`);
    expect(relayed.body).toMatchObject({
      conversation: { id: me.conversation.id },
      from: { id: BOT.id },
      recipient: { id: USER.id },
    });
    const text = said([relayed]).text;
    expect(text).toContain("An expert answered your question");
    expect(text).toContain(`You asked: "${QUESTION}"`);
    expect(text).toContain("Sam Okafor replied: Band 6 nurses in the NHS start around £37,000.");
    expect(text).not.toContain("<at>");

    // Teams retrying the same activity does not relay it twice.
    expect((await postActivity(bot.url, reply)).status).toBe(200);
    expect(asker.calls).toHaveLength(1);
  });

  it("heads the post with the asker's name as plain words (no mention, no link) and says where they asked", async () => {
    const conversation = channelConversation();
    const question = "what is the weather in paris";
    const click = {
      ...channelMention(asker.url, "", conversation),
      text: undefined,
      entities: [],
      value: { careerfaq: { action: ACTIONS.expert, value: question } },
    };
    const sneaky = { ...click, from: { ...USER, name: "<at>Everyone</at> [Dana](https://evil.example) *R*" } };
    expect((await postActivity(bot.url, sneaky)).status).toBe(200);
    expect(experts.calls).toHaveLength(1);
    const body = experts.calls[0]!.body;
    const first = said([experts.calls[0]!]).text.split("\n")[0]!;
    expect(first).toMatch(/^Asked by Everyone Dana.* in a channel$/);
    expect(JSON.stringify(body)).not.toMatch(/<at>|\]\(|\*R\*/);
    expect(body.entities ?? []).toEqual([]);
    expect(plainName("  ")).toBe("Someone");
    expect(plainName("Zoë O'Brien-Ng")).toBe("Zoë O'Brien-Ng");
    // The asker asked in a channel thread: the expert's answer comes back to that thread.
    const root = experts.calls[0]!.answered!;
    asker.reset();
    expect((await postActivity(bot.url, expertReply(root, "Sunny, mostly."))).status).toBe(200);
    expect(asker.calls).toHaveLength(1);
    expect(asker.calls[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(conversation.id)}/activities`);
  });

  it("answers a mention in an experts' thread it does not know like any question", async () => {
    const activity = expertReply("1700000000000", "kpis?");
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ text: "kpis?", user: `teams:${EXPERT.aadObjectId}` });
    expect(experts.calls).toHaveLength(1);
    expect(experts.calls[0]!.body.replyToId).toBe(activity.id);
    expect(asker.calls).toHaveLength(0);
  });

  it("tells the asker when the experts' channel refuses the post, instead of claiming it was forwarded", async () => {
    experts.failWith(403);
    const threads = await bot.store.keys("expert:thread:");
    const me = chat(() => bot.url, asker);
    const s = await me.click({ careerfaq: { action: ACTIONS.expert, value: QUESTION } });
    expect(experts.calls).toHaveLength(1);
    expect(s.text).toContain("couldn't reach the experts");
    expect(s.text).not.toContain("I've passed your question");
    expect((await bot.store.keys("expert:thread:")).sort()).toEqual(threads.sort());
  });

  it("forget me also deletes the forwarded thread and the asker's conversation reference", async () => {
    const me = chat(() => bot.url, asker);
    await me.click({ careerfaq: { action: ACTIONS.expert, value: "salary in germany" } });
    const thread = `teams:${EXPERTS};messageid=${experts.calls[0]!.answered}`;
    expect(await bot.store.get(askerKey(thread))).toBeDefined();
    const confirm = await me.say("forget me");
    const yes = confirm.submits.find(
      (d) => d.careerfaq.action === ACTIONS.forget && d.careerfaq.value.startsWith("confirm."),
    )!;
    expect((await me.click(yes)).text).toContain("Done: I deleted everything");
    expect(await bot.store.get(askerKey(thread))).toBeUndefined();
    expect(await bot.store.get(`expert:thread:${thread}`)).toBeUndefined();
  });
});

describe("ask an expert: configuration", () => {
  it("without the two variables, a declined question offers no Ask an expert button", async () => {
    const connector = await startFakeConnector();
    const logged = captureLog("debug");
    const plain = await startTeamsBot({ LOG_LEVEL: "debug" }, logged.log);
    try {
      const s = await chat(() => plain.url, connector).say(QUESTION);
      expect(s.calls).toHaveLength(1);
      expect(submitsOf(cardOf(s.calls[0]!)).map((d) => d.careerfaq.action)).not.toContain(ACTIONS.expert);
      // How an admin finds a conversation's id and serviceUrl (docs/teams.md): the debug log of an activity.
      const line = logged.lines.find((l) => l.includes("Teams activity"));
      expect(line).toContain(`conversation=teams:${s.calls[0]!.body.conversation.id}`);
      expect(line).toContain(`serviceUrl=${connector.url}`);
    } finally {
      await plain.close();
      await connector.close();
    }
  });

  it.each([
    [{ TEAMS_EXPERTS_CONVERSATION: EXPERTS }, /TEAMS_EXPERTS_SERVICE_URL: required with TEAMS_EXPERTS_CONVERSATION/],
    [
      { TEAMS_EXPERTS_SERVICE_URL: "http://127.0.0.1:9/" },
      /TEAMS_EXPERTS_CONVERSATION: required with TEAMS_EXPERTS_SERVICE_URL/,
    ],
    [
      {
        TEAMS_EXPERTS_CONVERSATION: `${EXPERTS};messageid=1759881511856`,
        TEAMS_EXPERTS_SERVICE_URL: "http://127.0.0.1:9/",
      },
      /TEAMS_EXPERTS_CONVERSATION: must be a Teams channel's conversation id/,
    ],
    [
      { TEAMS_EXPERTS_CONVERSATION: "19:abc@thread.v2", TEAMS_EXPERTS_SERVICE_URL: "http://127.0.0.1:9/" },
      /TEAMS_EXPERTS_CONVERSATION: must be a Teams channel's conversation id/,
    ],
    [
      { TEAMS_EXPERTS_CONVERSATION: EXPERTS, TEAMS_EXPERTS_SERVICE_URL: "https://smba.trafficmanager.net/emea/" },
      /TEAMS_EXPERTS_SERVICE_URL: in local mode/,
    ],
  ])("refuses %j, naming the variable", (env, message) => {
    expect(() => expertsSettings(loadConfig({ STORE: "memory", ...env }), true)).toThrow(message);
  });

  it("stops the server from starting with a half setup", async () => {
    await expect(startTeamsBot({ TEAMS_EXPERTS_CONVERSATION: EXPERTS })).rejects.toThrow(
      /TEAMS_EXPERTS_SERVICE_URL: required/,
    );
  });

  it("accepts any serviceUrl in authenticated mode", () => {
    const config = loadConfig({
      STORE: "memory",
      TEAMS_EXPERTS_CONVERSATION: EXPERTS,
      TEAMS_EXPERTS_SERVICE_URL: "https://smba.trafficmanager.net/emea/",
    });
    expect(expertsSettings(config, false)).toEqual({
      conversation: EXPERTS,
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    });
    expect(expertsSettings(loadConfig({ STORE: "memory" }), true)).toBeNull();
  });
});
