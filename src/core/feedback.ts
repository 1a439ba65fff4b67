/**
 * 👍/👎 on answers. A vote is stored per user per answer (a changed vote replaces the old one) with
 * the intent, the normalised question, the channel kind and the time; after 👎 the user may add a
 * reason. Counters for the bot's own KPIs are kept by src/core/metrics.ts.
 */
import type { Clock, Store } from "./store.ts";
import { ACTIONS, type Block, type Inbound, type Reply } from "./types.ts";

export const REASONS = [
  { id: "wrong", label: "Wrong" },
  { id: "incomplete", label: "Incomplete" },
  { id: "outdated", label: "Out of date" },
  { id: "not-asked", label: "Not what I asked" },
] as const;
export type ReasonId = (typeof REASONS)[number]["id"];

export interface Vote {
  vote: "up" | "down";
  reason?: ReasonId;
  intent: string;
  answer: string;
  question: string;
  channel: string;
  at: number;
}

/** The feedback block under an answer: the answer's identity ("salary?country=UK") and the question asked. */
export function feedbackBlock(answer: string, normalizedQuestion: string): Block {
  return { type: "feedback", value: `${answer}~${normalizedQuestion.slice(0, 150)}` };
}

/** "salary?country=UK~salary in the uk" → parts; null when malformed. */
export function parseFeedbackValue(value: string): { answer: string; intent: string; question: string } | null {
  if (value.length > 400) return null;
  const cut = value.indexOf("~");
  const answer = cut >= 0 ? value.slice(0, cut) : value;
  const question = cut >= 0 ? value.slice(cut + 1) : "";
  const intent = answer.split("?")[0] ?? "";
  if (!/^[a-z0-9-]{1,40}$/.test(intent) || /[^a-z0-9 ]/.test(question)) return null;
  return { answer, intent, question };
}

/** Votes live under the user's prefix, so "forget me" deletes them with everything else. */
export function voteKey(user: string, answer: string): string {
  return `user:${user}:vote:${answer}`;
}

/** Records a vote (replacing the user's earlier vote on the same answer); returns the previous vote, if any. */
export async function recordVote(
  store: Store,
  clock: Clock,
  inbound: Inbound,
  vote: "up" | "down",
  value: string,
): Promise<{ previous?: Vote; stored: Vote } | null> {
  const parsed = parseFeedbackValue(value);
  if (!parsed) return null;
  const key = voteKey(inbound.user, parsed.answer);
  const raw = await store.get(key);
  const previous = raw ? (JSON.parse(raw) as Vote) : undefined;
  const stored: Vote = {
    vote,
    intent: parsed.intent,
    answer: parsed.answer,
    question: parsed.question,
    channel: inbound.channel,
    at: clock(),
  };
  await store.set(key, JSON.stringify(stored));
  return previous ? { previous, stored } : { stored };
}

export async function recordReason(
  store: Store,
  inbound: Inbound,
  reason: string,
  value: string,
): Promise<Vote | null> {
  const parsed = parseFeedbackValue(value);
  if (!parsed || !REASONS.some((r) => r.id === reason)) return null;
  const key = voteKey(inbound.user, parsed.answer);
  const raw = await store.get(key);
  if (!raw) return null;
  const vote = JSON.parse(raw) as Vote;
  if (vote.vote !== "down") return null;
  vote.reason = reason as ReasonId;
  await store.set(key, JSON.stringify(vote));
  return vote;
}

export function thanksReply(vote: "up" | "down", value: string, changed: boolean): Reply {
  const blocks: Block[] = [
    {
      type: "text",
      text:
        vote === "up"
          ? `Thanks for the 👍${changed ? " (your vote is updated)" : ""}.`
          : `Thanks for the 👎${changed ? " (your vote is updated)" : ""}. What was wrong with it?`,
    },
  ];
  if (vote === "down") {
    blocks.push({
      type: "buttons",
      buttons: REASONS.map((r) => ({ label: r.label, action: ACTIONS.feedbackReason, value: `${r.id}:${value}` })),
    });
  }
  return { outcome: "answer", intent: "feedback", confidence: 1, blocks };
}
