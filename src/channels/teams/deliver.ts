/**
 * Outbound → Teams messages in the conversation the turn came from (botbuilder replies in the same
 * thread: replyToId is the inbound activity's id). Teams has no ephemeral messages, so "private"
 * replies go to the thread too, except the personal ones (statistics, quiz results): those, and a
 * reply meant for the user's DMs, are delivered in a personal chat and replaced by a pointer to one
 * elsewhere. A question for the experts goes to their channel. A failed send is logged, never thrown.
 */
import type { Activity, TurnContext } from "botbuilder";
import type { Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import type { TeamsExperts } from "./experts.ts";
import { encodeTeamsConversation } from "./ids.ts";
import { isDirect } from "./inbound.ts";
import { send } from "./send.ts";
import { answerActivities } from "./suggested.ts";

/** Commands that reopen a private flow in the personal chat, by the reply's intent (first match, prefix match). */
const POINTER_COMMANDS: readonly { intent: string; command: string }[] = [
  { intent: "assess-history", command: "history" },
  { intent: "assess", command: "assess" },
  { intent: "stats", command: "stats" },
];

/** Replies never shown in a channel or group chat (everyone there would see them): pointed to a personal chat. */
const PERSONAL_ONLY: ReadonlySet<string> = new Set(["stats", "assess-history", "assess-result", "assess-question"]);

/** Said in place of the engine's "passed to the experts" when the experts' channel did not take the question. */
const NOT_FORWARDED =
  "I couldn't reach the experts just now, so your question was not forwarded. Please try again later.";

/** Sends each outbound; returns how many messages Teams accepted. */
export async function deliver(
  context: TurnContext,
  outbound: readonly Outbound[],
  log: Logger,
  experts?: TeamsExperts,
): Promise<number> {
  let sent = 0;
  let notForwarded = false;
  for (const out of outbound) {
    if (out.to === "experts") {
      if (experts && (await experts.forward(context, out))) continue;
      if (!experts)
        log.warn("a question for the experts was dropped: TEAMS_EXPERTS_CONVERSATION is not set", {
          conversation: encodeTeamsConversation(context.activity.conversation.id),
        });
      notForwarded = true;
      if (await send(context, { type: "message", text: NOT_FORWARDED }, log)) sent++;
      continue;
    }
    if (notForwarded && out.reply.intent === "expert-forwarded") continue;
    const activities = pointed(context.activity, out)
      ? [pointerActivity(context.activity, out.reply)]
      : answerActivities(out.reply, isDirect(context.activity) ? context.activity.from?.id : undefined);
    for (const activity of activities) {
      if (await send(context, activity, log)) sent++;
      else break;
    }
  }
  return sent;
}

/** A reply kept out of a shared conversation: sent as a pointer to a personal chat instead. */
export function pointed(activity: Activity, out: Outbound): boolean {
  if (isDirect(activity)) return false;
  return out.to === "dm" || PERSONAL_ONLY.has(out.reply.intent);
}

/** "Open a chat with me (careerfaq) and type assess there", with a deep link to that chat in Teams. */
export function pointerActivity(inbound: Pick<Activity, "recipient">, reply: Reply): Partial<Activity> {
  const name =
    (inbound.recipient?.name ?? "")
      .replace(/[^\p{L}\p{N} ._-]/gu, "")
      .trim()
      .slice(0, 40) || "careerfaq";
  const command = POINTER_COMMANDS.find(
    (p) => reply.intent === p.intent || reply.intent.startsWith(`${p.intent}-`),
  )?.command;
  const what = command ? `and type **${command}** there` : "to see this in private";
  const botId = inbound.recipient?.id ?? "";
  const link = botId.startsWith("28:")
    ? ` [Open the chat](https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)})`
    : "";
  return { type: "message", textFormat: "markdown", text: `Open a chat with me (${name}) ${what}.${link}` };
}
