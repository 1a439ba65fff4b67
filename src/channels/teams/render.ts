/**
 * Reply → Adaptive Card (schema 1.5): one exhaustive switch over the block types, then packing into
 * as many cards as Teams' message size allows. The plain-text rendering of the same reply is every
 * card's fallback (the activity's `summary`, which Teams shows in notifications, and the card's
 * `fallbackText`).
 */
import type { Activity } from "botbuilder";
import { citationMarkers, renderText, sourceLine, tableLines } from "../../core/render-text.ts";
import { ACTIONS, type Block, type Button, type Cites, type Reply } from "../../core/types.ts";
import {
  type ActionSet,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  executeAction,
  type TextBlock,
} from "./cards.ts";
import { ACTION_STYLE, CARD_CONTENT_TYPE, CARD_SCHEMA, CARD_VERSION, TEAMS_LIMITS as L } from "./limits.ts";

type Mark = (cites?: Cites) => string;

/** The reply as plain text, trimmed to what a fallback may hold. */
export function fallbackText(reply: Reply): string {
  return clip(renderText(reply, { buttons: false }), L.fallbackChars);
}

/** One block as card elements. Adding a block type to the union fails to compile here until it is rendered. */
export function renderBlock(block: Block, mark: Mark): CardElement[] {
  switch (block.type) {
    case "heading":
      return [
        block.level === 1
          ? {
              type: "TextBlock",
              text: clip(block.text, L.textChars),
              size: "Large",
              weight: "Bolder",
              style: "heading",
              wrap: true,
            }
          : {
              type: "TextBlock",
              text: clip(block.text, L.textChars),
              size: "Medium",
              weight: "Bolder",
              style: "heading",
              wrap: true,
              spacing: "Medium",
            },
      ];
    case "text":
      return [{ type: "TextBlock", text: clip(block.text, L.textChars) + mark(block.sources), wrap: true }];
    case "bullets":
      return block.items.map(
        (item, i): TextBlock => ({
          type: "TextBlock",
          text: `${block.ordered ? `${i + 1}.` : "•"} ${clip(item.text, L.textChars)}${mark(item.sources)}`,
          wrap: true,
          spacing: "Small",
        }),
      );
    case "facts":
      return chunk(block.facts, L.factsPerSet).map((facts) => ({
        type: "FactSet",
        facts: facts.map((f) => ({
          title: clip(f.label, L.factTitleChars),
          value: clip(f.value, L.factValueChars) + mark(f.sources),
        })),
      }));
    case "table":
      return tableLines(block.columns, block.rows, mark).map(
        (line, i): TextBlock => ({
          type: "TextBlock",
          text: clip(line, L.textChars),
          wrap: true,
          spacing: "Small",
          ...(i === 0 ? { weight: "Bolder" as const } : {}),
        }),
      );
    case "sources": {
      const single = block.sources.length === 1;
      return [
        {
          type: "TextBlock",
          text: single ? "Source" : "Sources",
          weight: "Bolder",
          size: "Small",
          spacing: "Medium",
          wrap: true,
        },
        ...block.sources.map(
          (s, i): TextBlock => ({
            type: "TextBlock",
            text: clip(`${single ? "" : `[${i + 1}] `}${sourceLine(s)}`, L.textChars),
            size: "Small",
            isSubtle: true,
            wrap: true,
            spacing: "None",
          }),
        ),
      ];
    }
    case "buttons": {
      if (block.buttons.length === 0) return [];
      const title: CardElement[] = block.title
        ? [{ type: "TextBlock", text: clip(block.title, L.textChars), weight: "Bolder", wrap: true, spacing: "Medium" }]
        : [];
      return [
        ...title,
        ...actionSets(
          block.buttons.map(toAction),
          block.buttons.map((b) => b.label),
        ),
      ];
    }
    case "feedback":
      return [
        { type: "TextBlock", text: "Was this helpful?", size: "Small", isSubtle: true, spacing: "Medium", wrap: true },
        {
          type: "ActionSet",
          spacing: "Small",
          actions: [
            executeAction("👍", ACTIONS.feedback, `up:${block.value}`, { tooltip: "Yes, this answer helped" }),
            executeAction("👎", ACTIONS.feedback, `down:${block.value}`, { tooltip: "No, this answer did not help" }),
          ],
        },
      ];
    case "divider":
      // Adaptive Cards draw a line above an element (separator); the next block's first element gets it.
      return [];
    default: {
      const _exhaustive: never = block;
      throw new Error(`Teams renderer: unknown block type ${JSON.stringify((_exhaustive as { type?: unknown }).type)}`);
    }
  }
}

/** Every block's elements, in order, with a divider turned into a separator on what follows it. */
export function renderGroups(reply: Reply): CardElement[][] {
  const mark = citationMarkers(reply);
  const groups: CardElement[][] = [];
  let separate = false;
  for (const block of reply.blocks) {
    if (block.type === "divider") {
      separate = groups.length > 0;
      continue;
    }
    const elements = renderBlock(block, mark);
    if (elements.length === 0) continue;
    if (separate) elements[0] = { ...elements[0]!, separator: true, spacing: "Medium" };
    separate = false;
    groups.push(elements);
  }
  return groups;
}

export function card(body: CardElement[], fallback: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: fallback,
    body,
    msteams: { width: "Full" },
  };
}

/**
 * A card message. `text` is always set, to the answer's first line: Teams shows an activity's text
 * as well as its card, so the whole plain text there would print every answer twice; the full plain
 * text is the `summary` (notifications) and the card's `fallbackText`.
 */
export function cardActivity(body: CardElement[], fallback: string): Partial<Activity> {
  const firstLine = clip(fallback.split("\n")[0] ?? "", L.textLineChars);
  return {
    type: "message",
    text: firstLine,
    summary: fallback,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card(body, fallback) }],
  };
}

/**
 * The reply as message activities: one card, or several when it would not fit in one Teams message.
 * Blocks stay whole where they fit; a block too big for a message is split between its elements, and
 * an element too big on its own is replaced by a short note.
 */
export function replyActivities(reply: Reply): Partial<Activity>[] {
  const fallback = fallbackText(reply);
  const budget = L.messageBytes - L.envelopeBytes;
  const fits = (body: CardElement[]) => Buffer.byteLength(JSON.stringify(cardActivity(body, fallback))) <= budget;
  const bodies: CardElement[][] = [];
  let current: CardElement[] = [];
  const add = (elements: CardElement[]): boolean => {
    if (fits([...current, ...elements])) {
      current = [...current, ...elements];
      return true;
    }
    if (current.length > 0 && fits(elements)) {
      bodies.push(current);
      current = elements;
      return true;
    }
    return false;
  };
  for (const group of renderGroups(reply)) {
    if (add(group)) continue;
    for (const element of group) {
      if (!add([element]))
        add([
          {
            type: "TextBlock",
            text: "(Part of this answer is too long to show in Teams.)",
            isSubtle: true,
            wrap: true,
          },
        ]);
    }
  }
  if (current.length > 0 || bodies.length === 0)
    bodies.push(current.length > 0 ? current : [{ type: "TextBlock", text: fallback || "…", wrap: true }]);
  return bodies.map((body) => cardActivity(body, fallback));
}

function toAction(button: Button): CardAction {
  const style = button.style && button.style !== "default" ? { style: ACTION_STYLE[button.style] } : {};
  return executeAction(clip(button.label, L.actionTitleChars), button.action, button.value, style);
}

/** Short labels side by side (up to the per-set limit); long labels one per row, so Teams does not cut them. */
function actionSets(actions: CardAction[], labels: string[]): ActionSet[] {
  const inline = labels.every((l) => l.length <= L.inlineLabelChars);
  return chunk(actions, inline ? L.actionsPerSet : 1).map((set) => ({
    type: "ActionSet",
    actions: set,
    spacing: "Small",
  }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Trims to `max` characters with an ellipsis, never splitting a surrogate pair (emoji). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
