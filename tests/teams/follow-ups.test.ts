/**
 * Follow-ups in Teams over the real HTTP path: the personal chat keeps its context; in a channel,
 * context follows the reply chain (each chain is its own conversation); after the TTL a follow-up
 * is a new question. The server's store and clock are injected so that time can move.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import {
  cardOf,
  channelConversation,
  channelMention,
  type FakeConnector,
  personalConversation,
  postActivity,
  silentLog,
  startFakeConnector,
  textsOf,
} from "../helpers/teams.ts";
import { chat } from "../helpers/teamsChat.ts";

let bot: RunningServer;
let connector: FakeConnector;
let now = Date.UTC(2026, 10, 30, 9, 0, 0);
const clock = () => now;

beforeAll(async () => {
  connector = await startFakeConnector();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    STORE: "memory",
    LOG_LEVEL: "silent",
    CONVERSATION_TTL_MINUTES: "30",
  });
  bot = await startServer(config, { log: silentLog(), store: new MemoryStore(clock), clock });
});

afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

describe("follow-ups in Teams", () => {
  it("the personal chat keeps its context", async () => {
    const me = chat(() => bot.url, connector, personalConversation());
    expect((await me.say("what does a customer care director earn in the uk?")).text).toContain("£70,000");
    const next = await me.say("and in canada?");
    expect(next.text).toContain("C$115,000");
    expect(next.text).not.toContain("£70,000");
    expect((await me.say("why?")).text).toMatch(/industry|location|company/i);
  });

  it("in a channel, context follows the reply chain: another chain has its own", async () => {
    const chainA = channelConversation(undefined, "1759881500001");
    const chainB = channelConversation(chainA.id.split(";")[0], "1759881500002");
    const post = async (text: string, conversation: typeof chainA) => {
      const before = connector.calls.length;
      expect((await postActivity(bot.url, channelMention(connector.url, text, conversation))).status).toBe(200);
      return textsOf(cardOf(connector.calls[before]!)).join("\n");
    };
    expect(await post("how much does a customer care director earn in the uk?", chainA)).toContain("£70,000");
    expect(await post("skills needed?", chainB)).toMatch(/leadership/i);
    expect(await post("and in canada?", chainA)).toContain("C$115,000");
  });

  it("after the TTL, a follow-up is a new question", async () => {
    const me = chat(() => bot.url, connector, personalConversation());
    expect((await me.say("salary in the uk")).text).toContain("£70,000");
    now += 31 * 60_000;
    const late = await me.say("and in canada?");
    // On its own, "and in canada?" names no topic: it is not read as "salary in Canada" any more.
    expect(late.text).not.toContain("C$115,000");
  });
});
