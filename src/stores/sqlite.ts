/**
 * The embedded default store: one SQLite file (better-sqlite3), WAL mode, created on first start.
 * Every operation is a single statement or an IMMEDIATE transaction, so it is atomic within the
 * process and between processes sharing the file.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { CareerfaqError } from "../core/errors.ts";
import type { Clock, Guard, Store, Write } from "../core/store.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires) WHERE expires IS NOT NULL;
CREATE TABLE IF NOT EXISTS list (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS list_key ON list (key, id);
`;

type Db = InstanceType<typeof Database>;

export class SqliteStore implements Store {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly stmt;
  private readonly sweeper: NodeJS.Timeout;

  private constructor(db: Db, clock: Clock) {
    this.db = db;
    this.clock = clock;
    this.stmt = {
      get: db.prepare<[string, number], { value: string }>(
        "SELECT value FROM kv WHERE key = ? AND (expires IS NULL OR expires > ?)",
      ),
      set: db.prepare(
        "INSERT INTO kv (key, value, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
      ),
      del: db.prepare("DELETE FROM kv WHERE key = ?"),
      delList: db.prepare("DELETE FROM list WHERE key = ?"),
      insertIfAbsent: db.prepare(
        "INSERT INTO kv (key, value, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires WHERE kv.expires IS NOT NULL AND kv.expires <= ?",
      ),
      casUpdate: db.prepare(
        "UPDATE kv SET value = ?, expires = ? WHERE key = ? AND value = ? AND (expires IS NULL OR expires > ?)",
      ),
      append: db.prepare("INSERT INTO list (key, value) VALUES (?, ?)"),
      trim: db.prepare(
        "DELETE FROM list WHERE key = ? AND id NOT IN (SELECT id FROM list WHERE key = ? ORDER BY id DESC LIMIT ?)",
      ),
      list: db.prepare<[string], { value: string }>("SELECT value FROM list WHERE key = ? ORDER BY id"),
      incr: db.prepare<[string, number, number, number], { value: string }>(
        "INSERT INTO kv (key, value, expires) VALUES (?, CAST(CAST(? AS INTEGER) AS TEXT), NULL) ON CONFLICT(key) DO UPDATE SET value = CAST(CASE WHEN kv.expires IS NOT NULL AND kv.expires <= ? THEN 0 ELSE CAST(kv.value AS INTEGER) END + CAST(? AS INTEGER) AS TEXT) RETURNING value",
      ),
      keys: db.prepare<{ from: string; to: string; now: number; limit: number }, { key: string }>(
        "SELECT key FROM kv WHERE key >= @from AND key < @to AND (expires IS NULL OR expires > @now) UNION SELECT key FROM list WHERE key >= @from AND key < @to LIMIT @limit",
      ),
      sweep: db.prepare("DELETE FROM kv WHERE expires IS NOT NULL AND expires <= ?"),
    };
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Opens (and creates, with its folder) the database file; ":memory:" for a private in-memory database. */
  static open(path: string, clock: Clock = Date.now): SqliteStore {
    try {
      if (path !== ":memory:") ensureFolder(dirname(path));
      const db = new Database(path);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("busy_timeout = 5000");
      db.exec(SCHEMA);
      return new SqliteStore(db, clock);
    } catch (err) {
      throw new CareerfaqError(
        "STORE_FAILED",
        `cannot open the SQLite database at DATABASE_PATH=${path}: ${(err as Error).message} (check the folder exists and is writable, or set DATABASE_PATH)`,
        { cause: err },
      );
    }
  }

  private expires(ttlMs?: number): number | null {
    return ttlMs === undefined ? null : this.clock() + ttlMs;
  }

  async get(key: string): Promise<string | undefined> {
    return this.stmt.get.get(key, this.clock())?.value;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.stmt.set.run(key, value, this.expires(ttlMs));
  }

  async delete(key: string): Promise<void> {
    this.db
      .transaction(() => {
        this.stmt.del.run(key);
        this.stmt.delList.run(key);
      })
      .immediate();
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    return this.stmt.insertIfAbsent.run(key, value, this.expires(ttlMs), this.clock()).changes === 1;
  }

  async compareAndSet(key: string, expected: string | undefined, next: string, ttlMs?: number): Promise<boolean> {
    const now = this.clock();
    if (expected === undefined) return this.stmt.insertIfAbsent.run(key, next, this.expires(ttlMs), now).changes === 1;
    return this.stmt.casUpdate.run(next, this.expires(ttlMs), key, expected, now).changes === 1;
  }

  async append(key: string, value: string, max?: number): Promise<void> {
    this.db
      .transaction(() => {
        this.stmt.append.run(key, value);
        if (max !== undefined) this.stmt.trim.run(key, key, max);
      })
      .immediate();
  }

  async list(key: string): Promise<string[]> {
    return this.stmt.list.all(key).map((r) => r.value);
  }

  async increment(key: string, by = 1): Promise<number> {
    return Number(this.stmt.incr.get(key, by, this.clock(), by)!.value);
  }

  async keys(prefix: string, limit = 10_000): Promise<string[]> {
    return this.stmt.keys
      .all({ from: prefix, to: upperBound(prefix), now: this.clock(), limit: Number.isFinite(limit) ? limit : -1 })
      .map((r) => r.key);
  }

  async deletePrefix(prefix: string): Promise<number> {
    const end = upperBound(prefix);
    let n = 0;
    this.db
      .transaction(() => {
        const keys = new Set([
          ...this.db
            .prepare<[string, string], { key: string }>("SELECT key FROM kv WHERE key >= ? AND key < ?")
            .all(prefix, end)
            .map((r) => r.key),
          ...this.db
            .prepare<[string, string], { key: string }>("SELECT DISTINCT key FROM list WHERE key >= ? AND key < ?")
            .all(prefix, end)
            .map((r) => r.key),
        ]);
        this.db.prepare("DELETE FROM kv WHERE key >= ? AND key < ?").run(prefix, end);
        this.db.prepare("DELETE FROM list WHERE key >= ? AND key < ?").run(prefix, end);
        n = keys.size;
      })
      .immediate();
    return n;
  }

  async commit(writes: readonly Write[], guard?: Guard): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (guard && this.stmt.get.get(guard.key, this.clock())?.value !== guard.expected) return false;
        for (const w of writes) {
          if (w.kind === "set") this.stmt.set.run(w.key, w.value, this.expires(w.ttlMs));
          else if (w.kind === "delete") {
            this.stmt.del.run(w.key);
            this.stmt.delList.run(w.key);
          } else {
            this.stmt.append.run(w.key, w.value);
            if (w.max !== undefined) this.stmt.trim.run(w.key, w.key, w.max);
          }
        }
        return true;
      })
      .immediate();
  }

  /** Deletes expired keys (also done lazily on read). */
  sweep(): number {
    return this.stmt.sweep.run(this.clock()).changes;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    if (this.db.open) this.db.close();
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. (mkdirSync's recursive mode spins
 * forever on some paths, e.g. under /proc/self, where the kernel keeps answering "no such file".)
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat?.isDirectory()) break;
    if (stat) throw new Error(`${at} is a file, not a folder`);
    if (dirname(at) === at || missing.length >= 64) throw new Error(`no existing folder above ${dir}`);
    missing.unshift(at);
  }
  for (const folder of missing) mkdirSync(folder);
}

/** The smallest string greater than every string that starts with `prefix`. */
function upperBound(prefix: string): string {
  return `${prefix}\uffff`;
}
