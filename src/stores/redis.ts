/**
 * Redis store (ioredis), for several bot processes sharing sessions, results, dedupe, feedback and
 * counters. Every operation is one Redis command, a MULTI, or a Lua script, so it is atomic across
 * processes. Keys live under a namespace ("careerfaq:" by default).
 */
import { Redis } from "ioredis";
import { CareerfaqError } from "../core/errors.ts";
import type { Guard, Store, Write } from "../core/store.ts";

const CAS = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '0' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
end
return 1
`;

/** ARGV: writes, guard ("0" none, "1" absent, "2" equals ARGV[3]), expected, then kind/a/b per write. */
const COMMIT = `
local n = tonumber(ARGV[1])
local off = 0
if ARGV[2] ~= '0' then
  local current = redis.call('GET', KEYS[1])
  if ARGV[2] == '1' then
    if current then return 0 end
  elseif current ~= ARGV[3] then
    return 0
  end
  off = 1
end
for i = 1, n do
  local key = KEYS[i + off]
  local kind, a, b = ARGV[i * 3 + 1], ARGV[i * 3 + 2], ARGV[i * 3 + 3]
  if kind == 's' then
    if b == '' then redis.call('SET', key, a) else redis.call('SET', key, a, 'PX', b) end
  elseif kind == 'd' then
    redis.call('DEL', key)
  else
    redis.call('RPUSH', key, a)
    if b ~= '' then redis.call('LTRIM', key, -tonumber(b), -1) end
  end
end
return 1
`;

const px = (ttlMs: number) => Math.max(1, Math.round(ttlMs));

/** Glob characters in a prefix are matched literally by SCAN. */
function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, "\\$&");
}

export class RedisStore implements Store {
  private constructor(
    private readonly redis: Redis,
    private readonly ns: string,
  ) {}

  /** Connects and pings; an unreachable server is a clear error naming REDIS_URL (the URL's password is not shown). */
  static async connect(
    url: string,
    options: { namespace?: string; connectTimeoutMs?: number } = {},
  ): Promise<RedisStore> {
    const redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 3000,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    redis.on("error", () => {}); // surfaced through the commands that fail
    try {
      await redis.connect();
      await redis.ping();
    } catch (err) {
      redis.disconnect();
      const safe = url.replace(/\/\/[^@/]*@/, "//***@");
      throw new CareerfaqError(
        "STORE_FAILED",
        `cannot reach Redis at REDIS_URL=${safe}: ${(err as Error).message} (is Redis running? check REDIS_URL)`,
        { cause: err },
      );
    }
    return new RedisStore(redis, options.namespace ?? "careerfaq:");
  }

  private k(key: string): string {
    return this.ns + key;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.k(key))) ?? undefined;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.redis.set(this.k(key), value);
    else await this.redis.set(this.k(key), value, "PX", px(ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const r =
      ttlMs === undefined
        ? await this.redis.set(this.k(key), value, "NX")
        : await this.redis.set(this.k(key), value, "PX", px(ttlMs), "NX");
    return r === "OK";
  }

  async compareAndSet(key: string, expected: string | undefined, next: string, ttlMs?: number): Promise<boolean> {
    const r = await this.redis.eval(
      CAS,
      1,
      this.k(key),
      expected === undefined ? "0" : "1",
      expected ?? "",
      next,
      ttlMs === undefined ? "" : String(px(ttlMs)),
    );
    return r === 1;
  }

  async append(key: string, value: string, max?: number): Promise<void> {
    const m = this.redis.multi().rpush(this.k(key), value);
    if (max !== undefined) m.ltrim(this.k(key), -max, -1);
    await m.exec();
  }

  async list(key: string): Promise<string[]> {
    return this.redis.lrange(this.k(key), 0, -1);
  }

  async increment(key: string, by = 1): Promise<number> {
    return this.redis.incrby(this.k(key), by);
  }

  async keys(prefix: string, limit = 10_000): Promise<string[]> {
    const out: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await this.redis.scan(cursor, "MATCH", `${globEscape(this.k(prefix))}*`, "COUNT", 1000);
      cursor = next;
      for (const key of batch) {
        if (out.length >= limit) return out;
        out.push(key.slice(this.ns.length));
      }
    } while (cursor !== "0");
    return out;
  }

  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.keys(prefix, Infinity);
    for (let i = 0; i < keys.length; i += 500) await this.redis.unlink(...keys.slice(i, i + 500).map((k) => this.k(k)));
    return keys.length;
  }

  async commit(writes: readonly Write[], guard?: Guard): Promise<boolean> {
    const keys = [...(guard ? [this.k(guard.key)] : []), ...writes.map((w) => this.k(w.key))];
    const args: string[] = [
      String(writes.length),
      guard ? (guard.expected === undefined ? "1" : "2") : "0",
      guard?.expected ?? "",
    ];
    for (const w of writes) {
      if (w.kind === "set") args.push("s", w.value, w.ttlMs === undefined ? "" : String(px(w.ttlMs)));
      else if (w.kind === "delete") args.push("d", "", "");
      else args.push("a", w.value, w.max === undefined ? "" : String(w.max));
    }
    return (await this.redis.eval(COMMIT, keys.length, ...keys, ...args)) === 1;
  }

  async close(): Promise<void> {
    if (this.redis.status === "end") return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
