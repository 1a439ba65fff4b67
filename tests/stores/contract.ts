/**
 * The storage contract: every Store implementation passes the same suite. `make` gets a clock it may
 * use; `advance` moves time on (a fake clock for memory/SQLite, a real wait for Redis).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Clock, Store } from "../../src/core/store.ts";

export interface ContractTarget {
  name: string;
  make(clock: Clock): Promise<Store>;
  /** Opens a second handle on the same storage (another connection or process view), when there is one. */
  second?(clock: Clock): Promise<Store>;
  /** Fake-clock stores move time; Redis waits for real. */
  advance(ms: number, clock: { now: number }): Promise<void>;
  /** TTL used in expiry tests (Redis needs real milliseconds). */
  ttl: number;
}

export function storeContract(target: ContractTarget): void {
  describe(`${target.name} store contract`, () => {
    const opened: Store[] = [];
    const time = { now: 1_700_000_000_000 };
    const clock: Clock = () => time.now;
    const open = async () => {
      const s = await target.make(clock);
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const unique = () => `t${Math.random().toString(36).slice(2)}:`;

    it("gets, sets, overwrites and deletes", async () => {
      const s = await open();
      const k = unique();
      expect(await s.get(`${k}a`)).toBeUndefined();
      await s.set(`${k}a`, "1");
      expect(await s.get(`${k}a`)).toBe("1");
      await s.set(`${k}a`, "two ✓ \u0000 binary");
      expect(await s.get(`${k}a`)).toBe("two ✓ \u0000 binary");
      await s.delete(`${k}a`);
      expect(await s.get(`${k}a`)).toBeUndefined();
    });

    it("expires keys after their TTL", async () => {
      const s = await open();
      const k = unique();
      await s.set(`${k}x`, "v", target.ttl);
      expect(await s.get(`${k}x`)).toBe("v");
      await target.advance(target.ttl * 3, time);
      expect(await s.get(`${k}x`)).toBeUndefined();
    });

    it("setIfAbsent sets once, and again after expiry", async () => {
      const s = await open();
      const k = `${unique()}event`;
      expect(await s.setIfAbsent(k, "a", target.ttl)).toBe(true);
      expect(await s.setIfAbsent(k, "b", target.ttl)).toBe(false);
      expect(await s.get(k)).toBe("a");
      await target.advance(target.ttl * 3, time);
      expect(await s.setIfAbsent(k, "c")).toBe(true);
      expect(await s.get(k)).toBe("c");
    });

    it("setIfAbsent: of many concurrent callers exactly one wins", async () => {
      const s = await open();
      const k = `${unique()}dedupe`;
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => s.setIfAbsent(k, String(i), 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("compareAndSet swaps only from the expected value", async () => {
      const s = await open();
      const k = `${unique()}cas`;
      expect(await s.compareAndSet(k, "nope", "x")).toBe(false);
      expect(await s.compareAndSet(k, undefined, "v1")).toBe(true);
      expect(await s.compareAndSet(k, undefined, "v1b")).toBe(false);
      expect(await s.compareAndSet(k, "v1", "v2")).toBe(true);
      expect(await s.compareAndSet(k, "v1", "v3")).toBe(false);
      expect(await s.get(k)).toBe("v2");
    });

    it("compareAndSet: of concurrent writers from the same value exactly one wins", async () => {
      const s = await open();
      const k = `${unique()}race`;
      await s.set(k, "start");
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => s.compareAndSet(k, "start", `w${i}`)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await s.get(k)).toBe(`w${winner}`);
    });

    it("appends to lists, keeping the newest entries", async () => {
      const s = await open();
      const k = `${unique()}list`;
      expect(await s.list(k)).toEqual([]);
      for (let i = 1; i <= 5; i++) await s.append(k, String(i), 3);
      expect(await s.list(k)).toEqual(["3", "4", "5"]);
      await s.append(k, "6");
      expect(await s.list(k)).toEqual(["3", "4", "5", "6"]);
    });

    it("increments counters atomically", async () => {
      const s = await open();
      const k = `${unique()}count`;
      await Promise.all(Array.from({ length: 40 }, () => s.increment(k)));
      expect(await s.increment(k, 10)).toBe(50);
      expect(await s.get(k)).toBe("50");
    });

    it("lists keys by prefix and deletes them", async () => {
      const s = await open();
      const k = unique();
      await s.set(`${k}user:1:a`, "1");
      await s.set(`${k}user:1:b`, "2");
      await s.append(`${k}user:1:list`, "x");
      await s.set(`${k}user:2:a`, "3");
      await s.set(`${k}user:1%_*?[x]`, "globs are literal");
      expect((await s.keys(`${k}user:1:`)).sort()).toEqual([`${k}user:1:a`, `${k}user:1:b`, `${k}user:1:list`]);
      expect(await s.keys(`${k}user:1%_*?[`)).toEqual([`${k}user:1%_*?[x]`]);
      expect(await s.deletePrefix(`${k}user:1:`)).toBe(3);
      expect(await s.keys(`${k}user:1:`)).toEqual([]);
      expect(await s.get(`${k}user:2:a`)).toBe("3");
      expect(await s.list(`${k}user:1:list`)).toEqual([]);
    });

    if (target.second) {
      it("two handles on the same storage see each other and race safely", async () => {
        const a = await open();
        const b = await target.second!(clock);
        opened.push(b);
        const k = `${unique()}shared`;
        await a.set(k, "from a");
        expect(await b.get(k)).toBe("from a");
        const [x, y] = await Promise.all([
          a.compareAndSet(k, "from a", "a wins"),
          b.compareAndSet(k, "from a", "b wins"),
        ]);
        expect([x, y].filter(Boolean)).toHaveLength(1);
        const dedupe = `${k}:event`;
        const [p, q] = await Promise.all([a.setIfAbsent(dedupe, "1", 60_000), b.setIfAbsent(dedupe, "1", 60_000)]);
        expect([p, q].filter(Boolean)).toHaveLength(1);
      });
    }
  });
}
