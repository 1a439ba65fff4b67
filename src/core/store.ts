/**
 * The storage port. The core states what it needs; src/stores/ implements it for memory (tests),
 * SQLite (the embedded default) and Redis (several instances). Values are strings (the core
 * serialises); every operation is atomic on its own, including across processes sharing a store.
 * One contract test suite (tests/stores/contract.ts) runs against every implementation.
 */
export interface Store {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets a value; with ttlMs it expires after that many milliseconds. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Sets the value only if the key is absent (or expired); true when this call set it. Event dedupe. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /**
   * Replaces the value only if it still equals `expected` (undefined: the key must be absent);
   * true when it did. Two writers racing on the same key: exactly one wins.
   */
  compareAndSet(key: string, expected: string | undefined, next: string, ttlMs?: number): Promise<boolean>;
  /** Appends to a list, keeping the newest `max` entries when given. */
  append(key: string, value: string, max?: number): Promise<void>;
  /** A list's entries, oldest first. */
  list(key: string): Promise<string[]>;
  /** Adds `by` (default 1) to a counter and returns the new value. */
  increment(key: string, by?: number): Promise<number>;
  /** Keys that start with `prefix` (at most `limit`, default 10,000), in no particular order. */
  keys(prefix: string, limit?: number): Promise<string[]>;
  /** Deletes every key that starts with `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /**
   * Applies every write, all or none, and only while `guard` holds (its key still equals `expected`;
   * undefined: absent). True when the writes were applied. A finished quiz (the session's end and the
   * result's append), a vote, an inbox entry and its dedupe mark: each is one commit.
   */
  commit(writes: readonly Write[], guard?: Guard): Promise<boolean>;
  close(): Promise<void>;
}

/** One write of an atomic commit. `delete` removes a value or a list. */
export type Write =
  | { kind: "set"; key: string; value: string; ttlMs?: number }
  | { kind: "delete"; key: string }
  | { kind: "append"; key: string; value: string; max?: number };

/** A commit's condition: the value at `key` equals `expected` (undefined: the key is absent or expired). */
export interface Guard {
  key: string;
  expected: string | undefined;
}

/** Milliseconds since the epoch; injected so that tests control time. */
export type Clock = () => number;
