import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/stores/sqlite.ts";
import { storeContract } from "./contract.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "nested", "folder", "store.db");

storeContract({
  name: "SQLite",
  make: async (clock) => SqliteStore.open(file, clock),
  second: async (clock) => SqliteStore.open(file, clock),
  advance: async (ms, time) => {
    time.now += ms;
  },
  ttl: 1000,
});

describe("SQLite store", () => {
  it("creates the file and its folders on first open, in WAL mode", async () => {
    const path = join(dir, "fresh", "careerfaq.db");
    const s = SqliteStore.open(path);
    await s.set("k", "v");
    await s.close();
    expect(statSync(path).isFile()).toBe(true);
    expect(statSync(`${path}-wal`, { throwIfNoEntry: false }) !== undefined || statSync(path).size > 0).toBe(true);
    const again = SqliteStore.open(path);
    expect(await again.get("k")).toBe("v");
    await again.close();
  });

  it("says which variable to fix when the path cannot be opened", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    expect(() => SqliteStore.open(join(blocker, "careerfaq.db"))).toThrow(
      /DATABASE_PATH=.*a-file\/careerfaq\.db.*set DATABASE_PATH/,
    );
  });

  it("sweeps expired keys", async () => {
    let now = 0;
    const s = SqliteStore.open(":memory:", () => now);
    await s.set("a", "1", 10);
    await s.set("b", "2");
    now = 100;
    expect(s.sweep()).toBe(1);
    expect(await s.get("b")).toBe("2");
    await s.close();
  });
});
