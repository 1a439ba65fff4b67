/** In-memory store: tests and the terminal chat. Same contract as SQLite and Redis, one process only. */
import type { Clock, Guard, Store, Write } from "../core/store.ts";

interface Entry {
  value: string;
  expires: number;
}

export class MemoryStore implements Store {
  private readonly values = new Map<string, Entry>();
  private readonly lists = new Map<string, string[]>();
  private closed = false;

  constructor(private readonly clock: Clock = Date.now) {}

  private live(key: string): Entry | undefined {
    this.assertOpen();
    const e = this.values.get(key);
    if (e && e.expires <= this.clock()) {
      this.values.delete(key);
      return undefined;
    }
    return e;
  }

  private expiry(ttlMs?: number): number {
    return ttlMs === undefined ? Infinity : this.clock() + ttlMs;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("memory store is closed");
  }

  async get(key: string): Promise<string | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.assertOpen();
    this.values.set(key, { value, expires: this.expiry(ttlMs) });
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    this.values.delete(key);
    this.lists.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.values.set(key, { value, expires: this.expiry(ttlMs) });
    return true;
  }

  async compareAndSet(key: string, expected: string | undefined, next: string, ttlMs?: number): Promise<boolean> {
    if (this.live(key)?.value !== expected) return false;
    this.values.set(key, { value: next, expires: this.expiry(ttlMs) });
    return true;
  }

  async append(key: string, value: string, max?: number): Promise<void> {
    this.assertOpen();
    const list = this.lists.get(key) ?? [];
    list.push(value);
    if (max !== undefined && list.length > max) list.splice(0, list.length - max);
    this.lists.set(key, list);
  }

  async list(key: string): Promise<string[]> {
    this.assertOpen();
    return [...(this.lists.get(key) ?? [])];
  }

  async increment(key: string, by = 1): Promise<number> {
    const e = this.live(key);
    const n = (e ? Number(e.value) || 0 : 0) + by;
    this.values.set(key, { value: String(n), expires: e?.expires ?? Infinity });
    return n;
  }

  async keys(prefix: string, limit = 10_000): Promise<string[]> {
    this.assertOpen();
    const out: string[] = [];
    for (const key of new Set([...this.values.keys(), ...this.lists.keys()])) {
      if (out.length >= limit) break;
      if (key.startsWith(prefix) && (this.lists.has(key) || this.live(key))) out.push(key);
    }
    return out;
  }

  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.keys(prefix, Infinity);
    for (const k of keys) await this.delete(k);
    return keys.length;
  }

  async commit(writes: readonly Write[], guard?: Guard): Promise<boolean> {
    this.assertOpen();
    if (guard && this.live(guard.key)?.value !== guard.expected) return false;
    for (const w of writes) {
      if (w.kind === "set") this.values.set(w.key, { value: w.value, expires: this.expiry(w.ttlMs) });
      else if (w.kind === "delete") {
        this.values.delete(w.key);
        this.lists.delete(w.key);
      } else await this.append(w.key, w.value, w.max);
    }
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
