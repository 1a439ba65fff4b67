/**
 * The bot's own KPIs, the balanced set the sources recommend for a service: answer, clarification and
 * decline rates, helpful ratio (overall and per intent), top intents, top unanswered questions,
 * repeat-question rate, quizzes started and completed. Counters are kept per day in the store, so
 * a report covers any period, and several processes sharing a store add up.
 *
 * Aggregates only: a question's text is shown only once at least MIN_USERS distinct people asked it.
 */

import { ownerOf } from "./assessment/machine.ts";
import type { Clock, Store } from "./store.ts";
import type { Block, Fact, Reply } from "./types.ts";

export const MIN_USERS = 5;
const DAY_MS = 24 * 3600_000;

export const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const stat = (d: string, name: string) => `stats:${d}:${name}`;

/** A question's identity: a hash of its normalised text (keys stay short, whatever the message). */
export function questionId(normalized: string): string {
  return `${ownerOf(normalized)}${normalized.length.toString(36)}`;
}

export class Metrics {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** One routed message: its outcome, and for declines and clarifications the question itself. */
  async message(
    user: string,
    outcome: "answer" | "clarify" | "decline",
    intent: string,
    normalized: string,
    reason?: string,
  ): Promise<void> {
    const d = day(this.clock());
    await this.store.increment(stat(d, `outcome:${outcome}`));
    if (outcome === "answer") {
      await this.store.increment(stat(d, `intent:${intent}`));
      // Asking for the same answer again the same day suggests the first one did not help.
      const seen = `user:${user}:asked:${d}:${intent}`;
      if (!(await this.store.setIfAbsent(seen, "1", 2 * DAY_MS))) await this.store.increment(stat(d, "repeats"));
      return;
    }
    if (normalized === "") return;
    const q = questionId(normalized);
    await this.store.increment(stat(d, `unanswered:${q}`));
    const key = `unanswered:${q}`;
    for (let i = 0; i < 5; i++) {
      const raw = await this.store.get(key);
      const now = this.clock();
      const prior = raw ? (JSON.parse(raw) as UnansweredRecord) : undefined;
      const next: UnansweredRecord = {
        text: normalized.slice(0, 200),
        outcome,
        reason,
        first: prior?.first ?? now,
        last: now,
        count: (prior?.count ?? 0) + 1,
      };
      if (await this.store.compareAndSet(key, raw, JSON.stringify(next))) break;
    }
    const asker = `unanswered:${q}:user:${ownerOf(user)}`;
    if (await this.store.setIfAbsent(asker, "1")) await this.store.append(`user:${user}:refs`, asker);
  }

  async vote(intent: string, vote: "up" | "down", previous?: "up" | "down"): Promise<void> {
    if (previous === vote) return;
    const d = day(this.clock());
    if (previous) {
      await this.store.increment(stat(d, `vote:${previous}`), -1);
      await this.store.increment(stat(d, `vote:${intent}:${previous}`), -1);
    }
    await this.store.increment(stat(d, `vote:${vote}`));
    await this.store.increment(stat(d, `vote:${intent}:${vote}`));
  }

  async reason(reason: string): Promise<void> {
    await this.store.increment(stat(day(this.clock()), `reason:${reason}`));
  }

  async quiz(event: "started" | "completed"): Promise<void> {
    await this.store.increment(stat(day(this.clock()), `quiz:${event}`));
  }

  /** Sums every counter over the last `days` days (today included). */
  async report(days: number): Promise<Report> {
    const now = this.clock();
    const totals = new Map<string, number>();
    for (let i = 0; i < days; i++) {
      const d = day(now - i * DAY_MS);
      for (const key of await this.store.keys(`stats:${d}:`)) {
        const n = Number((await this.store.get(key)) ?? 0);
        const name = key.slice(`stats:${d}:`.length);
        totals.set(name, (totals.get(name) ?? 0) + n);
      }
    }
    const get = (name: string) => totals.get(name) ?? 0;
    const sum = (prefix: string) =>
      [...totals].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v] as const);
    const unanswered: Report["unanswered"] = [];
    for (const [q, count] of sum("unanswered:")) {
      const raw = await this.store.get(`unanswered:${q}`);
      const users = (await this.store.keys(`unanswered:${q}:user:`)).length;
      const rec = raw ? (JSON.parse(raw) as UnansweredRecord) : undefined;
      unanswered.push({ text: users >= MIN_USERS && rec ? rec.text : null, count, users, last: rec?.last ?? 0 });
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

interface UnansweredRecord {
  text: string;
  outcome: string;
  reason?: string;
  first: number;
  last: number;
  count: number;
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
  unanswered: { text: string | null; count: number; users: number; last: number }[];
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
      items: shown.map((u) => ({ text: `"${u.text}": ${u.count} time${u.count === 1 ? "" : "s"}, ${u.users} people` })),
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
