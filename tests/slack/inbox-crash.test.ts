/**
 * Nothing acknowledged is lost (issue 11, item 2): a real server process on SQLite takes a burst of
 * signed app_mention events; it is killed with SIGKILL, or stopped with SIGTERM and a short grace
 * period, while a slow Web API (the fake Slack answers after a delay) is still answering. A new
 * process on the same database answers the rest. Every acknowledged event is answered, none twice:
 * answers carry their inbox step in message metadata, so a duplicate would show as the same step twice.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startPrivateRedis } from "../helpers/redis-server.ts";
import { eventBody, postSlack } from "../helpers/slack.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { type SlackProcess, startSlackProcess } from "../helpers/slack-process.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-inbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: SlackProcess[] = [];
const fakes: FakeSlack[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.kill("SIGKILL");
  for (const f of fakes.splice(0)) await f.close();
});

interface Burst {
  ids: string[];
  acked: Set<string>;
}

/** Posts `n` mentions, 25 at a time; the ones answered 200 are acknowledged (added to `acked` as they are). */
async function burst(server: { url: string }, n: number, tag: string, acked = new Set<string>()): Promise<Burst> {
  const ids = Array.from({ length: n }, (_, i) => `Ev${tag}${i}`);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      const ts = `1720000000.${String(i).padStart(6, "0")}`;
      const body = eventBody(
        { type: "app_mention", user: "U100", text: "<@UBOT> salary in the uk", channel: "C100", ts },
        id,
      );
      const res = await postSlack(server, body).catch(() => ({ status: 0 }));
      if (res.status === 200) acked.add(id);
    }
  };
  await Promise.all(Array.from({ length: 25 }, worker));
  return { ids, acked };
}

/** Per event id, how many times each of its answer steps was posted. */
function answers(fake: FakeSlack): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const c of fake.callsTo("chat.postMessage")) {
    const step = (c.params.metadata as { event_payload?: { step?: string } } | undefined)?.event_payload?.step;
    const match = step && /^slack:ev:([^/]+)\/(.+)$/.exec(step);
    if (!match) continue;
    const steps = out.get(match[1]!) ?? new Map<string, number>();
    steps.set(match[2]!, (steps.get(match[2]!) ?? 0) + 1);
    out.set(match[1]!, steps);
  }
  return out;
}

function tally(fake: FakeSlack, acked: Set<string>) {
  const posted = answers(fake);
  const unanswered = [...acked].filter((id) => !posted.has(id));
  const twice = [...posted].filter(([, steps]) => [...steps.values()].some((n) => n > 1)).map(([id]) => id);
  return { acked: acked.size, answered: [...acked].filter((id) => posted.has(id)).length, unanswered, twice };
}

const env = (fake: FakeSlack, db: string) => ({
  STORE: "sqlite",
  DATABASE_PATH: db,
  SLACK_API_URL: fake.apiUrl,
  INBOX_LEASE_MS: "1500",
  LOG_LEVEL: "info",
});

describe("the event inbox, over real processes", () => {
  it("kill -9 during a burst: a restarted process answers every acknowledged event, exactly once", async () => {
    const fake = await FakeSlack.start();
    fakes.push(fake);
    fake.delayMs = 400;
    const db = join(dir, "kill.db");
    const first = await startSlackProcess(env(fake, db));
    running.push(first);
    const acked = new Set<string>();
    const sending = burst(first, 1200, "K", acked);
    await fake.waitFor(() => acked.size >= 600, 30_000);
    await first.kill("SIGKILL");
    await sending;
    const before = tally(fake, acked);
    expect(before.acked).toBeGreaterThan(before.answered); // the kill left acknowledged work unanswered

    const second = await startSlackProcess(env(fake, db));
    running.push(second);
    await fake.waitFor(() => tally(fake, acked).unanswered.length === 0, 60_000);
    const after = tally(fake, acked);
    console.info("kill -9:", { ...before, unanswered: before.unanswered.length, twice: before.twice.length }, "→", {
      ...after,
      unanswered: after.unanswered.length,
      twice: after.twice.length,
    });
    expect(after.unanswered).toEqual([]);
    expect(after.twice).toEqual([]);
    await second.stop();
  }, 120_000);

  it("SIGTERM with a backlog: drains what fits, leaves the rest pending with the counts logged, resumes it", async () => {
    const fake = await FakeSlack.start();
    fakes.push(fake);
    fake.delayMs = 400;
    const db = join(dir, "term.db");
    const first = await startSlackProcess({ ...env(fake, db), SHUTDOWN_GRACE_MS: "1000" });
    running.push(first);
    const { acked } = await burst(first, 500, "T");
    const from = first.output().length;
    await first.kill("SIGTERM");
    const log = first.output().slice(from);
    const counts = /inbox at shutdown.*answeredDuringShutdown=(\d+) leftPending=(\d+)/.exec(log);
    expect(counts, log.slice(-2000)).not.toBeNull();
    expect(Number(counts![2])).toBeGreaterThan(0);
    const before = tally(fake, acked);

    const second = await startSlackProcess(env(fake, db));
    running.push(second);
    await second.waitForLog(/resuming pending inbox items/);
    await fake.waitFor(() => tally(fake, acked).unanswered.length === 0, 60_000);
    const after = tally(fake, acked);
    console.info(
      "SIGTERM:",
      { ...before, unanswered: before.unanswered.length, twice: before.twice.length },
      { answeredDuringShutdown: Number(counts![1]), leftPending: Number(counts![2]) },
      "→",
      { ...after, unanswered: after.unanswered.length, twice: after.twice.length },
    );
    expect(after.unanswered).toEqual([]);
    expect(after.twice).toEqual([]);
    await second.stop();
  }, 120_000);

  it("two instances on one Redis: when one is killed, the other claims its abandoned work once its lease expires", async () => {
    const redis = await startPrivateRedis();
    const fake = await FakeSlack.start();
    fakes.push(fake);
    fake.delayMs = 200;
    try {
      const shared = { STORE: "redis", REDIS_URL: redis.url, SLACK_API_URL: fake.apiUrl, INBOX_LEASE_MS: "1500" };
      const a = await startSlackProcess(shared);
      const b = await startSlackProcess(shared);
      running.push(a, b);
      const sending = burst(a, 300, "R");
      await fake.waitFor(() => answers(fake).size >= 10, 20_000);
      await a.kill("SIGKILL");
      const { acked } = await sending;
      const before = tally(fake, acked);
      expect(before.acked).toBeGreaterThan(before.answered);
      await b.waitForLog(/resuming pending inbox items/);
      await fake.waitFor(() => tally(fake, acked).unanswered.length === 0, 60_000);
      const after = tally(fake, acked);
      console.info(
        "kill -9 of one of two instances on Redis:",
        { ...before, unanswered: before.unanswered.length },
        "→",
        {
          ...after,
          unanswered: after.unanswered.length,
          twice: after.twice.length,
        },
      );
      expect(after.unanswered).toEqual([]);
      expect(after.twice).toEqual([]);
    } finally {
      await redis.stop();
    }
  }, 120_000);
});
