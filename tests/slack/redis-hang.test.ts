/**
 * A hung Redis (issue 11, items 3 and 4): a real server process on a private redis-server, which the
 * test freezes with SIGSTOP. Slack events and a Teams message are still answered (the answer path
 * needs no store), the store's trouble is logged once, /healthz says so, and an event retried after
 * Redis comes back is not answered twice (the in-process dedupe window). Then SIGCONT: back to ok.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivateRedis, startPrivateRedis } from "../helpers/redis-server.ts";
import { directMessage, eventBody, mention, postSlack } from "../helpers/slack.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { type SlackProcess, startSlackProcess } from "../helpers/slack-process.ts";
import { type FakeConnector, personalMessage, postActivity, startFakeConnector } from "../helpers/teams.ts";

let redis: PrivateRedis;
let fake: FakeSlack;
let connector: FakeConnector;
let server: SlackProcess;

beforeAll(async () => {
  redis = await startPrivateRedis();
  fake = await FakeSlack.start();
  connector = await startFakeConnector();
  server = await startSlackProcess({
    STORE: "redis",
    REDIS_URL: redis.url,
    STORE_TIMEOUT_MS: "300",
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "info",
  });
}, 30_000);
afterAll(async () => {
  await server?.kill("SIGKILL");
  await redis?.stop();
  await fake?.close();
  await connector?.close();
});

const health = async () => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; store: Record<string, unknown> } };
};
const repliesTo = (ts: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.params.thread_ts === ts || c.params.ts === ts);

describe("a hung Redis (SIGSTOP)", () => {
  it("answers Slack and Teams without it, logs once, reports it, and answers a retry once", async () => {
    expect((await health()).body.status).toBe("ok");
    redis.pause();
    const from = server.output().length;
    const started = Date.now();
    const dm = directMessage("salary in canada");
    const dmBody = eventBody(dm);
    expect((await postSlack(server, dmBody)).status).toBe(200);
    const mentions = Array.from({ length: 3 }, () => mention("kpis?"));
    for (const m of mentions) expect((await postSlack(server, eventBody(m))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postMessage").some((c) => c.params.channel === "D100"));
    const dmAnswered = Date.now() - started;
    await fake.waitFor(() => mentions.every((m) => repliesTo(m.ts as string).length === 1));
    const teamsStarted = Date.now();
    const teams = await postActivity(server.url, personalMessage(connector.url, "salary uk"));
    const teamsAnswered = Date.now() - teamsStarted;
    expect(teams.status).toBe(200);
    expect(connector.calls.some((c) => JSON.stringify(c.body).includes("£"))).toBe(true);

    const hung = await health();
    expect(hung.status).toBe(200);
    expect(hung.body).toMatchObject({ status: "degraded", store: { reachable: false, writable: false } });
    const log = server.output().slice(from);
    expect(log.match(/store is slow or unreachable/g)).toHaveLength(1);

    redis.resume();
    await server.waitForLog(/store is back/, from);
    // Slack retries the DM answered during the outage: answered once.
    const retry = await postSlack(server, dmBody, { headers: { "x-slack-retry-num": "1" } });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "D100")).toHaveLength(1);
    expect((await health()).body.status).toBe("ok");
    console.info("while Redis hangs (STORE_TIMEOUT_MS=300):", {
      slackDmAnsweredMs: dmAnswered,
      teamsAnsweredMs: teamsAnswered,
    });
  }, 60_000);
});
