/** The Adaptive Card renderer: every block type, buttons, and the exhaustive switch (the limits: render-limits.test.ts). */
import { describe, expect, it } from "vitest";
import { readSubmit } from "../../src/channels/teams/cards.ts";
import { TEAMS_LIMITS as L } from "../../src/channels/teams/limits.ts";
import { renderBlock, replyActivities } from "../../src/channels/teams/render.ts";
import { renderText, sourceLine } from "../../src/core/render-text.ts";
import { ACTIONS, type Block } from "../../src/core/types.ts";
import { EVERY_BLOCK, only, reply, SOURCES } from "../helpers/teams-cards.ts";

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

  it("fails loudly on a block type it does not know (the compile-time check's runtime twin)", () => {
    expect(() => renderBlock({ type: "carousel" } as unknown as Block, () => "")).toThrow(
      /unknown block type "carousel"/,
    );
  });
});
