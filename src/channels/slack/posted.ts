/**
 * Finding an answer already posted: answers sent from the inbox carry their journal step in message
 * metadata, so a step resumed after a crash (its call was in flight) asks Slack whether the message
 * is there (conversations.replies in a thread, conversations.history otherwise) before posting again.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log.ts";

/** Message metadata on answers posted from the inbox: which step posted it, so a resumed step finds it. */
const STEP_EVENT = "careerfaq_answer";
export const stepMetadata = (step: string) => ({ event_type: STEP_EVENT, event_payload: { step } });

/** A message this step posted before a crash, found by its metadata; undefined when not found. */
export async function findPosted(
  client: webApi.WebClient,
  log: Logger,
  args: Record<string, unknown>,
  step: string,
): Promise<Record<string, unknown> | undefined> {
  const channel = args.channel as string;
  const threadTs = args.thread_ts as string | undefined;
  try {
    const result = (await client.apiCall(threadTs ? "conversations.replies" : "conversations.history", {
      channel,
      ...(threadTs ? { ts: threadTs } : {}),
      include_all_metadata: true,
      limit: 200,
    })) as { messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: { step?: unknown } } }[] };
    const found = result.messages?.find(
      (m) => m.metadata?.event_type === STEP_EVENT && m.metadata.event_payload?.step === step,
    );
    return found ? { ok: true, ts: found.ts, channel } : undefined;
  } catch (err) {
    log.debug("could not check whether a message was posted before a restart; posting it", { err });
    return undefined;
  }
}
