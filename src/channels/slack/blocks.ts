/**
 * The Block Kit shapes the renderer produces: a small subset of @slack/types (KnownBlock), kept as our
 * own union so that the renderer's switch stays exhaustive. tests/slack/render.test.ts checks that the
 * blocks it renders are assignable to the SDK's KnownBlock.
 */

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
/** One of the two buttons of a feedback_buttons element. */
export interface FeedbackButton {
  text: PlainText;
  value: string;
  accessibility_label?: string;
}
/** Slack's native 👍/👎 pair; lives only in a context_actions block. */
export interface FeedbackButtons {
  type: "feedback_buttons";
  action_id: string;
  positive_button: FeedbackButton;
  negative_button: FeedbackButton;
}
/** A table cell: plain text, never parsed as mrkdwn (so nothing in it can ping anyone). Never empty. */
export interface RawText {
  type: "raw_text";
  text: string;
}
export interface TableBlock {
  type: "table";
  /** The first row holds the column titles. */
  rows: RawText[][];
  column_settings?: { align?: "left" | "center" | "right"; is_wrapped?: boolean }[];
}

export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text: Mrkdwn }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: SlackButton[] }
  | { type: "context_actions"; elements: FeedbackButtons[] }
  | TableBlock
  | { type: "divider" };

export function plain(text: string): PlainText {
  return { type: "plain_text", text, emoji: true };
}

export function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What a block costs against the message's total-blocks budget (SLACK_LIMITS.messageBlocksChars). */
export function blockChars(block: SlackBlock): number {
  return JSON.stringify(block).length;
}

/** The JSON length of a message's `blocks` array, as Slack receives it. */
export function blocksChars(blocks: readonly SlackBlock[]): number {
  return JSON.stringify(blocks).length;
}
