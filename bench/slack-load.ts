/** The load `npm run bench:slack` sends: signed app_mention events, at a fixed rate or flat out. */
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { SECRET } from "./slack-servers.ts";

const QUESTIONS = [
  "what is the salary in the uk?",
  "how much experience do I need",
  "kpis?",
  "what skills does a director need",
  "salary uk",
  "how long till im a director",
  "do I need an mba",
  "what does a customer care director do",
  "job outlook",
  "manager vs director",
  "what are the biggest challenges",
  "salary in canada for a senior director",
];

export interface Summary {
  sent: number;
  acked: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/* ---------------------------------------------------------------- load */

let seq = 0;

/** A signed app_mention, as Slack would POST it: unique event_id, a question from the list. */
export function signedMention(): { body: string; headers: Record<string, string> } {
  const n = ++seq;
  const ts = `1700000000.${String(n).padStart(6, "0")}`;
  const body = JSON.stringify({
    token: "x",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `EvBENCH${process.pid}x${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "app_mention",
      user: `U${n % 50}`,
      text: `<@UBOT> ${QUESTIONS[n % QUESTIONS.length]}`,
      ts,
      channel: `C${n % 7}`,
      event_ts: ts,
    },
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  });
  const stamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${stamp}:${body}`).digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(stamp),
      "x-slack-signature": signature,
    },
  };
}

/** Keep-alive sockets shared by every request of a run (destroyed at the end). */
export const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** Spreads requests over several servers, round robin, as a load balancer would. */
function balancer(urls: readonly string[]): () => string {
  let next = 0;
  return () => urls[next++ % urls.length]!;
}

/** POSTs one event; resolves with the HTTP status when the ack's response has ended. */
function post(url: string): Promise<number> {
  const { body, headers } = signedMention();
  return new Promise((resolve) => {
    const req = request(
      `${url}/slack/events`,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

function summarise(latencies: number[], failed: number, seconds: number): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return {
    sent: latencies.length + failed,
    acked: latencies.length,
    failed,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Open loop at `rate` events/s for `seconds`. Latency counts from when each event was due, so a
 * stalled server is not hidden by the driver waiting for it.
 */
export async function runFixedRate(urls: readonly string[], rate: number, seconds: number): Promise<Summary> {
  const url = balancer(urls);
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const dueAt = start + (sent / rate) * 1000;
      pending.push(
        post(url()).then((status) => (status === 200 ? void latencies.push(performance.now() - dueAt) : void failed++)),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  return summarise(latencies, failed, (performance.now() - start) / 1000);
}

/** Closed loop: `concurrency` senders in all, each posting its next event as soon as the last is acked. */
export async function runFlatOut(urls: readonly string[], concurrency: number, seconds: number): Promise<Summary> {
  const url = balancer(urls);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      if ((await post(url())) === 200) latencies.push(performance.now() - t);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, failed, (performance.now() - start) / 1000);
}
