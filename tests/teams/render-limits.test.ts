/** The Adaptive Card renderer within Teams' limits: trimmed texts, the fallback, answers split over several messages. */
import { describe, expect, it } from "vitest";
import { TEAMS_LIMITS as L } from "../../src/channels/teams/limits.ts";
import { clip, fallbackText, replyActivities } from "../../src/channels/teams/render.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS } from "../../src/core/types.ts";
import { testEngine } from "../helpers/engine.ts";
import { EVERY_BLOCK, only, reply, SOURCES } from "../helpers/teams-cards.ts";

describe("Teams renderer, within the limits", () => {
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
