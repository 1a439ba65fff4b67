/**
 * Drains the event inbox (src/core/inbox.ts). `accept` persists a new item before the platform is
 * acknowledged and queues it here; answering runs the handler's plan (the engine) once and records
 * it, then executes it with every side effect journaled in the item, then marks it done. On start,
 * and every third of a lease, abandoned items (a crashed or stopped instance's) are claimed and
 * resumed. When the store fails, work is answered from memory, deduped by a short in-process window.
 * stop(): drains what fits before the deadline, gives the rest back to the store, logs the counts.
 */
import { z } from "zod";
import { CareerfaqError } from "../core/errors.ts";
import type { Held, Inbox, InboxItem } from "../core/inbox.ts";
import type { Logger } from "../log.ts";
import { RecentIds } from "./recent.ts";
import type { AnswerQueue } from "./slack/queue.ts";

/**
 * Side effects (a message posted) go through a journal: done once, replayed from the record after a
 * crash. A step is marked as started before it runs; resumed on a step that started but left no
 * result (the process died while the call was in flight), `verify` asks the platform whether it
 * happened (found: its result), and only otherwise is the step run again. `id` names the step for that.
 * `recorded` reads a result back from the store (RECORDED); one that does not parse counts as not recorded.
 */
export interface Journal {
  step<T>(
    name: string,
    recorded: z.ZodType<T>,
    run: (id: string) => Promise<T>,
    verify?: (id: string) => Promise<T | undefined>,
  ): Promise<T>;
}

/** How the results a journal records are read back: stored as JSON, where undefined became null. */
export const RECORDED = {
  /** A platform call's result, or undefined when it failed. */
  result: z
    .record(z.string(), z.unknown())
    .nullable()
    .transform((value) => value ?? undefined),
  /** An id, or undefined when there was none. */
  id: z
    .string()
    .nullable()
    .transform((value) => value ?? undefined),
  /** Whether it was done. */
  done: z.boolean(),
};

const STARTED = "$started";

export interface InboxHandler {
  /** What to answer (runs the engine); JSON, recorded before anything is sent. Null: nothing to do. */
  plan(payload: string): Promise<unknown>;
  /** Sends it; every call to the platform goes through `journal.step`. */
  execute(plan: unknown, journal: Journal): Promise<void>;
}

export interface WorkerOptions {
  inbox: Inbox;
  queue: AnswerQueue;
  handlers: Record<string, InboxHandler>;
  log: Logger;
  leaseMs: number;
  /** In-process dedupe window (default 1 hour, at most 100,000 ids). */
  dedupeMs?: number;
  now?: () => number;
}

export type Accepted = "persisted" | "memory" | "duplicate";

const LOCAL_IDS = 100_000;
const CLAIM_BATCH = 500;
/** After the deadline, answers already being sent get this long to finish. */
const IN_FLIGHT_GRACE_MS = 2_000;

class LostItem extends CareerfaqError {
  constructor(id: string) {
    super("STORE_FAILED", `inbox item ${id} was claimed by another instance`);
  }
}

export class InboxWorker {
  private readonly seen: RecentIds;
  private readonly queued = new Map<string, Held>();
  private timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private readonly now: () => number;
  readonly counts = { accepted: 0, memory: 0, duplicates: 0, answered: 0, resumed: 0, failed: 0 };

  constructor(private readonly options: WorkerOptions) {
    this.now = options.now ?? Date.now;
    this.seen = new RecentIds(options.dedupeMs ?? 3600_000, LOCAL_IDS, this.now);
  }

  /** Heartbeat, then resume what is pending; both repeat every third of a lease. */
  async start(): Promise<void> {
    await this.options.inbox.heartbeat().catch((err) => this.options.log.warn("inbox heartbeat failed", { err }));
    const every = Math.max(100, Math.floor(this.options.leaseMs / 3));
    const beat = setInterval(() => void this.options.inbox.heartbeat().catch(() => {}), every);
    const sweep = setInterval(() => void this.resume(), every);
    beat.unref();
    sweep.unref();
    this.timers = [beat, sweep];
    await this.resume();
  }

  /** Persists and queues a new item; "duplicate" for an id seen before (here or in the store). */
  async accept(id: string, kind: string, payload: string): Promise<Accepted> {
    if (this.seen.seen(id)) return this.duplicate(id);
    let held: Held | null;
    try {
      held = await this.options.inbox.put(id, kind, payload);
    } catch {
      // The store is failing (logged once by the store): answer from memory rather than not at all.
      this.counts.memory++;
      this.enqueue(null, { id, kind, payload, owner: null, at: this.now(), tries: 1, steps: {} });
      return "memory";
    }
    if (!held) return this.duplicate(id);
    this.counts.accepted++;
    if (!this.stopping) this.enqueue(held, held.item);
    else await this.options.inbox.release(held).catch(() => {});
    return "persisted";
  }

  /** Claims abandoned items and queues them. */
  async resume(): Promise<void> {
    if (this.stopping) return;
    try {
      const { claimed, dropped } = await this.options.inbox.claimAbandoned(CLAIM_BATCH);
      for (const item of dropped)
        this.options.log.error("inbox item dropped after repeated failures", {
          id: item.id,
          kind: item.kind,
          tries: item.tries,
        });
      if (claimed.length > 0) this.options.log.info("resuming pending inbox items", { count: claimed.length });
      for (const held of claimed) {
        this.counts.resumed++;
        this.seen.seen(held.item.id);
        this.enqueue(held, held.item);
      }
    } catch (err) {
      this.options.log.debug("inbox sweep failed", { err });
    }
  }

  /**
   * Stops taking work, waits until `deadline` for the queue to drain, gives back what has not started
   * (and, after a short grace, what is still running), and logs the counts.
   */
  async stop(deadline: number): Promise<{ answered: number; leftPending: number }> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    const answeredBefore = this.counts.answered;
    await waitUntil(this.options.queue.drain(), deadline - this.now());
    this.options.queue.clear();
    let left = 0;
    for (const held of this.queued.values()) {
      left++;
      await this.options.inbox.release(held).catch(() => {});
    }
    this.queued.clear();
    await waitUntil(this.options.queue.drain(), IN_FLIGHT_GRACE_MS);
    left += this.options.queue.size;
    await this.options.inbox.retire().catch(() => {});
    const answered = this.counts.answered - answeredBefore;
    this.options.log.info("inbox at shutdown: answered what fitted in the grace period, the rest stays pending", {
      answeredDuringShutdown: answered,
      leftPending: left,
    });
    return { answered, leftPending: left };
  }

  private duplicate(id: string): Accepted {
    this.counts.duplicates++;
    this.options.log.debug("already handled (a retry or a replay)", { id });
    return "duplicate";
  }

  private enqueue(held: Held | null, item: InboxItem): void {
    if (held) this.queued.set(item.id, held);
    this.options.queue.push(() => this.run(held, item));
  }

  private async run(held: Held | null, item: InboxItem): Promise<void> {
    if (held) {
      if (!this.queued.has(item.id)) return; // given back at shutdown
      this.queued.delete(item.id);
    }
    const handler = this.options.handlers[item.kind];
    if (!handler) {
      this.options.log.error("inbox item of an unknown kind dropped", { id: item.id, kind: item.kind });
      if (held) await this.options.inbox.done(held).catch(() => {});
      return;
    }
    const journal = new ItemJournal(this.options.inbox, held, item.id);
    try {
      let plan = item.plan;
      if (plan === undefined) {
        plan = (await handler.plan(item.payload)) ?? null;
        await journal.record({ plan });
      }
      await handler.execute(plan, journal);
      this.counts.answered++;
      if (journal.held) await this.options.inbox.done(journal.held);
      else if (!held) await this.options.inbox.forget(item.id);
    } catch (err) {
      if (err instanceof LostItem)
        return this.options.log.info("inbox item taken over by another instance", { id: item.id });
      this.counts.failed++;
      // Left in the store: retried after a lease by this or another instance (MAX_TRIES at most).
      this.options.log.warn("inbox item not finished; it stays pending", { id: item.id, kind: item.kind, err });
    }
  }
}

/** The journal of one item: steps recorded in the item as they happen; when the store fails, it goes on unrecorded. */
class ItemJournal implements Journal {
  private readonly counts = new Map<string, number>();
  private readonly itemId: string;

  constructor(
    private readonly inbox: Inbox,
    public held: Held | null,
    itemId: string,
  ) {
    this.itemId = itemId;
  }

  async record(change: Parameters<Inbox["update"]>[1]): Promise<void> {
    if (!this.held) return;
    const id = this.held.item.id;
    try {
      const next = await this.inbox.update(this.held, change);
      if (!next) throw new LostItem(id);
      this.held = next;
    } catch (err) {
      if (err instanceof LostItem) throw err;
      this.held = null; // the store failed: finish from memory
    }
  }

  async step<T>(
    name: string,
    recorded: z.ZodType<T>,
    run: (id: string) => Promise<T>,
    verify?: (id: string) => Promise<T | undefined>,
  ): Promise<T> {
    const n = this.counts.get(name) ?? 0;
    this.counts.set(name, n + 1);
    const key = `${name}#${n}`;
    const id = `${this.itemId}/${key}`;
    const stored = this.held?.item.steps[key];
    const replayed = stored === undefined || stored === STARTED ? undefined : recorded.safeParse(stored);
    if (replayed?.success) return replayed.data;
    if (stored !== undefined && verify) {
      const found = await verify(id);
      if (found !== undefined) {
        await this.record({ steps: { ...this.held?.item.steps, [key]: found ?? null } });
        return found;
      }
    }
    await this.record({ steps: { ...this.held?.item.steps, [key]: STARTED } });
    const value = await run(id);
    await this.record({ steps: { ...this.held?.item.steps, [key]: value ?? null } });
    return value;
  }
}

function waitUntil(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    p.then(done, done);
  });
}
