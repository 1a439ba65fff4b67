/**
 * `npm run bench:slack`: signed app_mention events POSTed to /slack/events of the real server (HTTP
 * mode, in its own process, answering to a fake Web API on 127.0.0.1), at a fixed rate and flat out.
 * Four deployments are measured the same way in one run:
 *   - careerfaq, one process on SQLite (BENCH_STORE, the embedded default);
 *   - a bare Bolt app (HTTPReceiver, one listener that does nothing: Bolt acks events itself);
 *   - careerfaq, one process on Redis, and two processes on the same Redis, with this driver as the
 *     load balancer (round robin over both ports): what scale-out buys, and what Redis costs.
 * The Redis rows need a Redis at REDIS_URL (default redis://127.0.0.1:6379); without one they are
 * left out, with a note. Prints acks per second, p50/p99/max ack latency, server CPU per event (all
 * its processes, answering included), the driver's own CPU while the load ran (% of one core: near
 * 100 means the load generator, not the server, set the pace), events done per second (acked and
 * answered: from the first event to the last answer posted, so answers still queued after a burst
 * count against it), and ratios.
 *
 * Targets on the 2-core reference machine: p99 ack under 20 ms at 300 events/s, and at least 0.7×
 * the bare app's flat-out throughput. Figures are printed, never asserted.
 *
 * Environment: BENCH_RATE (300), BENCH_SECONDS (10), BENCH_FLAT_SECONDS (5), BENCH_CONCURRENCY (32),
 * BENCH_ROUNDS (3), BENCH_STORE (sqlite), BENCH_REDIS (1; 0 leaves the Redis rows out), REDIS_URL,
 * BENCH_NODE_ARGS (extra node flags for the servers, e.g. --cpu-prof).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { type AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SECRET = "benchsigningsecret0123456789abcd";
const BOT_TOKEN = "xoxb-0-0-benchtoken";
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FLAT_SECONDS = Number(process.env.BENCH_FLAT_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
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

export type Target = "careerfaq" | "bare";

export interface ServerProcess {
  target: Target;
  url: string;
  /** CPU time (user + system) the server process has used so far, in milliseconds. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

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

/* ---------------------------------------------------------------- fake Slack Web API */

/** A lean fake Web API (counts calls, answers like Slack) for the server's answers. */
export async function startFakeWebApi(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  let ts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      calls++;
      const body = JSON.stringify({
        ok: true,
        channel: "C1",
        ts: `1700000000.${++ts}`,
        user_id: "UBOT",
        team_id: "T1",
      });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls: () => calls,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/* ---------------------------------------------------------------- server processes */

/** Starts `target` in its own Node process (this file with --serve) and waits for its URL. */
export function startServerProcess(target: Target, env: Record<string, string> = {}): Promise<ServerProcess> {
  const self = fileURLToPath(import.meta.url);
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", self, "--serve", target],
    {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const cpuWaiters: ((ms: number) => void)[] = [];
  return new Promise((resolve, reject) => {
    let out = "";
    let ready = false;
    child.once("exit", (code) => reject(new Error(`${target} server exited early (code ${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const cpu = /^CPU (\d+(?:\.\d+)?)$/.exec(line);
        if (cpu) cpuWaiters.shift()?.(Number(cpu[1]));
        const match = /^READY (\S+)$/.exec(line);
        if (!match || ready) continue;
        ready = true;
        child.removeAllListeners("exit");
        resolve({
          target,
          url: match[1]!,
          cpu: () =>
            new Promise<number>((done) => {
              cpuWaiters.push(done);
              child.stdin!.write("cpu\n");
            }),
          stop: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
  });
}

/** Child side: serve `target` on 127.0.0.1 and print "READY <url>". */
async function serve(target: Target): Promise<void> {
  let close: () => Promise<void>;
  if (target === "careerfaq") {
    const { loadConfig } = await import("../src/config.ts");
    const { startServer } = await import("../src/server.ts");
    const { createLogger } = await import("../src/log.ts");
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      STORE: process.env.BENCH_STORE ?? "sqlite",
      DATABASE_PATH: process.env.DATABASE_PATH,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: process.env.REDIS_PREFIX,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: process.env.SLACK_API_URL,
      LOG_LEVEL: "error",
    });
    const running = await startServer(config, { log: createLogger({ level: "error" }) });
    close = running.close;
    process.stdout.write(`READY ${running.url}\n`);
  } else {
    const { App, HTTPReceiver, LogLevel } = await import("@slack/bolt");
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
    const app = new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN }), logLevel: LogLevel.ERROR });
    app.event("app_mention", async () => {});
    const server = (await receiver.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
    close = () => receiver.stop();
    process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  }
  process.once("SIGTERM", () => void close().finally(() => process.exit(0)));
  process.stdin.on("data", () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`CPU ${((user + system) / 1000).toFixed(1)}\n`);
  });
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

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

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

/* ---------------------------------------------------------------- report */

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

export interface Phase {
  load: Summary;
  /** Server CPU (user + system) per acked event, answering included, in ms. */
  cpuPerEvent: number;
  /** Answers posted to the Web API while the load ran. */
  answeredDuring: number;
  /** Seconds after the load ended until every event was answered (0 when none were left; NaN: not all). */
  drainSeconds: number;
  /** CPU the driver (load generator and fake Web API) used while the load ran, in % of one core. */
  driverCpu: number;
}

/** Waits until the fake Web API has seen `count` more answers than `from` (at most `timeoutMs`). */
async function answered(calls: () => number, from: number, count: number, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (calls() - from < count) {
    if (performance.now() - start > timeoutMs) return Number.NaN;
    await new Promise((r) => setTimeout(r, 20));
  }
  return (performance.now() - start) / 1000;
}

/** One or more server processes of one kind, measured together (their CPU added up). */
export interface Deployment {
  label: string;
  servers: ServerProcess[];
  /** careerfaq answers each event (the fake Web API counts them); the bare app does not. */
  answers: boolean;
}

async function cpuOf(d: Deployment): Promise<number> {
  return (await Promise.all(d.servers.map((s) => s.cpu()))).reduce((a, b) => a + b, 0);
}

async function phase(d: Deployment, calls: () => number, run: (urls: string[]) => Promise<Summary>): Promise<Phase> {
  const cpu0 = await cpuOf(d);
  const from = calls();
  const driver0 = process.cpuUsage();
  const load = await run(d.servers.map((s) => s.url));
  const driver = process.cpuUsage(driver0);
  const driverCpu = (driver.user + driver.system) / 10 / (load.seconds * 1000);
  const answeredDuring = calls() - from;
  const drainSeconds = d.answers ? await answered(calls, from, load.acked, 120_000) : 0;
  const cpu = (await cpuOf(d)) - cpu0;
  return { load, cpuPerEvent: cpu / load.acked, answeredDuring, drainSeconds, driverCpu };
}

function row(label: string, p: Phase): string {
  const s = p.load;
  return `${label.padEnd(36)} ${fmt(s.perSecond, 0).padStart(7)}  ${fmt(s.p50, 2).padStart(7)}  ${fmt(s.p99, 2).padStart(7)}  ${fmt(s.max, 1).padStart(7)}  ${String(s.acked).padStart(6)}  ${String(s.failed).padStart(4)}  ${fmt(p.cpuPerEvent, 2).padStart(8)}  ${fmt(p.driverCpu, 0).padStart(6)}  ${fmt(answeredPerSecond(p), 0).padStart(7)}`;
}

/** Events acked and answered per second, from the first event until the last answer was posted. */
function answeredPerSecond(p: Phase): number {
  return p.load.acked / (p.load.seconds + p.drainSeconds);
}

/** The run with the median throughput. */
function median(phases: Phase[]): Phase {
  return [...phases].sort((a, b) => a.load.perSecond - b.load.perSecond)[Math.floor(phases.length / 2)]!;
}

/** True when a Redis answers PING at `url` (the Redis rows are left out otherwise). */
function redisAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(Number(u.port || 6379), u.hostname, () => {
      socket.write("PING\r\n");
      socket.once("data", (d) => done(/^\+PONG|^-NOAUTH/.test(d.toString())));
    });
  });
}

async function deploy(
  label: string,
  target: Target,
  count: number,
  env: Record<string, string>,
  all: Deployment[],
): Promise<Deployment> {
  const d: Deployment = { label, servers: [], answers: target === "careerfaq" };
  all.push(d);
  for (let i = 0; i < count; i++) d.servers.push(await startServerProcess(target, env));
  return d;
}

async function main(): Promise<void> {
  const fake = await startFakeWebApi();
  const dir = mkdtempSync(join(tmpdir(), "careerfaq-bench-"));
  const prefix = `careerfaq-bench-${process.pid}:`;
  const store = process.env.BENCH_STORE ?? "sqlite";
  const withRedis = process.env.BENCH_REDIS !== "0" && (await redisAnswers(REDIS_URL));
  const all: Deployment[] = [];
  try {
    const single = await deploy(
      `careerfaq, 1 process, ${store}`,
      "careerfaq",
      1,
      { SLACK_API_URL: fake.url, DATABASE_PATH: join(dir, "bench.db"), BENCH_STORE: store },
      all,
    );
    const bare = await deploy("bare Bolt, 1 process", "bare", 1, {}, all);
    const onRedis = { SLACK_API_URL: fake.url, BENCH_STORE: "redis", REDIS_URL, REDIS_PREFIX: prefix };
    const redis1 = withRedis ? await deploy("careerfaq, 1 process, redis", "careerfaq", 1, onRedis, all) : undefined;
    const redis2 = withRedis ? await deploy("careerfaq, 2 processes, redis", "careerfaq", 2, onRedis, all) : undefined;
    const measure = (d: Deployment, run: (urls: string[]) => Promise<Summary>) => phase(d, fake.calls, run);
    // Warm-up: JIT, connections, caches.
    for (const d of all) await measure(d, (urls) => runFixedRate(urls, 100, 2));
    const fixed = new Map<Deployment, Phase>();
    for (const d of all) fixed.set(d, await measure(d, (urls) => runFixedRate(urls, RATE, SECONDS)));
    // Flat out, alternating, ROUNDS times: other load on the machine hits all alike; the medians are compared.
    const rounds = new Map<Deployment, Phase[]>(all.map((d) => [d, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const d of all) rounds.get(d)!.push(await measure(d, (urls) => runFlatOut(urls, CONCURRENCY, FLAT_SECONDS)));
    }
    const flat = new Map([...rounds].map(([d, phases]) => [d, median(phases)]));
    const perSecond = (d: Deployment | undefined) => (d ? flat.get(d)!.load.perSecond : Number.NaN);
    const done = (d: Deployment | undefined) => (d ? answeredPerSecond(flat.get(d)!) : Number.NaN);

    console.log(
      `Slack ack benchmark: ${RATE} events/s for ${SECONDS} s; flat out (${CONCURRENCY} concurrent in all) for ${FLAT_SECONDS} s, ${ROUNDS} rounds alternating, median shown`,
    );
    console.log(
      `${"".padEnd(36)} ${"acks/s".padStart(7)}  ${"p50 ms".padStart(7)}  ${"p99 ms".padStart(7)}  ${"max ms".padStart(7)}  ${"acked".padStart(6)}  ${"fail".padStart(4)}  ${"CPU ms/ev".padStart(8)}  ${"drv %".padStart(6)}  ${"done/s".padStart(7)}`,
    );
    for (const d of all) console.log(row(`${d.label}, ${RATE}/s`, fixed.get(d)!));
    for (const d of all) console.log(row(`${d.label}, flat out`, flat.get(d)!));
    if (!withRedis)
      console.log(
        `(no Redis rows: ${process.env.BENCH_REDIS === "0" ? "BENCH_REDIS=0" : `no Redis answered at ${REDIS_URL}`})`,
      );
    console.log(
      `flat-out rounds, acks/s: ${all
        .map(
          (d) =>
            `${d.label} ${rounds
              .get(d)!
              .map((p) => fmt(p.load.perSecond, 0))
              .join("/")}`,
        )
        .join("; ")}`,
    );
    for (const d of all.filter((x) => x.answers)) {
      for (const [name, p] of [
        [`${RATE}/s`, fixed.get(d)!],
        ["flat out", flat.get(d)!],
      ] as const) {
        console.log(
          `answers, ${d.label} (${name}): ${p.answeredDuring} of ${p.load.acked} posted during the run; all posted ${fmt(p.drainSeconds, 1)} s after it`,
        );
      }
    }
    console.log(
      `throughput ratio careerfaq (1 process, ${store}) / bare (flat out, medians): ${fmt(perSecond(single) / perSecond(bare), 2)}× (target ≥ 0.70×)`,
    );
    console.log(
      `p99 ack at ${RATE}/s, 1 process, ${store}: ${fmt(fixed.get(single)!.load.p99, 2)} ms (target < 20 ms)`,
    );
    if (redis1 && redis2) {
      const ratio = (f: (d: Deployment | undefined) => number) =>
        `${fmt(f(redis2) / f(single), 2)}× (vs 1 on ${store}), ${fmt(f(redis2) / f(redis1), 2)}× (vs 1 on redis)`;
      console.log(`scale-out, flat out, 2 processes on redis: acks/s ${ratio(perSecond)}; done/s ${ratio(done)}`);
    }
  } finally {
    for (const d of all) for (const server of d.servers) await server.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
    if (withRedis) {
      const { RedisStore } = await import("../src/stores/redis.ts");
      const redis = await RedisStore.connect(REDIS_URL, { namespace: prefix });
      await redis.deletePrefix("");
      await redis.close();
    }
  }
}

const serveAt = process.argv.indexOf("--serve");
if (serveAt >= 0) await serve(process.argv[serveAt + 1] as Target);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
