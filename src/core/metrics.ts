/**
 * The bot's own KPIs, the balanced set the sources recommend for a service: answer, clarification and
 * decline rates, helpful ratio (overall and per intent), top intents, top unanswered questions,
 * repeat-question rate, quizzes started and completed. Counters are kept per day in the store, so
 * a report covers any period, and several processes sharing a store add up.
 *
 * Aggregates only: a question's text is shown only once at least MIN_USERS distinct people asked it.
 */

import { z } from "zod";
import { ownerOf } from "./assessment/machine.ts";
import { expiring, jsonCodec, type Stored, versioned } from "./codec.ts";
import { keys } from "./keys.ts";
import type { Clock, Store } from "./store.ts";
import type { Block, Fact, Outcome, Reply } from "./types.ts";

export const MIN_USERS = 5;
const DAY_MS = 24 * 3600_000;
/** An unanswered question's text is kept a little longer than the longest report (366 days) covers. */
const UNANSWERED_KEPT_MS = 400 * DAY_MS;

export const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A question's identity: a hash of its normalised text (keys stay short, whatever the message). */
export function questionId(normalized: string): string {
  return `${ownerOf(normalized)}${normalized.length.toString(36)}`;
}

const UnansweredSchema = z.object({
  text: z.string(),
  outcome: z.string(),
  reason: z.string().optional(),
  /** For a follow-up that could not be read in its context: the topic of the turn before it. */
  after: z.string().optional(),
  first: z.number(),
  last: z.number(),
  count: z.number(),
});
type UnansweredRecord = z.infer<typeof UnansweredSchema>;
/** Version 1; records written before versioning (bare JSON) read as version 0, which has the same shape. */
export const unansweredCodec = versioned(1, jsonCodec(UnansweredSchema), { 0: (old) => old });

/**
 * Counters and the unanswered-question log. Best-effort by design: recording never throws and is
 * never awaited by an answer (a failed or hung store costs the counters, not the reply). `report`
 * waits for what is still being recorded, so a report includes every turn before it.
 */
export class Metrics {
  private readonly pending = new Set<Promise<void>>();
  private readonly unanswered: Stored<UnansweredRecord>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.unanswered = expiring(store, unansweredCodec, UNANSWERED_KEPT_MS);
  }

  /** One routed message: its outcome, and for declines and clarifications the question itself. */
  message(user: string, outcome: Outcome, intent: string, normalized: string, reason?: string, after?: string): void {
    this.track(this.recordMessage(user, outcome, intent, normalized, reason, after));
  }

  vote(intent: string, vote: "up" | "down", previous?: "up" | "down"): void {
    this.track(this.recordVote(intent, vote, previous));
  }

  reason(reason: string): void {
    this.track(this.count(`reason:${reason}`));
  }

  quiz(event: "started" | "completed"): Promise<void> {
    this.track(this.count(`quiz:${event}`));
    return Promise.resolve();
  }

  /** Resolves once everything recorded so far is written (or failed). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(work: Promise<void>): void {
    const p = work.catch(this.onError).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  private async count(name: string, by = 1, at = this.clock()): Promise<void> {
    await this.store.increment(keys.stat(day(at), name), by);
  }

  private async recordMessage(
    user: string,
    outcome: Outcome,
    intent: string,
    normalized: string,
    reason?: string,
    after?: string,
  ): Promise<void> {
    const d = day(this.clock());
    await this.count(`outcome:${outcome}`);
    // "hello", "thanks": neither an answer nor a question left unanswered.
    if (outcome === "chat") return;
    if (outcome === "answer") {
      await this.count(`intent:${intent}`);
      // Asking for the same answer again the same day suggests the first one did not help.
      if (!(await this.store.setIfAbsent(keys.asked(user, d, intent), "1", 2 * DAY_MS))) await this.count("repeats");
      return;
    }
    if (normalized === "") return;
    const q = questionId(normalized);
    await this.count(`unanswered:${q}`);
    const key = keys.unanswered(q);
    for (let i = 0; i < 5; i++) {
      const { value: prior, raw } = await this.unanswered.read(key);
      const now = this.clock();
      const next: UnansweredRecord = {
        text: normalized.slice(0, 200),
        outcome,
        ...(reason ? { reason } : {}),
        ...(after ? { after } : {}),
        first: prior?.first ?? now,
        last: now,
        count: (prior?.count ?? 0) + 1,
      };
      if (await this.unanswered.compareAndSet(key, raw, next)) break;
    }
    // Who asked: one key per person, listed in their refs so that "forget me" finds it.
    const asker = keys.unansweredAsker(q, ownerOf(user));
    await this.store.commit(
      [
        { kind: "set", key: asker, value: "1" },
        { kind: "append", key: keys.refs(user), value: asker },
      ],
      { key: asker, expected: undefined },
    );
  }

  private async recordVote(intent: string, vote: "up" | "down", previous?: "up" | "down"): Promise<void> {
    if (previous === vote) return;
    if (previous) {
      await this.count(`vote:${previous}`, -1);
      await this.count(`vote:${intent}:${previous}`, -1);
    }
    await this.count(`vote:${vote}`);
    await this.count(`vote:${intent}:${vote}`);
  }

  /** Sums every counter over the last `days` days (today included). */
  async report(days: number): Promise<Report> {
    await this.settled();
    const now = this.clock();
    const totals = new Map<string, number>();
    for (let i = 0; i < days; i++) {
      const d = day(now - i * DAY_MS);
      for (const key of await this.store.keys(keys.statsDay(d))) {
        const n = Number((await this.store.get(key)) ?? 0);
        const name = key.slice(keys.statsDay(d).length);
        totals.set(name, (totals.get(name) ?? 0) + n);
      }
    }
    const get = (name: string) => totals.get(name) ?? 0;
    const sum = (prefix: string) =>
      [...totals]
        .filter(([k, v]) => k.startsWith(prefix) && v !== 0)
        .map(([k, v]) => [k.slice(prefix.length), v] as const);
    const unanswered: Report["unanswered"] = [];
    for (const [q, count] of sum("unanswered:")) {
      const rec = await this.unanswered.get(keys.unanswered(q));
      const users = (await this.store.keys(keys.unansweredAskers(q))).length;
      unanswered.push({
        text: users >= MIN_USERS && rec ? rec.text : null,
        count,
        users,
        last: rec?.last ?? 0,
        ...(rec?.after ? { after: rec.after } : {}),
      });
    }
    unanswered.sort((a, b) => b.count - a.count || b.last - a.last);
    const votesByIntent = new Map<string, { up: number; down: number }>();
    for (const [k, v] of sum("vote:")) {
      const [intent, which] = k.split(":");
      if (!which) continue;
      const e = votesByIntent.get(intent!) ?? { up: 0, down: 0 };
      e[which as "up" | "down"] += v;
      votesByIntent.set(intent!, e);
    }
    return {
      days,
      from: day(now - (days - 1) * DAY_MS),
      to: day(now),
      answered: get("outcome:answer"),
      clarified: get("outcome:clarify"),
      declined: get("outcome:decline"),
      repeats: get("repeats"),
      up: get("vote:up"),
      down: get("vote:down"),
      intents: sum("intent:").sort((a, b) => b[1] - a[1]),
      reasons: sum("reason:").sort((a, b) => b[1] - a[1]),
      votesByIntent: [...votesByIntent].sort((a, b) => b[1].up + b[1].down - (a[1].up + a[1].down)),
      unanswered,
      quizStarted: get("quiz:started"),
      quizCompleted: get("quiz:completed"),
    };
  }
}

export interface Report {
  days: number;
  from: string;
  to: string;
  answered: number;
  clarified: number;
  declined: number;
  repeats: number;
  up: number;
  down: number;
  intents: (readonly [string, number])[];
  votesByIntent: [string, { up: number; down: number }][];
  /** Reasons given after 👎. */
  reasons: (readonly [string, number])[];
  /** text is null when fewer than MIN_USERS distinct people asked it. */
  unanswered: { text: string | null; count: number; users: number; last: number; after?: string }[];
  quizStarted: number;
  quizCompleted: number;
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${Math.round((100 * n) / d)}%`);

export function reportReply(r: Report): Reply {
  const messages = r.answered + r.clarified + r.declined;
  const votes = r.up + r.down;
  const facts: Fact[] = [
    { label: "Questions", value: String(messages) },
    { label: "Answer rate", value: `${pct(r.answered, messages)} (${r.answered})` },
    { label: "Clarification rate", value: `${pct(r.clarified, messages)} (${r.clarified})` },
    { label: "Decline rate", value: `${pct(r.declined, messages)} (${r.declined})` },
    { label: "Helpful (👍 of all votes)", value: `${pct(r.up, votes)} (${r.up} 👍, ${r.down} 👎)` },
    { label: "Repeat-question rate", value: `${pct(r.repeats, r.answered)} (${r.repeats} asked again the same day)` },
    {
      label: "Self-assessments",
      value: `${r.quizStarted} started, ${r.quizCompleted} completed (${pct(r.quizCompleted, r.quizStarted)})`,
    },
  ];
  const blocks: Block[] = [
    {
      type: "heading",
      text: `careerfaq's own KPIs: ${r.from} to ${r.to} (${r.days} day${r.days === 1 ? "" : "s"})`,
      level: 1,
    },
    { type: "facts", facts: facts },
    { type: "heading", text: "Top intents", level: 2 },
    r.intents.length
      ? {
          type: "facts",
          facts: r.intents.slice(0, 8).map(([intent, n]) => ({ label: intent, value: `${n} (${pct(n, r.answered)})` })),
        }
      : { type: "text", text: "No answers in this period." },
  ];
  if (r.votesByIntent.length) {
    blocks.push({ type: "heading", text: "Helpful ratio per intent", level: 2 });
    blocks.push({
      type: "facts",
      facts: r.votesByIntent
        .slice(0, 8)
        .map(([intent, v]) => ({ label: intent, value: `${pct(v.up, v.up + v.down)} (${v.up} 👍, ${v.down} 👎)` })),
    });
  }
  if (r.reasons.length) {
    blocks.push({ type: "heading", text: "Why answers were marked 👎", level: 2 });
    blocks.push({ type: "facts", facts: r.reasons.map(([reason, n]) => ({ label: reason, value: String(n) })) });
  }
  blocks.push({ type: "heading", text: "Top unanswered questions", level: 2 });
  const shown = r.unanswered.filter((u) => u.text !== null).slice(0, 8);
  const hidden = r.unanswered.filter((u) => u.text === null);
  if (shown.length)
    blocks.push({
      type: "bullets",
      items: shown.map((u) => ({
        text: `"${u.text}"${u.after ? ` (a follow-up to ${u.after})` : ""}: ${u.count} time${u.count === 1 ? "" : "s"}, ${u.users} people`,
      })),
    });
  if (hidden.length) {
    const n = hidden.reduce((s, u) => s + u.count, 0);
    blocks.push({
      type: "text",
      text: `${hidden.length} other question${hidden.length === 1 ? "" : "s"} (${n} time${n === 1 ? "" : "s"}) asked by fewer than ${MIN_USERS} people: counted, not shown.`,
    });
  }
  if (!r.unanswered.length) blocks.push({ type: "text", text: "None in this period." });
  return { outcome: "answer", intent: "stats", confidence: 1, blocks };
}
