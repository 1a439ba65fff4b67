/**
 * Ask an expert: when the bot declines, it can forward the question to a human experts' channel
 * (where one is configured for the asker's platform). The adapter posts it, remembers the thread
 * here, and relays an expert's reply in that thread to the asker by direct message.
 */
import { z } from "zod";
import { jsonCodec } from "./codec.ts";
import { keys } from "./keys.ts";
import { expertPayload, MAX_QUESTION } from "./payloads.ts";
import type { Store } from "./store.ts";
import { ACTIONS, type Button, type Inbound, type Outbound, type Reply } from "./types.ts";

const THREAD_TTL_MS = 30 * 24 * 3600_000;

const ForwardedSchema = z.object({
  /** The asker's user key, conversation key and platform. */
  user: z.string(),
  conversation: z.string(),
  channel: z.string(),
  question: z.string(),
  at: z.number(),
});
export type Forwarded = z.infer<typeof ForwardedSchema>;
const forwardedCodec = jsonCodec(ForwardedSchema);

export function expertButton(question: string): Button {
  return { label: "Ask an expert", action: ACTIONS.expert, value: expertPayload.encode(question) };
}

/** The forwarded question (for the experts' channel, with who asked) and the asker's confirmation. */
export function forwardOutbounds(inbound: Inbound, question: string): Outbound[] {
  const q = question.trim().slice(0, MAX_QUESTION);
  if (!q) return [{ reply: text("forward-empty", "There is no question to forward."), visibility: "private" }];
  return [
    {
      reply: {
        outcome: "answer",
        intent: "expert-question",
        confidence: 1,
        blocks: [
          { type: "heading", text: "A question careerfaq could not answer", level: 2 },
          { type: "text", text: q },
          { type: "text", text: "Reply in this thread and I will pass your answer on to them by direct message." },
        ],
      },
      to: "experts",
      about: { user: inbound.user, userName: inbound.userName, conversation: inbound.conversation, question: q },
    },
    {
      // Where the adapter cannot open DMs (Teams), the answer comes back to the conversation the question came from.
      reply: text(
        "expert-forwarded",
        `I've passed your question to the experts. When one of them replies, I'll send you their answer ${inbound.canDm === false ? "here" : "in a direct message"}.`,
      ),
      visibility: "private",
    },
  ];
}

/**
 * Called by the adapter once the question is posted: `platformThread` identifies that post (e.g.
 * "slack:C1:1712.0001"). The thread and the asker's ref to it (for "forget me") are one commit.
 */
export async function rememberForward(store: Store, platformThread: string, f: Forwarded): Promise<void> {
  const key = keys.expertThread(platformThread);
  await store.commit([
    { kind: "set", key, value: forwardedCodec.encode(f), ttlMs: THREAD_TTL_MS },
    { kind: "append", key: keys.refs(f.user), value: key },
  ]);
}

/** An expert replied in a forwarded thread: who to tell, and what. Null when the thread is not one of ours. */
export async function relay(
  store: Store,
  platformThread: string,
  expertName: string | undefined,
  answer: string,
): Promise<{ asker: Forwarded; reply: Reply } | null> {
  const asker = forwardedCodec.decode(await store.get(keys.expertThread(platformThread)));
  if (!asker || !answer.trim()) return null;
  return {
    asker,
    reply: {
      outcome: "answer",
      intent: "expert-answer",
      confidence: 1,
      blocks: [
        { type: "heading", text: "An expert answered your question", level: 2 },
        { type: "text", text: `You asked: "${asker.question}"` },
        {
          type: "text",
          text: `${expertName ? `${expertName} replied` : "The reply"}: ${answer.trim().slice(0, 2500)}`,
        },
      ],
    },
  };
}

function text(intent: string, t: string): Reply {
  return { outcome: "answer", intent, confidence: 1, blocks: [{ type: "text", text: t }] };
}
