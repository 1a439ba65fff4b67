/** The Adaptive Card renderer: every block type, the size limits, and the exhaustive switch. */
import { describe, expect, it } from "vitest";
import { readSubmit } from "../../src/channels/teams/cards.ts";
import { TEAMS_LIMITS as L } from "../../src/channels/teams/limits.ts";
import { clip, fallbackText, renderBlock, replyActivities } from "../../src/channels/teams/render.ts";
import { renderText, sourceLine } from "../../src/core/render-text.ts";
import { ACTIONS, type Block, type BlockType, type Reply } from "../../src/core/types.ts";
import { testEngine } from "../helpers/engine.ts";

const SOURCES = [
  { id: "a", short: "Source A (2024)", title: "Title A", publisher: "Publisher A", date: "2024-05-01" },
  { id: "b", short: "Source B", title: "Title B", publisher: null, date: null },
];

/** One block of every type: a new block type fails to compile here until the test covers it. */
const EVERY_BLOCK: Record<BlockType, Block> = {
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

const reply = (blocks: Block[]): Reply => ({ outcome: "answer", intent: "test", confidence: 1, blocks });
const only = (r: Reply) => {
  const activities = replyActivities(r);
  expect(activities).toHaveLength(1);
  return activities[0]!.attachments![0]!.content as any;
};

/**
 * A Universal Action as Teams expects it: Action.Execute with a verb and the button's data, and the
 * same button as Action.Submit in `fallback` for clients without Universal Actions.
 */
function execute(title: string, action: string, value: string, extra: Record<string, string> = {}) {
  const data = { careerfaq: { action, value } };
  return {
    type: "Action.Execute",
    title,
    verb: action,
    data,
    ...extra,
    fallback: { type: "Action.Submit", title, data, ...extra },
  };
}

describe("Teams renderer", () => {
  it("renders every block type into one Adaptive Card 1.5 with the plain text as fallback", () => {
    const r = reply(Object.values(EVERY_BLOCK));
    const [activity] = replyActivities(r);
    expect(activity!.type).toBe("message");
    expect(activity!.summary).toBe(renderText(r, { buttons: false }));
    expect(activity!.text).toBe(renderText(r, { buttons: false }).split("\n")[0]);
    expect(activity!.attachments).toHaveLength(1);
    expect(activity!.attachments![0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = activity!.attachments![0]!.content as any;
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      msteams: { width: "Full" },
    });
    expect(card.fallbackText).toBe(activity!.summary);

    expect(card.body).toEqual([
      { type: "TextBlock", text: "Pay in the UK", size: "Large", weight: "Bolder", style: "heading", wrap: true },
      { type: "TextBlock", text: "Two sources give figures. [1]", wrap: true },
      { type: "TextBlock", text: "1. First [2]", wrap: true, spacing: "Small" },
      { type: "TextBlock", text: "2. Second", wrap: true, spacing: "Small" },
      {
        type: "FactSet",
        facts: [
          { title: "Average", value: "£70,000 [1]" },
          { title: "Range", value: "£45,000 to £100,000 [1][2]" },
        ],
      },
      { type: "TextBlock", text: "Source | Average", wrap: true, spacing: "Small", weight: "Bolder" },
      { type: "TextBlock", text: "Source A (2024) | £70,000 [1]", wrap: true, spacing: "Small" },
      { type: "TextBlock", text: "Source B | £45,000 to £100,000 [2]", wrap: true, spacing: "Small" },
      // the divider: a separator above what follows it
      {
        type: "TextBlock",
        text: "Sources",
        weight: "Bolder",
        size: "Small",
        spacing: "Medium",
        wrap: true,
        separator: true,
      },
      {
        type: "TextBlock",
        text: `[1] ${sourceLine(SOURCES[0]!)}`,
        size: "Small",
        isSubtle: true,
        wrap: true,
        spacing: "None",
      },
      {
        type: "TextBlock",
        text: "[2] Source B",
        size: "Small",
        isSubtle: true,
        wrap: true,
        spacing: "None",
      },
      { type: "TextBlock", text: "You could also ask", weight: "Bolder", wrap: true, spacing: "Medium" },
      {
        type: "ActionSet",
        spacing: "Small",
        actions: [
          execute("What makes the pay vary, and are there bonuses?", ACTIONS.ask, "pay-factors", { style: "positive" }),
        ],
      },
      { type: "TextBlock", text: "Was this helpful?", size: "Small", isSubtle: true, spacing: "Medium", wrap: true },
      {
        type: "ActionSet",
        spacing: "Small",
        actions: [
          execute("👍", ACTIONS.feedback, "up:salary?country=UK~salary uk", { tooltip: "Yes, this answer helped" }),
          execute("👎", ACTIONS.feedback, "down:salary?country=UK~salary uk", {
            tooltip: "No, this answer did not help",
          }),
        ],
      },
    ]);
  });

  it("gives every button's data back to the engine exactly as the engine made it", () => {
    const card = only(reply([EVERY_BLOCK.buttons, EVERY_BLOCK.feedback]));
    const data = card.body.flatMap((el: any) =>
      el.type === "ActionSet" ? el.actions.map((a: any) => readSubmit(a.data)) : [],
    );
    expect(data).toEqual([
      { id: ACTIONS.ask, value: "pay-factors" },
      { id: ACTIONS.feedback, value: "up:salary?country=UK~salary uk" },
      { id: ACTIONS.feedback, value: "down:salary?country=UK~salary uk" },
    ]);
  });

  it("writes a single source without numbers, and unordered bullets with •", () => {
    const card = only(
      reply([
        { type: "bullets", items: [{ text: "One", sources: ["a"] }] },
        { type: "sources", sources: [SOURCES[0]!] },
      ]),
    );
    expect(card.body.map((el: any) => el.text)).toEqual(["• One", "Source", sourceLine(SOURCES[0]!)]);
  });

  it("maps button styles through the table and leaves default unstyled", () => {
    const card = only(
      reply([
        {
          type: "buttons",
          buttons: ["primary", "danger", "default"].map((style) => ({
            label: style,
            action: ACTIONS.ask,
            value: style,
            style: style as "primary",
          })),
        },
      ]),
    );
    expect(card.body[0].actions.map((a: any) => a.style)).toEqual(["positive", "destructive", undefined]);
  });

  it("puts short labels side by side, at most actionsPerSet to a set, and long labels one per row", () => {
    const short = Array.from({ length: L.actionsPerSet + 2 }, (_, i) => ({
      label: `T${i}`,
      action: ACTIONS.ask,
      value: `t${i}`,
    }));
    const sets = only(reply([{ type: "buttons", buttons: short }])).body;
    expect(sets.map((s: any) => s.actions.length)).toEqual([L.actionsPerSet, 2]);
    const long = [
      { label: "x".repeat(L.inlineLabelChars + 1), action: ACTIONS.ask, value: "a" },
      { label: "Short", action: ACTIONS.ask, value: "b" },
    ];
    expect(only(reply([{ type: "buttons", buttons: long }])).body.map((s: any) => s.actions.length)).toEqual([1, 1]);
  });

  it("renders no elements for an empty button group", () => {
    expect(renderBlock({ type: "buttons", title: "Nothing", buttons: [] }, () => "")).toEqual([]);
  });

  it("trims long texts, fact values and action titles with an ellipsis, keeping citation markers", () => {
    const card = only(
      reply([
        { type: "text", text: "t".repeat(L.textChars + 50) },
        {
          type: "facts",
          facts: [{ label: "l".repeat(L.factTitleChars + 5), value: "v".repeat(L.factValueChars + 5), sources: ["a"] }],
        },
        { type: "buttons", buttons: [{ label: "b".repeat(L.actionTitleChars + 5), action: ACTIONS.ask, value: "x" }] },
        { type: "sources", sources: SOURCES },
      ]),
    );
    expect(card.body[0].text).toHaveLength(L.textChars);
    expect(card.body[0].text.endsWith("…")).toBe(true);
    expect(card.body[1].facts[0].title).toHaveLength(L.factTitleChars);
    expect(card.body[1].facts[0].value).toBe(`${"v".repeat(L.factValueChars - 1)}… [1]`);
    expect(card.body.find((el: any) => el.type === "ActionSet").actions[0].title).toHaveLength(L.actionTitleChars);
  });

  it("never cuts an emoji in half", () => {
    expect(clip(`${"a".repeat(8)}👍👍`, 10)).toBe(`${"a".repeat(8)}…`);
    expect(clip("short", 10)).toBe("short");
  });

  it("keeps the fallback within its limit", () => {
    const r = reply([{ type: "text", text: "w ".repeat(L.fallbackChars) }]);
    expect(fallbackText(r).length).toBeLessThanOrEqual(L.fallbackChars);
    expect(replyActivities(r)[0]!.summary!.length).toBeLessThanOrEqual(L.fallbackChars);
  });

  it("splits an answer too big for one Teams message into several, each within the size limit, losing no fact", () => {
    const facts = Array.from({ length: 120 }, (_, i) => ({
      label: `Fact ${i}`,
      value: `${"value ".repeat(60)}#${i}`,
      sources: ["a"],
    }));
    const r = reply([
      { type: "heading", text: "Big", level: 1 },
      { type: "facts", facts },
      { type: "sources", sources: SOURCES },
      EVERY_BLOCK.feedback,
    ]);
    const activities = replyActivities(r);
    expect(activities.length).toBeGreaterThan(1);
    for (const a of activities) {
      expect(Buffer.byteLength(JSON.stringify(a)) + L.envelopeBytes).toBeLessThanOrEqual(L.messageBytes);
      const body = (a.attachments![0]!.content as any).body;
      for (const el of body.filter((e: any) => e.type === "FactSet"))
        expect(el.facts.length).toBeLessThanOrEqual(L.factsPerSet);
    }
    const bodies = activities.flatMap((a) => (a.attachments![0]!.content as any).body);
    const shown = bodies
      .filter((el: any) => el.type === "FactSet")
      .flatMap((el: any) => el.facts.map((f: any) => f.title));
    expect(shown).toEqual(facts.map((f) => f.label));
    expect(bodies[0].text).toBe("Big");
    expect(bodies.at(-1).type).toBe("ActionSet"); // 👍/👎 stay last
  });

  it("replaces an element too big for any message with a short note instead of failing", () => {
    const items = [{ text: "x".repeat(L.textChars) }];
    const many = Array.from({ length: 40 }, () => items[0]!);
    const r = reply([{ type: "bullets", items: many }]);
    for (const a of replyActivities(r))
      expect(Buffer.byteLength(JSON.stringify(a)) + L.envelopeBytes).toBeLessThanOrEqual(L.messageBytes);
  });

  it("fails loudly on a block type it does not know (the compile-time check's runtime twin)", () => {
    expect(() => renderBlock({ type: "carousel" } as unknown as Block, () => "")).toThrow(
      /unknown block type "carousel"/,
    );
  });

  it("renders real answers with the engine's facts and markers unchanged, within the limits", async () => {
    const engine = testEngine();
    for (const question of [
      "salary uk",
      "salary",
      "kpis?",
      "how long till im a director",
      "topics",
      "help",
      "what do they do",
      "salary in germany",
      "sources",
    ]) {
      const [out] = await engine.handle({
        channel: "teams",
        conversation: "teams:render",
        user: "teams:u",
        direct: true,
        text: question,
      });
      const activities = replyActivities(out!.reply);
      expect(activities, question).toHaveLength(1);
      const card = activities[0]!.attachments![0]!.content as any;
      const text = renderText(out!.reply, { buttons: false });
      for (const el of card.body) {
        if (el.type === "FactSet") for (const f of el.facts) expect(text, question).toContain(`${f.title}: ${f.value}`);
      }
      expect(Buffer.byteLength(JSON.stringify(activities[0])) + L.envelopeBytes).toBeLessThanOrEqual(L.messageBytes);
    }
  });
});
