/** The answer queue (work after the ack), the lean fetch, and delivery's handling of network failures. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../src/channels/slack/app.ts";
import { Delivery, failureOf } from "../../src/channels/slack/deliver.ts";
import { slackFetch } from "../../src/channels/slack/fetch.ts";
import { AnswerQueue } from "../../src/channels/slack/queue.ts";
import { createLogger } from "../../src/log.ts";

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: "debug", write: (l) => lines.push(l) }) };
}

describe("AnswerQueue", () => {
  it("runs every job, in order of arrival, after the current turn, and drain() waits for all of them", async () => {
    const { log } = capture();
    const queue = new AnswerQueue(log, { concurrency: 2 });
    const done: number[] = [];
    for (let i = 0; i < 50; i++) queue.push(async () => void done.push(i));
    expect(done).toEqual([]); // nothing runs before the pushing code yields
    await queue.drain();
    expect(done).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(queue.size).toBe(0);
    await queue.drain(); // idle: resolves at once
  });

  it("never runs more than `concurrency` jobs at once", async () => {
    const { log } = capture();
    const queue = new AnswerQueue(log, { concurrency: 3 });
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      queue.push(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      });
    }
    await queue.drain();
    expect(peak).toBe(3);
  });

  it("logs a failing job and carries on", async () => {
    const { lines, log } = capture();
    const queue = new AnswerQueue(log);
    let after = false;
    queue.push(async () => {
      throw new Error("boom");
    });
    queue.push(async () => {
      after = true;
    });
    await queue.drain();
    expect(after).toBe(true);
    expect(lines.some((l) => l.includes("Slack turn failed after the ack") && l.includes("boom"))).toBe(true);
  });

  it("drops work beyond maxWaiting, with an error in the log", async () => {
    const { lines, log } = capture();
    const queue = new AnswerQueue(log, { maxWaiting: 5 });
    let ran = 0;
    for (let i = 0; i < 8; i++) queue.push(async () => void ran++);
    await queue.drain();
    expect(ran).toBe(5);
    expect(lines.filter((l) => l.includes("dropping new work"))).toHaveLength(1);
  });
});

describe("slackFetch", () => {
  it("posts the body and returns a standard Response (status, headers, text)", async () => {
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () =>
        res
          .writeHead(429, { "retry-after": "3", "content-type": "application/json" })
          .end(JSON.stringify({ got: body, type: req.headers["content-type"] })),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const res = await slackFetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "a=1&b=%7B%7D",
      });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("3");
      expect(await res.json()).toEqual({ got: "a=1&b=%7B%7D", type: "application/x-www-form-urlencoded" });
    } finally {
      server.close();
    }
  });

  it("rejects when aborted and on connection errors", async () => {
    await expect(slackFetch("http://127.0.0.1:1/api/x", { method: "POST", body: "" })).rejects.toThrow();
    await expect(
      slackFetch("http://127.0.0.1:1/api/x", { method: "POST", body: "", signal: AbortSignal.abort() }),
    ).rejects.toBeDefined();
  });
});

describe("network failures", () => {
  it("an unreachable Web API is logged with context (event, channel, method, code), without the token", async () => {
    const { lines, log } = capture();
    const client = new webApi.WebClient("xoxb-9-9-secretvalue", {
      slackApiUrl: "http://127.0.0.1:1/api/",
      retryConfig: { retries: 0 },
      fetch: slackFetch,
      logger: boltLogger(log, "error"),
    });
    const delivery = new Delivery(client, log);
    await delivery.deliver(
      {
        event: "app_mention",
        team: "T1",
        user: "U1",
        channel: "C1",
        threadTs: "1.1",
        direct: false,
        privateHere: false,
      },
      [{ reply: { outcome: "answer", intent: "x", confidence: 1, blocks: [{ type: "text", text: "hi" }] } }],
    );
    const line = lines.find((l) => l.includes("Slack Web API call failed"));
    expect(line).toBeDefined();
    expect(line).toContain("event=app_mention");
    expect(line).toContain("channel=C1");
    expect(line).toContain("method=chat.postMessage");
    expect(line).toContain("code=slack_webapi_request_error");
    expect(lines.join("\n")).not.toContain("secretvalue");
  });

  it("failureOf reads platform codes and the client's own codes", () => {
    expect(
      failureOf({
        code: "slack_webapi_platform_error",
        data: { ok: false, error: "missing_scope", needed: "im:write" },
      }),
    ).toEqual({ code: "missing_scope", needed: "im:write" });
    expect(failureOf({ code: "slack_webapi_request_error" })).toEqual({ code: "slack_webapi_request_error" });
    expect(failureOf(null)).toEqual({ code: "unknown_error" });
  });
});
