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
import { mkdtempSync, rmSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { agent, runFixedRate, runFlatOut, type Summary } from "./slack-load.ts";
import { type ServerProcess, serve, startFakeWebApi, startServerProcess, type Target } from "./slack-servers.ts";

const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FLAT_SECONDS = Number(process.env.BENCH_FLAT_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
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
