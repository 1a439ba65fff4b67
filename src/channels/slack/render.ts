/**
 * Reply → Block Kit. One exhaustive switch over the engine's block types; every limit comes from
 * SLACK_LIMITS. A reply too long for one message is split into several (at most
 * messagesPerReply, then trimmed with a note); every message carries the plain-text fallback.
 * All text is escaped: our content has no markup, and user text must never ping anyone.
 */
import { citationMarkers, renderText, sourceLine, tableLines } from "../../core/render-text.ts";
import { ACTIONS, type Block, type Button, type Reply } from "../../core/types.ts";
import {
  chunk,
  type FeedbackButtons,
  type Mrkdwn,
  plain,
  type SlackBlock,
  type SlackButton,
  section,
} from "./blocks.ts";
import { SLACK_LIMITS as L, SLACK_BUTTON_STYLES } from "./limits.ts";
import { pack, roomFor, trim, type Unit } from "./pack.ts";
import { tableBlocks } from "./table.ts";
import { escapeMrkdwn, splitText, truncate } from "./text.ts";

export type { Mrkdwn, PlainText, SlackBlock, SlackButton } from "./blocks.ts";

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
/** What screen readers say for the feedback buttons. */
export const FEEDBACK_ACCESSIBILITY = { up: "This answer helped", down: "This answer did not help" } as const;
const TRIMMED_NOTE = "This answer is too long to show in full here; ask a narrower question to see the rest.";
const trimmedNote = (): SlackBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: TRIMMED_NOTE }] });

interface Ctx {
  mark: (cites?: readonly string[]) => string;
  nextAction: () => number;
  /** Messages take table blocks; App Home shows tables as lines. */
  surface: "message" | "home";
}

export function renderMessages(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const ctx = context(reply, "message");
  const units = reply.blocks.flatMap((b) => unitsFor(b, ctx)).filter((u) => u.blocks.length > 0);
  const before = options.before ?? [];
  const after = options.after ?? [];
  const room = roomFor(before, after);
  const packed = trim(pack(units, room), L.messagesPerReply, room, trimmedNote());
  const messages = packed.map((p, i) => {
    const blocks = i === 0 ? [...before, ...p.blocks] : p.blocks;
    const ownText = escapeMrkdwn(renderText({ ...reply, blocks: p.sources }, { buttons: false }));
    const text = i === 0 && options.beforeText ? `${options.beforeText}\n\n${ownText}` : ownText;
    return { text, blocks };
  });
  messages[messages.length - 1]!.blocks.push(...after);
  for (const m of messages) m.text = truncate(m.text.trim() || fallbackFor(reply), L.messageText);
  return messages;
}

/** The App Home tab: one view, at most blocksPerHome blocks. */
export function renderHome(reply: Reply): HomeView {
  const ctx = context(reply, "home");
  const blocks = reply.blocks.flatMap((b) => unitsFor(b, ctx)).flatMap((u) => u.blocks);
  if (blocks.length > L.blocksPerHome) {
    blocks.length = L.blocksPerHome - 1;
    blocks.push(trimmedNote());
  }
  return { type: "home", blocks };
}

function context(reply: Reply, surface: Ctx["surface"]): Ctx {
  let action = 0;
  return { mark: citationMarkers(reply), nextAction: () => action++, surface };
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
      const tables = ctx.surface === "message" ? tableBlocks(block, ctx.mark) : null;
      if (tables) return tables.map((t) => ({ blocks: [t.block], source: t.part }));
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
      const feedback = feedbackButtons(block.value, ctx);
      return feedback ? [{ blocks: [{ type: "context_actions", elements: [feedback] }], source: block }] : [];
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
 * Slack's native 👍/👎 (feedback_buttons in a context_actions block). Each button's value goes back
 * to the engine as ACTIONS.feedback, like any click; null when a value would be too long to carry.
 */
function feedbackButtons(value: string, ctx: Ctx): FeedbackButtons | null {
  const [up, down] = (["up", "down"] as const).map((vote) => ({
    text: plain(truncate(FEEDBACK_LABELS[vote], L.buttonText)),
    value: `${vote}:${value}`,
    accessibility_label: FEEDBACK_ACCESSIBILITY[vote],
  }));
  if (up!.value.length > L.buttonValue || down!.value.length > L.buttonValue) return null;
  const suffix = `#${ctx.nextAction()}`;
  return {
    type: "feedback_buttons",
    action_id: ACTIONS.feedback.slice(0, L.actionId - suffix.length) + suffix,
    positive_button: up!,
    negative_button: down!,
  };
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
