/**
 * Teams Activity → the engine's Inbound: who, which conversation, personal chat or not, and either
 * the text (with the bot's @mention, any other <at> tags and HTML removed) or the button that was clicked.
 */
import { type Activity, TurnContext } from "botbuilder";
import type { Inbound } from "../../core/types.ts";
import { readSubmit } from "./cards.ts";
import { encodeTeamsConversation, encodeTeamsUser } from "./ids.ts";
import { TEAMS_LIMITS } from "./limits.ts";
import { teamsToPlain } from "./text.ts";

export interface InboundOptions {
  /** TEAMS_ADMIN_IDS: Microsoft Entra object ids or Teams user ids ("29:…"). */
  adminIds: readonly string[];
}

export function conversationKey(activity: Pick<Activity, "conversation">): string {
  return encodeTeamsConversation(activity.conversation.id);
}

/** A personal (1:1) chat. The Emulator and Web Chat send no conversationType: they are 1:1 too. */
export function isDirect(activity: Pick<Activity, "conversation">): boolean {
  const { conversationType, isGroup } = activity.conversation;
  return conversationType === "personal" || (conversationType === undefined && isGroup !== true);
}

/** A message or a card submit as Inbound; null when it carries neither (another app's card data). */
export function toInbound(activity: Activity, options: InboundOptions): Inbound | null {
  const from = activity.from;
  const base = {
    channel: "teams" as const,
    conversation: conversationKey(activity),
    user: encodeTeamsUser(from.aadObjectId ?? from.id),
    direct: isDirect(activity),
    // botbuilder cannot open a personal chat in local mode: the adapter points the user there instead.
    canDm: false,
    admin: options.adminIds.some((id) => id === from.id || id === from.aadObjectId),
    ...(typeof from.name === "string" && from.name.trim() ? { userName: from.name.trim().slice(0, 100) } : {}),
  };
  const action = readSubmit(activity.value);
  if (action) return { ...base, action };
  const text = messageText(activity);
  if (activity.value !== undefined && activity.value !== null && text === "") return null;
  return { ...base, text };
}

/**
 * The text the user typed: the bot's own mention removed the way botbuilder does it (the mention
 * entity's text), then any <at>…</at> left (another spelling of the bot's name, other people) and
 * HTML tags, HTML entities decoded and whitespace collapsed (text.ts).
 */
export function messageText(activity: Pick<Activity, "text" | "entities" | "recipient">): string {
  if (typeof activity.text !== "string") return "";
  const mentions = (activity.entities ?? []).filter(
    (e) =>
      e?.type === "mention" &&
      typeof e.text === "string" &&
      typeof (e as { mentioned?: { id?: unknown } }).mentioned?.id === "string",
  );
  const stripped =
    TurnContext.removeRecipientMention({ text: activity.text, entities: mentions, recipient: activity.recipient }) ??
    activity.text;
  const text = teamsToPlain(stripped);
  return text.slice(0, TEAMS_LIMITS.inboundTextChars);
}
