/**
 * Bounded waits on the store: a decorator over any Store. Every call gets a timeout; a store that is
 * slow or unreachable opens an incident, logged at warn once (not once per call), and closed with one
 * info line when a call succeeds again. During an incident one call at most every STORE_TIMEOUT_MS
 * probes the store with the full timeout while the others fail at once, so nothing queues behind a
 * hung Redis and the answer path (which needs no storage) stays fast.
 */
import { CareerfaqError } from "../core/errors.ts";
import { keys } from "../core/keys.ts";
import type { Guard, Store, Write } from "../core/store.ts";
import type { Logger } from "../log.ts";

export interface StoreIncident {
  since: number;
  failures: number;
  op: string;
  error: string;
}

export interface StoreCheck {
  reachable: boolean;
  writable: boolean;
  latencyMs: number;
  error?: string;
}

export interface TimedStoreOptions {
  timeoutMs: number;
  log: Logger;
  /** The store's name in logs (SqliteStore, RedisStore, …). */
  name: string;
  now?: () => number;
}

const HEALTH_KEY = keys.health();

export class TimedStore implements Store {
  private incident: StoreIncident | undefined;
  private probing = false;
  /** During an incident, no probe before this time. */
  private nextProbe = 0;
  private readonly now: () => number;

  constructor(
    readonly inner: Store,
    private readonly options: TimedStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The open incident, if the store is failing now. */
  get failing(): StoreIncident | undefined {
    return this.incident;
  }

  get = (key: string) => this.run("get", () => this.inner.get(key));
  set = (key: string, value: string, ttlMs?: number) => this.run("set", () => this.inner.set(key, value, ttlMs));
  delete = (key: string) => this.run("delete", () => this.inner.delete(key));
  setIfAbsent = (key: string, value: string, ttlMs?: number) =>
    this.run("setIfAbsent", () => this.inner.setIfAbsent(key, value, ttlMs));
  compareAndSet = (key: string, expected: string | undefined, next: string, ttlMs?: number) =>
    this.run("compareAndSet", () => this.inner.compareAndSet(key, expected, next, ttlMs));
  append = (key: string, value: string, max?: number) => this.run("append", () => this.inner.append(key, value, max));
  list = (key: string) => this.run("list", () => this.inner.list(key));
  increment = (key: string, by?: number) => this.run("increment", () => this.inner.increment(key, by));
  keys = (prefix: string, limit?: number) => this.run("keys", () => this.inner.keys(prefix, limit));
  deletePrefix = (prefix: string) => this.run("deletePrefix", () => this.inner.deletePrefix(prefix));
  commit = (writes: readonly Write[], guard?: Guard) => this.run("commit", () => this.inner.commit(writes, guard));

  close(): Promise<void> {
    return bounded(this.inner.close(), this.options.timeoutMs, "close").catch(() => {});
  }

  /** /healthz: can the store be written and read back now? Bypasses the incident's fast failure. */
  async check(): Promise<StoreCheck> {
    const started = this.now();
    const ms = () => this.now() - started;
    try {
      await bounded(this.inner.set(HEALTH_KEY, String(started), 60_000), this.options.timeoutMs, "set");
      await bounded(this.inner.get(HEALTH_KEY), this.options.timeoutMs, "get");
      this.recovered();
      return { reachable: true, writable: true, latencyMs: ms() };
    } catch (err) {
      const error = (err as Error).message;
      if ((err as { code?: string }).code === "STORE_TIMEOUT")
        return { reachable: false, writable: false, latencyMs: ms(), error };
      // The write failed for another reason (a full disk, a read-only replica): is it readable at all?
      const readable = await bounded(this.inner.get(HEALTH_KEY), this.options.timeoutMs, "get").then(
        () => true,
        () => false,
      );
      return { reachable: readable, writable: false, latencyMs: ms(), error };
    }
  }

  private async run<T>(op: string, call: () => Promise<T>): Promise<T> {
    if (this.incident && (this.probing || this.now() < this.nextProbe)) {
      this.incident.failures++;
      throw new CareerfaqError(
        "STORE_UNAVAILABLE",
        `the store is unavailable since ${new Date(this.incident.since).toISOString()} (${this.incident.error})`,
      );
    }
    const probe = this.incident !== undefined;
    if (probe) this.probing = true;
    try {
      const value = await bounded(Promise.resolve().then(call), this.options.timeoutMs, op);
      this.recovered();
      return value;
    } catch (err) {
      this.failed(op, err);
      this.nextProbe = this.now() + this.options.timeoutMs;
      throw err;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private failed(op: string, err: unknown): void {
    if (this.incident) {
      this.incident.failures++;
      return;
    }
    const error = (err as Error)?.message ?? String(err);
    this.incident = { since: this.now(), failures: 1, op, error };
    this.options.log.warn("store is slow or unreachable: answering without it where possible", {
      store: this.options.name,
      op,
      timeoutMs: this.options.timeoutMs,
      code: (err as { code?: string }).code ?? "STORE_FAILED",
      err,
    });
  }

  private recovered(): void {
    const incident = this.incident;
    if (!incident) return;
    this.incident = undefined;
    this.options.log.info("store is back", {
      store: this.options.name,
      downMs: this.now() - incident.since,
      failedCalls: incident.failures,
    });
  }
}

/** The promise's value, or a STORE_TIMEOUT error after `ms`. */
function bounded<T>(promise: Promise<T>, ms: number, op: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new CareerfaqError("STORE_TIMEOUT", `store ${op} took longer than ${ms} ms (STORE_TIMEOUT_MS; is it up?)`),
        ),
      ms,
    );
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
