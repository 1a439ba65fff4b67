/**
 * 👍/👎 on answers. A vote is stored per user per answer (a changed vote replaces the old one) with
 * the intent, the normalised question, the channel kind and the time; after 👎 the user may add a
 * reason. Counters for the bot's own KPIs are kept by src/core/metrics.ts.
 */
import { z } from "zod";
import { jsonCodec, versioned } from "./codec.ts";
import { keys } from "./keys.ts";
import {
  feedbackTarget,
  REASON_IDS,
  type ReasonId,
  type ReasonPayload,
  reasonPayload,
  type VotePayload,
} from "./payloads.ts";
import type { Clock, Store } from "./store.ts";
import { ACTIONS, type Block, type Inbound, type Reply } from "./types.ts";

export const REASONS = [
  { id: "wrong", label: "Wrong" },
  { id: "incomplete", label: "Incomplete" },
  { id: "outdated", label: "Out of date" },
  { id: "not-asked", label: "Not what I asked" },
] as const satisfies readonly { id: ReasonId; label: string }[];

const VoteSchema = z.object({
  vote: z.enum(["up", "down"]),
  reason: z.enum(REASON_IDS).optional(),
  intent: z.string(),
  answer: z.string(),
  question: z.string(),
  channel: z.string(),
  at: z.number(),
});
export type Vote = z.infer<typeof VoteSchema>;
/** Version 1; votes stored before versioning (bare JSON) are version 0, with the same shape. */
export const voteCodec = versioned(1, jsonCodec(VoteSchema), { 0: (old) => old });

/** The feedback block under an answer: the answer's identity ("salary?country=UK") and the question asked. */
export function feedbackBlock(answer: string, normalizedQuestion: string): Block {
  const intent = answer.split("?")[0] ?? answer;
  return { type: "feedback", value: feedbackTarget.encode({ answer, intent, question: normalizedQuestion }) };
}

/** Votes live under the user's prefix, so "forget me" deletes them with everything else. */
export function voteKey(user: string, answer: string): string {
  return keys.vote(user, answer);
}

/**
 * Records a vote, replacing the user's earlier vote on the same answer, with compare-and-set (two
 * clicks racing: one wins, the other retries from it); returns the previous vote, if any.
 */
export async function recordVote(
  store: Store,
  clock: Clock,
  inbound: Inbound,
  { vote, target: parsed }: VotePayload,
): Promise<{ previous?: Vote; stored: Vote }> {
  const key = voteKey(inbound.user, parsed.answer);
  const stored: Vote = {
    vote,
    intent: parsed.intent,
    answer: parsed.answer,
    question: parsed.question,
    channel: inbound.channel,
    at: clock(),
  };
  for (let attempt = 0; attempt < 8; attempt++) {
    const raw = await store.get(key);
    const previous = voteCodec.decode(raw);
    if (await store.compareAndSet(key, raw, voteCodec.encode(stored)))
      return previous ? { previous, stored } : { stored };
  }
  throw new Error("feedback: too many concurrent votes on one answer");
}

/** Adds the reason to the user's 👎 on that answer (atomically); null when there is no such 👎. */
export async function recordReason(
  store: Store,
  inbound: Inbound,
  { reason, target: parsed }: ReasonPayload,
): Promise<Vote | null> {
  const key = voteKey(inbound.user, parsed.answer);
  for (let attempt = 0; attempt < 8; attempt++) {
    const raw = await store.get(key);
    const vote = voteCodec.decode(raw);
    if (vote?.vote !== "down") return null;
    const next: Vote = { ...vote, reason };
    if (await store.compareAndSet(key, raw, voteCodec.encode(next))) return next;
  }
  throw new Error("feedback: too many concurrent updates to one vote");
}

export function thanksReply({ vote, target }: VotePayload, changed: boolean): Reply {
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
      buttons: REASONS.map((r) => ({
        label: r.label,
        action: ACTIONS.feedbackReason,
        value: reasonPayload.encode({ reason: r.id, target }),
      })),
    });
  }
  return { outcome: "answer", intent: "feedback", confidence: 1, blocks };
}
