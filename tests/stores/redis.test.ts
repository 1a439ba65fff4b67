/**
 * The Redis store against a real Redis: REDIS_URL, or 127.0.0.1:6379. Where neither answers, the
 * suite reports itself skipped with the reason — unless REQUIRE_REDIS=1 (CI), where it fails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/stores/redis.ts";
import { REDIS_URL, redisAvailable } from "../helpers/redis.ts";
import { storeContract } from "./contract.ts";

const available = await redisAvailable();
/** One namespace per run, so that concurrent runs (worktrees, CI) never share keys. */
const NAMESPACE = `careerfaq-test-${process.pid}-${Date.now().toString(36)}:`;
const required = process.env.REQUIRE_REDIS === "1";

/** Without Redis the suite is skipped, with the reason in its name; with REQUIRE_REDIS=1 it fails instead. */
const reason = `no Redis at ${REDIS_URL} (set REDIS_URL, or REQUIRE_REDIS=1 to fail instead)`;

describe.skipIf(!available && !required)(`Redis store${available || required ? "" : ` — skipped: ${reason}`}`, () => {
  beforeAll(() => {
    if (!available) expect.fail(`REQUIRE_REDIS=1 and no Redis answered at ${REDIS_URL}: start Redis or set REDIS_URL`);
  });
  storeContract({
    name: "Redis",
    make: async () => RedisStore.connect(REDIS_URL, { namespace: NAMESPACE }),
    second: async () => RedisStore.connect(REDIS_URL, { namespace: NAMESPACE }),
    advance: (ms) => new Promise((r) => setTimeout(r, ms)),
    // Real time: long enough that a set and the get after it never straddle the expiry on a busy
    // machine (40 ms did, once, in a full run beside other work).
    ttl: 400,
  });
  it("names REDIS_URL, without its password, when Redis cannot be reached", async () => {
    await expect(RedisStore.connect("redis://user:hunter2@127.0.0.1:1/", { connectTimeoutMs: 500 })).rejects.toThrow(
      /REDIS_URL=redis:\/\/\*\*\*@127\.0\.0\.1:1\//,
    );
    await expect(
      RedisStore.connect("redis://user:hunter2@127.0.0.1:1/", { connectTimeoutMs: 500 }),
    ).rejects.not.toThrow(/hunter2/);
  });
});
