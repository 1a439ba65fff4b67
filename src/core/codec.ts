/**
 * Stored shapes: a zod schema per kind of value, so nothing is read back with `JSON.parse(raw) as T`.
 * A value that does not parse is treated as absent (and the caller decides what that means).
 * Modelled on grammY's StorageAdapter<T> and enhanceStorage: a typed view over the store port, with
 * expiry and versioned migrations as decorators.
 */
import type { z } from "zod";
import type { Store } from "./store.ts";

export interface Codec<T> {
  encode(value: T): string;
  /** The value, or undefined when absent or unreadable. */
  decode(raw: string | undefined): T | undefined;
}

/** JSON checked by a zod schema. */
export function jsonCodec<T>(schema: z.ZodType<T>): Codec<T> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (raw) => {
      if (raw === undefined) return undefined;
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Versioned values, stored as {"v": version, "d": data}. A value written by an older version is
 * migrated on read, step by step (migrations[n] turns version n into n+1); a value without a version
 * envelope is version 0. Newer or unreadable values decode to undefined.
 */
export function versioned<T>(
  version: number,
  inner: Codec<T>,
  migrations: Record<number, (old: unknown) => unknown> = {},
): Codec<T> {
  return {
    encode: (value) => JSON.stringify({ v: version, d: JSON.parse(inner.encode(value)) }),
    decode: (raw) => {
      if (raw === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const envelope = parsed as { v?: unknown; d?: unknown } | null;
      const enveloped = typeof envelope?.v === "number" && typeof envelope === "object" && "d" in envelope;
      let at = enveloped ? (envelope.v as number) : 0;
      let data = enveloped ? envelope.d : parsed;
      if (at > version) return undefined;
      while (at < version) {
        const step = migrations[at];
        if (!step) return undefined;
        data = step(data);
        at++;
      }
      return inner.decode(JSON.stringify(data));
    },
  };
}

/** A typed view of one kind of value in the store (grammY's StorageAdapter<T>, over our port). */
export interface Stored<T> {
  /** The value and the exact string it came from (the guard of a compare-and-set). */
  read(key: string): Promise<{ value: T | undefined; raw: string | undefined }>;
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** Writes `value` only if the key still holds `raw`; true when it did. */
  compareAndSet(key: string, raw: string | undefined, value: T): Promise<boolean>;
}

/** The plain typed view: values encoded and decoded by `codec`, no expiry. */
export function stored<T>(store: Store, codec: Codec<T>, ttlMs?: number): Stored<T> {
  return {
    read: async (key) => {
      const raw = await store.get(key);
      return { value: codec.decode(raw), raw };
    },
    get: async (key) => codec.decode(await store.get(key)),
    set: (key, value) => store.set(key, codec.encode(value), ttlMs),
    compareAndSet: (key, raw, value) => store.compareAndSet(key, raw, codec.encode(value), ttlMs),
  };
}

/**
 * The expiry decorator (grammY's enhanceStorage `millisecondsToLive`): every write through it expires
 * after `ttlMs`, using the store's own expiry. Versioned migration is the codec decorator `versioned`.
 */
export function expiring<T>(store: Store, codec: Codec<T>, ttlMs: number): Stored<T> {
  return stored(store, codec, ttlMs);
}
