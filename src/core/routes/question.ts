/**
 * A question (every message no route above took): answered in its conversation's context, counted
 * for the KPIs, and where the bot declines and experts are configured, offered to them.
 */
import { expiring } from "../codec.ts";
import type { Conversed } from "../conversation.ts";
import { conversationCodec } from "../conversation.ts";
import { expertButton } from "../experts.ts";
import { keys } from "../keys.ts";
import type { Inbound, Reply } from "../types.ts";
import type { EngineParts, Route } from "./route.ts";

/** Declines that may be forwarded to experts (not attempts to change the bot, not stale buttons). */
const FORWARDABLE = new Set(["other-role", "related-role-pay", "other-country", "off-topic", "not-understood"]);

export const questionRoute: Route = {
  name: "question",
  select: ({ inbound }) => !inbound.action,
  handle: async ({ inbound }, parts) => {
    const { reply, routing, context } = await inContext(inbound, parts);
    if (reply.outcome === "answer" && reply.intent === "assess") return parts.assessor.start(inbound);
    // Best-effort (not awaited, never throws): the answer does not wait for the counters.
    if (routing.declineReason !== "empty")
      parts.metrics.message(
        inbound.user,
        reply.outcome,
        reply.intent,
        routing.normalized,
        routing.declineReason,
        reply.outcome === "answer" ? undefined : context,
      );
    return [{ reply: forwardable(reply, inbound, parts) ? withExpertButton(reply, inbound) : reply }];
  },
};

function forwardable(reply: Reply, inbound: Inbound, parts: EngineParts): boolean {
  return reply.outcome === "decline" && FORWARDABLE.has(reply.intent) && parts.experts.has(inbound.channel);
}

function withExpertButton(reply: Reply, inbound: Inbound): Reply {
  return { ...reply, blocks: [...reply.blocks, { type: "buttons", buttons: [expertButton(inbound.text ?? "")] }] };
}

/** A message in its conversation: the context is read and kept through the store, best effort. */
async function inContext(inbound: Inbound, parts: EngineParts): Promise<Conversed> {
  const key = keys.conversation(inbound.conversation);
  const context = expiring(parts.store, conversationCodec, parts.conversationTtlMs);
  const previous = (await context.get(key).catch(() => undefined)) ?? null;
  const turn = parts.converse(inbound.text ?? "", previous, parts.clock());
  if (turn.state && turn.state !== previous) {
    const saved = context.set(key, turn.state);
    // The asker's refs list the context, so that "forget me" deletes it.
    const listed = previous ? Promise.resolve() : parts.store.append(keys.refs(inbound.user), key, 1000);
    // Best effort, like the learning loop: without a store the next turn simply has no context.
    await Promise.all([saved, listed]).catch(() => {});
  }
  return turn;
}
