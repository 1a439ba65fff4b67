/**
 * Hostile and odd requests at the HTTP level (issue 11, items 7, 10, 11), on a real server on
 * 127.0.0.1 (Slack in HTTP mode with a fake Web API, Teams in local mode): replays of signed
 * commands and clicks, timestamps from the future, oversized bodies cut off while streaming, an
 * empty actions list, a form content type with a charset, and clients that stall mid-request.
 */
import { request } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server.ts";
import { clickBody, commandBody, directMessage, eventBody, FORM, postSlack, useSlackServer } from "./helpers/slack.ts";
import type { FakeSlack } from "./helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;
useSlackServer(
  (f, s) => {
    fake = f;
    server = s;
  },
  { HTTP_REQUEST_TIMEOUT_MS: "1000" },
);

const port = () => Number(new URL(server.url).port);

/** Streams `totalMb` of body in 1 MB chunks; resolves with the status and how many MB were sent before it came. */
function streamBody(path: string, totalMb: number, headers: Record<string, string>) {
  return new Promise<{ status: number; sentMb: number }>((resolve, reject) => {
    let sent = 0;
    /** MB the socket took (write callbacks without error): Node 24 accepts writes after the peer closed. */
    let flushed = 0;
    let answered = false;
    const req = request({ host: "127.0.0.1", port: port(), method: "POST", path, headers }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentMb: flushed });
    });
    // A write may fail once the server closes; the answer, if it came, has been read by then.
    req.on("error", (err) => (answered ? undefined : setTimeout(() => (answered ? undefined : reject(err)), 2_000)));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const next = () => {
      if (answered || sent >= totalMb) return void req.end();
      sent++;
      const accepted = req.write(chunk, (err) => void (err ? undefined : flushed++));
      if (accepted) setImmediate(next);
      else req.once("drain", next);
    };
    next();
  });
}

describe("bodies over the limit are refused while they stream", () => {
  it("Slack: an unsigned 200 MB body gets 413 long before it is all sent", async () => {
    const { status, sentMb } = await streamBody("/slack/events", 200, { "content-type": "application/json" });
    expect(status).toBe(413);
    expect(sentMb).toBeLessThan(200);
  });

  it("Teams: a 3 MiB body gets 413, declared or chunked, not a reset connection", async () => {
    // Teams in local mode loads botbuilder on its first request (server.ts): load it first, so that
    // the 1 s request timeout here bears on the body's handling, not on loading the SDK.
    const warm = await fetch(`${server.url}/api/messages`, { method: "POST", body: "{}" });
    expect(warm.status).toBe(400);
    const declared = await streamBody("/api/messages", 3, {
      "content-type": "application/json",
      "content-length": String(3 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    const chunked = await streamBody("/api/messages", 3, { "content-type": "application/json" });
    expect(chunked.status).toBe(413);
  });
});

describe("odd but signed Slack requests", () => {
  it("block_actions with no actions: 400 at once", async () => {
    const payload = JSON.parse(
      new URLSearchParams(clickBody({ actionId: "x", value: "y", responseUrl: fake.responseUrl() })).get("payload")!,
    );
    payload.actions = [];
    const res = await postSlack(server, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
      contentType: FORM,
    });
    expect(res.status).toBe(400);
  });

  it("a form body with '; charset=utf-8' is a form", async () => {
    const responseUrl = fake.responseUrl("charset");
    const res = await postSlack(server, commandBody("kpis?", { response_url: responseUrl }), {
      contentType: `${FORM}; charset=utf-8`,
    });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === "charset"));
  });

  it("a timestamp more than 5 minutes in the future is rejected like a stale one", async () => {
    const res = await postSlack(server, commandBody("kpis?"), {
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) + 600,
    });
    expect(res.status).toBe(401);
  });
});

describe("deeply nested rich_text (item 8)", () => {
  it("a DM whose blocks nest 5,000 levels deep still gets a reply", async () => {
    let node = '{"type":"text","text":"salary uk"}';
    for (let i = 0; i < 5000; i++) node = `{"type":"rich_text_section","elements":[${node}]}`;
    const dm = directMessage("", { user: "U777", channel: "D777" });
    delete dm.text;
    const body = eventBody(dm).replace(
      '"type":"message"',
      `"blocks":[{"type":"rich_text","elements":[${node}]}],"type":"message"`,
    );
    expect((await postSlack(server, body)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D777"));
  });
});

describe("replays within the 5-minute window are answered once", () => {
  it("the same signed slash command twice", async () => {
    const body = commandBody("kpis?", { response_url: fake.responseUrl("replayed-command") });
    expect((await postSlack(server, body, { contentType: FORM })).status).toBe(200);
    expect((await postSlack(server, body, { contentType: FORM })).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === "replayed-command"));
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.responses.filter((r) => r.id === "replayed-command")).toHaveLength(1);
  });

  it("the same signed button click twice", async () => {
    const body = clickBody({
      actionId: "careerfaq.ask",
      value: "kpis",
      responseUrl: fake.responseUrl("replayed-click"),
      ephemeral: true,
    });
    expect((await postSlack(server, body, { contentType: FORM })).status).toBe(200);
    expect((await postSlack(server, body, { contentType: FORM })).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === "replayed-click"));
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.responses.filter((r) => r.id === "replayed-click").length).toBe(1);
  });
});

describe("stalled clients are cut off (HTTP_REQUEST_TIMEOUT_MS=1000)", () => {
  const closedAfter = (send: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = new Socket();
      let received = "";
      socket.on("data", (d) => (received += d.toString()));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
      socket.connect(port(), "127.0.0.1", () => socket.write(send));
    });

  it("headers never finished: the socket is closed", async () => {
    const sockets = await Promise.all(
      Array.from({ length: 20 }, () => closedAfter("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Ty")),
    );
    expect(sockets).toHaveLength(20);
  });

  it("a body never finished: 408 and closed", async () => {
    const received = await closedAfter(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":',
    );
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});
