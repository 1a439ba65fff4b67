/**
 * Follow-up questions as Teams suggested actions in personal chats: the reply's closing question
 * buttons (up to three, each asking a whole topic) leave the card and become imBack buttons under the
 * last message, which send the question as the user's own message (learn.microsoft.com, "Dynamically
 * guide users with suggested actions": imBack; Teams shows the first three). In channels and group
 * chats the bot only hears messages that mention it, so there they stay card buttons.
 */
import type { Activity, CardAction } from "botbuilder";
import { ACTIONS, type Block, type Button, type Reply } from "../../core/types.ts";
import { TEAMS_LIMITS as L } from "./limits.ts";
import { clip, replyActivities } from "./render.ts";

/** What a "More on …" suggested action sends: the conversation's "more" follow-up. */
export const TELL_ME_MORE = "Tell me more";

/**
 * The index of the reply's closing block of follow-up questions (the last block but the 👍/👎), when
 * typed text can stand for each of its buttons; -1 otherwise.
 */
function followUpIndex(reply: Reply): number {
  const at = reply.blocks.findLastIndex((b) => b.type !== "feedback");
  const block = reply.blocks[at];
  if (block?.type !== "buttons") return -1;
  const typable = (b: Button) => b.action === ACTIONS.more || (b.action === ACTIONS.ask && !b.value.includes("?")); // a slot would be lost in text
  const { buttons } = block;
  return buttons.length > 0 && buttons.length <= L.suggestedActions && buttons.every(typable) ? at : -1;
}

/**
 * The reply's activities; in a personal chat (`user`: the id of the person chatting), its follow-up
 * questions as suggested actions for that person on the last one. "More on …" sends "Tell me more",
 * which the conversation reads as "the whole answer to what I just asked".
 */
export function answerActivities(reply: Reply, user?: string): Partial<Activity>[] {
  const at = user ? followUpIndex(reply) : -1;
  if (at < 0) return replyActivities(reply);
  const followUps = reply.blocks[at] as Extract<Block, { type: "buttons" }>;
  const activities = replyActivities({ ...reply, blocks: reply.blocks.filter((_, i) => i !== at) });
  const actions: CardAction[] = followUps.buttons.map((b) => ({
    type: "imBack",
    title: clip(b.label, L.actionTitleChars),
    value: b.action === ACTIONS.more ? TELL_ME_MORE : b.label,
  }));
  activities[activities.length - 1]!.suggestedActions = { actions, to: [user!] };
  return activities;
}
