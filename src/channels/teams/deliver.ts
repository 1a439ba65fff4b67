/**
 * Outbound → Teams messages in the conversation the turn came from (botbuilder replies in the same
 * thread: replyToId is the inbound activity's id). Teams has no ephemeral messages, so "private"
 * replies go to the thread too; a reply meant for the user's DMs is delivered in a personal chat and
 * replaced by a pointer to one elsewhere. A failed send is logged, never thrown.
 */
import type { Activity, TurnContext } from "botbuilder";
import type { Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { isDirect } from "./inbound.ts";
import { replyActivities } from "./render.ts";

/** Commands that reopen a private flow in the personal chat, by the reply's intent (prefix match). */
const POINTER_COMMANDS: readonly { intent: string; command: string }[] = [
  { intent: "assess", command: "assess" },
  { intent: "history", command: "history" },
  { intent: "stats", command: "stats" },
];

/** Sends each outbound; returns how many messages Teams accepted. */
export async function deliver(context: TurnContext, outbound: readonly Outbound[], log: Logger): Promise<number> {
  let sent = 0;
  for (const out of outbound) {
    const activities = out.to === "dm" && !isDirect(context.activity) ? [pointerActivity(context.activity, out.reply)] : replyActivities(out.reply);
    for (const activity of activities) {
      if (await send(context, activity, log)) sent++;
      else break;
    }
  }
  return sent;
}

export async function send(context: TurnContext, activity: Partial<Activity>, log: Logger): Promise<boolean> {
  try {
    await context.sendActivity(activity);
    return true;
  } catch (err) {
    log.warn("Teams did not accept a reply", {
      code: "CHANNEL_FAILED",
      status: (err as { statusCode?: number }).statusCode,
      conversation: `teams:${context.activity.conversation.id}`,
      err,
    });
    return false;
  }
}

/** "Open a chat with me (careerfaq) and type assess there", with a deep link to that chat in Teams. */
export function pointerActivity(inbound: Pick<Activity, "recipient">, reply: Reply): Partial<Activity> {
  const name = (inbound.recipient?.name ?? "").replace(/[^\p{L}\p{N} ._-]/gu, "").trim().slice(0, 40) || "careerfaq";
  const command = POINTER_COMMANDS.find((p) => reply.intent === p.intent || reply.intent.startsWith(`${p.intent}-`))?.command;
  const what = command ? `and type **${command}** there` : "to see this in private";
  const botId = inbound.recipient?.id ?? "";
  const link = botId.startsWith("28:") ? ` [Open the chat](https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)})` : "";
  return { type: "message", textFormat: "markdown", text: `Open a chat with me (${name}) ${what}.${link}` };
}
