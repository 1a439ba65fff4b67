/**
 * Scale-out: two real server processes (`careerfaq serve`) sharing one Redis, as behind a load
 * balancer. A quiz started through one continues through the other and finishes; a follow-up sent
 * to the other process is read in context; an event retried to the other process is answered once. Where no Redis answers (and REQUIRE_REDIS is not 1), the
 * suite reports itself skipped with the reason; with REQUIRE_REDIS=1 it fails instead.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/stores/redis.ts";
import { REDIS_URL, redisAvailable } from "../helpers/redis.ts";
import { blockText, eventBody, mention, postSlack } from "../helpers/slack.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { mark, postsTo, sayInDm, waitForPost } from "../helpers/slack-flow.ts";
import { type SlackProcess, startSlackProcess } from "../helpers/slack-process.ts";

const available = await redisAvailable();
const required = process.env.REQUIRE_REDIS === "1";
const PREFIX = `careerfaq-scaleout-${process.pid}-${Date.now().toString(36)}:`;

/** Without Redis the suite is skipped, with the reason in its name; with REQUIRE_REDIS=1 it fails instead. */
const reason = `no Redis at ${REDIS_URL} (set REDIS_URL, or REQUIRE_REDIS=1 to fail instead)`;

describe.skipIf(!available && !required)(
  `two server processes on one Redis${available ? "" : ` — skipped: ${reason}`}`,
  () => {
    let fake: FakeSlack;
    let a: SlackProcess | undefined;
    let b: SlackProcess | undefined;

    beforeAll(async () => {
      if (!available)
        expect.fail(`REQUIRE_REDIS=1 and no Redis answered at ${REDIS_URL}: start Redis or set REDIS_URL`);
      fake = await FakeSlack.start();
      const env = { STORE: "redis", REDIS_URL, REDIS_PREFIX: PREFIX, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: "debug" };
      [a, b] = await Promise.all([startSlackProcess(env), startSlackProcess(env)]);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await fake?.close();
      if (!available) return;
      const store = await RedisStore.connect(REDIS_URL, { namespace: PREFIX });
      await store.deletePrefix("");
      await store.close();
    });

    it("a quiz started through one process continues through the other and finishes", async () => {
      const steps: [SlackProcess, string, RegExp][] = [
        [a!, "assess", /Question 1 of 11/],
        [a!, "2", /Question 2 of 11/],
        [b!, "about 5 years", /Question 3 of 11/],
        [b!, "back", /Going back one question\.[\s\S]*Question 2 of 11/],
        [a!, "4", /Question 3 of 11/],
        [b!, "bachelor's in marketing", /Recorded: Bachelor's in business[\s\S]*Question 4 of 11/],
        [a!, "what KPIs matter?", /Back to the self-assessment:[\s\S]*Question 4 of 11/],
        [b!, "1", /Question 5 of 11/],
        [a!, "2", /Question 6 of 11/],
        [b!, "skip", /Skipped\.[\s\S]*Question 7 of 11/],
        [a!, "1", /Question 8 of 11/],
        [b!, "2", /Question 9 of 11/],
        [a!, "3", /Question 10 of 11/],
        [b!, "1", /Question 11 of 11/],
        [a!, "2", /Your readiness: \d+\/100 · /],
      ];
      for (const [server, text, expected] of steps) {
        const from = mark(fake);
        await sayInDm(server, text);
        await waitForPost(fake, from, expected);
      }
      const from = mark(fake);
      await sayInDm(b!, "history");
      const history = await waitForPost(fake, from, /Your self-assessment results/);
      const result = postsTo(fake, "D100").find((c) => /Your readiness/.test(blockText(c.params.blocks)))!;
      const score = /Your readiness: (\d+\/100 · [^\n]+)/.exec(blockText(result.params.blocks))![1]!;
      expect(blockText(history.params.blocks)).toContain(score);
    });

    it("a follow-up sent to the other process is read in the context the first one kept", async () => {
      let from = mark(fake);
      await sayInDm(a!, "what does a customer care director earn in the uk?");
      await waitForPost(fake, from, /£70,000/);
      from = mark(fake);
      await sayInDm(b!, "and in canada?");
      const next = await waitForPost(fake, from, /C\$115,000/);
      expect(blockText(next.params.blocks)).not.toContain("£70,000");
    });

    it("an event delivered to one process and retried to the other is answered once", async () => {
      const body = eventBody(mention("what KPIs matter?", { ts: "1700000999.000001" }));
      await postSlack(a!, body);
      await fake.waitFor(() => postsTo(fake, "C100").find((c) => c.params.thread_ts === "1700000999.000001"));
      const from = b!.output().length;
      const retry = await postSlack(b!, body, {
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(retry.status).toBe(200);
      await b!.waitForLog(/already handled \(a retry or a replay\)/, from);
      expect(postsTo(fake, "C100").filter((c) => c.params.thread_ts === "1700000999.000001")).toHaveLength(1);
    });
  },
);
