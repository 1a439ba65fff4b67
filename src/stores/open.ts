/** Opens the store that configuration selects: SQLite (the embedded default), memory, or Redis. */
import type { Config } from "../config.ts";
import { storeKind } from "../config.ts";
import type { Store } from "../core/store.ts";
import type { Logger } from "../log.ts";
import { MemoryStore } from "./memory.ts";
import { TimedStore } from "./timed.ts";

/** The configured store behind a timeout on every call (STORE_TIMEOUT_MS), logged once per incident. */
export async function openStore(config: Config, log: Logger, given?: Store): Promise<TimedStore> {
  const inner = given ?? (await openRawStore(config, log));
  return new TimedStore(inner, { timeoutMs: config.STORE_TIMEOUT_MS, log, name: inner.constructor.name });
}

async function openRawStore(config: Config, log: Logger): Promise<Store> {
  const kind = storeKind(config);
  switch (kind) {
    case "memory":
      log.warn("STORE=memory: quiz sessions, results and feedback are lost when the process stops");
      return new MemoryStore();
    case "sqlite": {
      const { SqliteStore } = await import("./sqlite.ts");
      return SqliteStore.open(config.DATABASE_PATH);
    }
    case "redis": {
      const { RedisStore } = await import("./redis.ts");
      return RedisStore.connect(config.REDIS_URL!, { namespace: config.REDIS_PREFIX });
    }
  }
}
