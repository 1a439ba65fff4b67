/**
 * The ids the engine and the store know Teams things by, encoded and decoded here only. A Teams id
 * holds colons of its own ("19:abc@thread.tacv2", "29:1xyz"), so an id is "teams:" and the whole
 * Teams id after it, never split further. The formats are stored, so they never change:
 * "teams:<conversation id>" (a conversation, or a channel thread: "…;messageid=…") and
 * "teams:<Entra object id, or Teams user id>" (a user).
 */

const PREFIX = "teams:";

/** A conversation (a personal chat, a group chat, a channel or one of its threads). */
export function encodeTeamsConversation(conversationId: string): string {
  return `${PREFIX}${conversationId}`;
}

export function decodeTeamsConversation(id: string): string | null {
  return decode(id);
}

/** A user, by their Microsoft Entra object id where Teams sends one (stable across chats), else their Teams id. */
export function encodeTeamsUser(userId: string): string {
  return `${PREFIX}${userId}`;
}

export function decodeTeamsUser(id: string): string | null {
  return decode(id);
}

function decode(id: string): string | null {
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : null;
}
