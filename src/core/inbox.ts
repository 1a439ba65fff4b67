/**
 * The event inbox: work a platform handed over and we acknowledged, kept in the store until it is
 * answered. An item is written with its dedupe mark in one commit before the ack; the instance that
 * took it owns it while its heartbeat lives. Answering records the plan (the engine's replies) and
 * each delivered message in the item, so a crash resumes after the last message delivered; the item
 * is deleted, and its dedupe mark set to "done", in one commit. An item whose owner's heartbeat has
 * expired is abandoned: any instance may claim it.
 */
import { z } from "zod";
import { jsonCodec } from "./codec.ts";
import { keys } from "./keys.ts";
import type { Clock, Store } from "./store.ts";

const ItemSchema = z.object({
  id: z.string(),
  /** Which handler answers it (e.g. "slack"). */
  kind: z.string(),
  /** The platform's payload, as received. */
  payload: z.string(),
  /** The instance answering it; null: anyone may. */
  owner: z.string().nullable(),
  at: z.number(),
  /** How many times an instance started answering it. */
  tries: z.number(),
  /** The engine's answer, once computed (JSON the handler understands). */
  plan: z.unknown().optional(),
  /** Side effects already done (e.g. messages posted), by step name, with what they returned. */
  steps: z.record(z.string(), z.unknown()).default({}),
});
export type InboxItem = z.infer<typeof ItemSchema>;
const codec = jsonCodec(ItemSchema);

/** A held item: its value and the exact string stored (the guard of the next write). */
export interface Held {
  item: InboxItem;
  raw: string;
}

export interface InboxOptions {
  /** This instance's id. */
  instance: string;
  /** How long a heartbeat lives: an owner silent for this long has abandoned its items. */
  leaseMs: number;
  /** How long an event id is remembered for dedupe (Slack retries within minutes). */
  dedupeMs?: number;
  /** An item not answered after this long is dropped (default 24 hours). */
  maxAgeMs?: number;
  clock: Clock;
}

export const MAX_TRIES = 5;

export class Inbox {
  readonly instance: string;
  private readonly dedupeMs: number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly store: Store,
    private readonly options: InboxOptions,
  ) {
    this.instance = options.instance;
    this.dedupeMs = options.dedupeMs ?? 3600_000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 3600_000;
  }

  /** Persists a new item owned by this instance; null when its id was seen before (a retry or a replay). */
  async put(id: string, kind: string, payload: string): Promise<Held | null> {
    const item: InboxItem = {
      id,
      kind,
      payload,
      owner: this.instance,
      at: this.options.clock(),
      tries: 1,
      steps: {},
    };
    const raw = codec.encode(item);
    const seen = keys.inboxSeen(id);
    const ok = await this.store.commit(
      [
        { kind: "set", key: seen, value: "accepted", ttlMs: this.dedupeMs },
        { kind: "set", key: keys.inboxItem(id), value: raw, ttlMs: this.maxAgeMs },
      ],
      { key: seen, expected: undefined },
    );
    return ok ? { item, raw } : null;
  }

  /** Replaces the held item (a plan or a step recorded); null when another instance took it meanwhile. */
  async update(held: Held, change: Partial<Pick<InboxItem, "plan" | "steps" | "owner">>): Promise<Held | null> {
    const item = { ...held.item, ...change };
    const raw = codec.encode(item);
    const ok = await this.store.commit(
      [{ kind: "set", key: keys.inboxItem(item.id), value: raw, ttlMs: this.maxAgeMs }],
      {
        key: keys.inboxItem(item.id),
        expected: held.raw,
      },
    );
    return ok ? { item, raw } : null;
  }

  /** Answered: the item is deleted and its dedupe mark says so, in one commit. */
  async done(held: Held): Promise<boolean> {
    return this.store.commit(
      [
        { kind: "delete", key: keys.inboxItem(held.item.id) },
        { kind: "set", key: keys.inboxSeen(held.item.id), value: "done", ttlMs: this.dedupeMs },
      ],
      { key: keys.inboxItem(held.item.id), expected: held.raw },
    );
  }

  /** Marks an id as seen and drops any item for it (work answered from memory while the store failed). */
  async forget(id: string): Promise<void> {
    await this.store.commit([
      { kind: "delete", key: keys.inboxItem(id) },
      { kind: "set", key: keys.inboxSeen(id), value: "done", ttlMs: this.dedupeMs },
    ]);
  }

  /** Gives an item back (shutdown): anyone may take it at once. */
  release(held: Held): Promise<Held | null> {
    return this.update(held, { owner: null });
  }

  /** This instance is alive: its items stay its own for another lease. */
  async heartbeat(): Promise<void> {
    await this.store.set(keys.inboxOwner(this.instance), String(this.options.clock()), this.options.leaseMs);
  }

  /** Shutdown: this instance's items become claimable at once. */
  async retire(): Promise<void> {
    await this.store.delete(keys.inboxOwner(this.instance));
  }

  /**
   * Claims abandoned items (no owner, or an owner whose heartbeat expired), up to `limit`. Items tried
   * MAX_TRIES times are dropped and reported in `dropped`.
   */
  async claimAbandoned(limit: number): Promise<{ claimed: Held[]; dropped: InboxItem[]; waiting: number }> {
    const claimed: Held[] = [];
    const dropped: InboxItem[] = [];
    const alive = new Map<string, boolean>();
    let waiting = 0;
    for (const key of await this.store.keys(keys.inboxItems())) {
      if (claimed.length >= limit) break;
      const raw = await this.store.get(key);
      const item = codec.decode(raw);
      if (!item || raw === undefined) continue;
      if (item.owner === this.instance) continue;
      if (item.owner !== null) {
        if (!alive.has(item.owner))
          alive.set(item.owner, (await this.store.get(keys.inboxOwner(item.owner))) !== undefined);
        if (alive.get(item.owner)) {
          waiting++;
          continue;
        }
      }
      if (item.tries >= MAX_TRIES) {
        if (await this.store.commit([{ kind: "delete", key }], { key, expected: raw })) dropped.push(item);
        continue;
      }
      const next = codec.encode({ ...item, owner: this.instance, tries: item.tries + 1 });
      if (await this.store.compareAndSet(key, raw, next, this.maxAgeMs))
        claimed.push({ item: { ...item, owner: this.instance, tries: item.tries + 1 }, raw: next });
    }
    return { claimed, dropped, waiting };
  }
}
