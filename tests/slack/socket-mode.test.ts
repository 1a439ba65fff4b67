/**
 * Socket Mode against a local fake: apps.connections.open (fake Web API) gives ws://127.0.0.1,
 * the fake server says hello and sends envelopes; the client acks each by envelope_id and the
 * answers go out through the fake Web API / response_url. stop() disconnects.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackChannel } from "../../src/channels/slack/index.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import type { RunningServer } from "../../src/server.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testEngine } from "../helpers/engine.ts";
import { BOT_TOKEN, blockText, directMessage, mention, nextEventId, startSlackServer, TEAM } from "../helpers/slack.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { FakeSocketServer } from "../helpers/slack-socket.ts";

const APP_TOKEN = "xapp-1-A1-1234567890-abcdef";
let fake: FakeSlack;
let sockets: FakeSocketServer;
let server: RunningServer;

const envelope = (event: Record<string, unknown>, eventId = nextEventId()) => ({
  token: "t",
  team_id: TEAM,
  api_app_id: "A1",
  event,
  type: "event_callback",
  event_id: eventId,
  event_time: 1,
});
const ackFor = (id: string) => fake.waitFor(() => sockets.received.find((m) => m.envelope_id === id));

beforeAll(async () => {
  fake = await FakeSlack.start();
  sockets = await FakeSocketServer.start();
  fake.socketUrl = sockets.url;
  server = await startSlackServer(fake, { SLACK_APP_TOKEN: APP_TOKEN });
});
afterAll(async () => {
  await server?.close();
  await sockets?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.responses.length = 0;
});

describe("Socket Mode", () => {
  it("connects with the app token through apps.connections.open, and serves no HTTP route", async () => {
    expect(sockets.connections).toBe(1);
    const open = [...fake.seen].includes("apps.connections.open");
    expect(open).toBe(true);
    const res = await fetch(`${server.url}/slack/events`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });

  it("acks an events_api envelope by envelope_id and answers the mention in its thread", async () => {
    const event = mention("salary in the uk");
    const id = sockets.send("events_api", envelope(event), { retry_attempt: 0, retry_reason: "" });
    expect(await ackFor(id)).toEqual({ envelope_id: id, payload: {} });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params).toMatchObject({ channel: "C100", thread_ts: event.ts });
    expect(blockText(call.params.blocks)).toContain("£70,000");
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("answers a redelivered envelope (retry_attempt 1, same event_id) once, and acks both", async () => {
    const eventId = nextEventId();
    const event = directMessage("kpis?", { ts: "1700000999.000001" });
    const first = sockets.send("events_api", envelope(event, eventId), { retry_attempt: 0 });
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    const again = sockets.send("events_api", envelope(event, eventId), { retry_attempt: 1, retry_reason: "timeout" });
    await ackFor(first);
    await ackFor(again);
    // A later message is answered, so the retry had its chance to be (wrongly) answered before it.
    sockets.send("events_api", envelope(directMessage("thanks", { ts: "1700000999.000002" })));
    await fake.waitFor(() => (fake.callsTo("chat.postMessage").length >= 2 ? true : undefined));
    expect(fake.callsTo("chat.postMessage").map((c) => String(c.params.text).slice(0, 20))).toHaveLength(2);
  });

  it("acks a slash command and answers through its response_url", async () => {
    const url = fake.responseUrl("sm-cmd");
    const id = sockets.send("slash_commands", {
      token: "t",
      team_id: TEAM,
      channel_id: "C100",
      user_id: "U100",
      user_name: "alex",
      command: "/careerfaq",
      text: "topics",
      response_url: url,
      trigger_id: "1",
    });
    expect(await ackFor(id)).toMatchObject({ envelope_id: id });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === "sm-cmd"));
    expect(response.body.response_type).toBe("ephemeral");
    expect(blockText(response.body.blocks)).toMatch(/What does a Customer Care Director earn\?/);
  });

  it("acks a button click and answers in the thread of the clicked message", async () => {
    const id = sockets.send("interactive", {
      type: "block_actions",
      user: { id: "U100", name: "alex", team_id: TEAM },
      team: { id: TEAM },
      channel: { id: "C100" },
      container: { type: "message", channel_id: "C100", message_ts: "1700000000.000321", is_ephemeral: false },
      message: { ts: "1700000000.000321", bot_id: "BBOT", text: "x" },
      response_url: fake.responseUrl("sm-click"),
      actions: [
        { action_id: "careerfaq.ask#2", value: "skills", type: "button", text: { type: "plain_text", text: "Skills" } },
      ],
    });
    expect(await ackFor(id)).toMatchObject({ envelope_id: id });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params.thread_ts).toBe("1700000000.000321");
  });
});

describe("Socket Mode start-up failure", () => {
  it("names SLACK_APP_TOKEN when Slack refuses the app token", async () => {
    const refusing = await FakeSlack.start(); // no socketUrl: apps.connections.open answers invalid_auth
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: refusing.apiUrl,
    });
    const channel = await slackChannel({
      config,
      engine: testEngine(),
      store: new MemoryStore(),
      log: createLogger({ level: "silent" }),
    });
    try {
      await expect(channel!.start!()).rejects.toThrow(
        /Socket Mode could not connect \(invalid_auth\).*SLACK_APP_TOKEN/,
      );
      expect(refusing.callsTo("apps.connections.open")[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    } finally {
      await channel!.stop();
      await refusing.close();
    }
  });
});

describe("stop", () => {
  it("disconnects the socket", async () => {
    const before = sockets.closed;
    await server.close();
    await fake.waitFor(() => sockets.closed > before);
    expect(sockets.closed).toBe(before + 1);
  });
});
