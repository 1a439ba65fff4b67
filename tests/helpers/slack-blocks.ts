/**
 * Reading what the Slack renderer produced: the text and the clickable elements of a list of blocks,
 * and checks of every limit in SLACK_LIMITS (per block, per message, and the total-blocks budget).
 */
import { expect } from "vitest";
import { SLACK_LIMITS as L } from "../../src/channels/slack/limits.ts";
import type { SlackBlock, SlackMessage } from "../../src/channels/slack/render.ts";

/** All text in a list of Block Kit blocks (section text, context elements, header, button labels). */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node && typeof node === "object") {
      const n = node as Record<string, unknown>;
      if (typeof n.text === "string") out.push(n.text);
      for (const [k, v] of Object.entries(n)) if (k !== "text" || typeof v !== "string") walk(v);
    }
  };
  walk(blocks);
  return out.join("\n");
}

/** A clickable element: a button, or one of the two buttons of a feedback_buttons element. */
export interface Clickable {
  action_id: string;
  value: string;
  label: string;
  /** The element's type, as the click reports it ("button" or "feedback_buttons"). */
  type: string;
}

/** Buttons (action_id, value, label) in a list of blocks, the feedback buttons included. */
export function buttonsIn(blocks: unknown): Clickable[] {
  const list = Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : [];
  return list.flatMap((b) => {
    const elements = (b.elements ?? []) as Record<string, any>[];
    if (b.type === "actions")
      return elements.map((e) => ({
        action_id: String(e.action_id),
        value: String(e.value),
        label: String(e.text.text),
        type: String(e.type),
      }));
    if (b.type === "context_actions")
      return elements
        .filter((e) => e.type === "feedback_buttons")
        .flatMap((e) =>
          [e.positive_button, e.negative_button].map((x) => ({
            action_id: String(e.action_id),
            value: String(x.value),
            label: String(x.text.text),
            type: "feedback_buttons",
          })),
        );
    return [];
  });
}

/** Checks every limit in SLACK_LIMITS for one message (or a Home view's blocks). */
export function expectValid(blocks: SlackBlock[], maxBlocks: number = L.blocksPerMessage, text?: string): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  if (text !== undefined) {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(L.messageText);
  }
  const actionIds = new Set<string>();
  for (const b of blocks) {
    switch (b.type) {
      case "header":
        expect(b.text.type).toBe("plain_text");
        expect(b.text.text.length).toBeLessThanOrEqual(L.headerText);
        break;
      case "section":
        expect(b.text.text.trim().length).toBeGreaterThan(0);
        expect(b.text.text.length).toBeLessThanOrEqual(L.sectionText);
        break;
      case "context":
        expect(b.elements.length).toBeGreaterThan(0);
        expect(b.elements.length).toBeLessThanOrEqual(L.contextElements);
        for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(L.sectionText);
        break;
      case "actions":
        expect(b.elements.length).toBeGreaterThan(0);
        expect(b.elements.length).toBeLessThanOrEqual(L.actionsElements);
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(L.buttonText);
          expect(e.action_id.length).toBeLessThanOrEqual(L.actionId);
          expect(e.value.length).toBeLessThanOrEqual(L.buttonValue);
          expect(actionIds.has(e.action_id)).toBe(false);
          actionIds.add(e.action_id);
        }
        break;
      case "context_actions":
        expect(b.elements.length).toBeGreaterThan(0);
        for (const e of b.elements) {
          expect(e.action_id.length).toBeLessThanOrEqual(L.actionId);
          expect(actionIds.has(e.action_id)).toBe(false);
          actionIds.add(e.action_id);
          for (const button of [e.positive_button, e.negative_button]) {
            expect(button.text.text.length).toBeLessThanOrEqual(L.buttonText);
            expect(button.value.length).toBeLessThanOrEqual(L.buttonValue);
          }
        }
        break;
      case "table": {
        expect(b.rows.length).toBeGreaterThan(1);
        expect(b.rows.length).toBeLessThanOrEqual(L.tableRows);
        const width = b.rows[0]!.length;
        for (const row of b.rows) {
          expect(row.length).toBe(width);
          expect(row.length).toBeLessThanOrEqual(L.tableCells);
          for (const c of row) expect(c.text.length).toBeGreaterThan(0);
        }
        expect(b.rows.flat().reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(L.tableChars);
        break;
      }
      case "divider":
        break;
    }
  }
  expect(blocks.filter((b) => b.type === "table").length).toBeLessThanOrEqual(L.tablesPerMessage);
}

export function expectAllValid(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(L.messagesPerReply);
  for (const m of messages) {
    expectValid(m.blocks, L.blocksPerMessage, m.text);
    expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(L.messageBlocksChars);
  }
}
