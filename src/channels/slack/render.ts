/**
 * Reply → Block Kit. One exhaustive switch over the engine's block types; every limit comes from
 * SLACK_LIMITS. A reply too long for one message is split into several (at most
 * messagesPerReply, then trimmed with a note); every message carries the plain-text fallback.
 * All text is escaped: our content has no markup, and user text must never ping anyone.
 */
import { citationMarkers, renderText, sourceLine, tableLines } from "../../core/render-text.ts";
import { ACTIONS, type Block, type Button, type Reply } from "../../core/types.ts";
import { SLACK_LIMITS as L, SLACK_BUTTON_STYLES } from "./limits.ts";
import { escapeMrkdwn, splitText, truncate } from "./text.ts";

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}
export interface SlackButton {
  type: "button";
  text: PlainText;
  action_id: string;
  value: string;
  style?: "primary" | "danger";
}
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: SlackButton[] }
  | { type: "divider" };

export interface SlackMessage {
  /** The plain-text fallback (notifications, screen readers); always set. */
  text: string;
  blocks: SlackBlock[];
}

export interface HomeView {
  type: "home";
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Blocks put first in the first message (e.g. "<@U…> asked: …" when an answer is shared). */
  before?: SlackBlock[];
  /** Fallback text put before the reply's own, in the first message. */
  beforeText?: string;
  /** Blocks put last in the last message (e.g. the "Share in channel" button). */
  after?: SlackBlock[];
}

/** A platform action id with the suffix that keeps it unique in a message; stripped by baseActionId. */
const SUFFIX = /#\d+$/;
export function baseActionId(actionId: string): string {
  return actionId.replace(SUFFIX, "");
}

export const FEEDBACK_LABELS = { up: "👍 Helpful", down: "👎 Not helpful" } as const;
const TRIMMED_NOTE = "This answer is too long to show in full here; ask a narrower question to see the rest.";

/** The Slack blocks for one engine block, and the engine block they stand for (for the fallback text). */
interface Unit {
  blocks: SlackBlock[];
  source: Block | null;
}

interface Ctx {
  mark: (cites?: readonly string[]) => string;
  nextAction: () => number;
}

export function renderMessages(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const ctx = context(reply);
  const units = reply.blocks.flatMap((b) => unitsFor(b, ctx)).filter((u) => u.blocks.length > 0);
  const before = options.before ?? [];
  const after = options.after ?? [];
  const capacity = L.blocksPerMessage - after.length;
  const packed = pack(units, capacity, before.length);
  let messages = packed.map((p, i) => {
    const blocks = i === 0 ? [...before, ...p.blocks] : p.blocks;
    const ownText = escapeMrkdwn(renderText({ ...reply, blocks: p.sources }, { buttons: false }));
    const text = i === 0 && options.beforeText ? `${options.beforeText}\n\n${ownText}` : ownText;
    return { text, blocks };
  });
  if (messages.length > L.messagesPerReply) {
    messages = messages.slice(0, L.messagesPerReply);
    const last = messages[messages.length - 1]!;
    if (last.blocks.length >= capacity) last.blocks.pop();
    last.blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: TRIMMED_NOTE }] });
  }
  const last = messages[messages.length - 1]!;
  last.blocks.push(...after);
  for (const m of messages) m.text = truncate(m.text.trim() || fallbackFor(reply), L.messageText);
  return messages;
}

/** The App Home tab: one view, at most blocksPerHome blocks. */
export function renderHome(reply: Reply): HomeView {
  const ctx = context(reply);
  const blocks = reply.blocks.flatMap((b) => unitsFor(b, ctx)).flatMap((u) => u.blocks);
  if (blocks.length > L.blocksPerHome) {
    blocks.length = L.blocksPerHome - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: TRIMMED_NOTE }] });
  }
  return { type: "home", blocks };
}

function context(reply: Reply): Ctx {
  let action = 0;
  return { mark: citationMarkers(reply), nextAction: () => action++ };
}

function fallbackFor(reply: Reply): string {
  return escapeMrkdwn(renderText(reply, { buttons: true })).trim() || "careerfaq";
}

/** One engine block → Slack blocks. Exhaustive: a new block type does not compile until rendered here. */
function unitsFor(block: Block, ctx: Ctx): Unit[] {
  switch (block.type) {
    case "heading":
      if (block.level === 1)
        return [{ blocks: [{ type: "header", text: plain(truncate(block.text, L.headerText)) }], source: block }];
      return [{ blocks: [section(`*${truncate(escapeMrkdwn(block.text), L.sectionText - 2)}*`)], source: block }];
    case "text":
      return [{ blocks: sections(escapeMrkdwn(block.text) + ctx.mark(block.sources)), source: block }];
    case "bullets": {
      const lines = block.items.map(
        (item, i) => `${block.ordered ? `${i + 1}.` : "•"} ${escapeMrkdwn(item.text)}${ctx.mark(item.sources)}`,
      );
      return [{ blocks: sections(lines.join("\n")), source: block }];
    }
    case "facts": {
      const lines = block.facts.map(
        (f) => `• *${escapeMrkdwn(f.label)}:* ${escapeMrkdwn(f.value)}${ctx.mark(f.sources)}`,
      );
      return [{ blocks: sections(lines.join("\n")), source: block }];
    }
    case "table": {
      const [head, ...rows] = tableLines(block.columns, block.rows, ctx.mark).map(escapeMrkdwn);
      return [{ blocks: sections([`*${head}*`, ...rows].join("\n")), source: block }];
    }
    case "sources": {
      const texts =
        block.sources.length === 1
          ? [`Source: ${escapeMrkdwn(sourceLine(block.sources[0]!))}`]
          : block.sources.map((s, i) => `[${i + 1}] ${escapeMrkdwn(sourceLine(s))}`);
      const elements = texts.map((t): Mrkdwn => ({ type: "mrkdwn", text: truncate(t, L.sectionText) }));
      return [
        {
          blocks: chunk(elements, L.contextElements).map((els): SlackBlock => ({ type: "context", elements: els })),
          source: block,
        },
      ];
    }
    case "buttons": {
      const buttons = block.buttons.map((b) => button(b, ctx)).filter((b): b is SlackButton => b !== null);
      if (buttons.length === 0) return [];
      const title: SlackBlock[] = block.title
        ? [section(`*${truncate(escapeMrkdwn(block.title), L.sectionText - 2)}*`)]
        : [];
      return [{ blocks: [...title, ...actions(buttons)], source: block }];
    }
    case "feedback": {
      const buttons = (["up", "down"] as const)
        .map((vote) =>
          button({ label: FEEDBACK_LABELS[vote], action: ACTIONS.feedback, value: `${vote}:${block.value}` }, ctx),
        )
        .filter((b): b is SlackButton => b !== null);
      return buttons.length ? [{ blocks: actions(buttons), source: block }] : [];
    }
    case "divider":
      return [{ blocks: [{ type: "divider" }], source: block }];
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
}

/**
 * Packs units into messages of at most `capacity` blocks (the first has `reserved` fewer). A unit
 * moves to the next message rather than being cut, unless it is larger than a whole message.
 */
function pack(units: Unit[], capacity: number, reserved: number): { blocks: SlackBlock[]; sources: Block[] }[] {
  const out: { blocks: SlackBlock[]; sources: Block[] }[] = [{ blocks: [], sources: [] }];
  const room = () => (out.length === 1 ? capacity - reserved : capacity) - out[out.length - 1]!.blocks.length;
  for (const unit of units) {
    const current = out[out.length - 1]!;
    if (unit.blocks.length > room() && current.blocks.length > 0 && unit.blocks.length <= capacity)
      out.push({ blocks: [], sources: [] });
    let first = true;
    for (const block of unit.blocks) {
      if (room() <= 0) out.push({ blocks: [], sources: [] });
      const target = out[out.length - 1]!;
      target.blocks.push(block);
      if (first && unit.source) target.sources.push(unit.source);
      first = false;
    }
  }
  return out;
}

function button(b: Button, ctx: Ctx): SlackButton | null {
  if (b.value.length > L.buttonValue) return null; // a trimmed value would be a broken button
  const suffix = `#${ctx.nextAction()}`;
  const style = SLACK_BUTTON_STYLES[b.style ?? "default"];
  return {
    type: "button",
    text: plain(truncate(b.label, L.buttonText)),
    action_id: b.action.slice(0, L.actionId - suffix.length) + suffix,
    value: b.value,
    ...(style ? { style } : {}),
  };
}

function actions(buttons: SlackButton[]): SlackBlock[] {
  return chunk(buttons, L.actionsElements).map((elements): SlackBlock => ({ type: "actions", elements }));
}

/** Section blocks for mrkdwn of any length (Slack rejects an empty section, so there is none). */
function sections(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, L.sectionText)
    .filter((t) => t.trim().length > 0)
    .map(section);
}

function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function plain(text: string): PlainText {
  return { type: "plain_text", text, emoji: true };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
