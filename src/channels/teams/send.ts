/** One activity sent in a turn, its failure logged (never thrown): the replies' and the proactive messages' way out. */
import type { Activity, TurnContext } from "botbuilder";
import type { Logger } from "../../log.ts";
import { encodeTeamsConversation } from "./ids.ts";

/** Sends one activity; what Teams answered (the new message's id), or null when it did not accept it. */
export async function send(
  context: TurnContext,
  activity: Partial<Activity>,
  log: Logger,
): Promise<{ id?: string } | null> {
  try {
    return (await context.sendActivity(activity)) ?? {};
  } catch (err) {
    log.warn("Teams did not accept a reply", {
      code: "CHANNEL_FAILED",
      status: (err as { statusCode?: number }).statusCode,
      conversation: encodeTeamsConversation(context.activity.conversation.id),
      err,
    });
    return null;
  }
}
