/**
 * Adaptive Cards in tests: reply fixtures for the renderer's tests (one block of every type, the card
 * of a one-message reply), and readers of the cards the bot sent (the card, its buttons' data, its texts).
 */
import { expect } from "vitest";
import { replyActivities } from "../../src/channels/teams/render.ts";
import { ACTIONS, type Block, type BlockType, type Reply } from "../../src/core/types.ts";

export const SOURCES = [
  { id: "a", short: "Source A (2024)", title: "Title A", publisher: "Publisher A", date: "2024-05-01" },
  { id: "b", short: "Source B", title: "Title B", publisher: null, date: null },
];

/** One block of every type: a new block type fails to compile here until the test covers it. */
export const EVERY_BLOCK: Record<BlockType, Block> = {
  heading: { type: "heading", text: "Pay in the UK", level: 1 },
  text: { type: "text", text: "Two sources give figures.", sources: ["a"] },
  bullets: { type: "bullets", items: [{ text: "First", sources: ["b"] }, { text: "Second" }], ordered: true },
  facts: {
    type: "facts",
    facts: [
      { label: "Average", value: "£70,000", sources: ["a"] },
      { label: "Range", value: "£45,000 to £100,000", sources: ["a", "b"] },
    ],
  },
  table: {
    type: "table",
    columns: ["Source", "Average"],
    rows: [
      { cells: ["Source A (2024)", "£70,000"], sources: ["a"] },
      { cells: ["Source B", "£45,000 to £100,000"], sources: ["b"] },
    ],
  },
  divider: { type: "divider" },
  sources: { type: "sources", sources: SOURCES },
  buttons: {
    type: "buttons",
    title: "You could also ask",
    buttons: [
      {
        label: "What makes the pay vary, and are there bonuses?",
        action: ACTIONS.ask,
        value: "pay-factors",
        style: "primary",
      },
    ],
  },
  feedback: { type: "feedback", value: "salary?country=UK~salary uk" },
};

export const reply = (blocks: Block[]): Reply => ({ outcome: "answer", intent: "test", confidence: 1, blocks });
/** The Adaptive Card of a reply that fits one message. */
export const only = (r: Reply) => {
  const activities = replyActivities(r);
  expect(activities).toHaveLength(1);
  return activities[0]!.attachments![0]!.content as any;
};

/** The Adaptive Card in a recorded connector call. */
export function cardOf(call: { body: any }): any {
  const attachment = call.body?.attachments?.find(
    (a: { contentType: string }) => a.contentType === "application/vnd.microsoft.card.adaptive",
  );
  return attachment?.content;
}

/** Every Action.Submit's data in a card, in order. */
export function submitsOf(card: any): any[] {
  return (card?.body ?? []).flatMap((el: any) => (el.type === "ActionSet" ? el.actions.map((a: any) => a.data) : []));
}

/** Every text a card shows (TextBlocks and facts), in order. */
export function textsOf(card: any): string[] {
  return (card?.body ?? []).flatMap((el: any) =>
    el.type === "TextBlock"
      ? [el.text]
      : el.type === "FactSet"
        ? el.facts.map((f: any) => `${f.title}: ${f.value}`)
        : el.type === "ActionSet"
          ? el.actions.map((a: any) => a.title)
          : [],
  );
}
