/**
 * The storage contract: every Store implementation passes the same suite. `make` gets a clock it may
 * use; `advance` moves time on (a fake clock for memory/SQLite, a real wait for Redis).
 */
import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import type { Clock, Store } from "../../src/core/store.ts";
import { testCatalog } from "../helpers/engine.ts";

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

    it("commit applies every write, all or none, while its guard holds", async () => {
      const s = await open();
      const k = unique();
      await s.set(`${k}old`, "x");
      const writes = [
        { kind: "set", key: `${k}session`, value: "ended", ttlMs: 60_000 },
        { kind: "append", key: `${k}results`, value: "r1", max: 2 },
        { kind: "delete", key: `${k}old` },
      ] as const;
      expect(await s.commit(writes, { key: `${k}session`, expected: "q3" })).toBe(false);
      expect(await s.get(`${k}session`)).toBeUndefined();
      expect(await s.list(`${k}results`)).toEqual([]);
      expect(await s.get(`${k}old`)).toBe("x");
      expect(await s.commit(writes, { key: `${k}session`, expected: undefined })).toBe(true);
      expect(await s.get(`${k}session`)).toBe("ended");
      expect(await s.list(`${k}results`)).toEqual(["r1"]);
      expect(await s.get(`${k}old`)).toBeUndefined();
      expect(await s.commit(writes, { key: `${k}session`, expected: undefined })).toBe(false);
      expect(await s.commit([{ kind: "append", key: `${k}results`, value: "r2", max: 2 }])).toBe(true);
      expect(await s.commit([{ kind: "append", key: `${k}results`, value: "r3", max: 2 }])).toBe(true);
      expect(await s.list(`${k}results`)).toEqual(["r2", "r3"]);
    });

    it("commit: of concurrent committers from the same guard exactly one wins", async () => {
      const s = await open();
      const k = unique();
      await s.set(`${k}session`, "q11");
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.commit(
            [
              { kind: "set", key: `${k}session`, value: `ended${i}` },
              { kind: "append", key: `${k}results`, value: `r${i}` },
            ],
            { key: `${k}session`, expected: "q11" },
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await s.get(`${k}session`)).toBe(`ended${winner}`);
      expect(await s.list(`${k}results`)).toEqual([`r${winner}`]);
    });

    it("a finished quiz is one atomic write: a crash at any write leaves its end and its result together", async () => {
      const s = await open();
      const catalog = testCatalog();
      const questions = catalog.assessment.questions.length;
      for (let crashAfter = 0; crashAfter <= 2; crashAfter++) {
        const user = `${unique()}quizzer`;
        const inbound = { channel: "slack" as const, conversation: `c-${user}`, user, direct: true };
        const engine = new Engine(catalog, { store: s, clock });
        await engine.handle({ ...inbound, text: "assess" });
        for (let q = 1; q < questions; q++) await engine.handle({ ...inbound, text: "1" });
        // The last answer goes through a store that dies after `crashAfter` writes (a kill -9, as the store sees it).
        const dying = new Engine(catalog, { store: crashingAfter(s, crashAfter), clock });
        await dying.handle({ ...inbound, text: "1" });
        const fresh = new Engine(catalog, { store: s, clock });
        const history = (await fresh.handle({ ...inbound, text: "history" })).map((o) => JSON.stringify(o.reply));
        const resumed = (await fresh.handle({ ...inbound, text: "assess" })).map((o) => JSON.stringify(o.reply));
        const recorded = history.join().includes("/100");
        const atLastQuestion = resumed.join().includes(`Question ${questions} of ${questions}`);
        // Either the result is recorded (and a new quiz starts), or nothing happened (and the last question is asked again).
        expect({ crashAfter, recorded, atLastQuestion }).toEqual({ crashAfter, recorded, atLastQuestion: !recorded });
      }
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

const WRITES = new Set([
  "set",
  "delete",
  "setIfAbsent",
  "compareAndSet",
  "append",
  "increment",
  "deletePrefix",
  "commit",
]);

/** The store as a process killed after `n` writes sees it: every call after that fails. */
function crashingAfter(store: Store, n: number): Store {
  let writes = 0;
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || name === "close") return value;
      return async (...args: unknown[]) => {
        if (writes >= n) throw new Error("crashed");
        if (WRITES.has(String(name))) writes++;
        return value.apply(target, args);
      };
    },
  });
}
