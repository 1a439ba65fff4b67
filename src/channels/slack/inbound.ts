/**
 * Slack payloads → what the adapter needs, read defensively from `unknown` (a malformed or
 * unexpected payload gives null or a reason to ignore it, never an exception). The ids the engine
 * knows users and conversations by are ids.ts's.
 */
import { baseActionId } from "./render.ts";
import { slackToPlain } from "./text.ts";

export type Rec = Record<string, unknown>;

export function rec(value: unknown): Rec | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Rec) : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** A mention of the bot, a direct message, or a message in a channel (read for the experts' replies). */
export type MessageKind = "mention" | "dm" | "channel";

/** A user's message: an @-mention in a channel, a direct message, or a channel message. */
export interface MessageIn {
  kind: MessageKind;
  eventId?: string;
  team: string;
  channel: string;
  user: string;
  /** The text with Slack markup removed. */
  text: string;
  ts: string;
  threadTs?: string;
}

export type MessageVerdict = { message: MessageIn } | { ignore: string };

/** Subtypes of a person's channel message that still count as theirs: a thread reply also sent to the channel. */
const HUMAN_CHANNEL_SUBTYPES = new Set(["thread_broadcast"]);

/** Which manifest event a Bolt "message" event is, by its channel_type; undefined for others (group DMs). */
export function messageEventName(body: unknown): "message.im" | "message.channels" | "message.groups" | undefined {
  const type = rec(rec(body)?.event)?.channel_type;
  return type === "im"
    ? "message.im"
    : type === "channel"
      ? "message.channels"
      : type === "group"
        ? "message.groups"
        : undefined;
}

/**
 * Reads an app_mention or message event. Ignored: messages from bots (this one included), every
 * message subtype (edits, deletions, joins, …; in channels a thread_broadcast is a person's reply
 * and is kept), messages of the wrong kind of conversation, and anything malformed.
 */
export function readMessageEvent(body: unknown, kind: MessageKind): MessageVerdict {
  const b = rec(body);
  const event = rec(b?.event);
  if (!b || !event) return { ignore: "malformed" };
  if (event.bot_id !== undefined || event.bot_profile !== undefined) return { ignore: "bot" };
  if (event.subtype !== undefined && !(kind === "channel" && HUMAN_CHANNEL_SUBTYPES.has(String(event.subtype))))
    return { ignore: `subtype:${String(event.subtype)}` };
  if (kind === "dm" && event.channel_type !== "im") return { ignore: "not-a-dm" };
  if (kind === "channel" && event.channel_type !== "channel" && event.channel_type !== "group")
    return { ignore: "not-a-channel" };
  const team = teamOf(b, event);
  const channel = str(event.channel);
  const user = str(event.user);
  const ts = str(event.ts);
  if (!team || !channel || !user || !ts) return { ignore: "malformed" };
  const raw = typeof event.text === "string" ? event.text : "";
  const people = kind === "channel" ? "keep" : "drop";
  let text = slackToPlain(raw, { people });
  if (text.length === 0 && raw.length === 0) text = richTextToPlain(event.blocks, { people });
  const threadTs = str(event.thread_ts);
  return {
    message: { kind, eventId: str(b.event_id), team, channel, user, text, ts, ...(threadTs ? { threadTs } : {}) },
  };
}

/** app_home_opened on the Home tab: who opened it. */
export function readHomeOpened(body: unknown): { team: string; user: string; eventId?: string } | null {
  const b = rec(body);
  const event = rec(b?.event);
  if (!b || !event || event.tab !== "home") return null;
  const team = teamOf(b, event);
  const user = str(event.user);
  return team && user ? { team, user, eventId: str(b.event_id) } : null;
}

export interface CommandIn {
  command: string;
  team: string;
  channel: string;
  user: string;
  userName?: string;
  text: string;
  responseUrl: string;
}

export function readCommand(body: unknown): CommandIn | null {
  const b = rec(body);
  const command = str(b?.command);
  const team = str(b?.team_id);
  const channel = str(b?.channel_id);
  const user = str(b?.user_id);
  const responseUrl = str(b?.response_url);
  if (!b || !command || !team || !channel || !user || !responseUrl) return null;
  const userName = str(b.user_name);
  return {
    command,
    team,
    channel,
    user,
    text: slackToPlain(typeof b.text === "string" ? b.text : ""),
    responseUrl,
    ...(userName ? { userName } : {}),
  };
}

export interface ActionIn {
  team: string;
  user: string;
  userName?: string;
  /** The action id without the suffix the renderer added. */
  actionId: string;
  value: string;
  /** The button's label (quoted when a follow-up answer is shared). */
  label: string;
  /** The conversation of the clicked message; absent for App Home. */
  channel?: string;
  /** The clicked message was ephemeral (only the clicker sees it). */
  ephemeral: boolean;
  messageTs?: string;
  /** The thread the clicked message is in, when it is a reply. */
  threadTs?: string;
  responseUrl?: string;
}

/** The first action of a block_actions payload. */
export function readAction(body: unknown): ActionIn | null {
  const b = rec(body);
  if (b?.type !== "block_actions" || !Array.isArray(b.actions)) return null;
  const action = rec(b.actions[0]);
  const user = rec(b.user);
  const container = rec(b.container) ?? {};
  const message = rec(b.message);
  const userId = str(user?.id);
  const team = str(rec(b.team)?.id) ?? str(user?.team_id);
  const actionId = str(action?.action_id);
  if (!action || !userId || !team || !actionId) return null;
  const value = str(action.value) ?? str(rec(action.selected_option)?.value) ?? "";
  const label = str(rec(action.text)?.text) ?? "";
  const inView = container.type === "view" || rec(b.view) !== undefined;
  const channel = inView ? undefined : (str(rec(b.channel)?.id) ?? str(container.channel_id));
  const messageTs = str(message?.ts) ?? str(container.message_ts);
  const threadTs = str(message?.thread_ts) ?? str(container.thread_ts);
  const responseUrl = str(b.response_url);
  const userName = str(user?.name) ?? str(user?.username);
  return {
    team,
    user: userId,
    actionId: baseActionId(actionId),
    value,
    label,
    ephemeral: container.is_ephemeral === true,
    ...(userName ? { userName } : {}),
    ...(channel ? { channel } : {}),
    ...(messageTs ? { messageTs } : {}),
    ...(threadTs && threadTs !== messageTs ? { threadTs } : {}),
    ...(responseUrl ? { responseUrl } : {}),
  };
}

/** The workspace an event belongs to (the installation's team, in Enterprise Grid too). */
function teamOf(body: Rec, event: Rec): string | undefined {
  const auth = Array.isArray(body.authorizations) ? rec(body.authorizations[0]) : undefined;
  return str(body.team_id) ?? str(auth?.team_id) ?? str(event.team);
}

/** Rich text deeper or larger than this is cut there (Slack's own messages stay far below both). */
export const RICH_TEXT_LIMITS = { depth: 32, nodes: 10_000 } as const;

/**
 * Plain text from rich_text blocks (used when an event has no `text`); mentions of people are dropped
 * unless kept. Walked iteratively (no recursion): a hostile payload nested thousands of levels deep
 * cannot overflow the stack; past RICH_TEXT_LIMITS the rest is ignored.
 */
export function richTextToPlain(blocks: unknown, options: { people?: "drop" | "keep" } = {}): string {
  const out: string[] = [];
  // A stack of nodes still to visit, in reverse order; "\n" markers close sections.
  const stack: { node: unknown; depth: number }[] = [{ node: blocks, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited++ < RICH_TEXT_LIMITS.nodes) {
    const { node, depth } = stack.pop()!;
    if (typeof node === "string") {
      out.push(node);
      continue;
    }
    if (depth > RICH_TEXT_LIMITS.depth) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], depth: depth + 1 });
      continue;
    }
    const n = rec(node);
    if (!n) continue;
    const leaf = leafText(n, options);
    if (leaf !== undefined) {
      out.push(leaf);
      continue;
    }
    if (n.type === "rich_text_section" || n.type === "rich_text_preformatted" || n.type === "rich_text_quote")
      stack.push({ node: "\n", depth });
    stack.push({ node: n.elements, depth: depth + 1 });
  }
  return out
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** The text of a leaf element; undefined for containers. */
function leafText(n: Rec, options: { people?: "drop" | "keep" }): string | undefined {
  switch (n.type) {
    case "text":
      return typeof n.text === "string" ? n.text : "";
    case "link":
      return str(n.text) ?? str(n.url) ?? "";
    case "emoji":
      return `:${str(n.name) ?? ""}:`;
    case "user":
      return options.people === "keep" ? `@${str(n.user_id) ?? "someone"}` : "";
    case "usergroup":
    case "broadcast":
      return "";
    default:
      return undefined;
  }
}

/**
 * A copy of a parsed payload cut at `maxDepth` levels (deeper values become null), made iteratively:
 * what is kept of a hostile, deeply nested payload can be serialised (JSON.stringify recurses).
 */
export function boundedCopy(value: unknown, maxDepth = 64): unknown {
  const root: { v: unknown } = { v: null };
  const stack: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [
    { from: value, into: root as unknown as Record<string, unknown>, key: "v", depth: 0 },
  ];
  while (stack.length > 0) {
    const { from, into, key, depth } = stack.pop()!;
    let copy: unknown = from;
    if (from !== null && typeof from === "object") {
      if (depth >= maxDepth) copy = null;
      else if (Array.isArray(from)) {
        const arr: unknown[] = new Array(from.length);
        for (const [i, item] of from.entries()) stack.push({ from: item, into: arr, key: i, depth: depth + 1 });
        copy = arr;
      } else {
        const obj: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(from)) stack.push({ from: item, into: obj, key: k, depth: depth + 1 });
        copy = obj;
      }
    }
    (into as Record<string | number, unknown>)[key] = copy;
  }
  return root.v;
}
