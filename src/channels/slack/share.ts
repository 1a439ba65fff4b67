/**
 * "Share in channel": a private answer (slash command, or a follow-up clicked in one) carries a
 * button whose value says what was asked; clicking it asks the engine again and posts the answer
 * publicly, headed "<@U…> asked: …" with the question escaped (it cannot ping anyone).
 */

import { rec, str } from "./inbound.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import type { SlackBlock } from "./render.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

/** The adapter's own action: it never reaches the engine as an action (the question it carries does). */
export const SHARE_ACTION = "careerfaq.slack.share";
export const SHARE_LABEL = "Share in channel";

/** What to ask again: the typed text, or the button that was clicked. */
export interface ShareSpec {
  /** The question as the user saw it (typed text, or the button's label). */
  question: string;
  text?: string;
  action?: { id: string; value: string };
}

export function shareValue(spec: ShareSpec): string | null {
  const value = JSON.stringify(
    spec.action
      ? { q: spec.question, a: spec.action.id, v: spec.action.value }
      : { q: spec.question, t: spec.text ?? spec.question },
  );
  return value.length <= L.buttonValue ? value : null;
}

/** The actions block with the Share button; none when the question is too long to carry. */
export function shareBlocks(spec: ShareSpec): SlackBlock[] {
  const value = shareValue(spec);
  if (value === null) return [];
  return [
    {
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: SHARE_LABEL, emoji: true },
          action_id: `${SHARE_ACTION}#0`,
          value,
        },
      ],
    },
  ];
}

export function readShareValue(value: string): ShareSpec | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  const v = rec(parsed);
  const question = typeof v?.q === "string" ? v.q : undefined;
  if (!v || question === undefined) return null;
  if (typeof v.t === "string") return { question, text: v.t };
  const id = str(v.a);
  if (id && typeof v.v === "string") return { question, action: { id, value: v.v } };
  return null;
}

/** The heading of a shared answer: who asked, and what (escaped, trimmed). */
export function attribution(user: string, question: string): { blocks: SlackBlock[]; text: string } {
  const quoted = escapeMrkdwn(truncate(question.replace(/\s+/g, " ").trim(), L.quotedQuestion));
  const who = /^[UW][A-Z0-9]{2,}$/.test(user) ? `<@${user}>` : "Someone";
  const text = quoted ? `${who} asked: ${quoted}` : `${who} shared this answer`;
  return { blocks: [{ type: "context", elements: [{ type: "mrkdwn", text }] }], text };
}
