/**
 * POST /slack/events at the HTTP level: signatures, replays, malformed bodies, url_verification,
 * retries answered once (also across two instances sharing a SQLite store), and an ack that never
 * waits for the answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import {
  commandBody,
  directMessage,
  eventBody,
  FORM,
  mention,
  nextEventId,
  postSlack,
  signature,
  startSlackServer,
  useSlackServer,
} from "../helpers/slack.ts";
import type { FakeSlack } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;

useSlackServer((f, s) => {
  fake = f;
  server = s;
});

/** Proves the server still answers: a DM gets its reply. */
async function stillAnswers(): Promise<void> {
  await postSlack(server, eventBody(directMessage("kpis?", { user: "U555" })));
  await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
}

describe("url_verification", () => {
  it("answers the challenge after checking the signature", async () => {
    const body = JSON.stringify({
      token: "t",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const ok = await postSlack(server, body);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    expect((await postSlack(server, body, { signature: "v0=00" })).status).toBe(401);
  });
});

describe("request verification", () => {
  const cases: [string, (body: string) => Parameters<typeof postSlack>[2]][] = [
    [
      "a forged signature",
      (body) => ({ signature: signature(body, Math.floor(Date.now() / 1000), "not-the-real-secret-000000") }),
    ],
    ["a missing signature", () => ({ signature: null })],
    ["a timestamp older than five minutes", () => ({ timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })],
  ];
  for (const [name, options] of cases) {
    it(`rejects ${name} with 401 and posts nothing`, async () => {
      const event = eventBody(mention("salary uk"));
      expect((await postSlack(server, event, options(event))).status).toBe(401);
      const command = commandBody("salary uk", { response_url: fake.responseUrl("never") });
      expect((await postSlack(server, command, { contentType: FORM, ...options(command) })).status).toBe(401);
      const junk = "payload=%7B%7D";
      expect((await postSlack(server, junk, { contentType: FORM, ...options(junk) })).status).toBe(401);
      await stillAnswers();
      expect(fake.callsTo("chat.postMessage")).toHaveLength(1); // only stillAnswers' reply
      expect(fake.responses).toHaveLength(0);
    });
  }
  it("rejects a signed body whose timestamp header is not a number", async () => {
    const body = eventBody(mention("salary uk"));
    const res = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": "soon",
        "x-slack-signature": signature(body, 0),
      },
      body,
    });
    expect(res.status).toBe(401);
  });
});

describe("malformed bodies", () => {
  it("answers 400 to malformed JSON, a form without payload, and bodies of no known kind; the server keeps working", async () => {
    const bad: [string, string][] = [
      ['{"type": "event_callback", "event": ', "application/json"],
      ["null", "application/json"],
      ["[1,2,3]", "application/json"],
      ['{"type":"event_callback"}', "application/json"],
      ['{"hello":"world"}', "application/json"],
      ["foo=bar&baz=1", FORM],
      [commandBody("salary", { command: "/other" }), FORM],
      ["payload=%7Bnot%20json", FORM],
      ["payload=%7B%22type%22%3A%22block_actions%22%7D", FORM],
    ];
    for (const [body, contentType] of bad) {
      const res = await postSlack(server, body, { contentType });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    await stillAnswers();
  });

  it("answers 405 to other methods and 404 to other paths", async () => {
    expect((await fetch(`${server.url}/slack/events`)).status).toBe(405);
    expect((await fetch(`${server.url}/slack/other`, { method: "POST", body: "{}" })).status).toBe(404);
    const health = (await fetch(`${server.url}/healthz`).then((r) => r.json())) as { channels: object };
    expect(Object.keys(health.channels)).toContain("slack");
  });
});

describe("acks and retries", () => {
  it("acks before the answer is posted", async () => {
    const release = fake.hold("chat.postMessage");
    try {
      const res = await postSlack(server, eventBody(mention("salary uk")));
      expect(res.status).toBe(200);
      // The ack is back while the answer's post is still waiting for the (held) Web API.
      await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    } finally {
      release();
    }
  });

  it("answers an event retried with X-Slack-Retry-Num once", async () => {
    const id = nextEventId();
    const body = eventBody(mention("what skills do I need?", { ts: "1700000123.000001" }), id);
    expect((await postSlack(server, body)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    for (const n of ["1", "2"]) {
      const res = await postSlack(server, body, {
        headers: { "x-slack-retry-num": n, "x-slack-retry-reason": "http_timeout" },
      });
      expect(res.status).toBe(200);
    }
    await stillAnswers();
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.thread_ts === "1700000123.000001")).toHaveLength(1);
  });

  it("answers a retry that reaches another instance sharing the store once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "careerfaq-slack-"));
    const env = { STORE: "sqlite", DATABASE_PATH: join(dir, "shared.db") };
    const a = await startSlackServer(fake, env);
    const b = await startSlackServer(fake, env);
    try {
      const body = eventBody(mention("kpis", { ts: "1700000456.000001" }));
      await postSlack(a, body);
      await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
      await postSlack(b, body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
      await postSlack(b, eventBody(directMessage("thanks")));
      await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
      expect(fake.callsTo("chat.postMessage").filter((c) => c.params.thread_ts === "1700000456.000001")).toHaveLength(
        1,
      );
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
