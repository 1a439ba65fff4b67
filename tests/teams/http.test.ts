/** POST /api/messages as an endpoint: bad input gets a clean 4xx, unknown invokes 501, and nothing is sent. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import {
  captureLog,
  type FakeConnector,
  invoke,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
} from "../helpers/teams.ts";

let bot: RunningServer;
let connector: FakeConnector;
const logged = captureLog();

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTeamsBot({}, logged.log);
});
afterEach(() => connector.reset());
afterAll(async () => {
  await bot.close();
  await connector.close();
});

async function stillServing(): Promise<void> {
  const health = await fetch(`${bot.url}/healthz`);
  expect(health.status).toBe(200);
  expect(Object.keys(((await health.json()) as { channels: object }).channels)).toContain("teams");
  const res = await postActivity(bot.url, personalMessage(connector.url, "salary uk"));
  expect(res.status).toBe(200);
  expect(connector.calls.length).toBeGreaterThan(0);
  connector.reset();
}

describe("POST /api/messages", () => {
  it("answers an unknown invoke with 501, sends nothing, and keeps working", async () => {
    const res = await postActivity(
      bot.url,
      invoke(connector.url, "composeExtension/query", { commandId: "search", parameters: [] }),
    );
    expect(res.status).toBe(501);
    expect(connector.calls).toHaveLength(0);
    await stillServing();
  });

  it("refuses an Action.Execute invoke whose data is not careerfaq's with 400, and sends nothing", async () => {
    const res = await postActivity(
      bot.url,
      invoke(connector.url, "adaptiveCard/action", {
        action: { type: "Action.Execute", title: "Go", verb: "other", data: { other: "app" } },
        trigger: "manual",
      }),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
    expect(connector.calls).toHaveLength(0);
    await stillServing();
  });

  it.each([
    ["not JSON", "{not json"],
    ["an empty body", ""],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["JSON without type", JSON.stringify({ text: "salary uk", serviceUrl: "http://127.0.0.1:9/" })],
    [
      "an Activity without serviceUrl",
      JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "hi"), serviceUrl: undefined }),
    ],
    [
      "an Activity with a non-http serviceUrl",
      JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "hi"), serviceUrl: "file:///etc/passwd" }),
    ],
    [
      "an Activity without conversation",
      JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "hi"), conversation: undefined }),
    ],
    [
      "an Activity whose from has no id",
      JSON.stringify({ ...personalMessage("http://127.0.0.1:9/", "hi"), from: { name: "x" } }),
    ],
  ])("rejects %s with 400 and sends nothing", async (_what, raw) => {
    const res = await postActivity(bot.url, null, { raw: raw.replace("http://127.0.0.1:9/", connector.url) });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/JSON|type|serviceUrl|conversation|from/);
    expect(connector.calls).toHaveLength(0);
  });

  it("rejects a body over 256 KB with 413 and sends nothing", async () => {
    const huge = personalMessage(connector.url, `salary uk ${"x".repeat(300 * 1024)}`);
    const res = await postActivity(bot.url, huge);
    expect(res.status).toBe(413);
    expect(connector.calls).toHaveLength(0);
    await stillServing();
  });

  it.each(["GET", "PUT", "DELETE"])("answers %s with 405", async (method) => {
    const res = await postActivity(bot.url, personalMessage(connector.url, "salary uk"), { method });
    expect(res.status).toBe(405);
    expect(connector.calls).toHaveLength(0);
  });

  it("in local mode, refuses to reply to a serviceUrl that is not on this machine", async () => {
    for (const serviceUrl of [
      "https://smba.trafficmanager.net/amer/",
      "http://10.0.0.5:8080/",
      "http://127.0.0.1.nip.io/",
    ]) {
      const res = await postActivity(bot.url, personalMessage(serviceUrl, "salary uk"));
      expect(res.status, serviceUrl).toBe(403);
    }
    expect(connector.calls).toHaveLength(0);
    expect(
      (await postActivity(bot.url, personalMessage(connector.url.replace("127.0.0.1", "localhost"), "salary uk")))
        .status,
    ).toBe(200);
  });

  it("acknowledges activities it does not act on (typing, reactions) without replying", async () => {
    const base = personalMessage(connector.url, "");
    for (const activity of [
      { ...base, type: "typing", text: undefined },
      { ...base, type: "messageReaction", text: undefined, reactionsAdded: [{ type: "like" }] },
      { ...base, type: "event", name: "application/vnd.microsoft.meetingStart", text: undefined },
    ]) {
      expect((await postActivity(bot.url, activity)).status).toBe(200);
    }
    expect(connector.calls).toHaveLength(0);
  });

  it("survives malformed fields inside a well-formed Activity (entities, value, text)", async () => {
    logged.lines.length = 0;
    const base = personalMessage(connector.url, "salary uk");
    const odd = [
      { ...base, entities: [{ type: "mention" }, null, { type: "mention", text: 5, mentioned: null }] },
      { ...base, text: 42 },
      { ...base, value: { careerfaq: { action: 7, value: [] } } },
      { ...base, value: { careerfaq: { action: "careerfaq.ask", value: "x".repeat(5000) } }, text: "" },
      { ...base, membersAdded: "nope", type: "conversationUpdate" },
    ];
    for (const [i, activity] of odd.entries()) {
      const res = await postActivity(bot.url, { ...activity, id: `${base.id}-odd${i}` });
      expect(res.status, JSON.stringify(activity).slice(0, 200)).toBe(200);
    }
    expect(logged.lines.filter((l) => / (error|warn) /.test(l))).toEqual([]);
    await stillServing();
  });
});

describe("hostile Activities (issue 11, items 9 and 12)", () => {
  it("wrongly typed optional fields (entities as an object, from.name as an object) are ignored: still a reply", async () => {
    const base = personalMessage(connector.url, "salary uk");
    const odd = [
      { ...base, id: `${base.id}-e`, entities: { type: "mention" } },
      { ...base, id: `${base.id}-n`, from: { ...base.from, name: { first: "A" } } },
      { ...base, id: `${base.id}-r`, recipient: { ...base.recipient, name: ["x"] }, membersAdded: [{}, 5] },
    ];
    for (const activity of odd) {
      connector.reset();
      const res = await postActivity(bot.url, activity);
      expect(res.status).toBe(200);
      expect(connector.calls.map((c) => JSON.stringify(c.body)).join()).toContain("£");
    }
  });

  it("a required field of the wrong type is a 400 that names it", async () => {
    const base = personalMessage(connector.url, "salary uk");
    const res = await postActivity(bot.url, { ...base, conversation: { id: 42 } });
    expect(res.status).toBe(400);
    expect(res.text).toContain("conversation.id");
  });

  it("the same activity id delivered three times gets one reply", async () => {
    const activity = personalMessage(connector.url, "salary uk");
    for (let i = 0; i < 3; i++) expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });
});
