/**
 * The work after the ack (engine, rendering, posting) runs here, behind the acks. Answers start
 * from setImmediate, so requests already waiting on the event loop are acked first; when a loop
 * turn brought many new events (a burst), only one answer starts in it, otherwise up to `perTurn`.
 * Under a burst acks stay fast and answers follow as it eases. drain() waits for all of it (stop()).
 */
import type { Logger } from "../../log.ts";

export interface AnswerQueueOptions {
  /** Answers in flight at once (each mostly waits on the Web API). */
  concurrency?: number;
  /** Answers started per event-loop turn when the loop is not busy acking. */
  perTurn?: number;
  /** More new events than this in one loop turn means a burst: one answer per turn. */
  burst?: number;
  /** Answers waiting beyond this are dropped (logged): a sign of overload, not of normal bursts. */
  maxWaiting?: number;
}

export class AnswerQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private head = 0;
  private readonly running = new Set<Promise<void>>();
  private scheduled = false;
  private arrived = 0;
  private dropped = 0;
  private idle: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly perTurn: number;
  private readonly burst: number;
  private readonly maxWaiting: number;

  constructor(
    private readonly log: Logger,
    options: AnswerQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 64;
    this.perTurn = options.perTurn ?? 8;
    this.burst = options.burst ?? 4;
    this.maxWaiting = options.maxWaiting ?? 50_000;
  }

  get size(): number {
    return this.waiting.length - this.head + this.running.size;
  }

  push(work: () => Promise<void>): void {
    if (this.waiting.length - this.head >= this.maxWaiting) {
      if (this.dropped++ % 1000 === 0)
        this.log.error("Slack answers are far behind: dropping new work (overload)", {
          waiting: this.waiting.length - this.head,
          dropped: this.dropped,
        });
      return;
    }
    this.arrived++;
    this.waiting.push(work);
    this.schedule();
  }

  /** Drops the work not started yet (shutdown); returns how much. Work already running goes on. */
  clear(): number {
    const dropped = this.waiting.length - this.head;
    this.waiting.length = 0;
    this.head = 0;
    if (this.size === 0) for (const resolve of this.idle.splice(0)) resolve();
    return dropped;
  }

  /** Resolves when nothing is waiting or running. */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.waiting.length || this.running.size >= this.concurrency) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const starts = this.arrived > this.burst ? 1 : this.perTurn;
    this.arrived = 0;
    for (let i = 0; i < starts && this.head < this.waiting.length && this.running.size < this.concurrency; i++)
      this.start(this.waiting[this.head++]!);
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    this.schedule();
  }

  private start(work: () => Promise<void>): void {
    const p: Promise<void> = Promise.resolve()
      .then(work)
      .catch((err) => this.log.error("Slack turn failed after the ack", { err }))
      .finally(() => {
        this.running.delete(p);
        this.schedule();
        if (this.size === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    this.running.add(p);
  }
}
