/** The Block Kit renderer: every block type, every limit, escaping, splitting and trimming. */
import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { SLACK_LIMITS as L } from "../../src/channels/slack/limits.ts";
import {
  baseActionId,
  renderHome,
  renderMessages,
  type SlackBlock,
  type SlackMessage,
} from "../../src/channels/slack/render.ts";
import { splitText, truncate } from "../../src/channels/slack/text.ts";
import { ACTIONS, type Block, type Reply, type SourceRef } from "../../src/core/types.ts";
import { testEngine } from "../helpers/engine.ts";
import { expectAllValid, expectValid } from "../helpers/slack-blocks.ts";

const reply = (blocks: Block[]): Reply => ({ outcome: "answer", intent: "test", confidence: 1, blocks });
const source = (i: number): SourceRef => ({
  id: `s${i}`,
  short: `Source ${i} (2024)`,
  title: `Title ${i}`,
  publisher: i % 2 ? `Publisher ${i}` : null,
  date: "2024-03-01",
});

const sectionsText = (messages: SlackMessage[]) =>
  messages
    .flatMap((m) => m.blocks)
    .flatMap((b) => (b.type === "section" ? [b.text.text] : []))
    .join("\n");

describe("every block type", () => {
  it("renders headings, text with citations, bullets, facts, sources, buttons, feedback and dividers", () => {
    const [m] = renderMessages(
      reply([
        { type: "heading", text: "Salary", level: 1 },
        { type: "heading", text: "United Kingdom", level: 2 },
        { type: "text", text: "Two sources.", sources: ["s1"] },
        { type: "bullets", items: [{ text: "first", sources: ["s2"] }, { text: "second" }], ordered: true },
        { type: "bullets", items: [{ text: "dot" }] },
        { type: "facts", facts: [{ label: "Average", value: "£70,000", sources: ["s1", "s2"] }] },
        { type: "divider" },
        { type: "sources", sources: [source(1), source(2)] },
        {
          type: "buttons",
          title: "You could also ask",
          buttons: [
            { label: "Pay factors", action: ACTIONS.ask, value: "pay-factors", style: "primary" },
            { label: "Plain", action: ACTIONS.ask, value: "kpis", style: "default" },
          ],
        },
        { type: "feedback", value: "salary?country=UK~salary uk" },
      ]),
    );
    const b = m!.blocks;
    expect(b.map((x) => x.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
      "section",
      "section",
      "divider",
      "context",
      "section",
      "actions",
      "context_actions",
    ]);
    expect(b[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Salary", emoji: true } });
    expect(b[1]).toMatchObject({ text: { type: "mrkdwn", text: "*United Kingdom*" } });
    expect(b[2]).toMatchObject({ text: { text: "Two sources. [1]" } });
    expect(b[3]).toMatchObject({ text: { text: "1. first [2]\n2. second" } });
    expect(b[4]).toMatchObject({ text: { text: "• dot" } });
    expect(b[5]).toMatchObject({ text: { text: "• *Average:* £70,000 [1][2]" } });
    const ctx = b[7] as Extract<SlackBlock, { type: "context" }>;
    expect(ctx.elements.map((e) => e.text)).toEqual(["[1] Source 1 (2024)", "[2] Source 2 (2024)"]);
    expect(b[8]).toMatchObject({ text: { text: "*You could also ask*" } });
    const [primary, plain] = (b[9] as Extract<SlackBlock, { type: "actions" }>).elements;
    expect(primary).toMatchObject({
      type: "button",
      text: { text: "Pay factors" },
      value: "pay-factors",
      style: "primary",
    });
    expect(baseActionId(primary!.action_id)).toBe(ACTIONS.ask);
    expect(plain!.style).toBeUndefined();
    const [feedback, ...more] = (b[10] as Extract<SlackBlock, { type: "context_actions" }>).elements;
    expect(more).toEqual([]);
    expect(feedback!.type).toBe("feedback_buttons");
    expect(baseActionId(feedback!.action_id)).toBe(ACTIONS.feedback);
    expect(
      [feedback!.positive_button, feedback!.negative_button].map((x) => [x.text.text, x.value, x.accessibility_label]),
    ).toEqual([
      ["👍 Helpful", "up:salary?country=UK~salary uk", "This answer helped"],
      ["👎 Not helpful", "down:salary?country=UK~salary uk", "This answer did not help"],
    ]);
    expectAllValid([m!]);
    // every block is one of @slack/types' KnownBlock shapes (a compile-time check)
    const known: types.KnownBlock[] = m!.blocks;
    expect(known).toHaveLength(11);
    expect(m!.text).toContain("Two sources.");
    expect(m!.text).not.toContain("Helpful"); // the fallback leaves buttons out
  });

  it("a single source is one 'Source:' line", () => {
    const [m] = renderMessages(
      reply([
        { type: "text", text: "x", sources: ["s1"] },
        { type: "sources", sources: [source(1)] },
      ]),
    );
    expect(m!.blocks[0]).toMatchObject({ text: { text: "x" } }); // no [1] with one source
    expect(m!.blocks[1]).toMatchObject({
      type: "context",
      elements: [{ text: expect.stringMatching(/^Source: Source 1/) }],
    });
  });

  it("renders a real engine answer within every limit", () => {
    for (const q of ["salary", "topics", "help", "skills", "what is the weather"])
      expectAllValid(renderMessages(testEngine().ask(q).reply));
  });
});

describe("escaping", () => {
  it("escapes & < > in every text (user text included): no pings, no links", () => {
    const evil = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1> <https://x.y|click> & co @here";
    const [m] = renderMessages(
      reply([
        { type: "heading", text: evil, level: 2 },
        { type: "text", text: evil },
        { type: "bullets", items: [{ text: evil }] },
        { type: "facts", facts: [{ label: evil, value: evil }] },
        { type: "sources", sources: [{ ...source(1), title: evil }] },
        { type: "buttons", title: evil, buttons: [{ label: "ok", action: ACTIONS.ask, value: "x" }] },
      ]),
    );
    const all = JSON.stringify(m!.blocks) + m!.text;
    expect(all).not.toMatch(/<[!@#h]/);
    expect(all).not.toMatch(/@(here|channel|everyone)/);
    expect(all).toContain(
      "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &lt;https://x.y|click&gt; &amp; co @\u2060here",
    );
  });
});

describe("limits", () => {
  it("an answer with 120 bullets stays within every limit and keeps every bullet", () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ text: `Bullet number ${i} ${"lorem ipsum ".repeat(8)}` }));
    const messages = renderMessages(
      reply([
        { type: "heading", text: "Many", level: 1 },
        { type: "bullets", items },
      ]),
    );
    expectAllValid(messages);
    const text = sectionsText(messages);
    for (let i = 0; i < 120; i++) expect(text).toContain(`Bullet number ${i} `);
  });

  it("a 10,000-character text is split into sections of at most 3,000 characters, losing nothing", () => {
    const long = Array.from({ length: 1300 }, (_, i) => `w${i % 10}xxxxx`)
      .join(" ")
      .slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    const messages = renderMessages(reply([{ type: "text", text: long }]));
    expectAllValid(messages);
    const sections = messages.flatMap((m) => m.blocks);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    expect(
      sections
        .map((s) => (s.type === "section" ? s.text.text : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(long.replace(/\s+/g, " "));
  });

  it("40 buttons become actions blocks of at most 25, with unique action_ids that map back", () => {
    const buttons = Array.from({ length: 40 }, (_, i) => ({ label: `Q${i}`, action: ACTIONS.ask, value: `v${i}` }));
    const [m] = renderMessages(reply([{ type: "buttons", buttons }]));
    const actions = m!.blocks.filter((b): b is Extract<SlackBlock, { type: "actions" }> => b.type === "actions");
    expect(actions.map((a) => a.elements.length)).toEqual([25, 15]);
    expect(actions.flatMap((a) => a.elements.map((e) => e.value))).toEqual(buttons.map((b) => b.value));
    expect(new Set(actions.flatMap((a) => a.elements.map((e) => baseActionId(e.action_id))))).toEqual(
      new Set([ACTIONS.ask]),
    );
    expectAllValid([m!]);
  });

  it("button labels over 75 characters are trimmed; values over 2,000 drop the button", () => {
    const label = "How long does it take to become a customer care director if I start as an agent today?";
    const [m] = renderMessages(
      reply([
        {
          type: "buttons",
          buttons: [
            { label, action: ACTIONS.ask, value: "a" },
            { label: "too big", action: ACTIONS.ask, value: "x".repeat(2001) },
          ],
        },
      ]),
    );
    const [only, ...rest] = (m!.blocks[0] as Extract<SlackBlock, { type: "actions" }>).elements;
    expect(rest).toHaveLength(0);
    expect(only!.text.text.length).toBeLessThanOrEqual(L.buttonText);
    expect(only!.text.text.length).toBeGreaterThan(L.buttonText - 10);
    expect(only!.text.text.endsWith("…")).toBe(true);
    expect(label.startsWith(only!.text.text.slice(0, -1))).toBe(true);
  });

  it("a header over 150 characters is trimmed; more than 10 sources use several context blocks", () => {
    const [m] = renderMessages(
      reply([
        { type: "heading", text: "H".repeat(400), level: 1 },
        { type: "sources", sources: Array.from({ length: 23 }, (_, i) => source(i)) },
      ]),
    );
    expectAllValid([m!]);
    expect(
      m!.blocks.filter((b) => b.type === "context").map((b) => (b.type === "context" ? b.elements.length : 0)),
    ).toEqual([10, 10, 3]);
  });

  it("a reply too long for five messages is trimmed, with a note", () => {
    const blocks: Block[] = Array.from({ length: 400 }, (_, i) => ({ type: "text", text: `Paragraph ${i}` }));
    const messages = renderMessages(reply(blocks), { after: [{ type: "divider" }] });
    expectAllValid(messages);
    expect(messages).toHaveLength(L.messagesPerReply);
    const last = messages.at(-1)!.blocks;
    expect(last.at(-1)).toEqual({ type: "divider" });
    expect(JSON.stringify(last.at(-2))).toMatch(/too long to show in full/);
  });

  it("before/after blocks fit: first and last messages stay within 50 blocks", () => {
    const blocks: Block[] = Array.from({ length: 99 }, (_, i) => ({ type: "text", text: `P${i}` }));
    const before: SlackBlock[] = [{ type: "context", elements: [{ type: "mrkdwn", text: "asked" }] }];
    const messages = renderMessages(reply(blocks), { before, beforeText: "asked", after: [{ type: "divider" }] });
    expectAllValid(messages);
    expect(messages[0]!.blocks[0]).toEqual(before[0]);
    expect(messages[0]!.text.startsWith("asked\n\n")).toBe(true);
    expect(messages.flatMap((m) => m.blocks).filter((b) => b.type === "section")).toHaveLength(99);
  });

  it("the fallback text is always set, even for a reply of buttons only, and at most 40,000 characters", () => {
    const [buttonsOnly] = renderMessages(
      reply([{ type: "buttons", buttons: [{ label: "Topics", action: ACTIONS.ask, value: "topics" }] }]),
    );
    expect(buttonsOnly!.text).toContain("Topics");
    const [empty] = renderMessages(reply([]));
    expect(empty!.text.length).toBeGreaterThan(0);
    const huge = renderMessages(reply([{ type: "text", text: "y ".repeat(30_000) }]));
    for (const m of huge) expect(m.text.length).toBeLessThanOrEqual(L.messageText);
  });

  it("App Home: at most 100 blocks", () => {
    const blocks: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: "text", text: `P${i}` }));
    const view = renderHome(reply(blocks));
    expect(view.type).toBe("home");
    expectValid(view.blocks, L.blocksPerHome);
    expect(view.blocks).toHaveLength(L.blocksPerHome);
    expectValid(renderHome(testEngine().welcome()).blocks, L.blocksPerHome);
  });
});

describe("text helpers", () => {
  it("splitText never exceeds the limit and never cuts an entity", () => {
    const text = `${"a".repeat(2998)}&amp;&lt;&gt;${"b ".repeat(3000)}`;
    for (const piece of splitText(text, 3000)) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&(a|am|l|g|amp|lt|gt)?$/);
    }
    expect(truncate("ab&amp;cd", 5)).toBe("ab…");
    expect(truncate("short", 10)).toBe("short");
  });
});
