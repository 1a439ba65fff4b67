/**
 * The ids the engine and the store know Slack things by, encoded and decoded here only: callers
 * never split them on ":". The formats are stored (conversation state, refs, expert threads), so
 * they never change: "slack:T1:U123" (a user), "slack:T1:C123" (a conversation), "slack:T1:C123:
 * 1710000000.000001" (a thread in it), "slack:C123:1710000000.000001" (a post in the experts' channel).
 */

const PREFIX = "slack";

export interface SlackUser {
  team: string;
  user: string;
}

export interface SlackConversation {
  team: string;
  channel: string;
  /** A thread in the channel: its own conversation, so context follows the thread ("and in Canada?"). */
  threadTs?: string;
}

export interface SlackPost {
  channel: string;
  ts: string;
}

export function encodeSlackUser({ team, user }: SlackUser): string {
  return join([team, user]);
}

export function decodeSlackUser(id: string): SlackUser | null {
  const parts = split(id, 2, 2);
  return parts ? { team: parts[0]!, user: parts[1]! } : null;
}

export function encodeSlackConversation({ team, channel, threadTs }: SlackConversation): string {
  return join(threadTs ? [team, channel, threadTs] : [team, channel]);
}

export function decodeSlackConversation(id: string): SlackConversation | null {
  const parts = split(id, 2, 3);
  if (!parts) return null;
  const [team, channel, threadTs] = parts as [string, string, string?];
  return threadTs ? { team, channel, threadTs } : { team, channel };
}

/** A message the bot posted, as the core remembers it (the experts' channel; no team: one workspace). */
export function encodeSlackPost({ channel, ts }: SlackPost): string {
  return join([channel, ts]);
}

export function decodeSlackPost(id: string): SlackPost | null {
  const parts = split(id, 2, 2);
  return parts ? { channel: parts[0]!, ts: parts[1]! } : null;
}

function join(parts: readonly string[]): string {
  return [PREFIX, ...parts].join(":");
}

/** The parts after "slack:", or null unless there are min…max of them and none is empty. */
function split(id: string, min: number, max: number): string[] | null {
  const [prefix, ...parts] = id.split(":");
  if (prefix !== PREFIX || parts.length < min || parts.length > max) return null;
  return parts.every((part) => part.length > 0) ? parts : null;
}
