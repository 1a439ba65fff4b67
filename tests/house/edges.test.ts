/**
 * Platform markup is removed at the edges only: each adapter hands the engine plain text, and
 * src/core has no code for Slack's <@U…>, <!here>, <#C…> or Teams' <at>…</at>, tags and entities.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMessageEvent } from "../../src/channels/slack/inbound.ts";
import { messageText } from "../../src/channels/teams/inbound.ts";
import { typedToPlain } from "../../src/channels/typed.ts";
import { sourceFiles } from "../helpers/sources.ts";
import { BOT } from "../helpers/teams.ts";

const CORE = join(import.meta.dirname, "../../src/core");

const MARKUP: [string, RegExp][] = [
  ["Slack mentions, channels and broadcasts", /<@|<#[A-Z]|<!(here|channel|everyone|subteam|date)/],
  ["Teams mentions", /<\/?at[>\\]/],
  ["HTML entities", /&(amp|lt|gt|quot|apos|nbsp);|&#/],
];

describe("platform markup at the edges", () => {
  it("Slack: a mention's text reaches the engine without Slack markup", () => {
    const body = {
      team_id: "T1",
      event: {
        type: "app_mention",
        channel: "C100",
        user: "U100",
        ts: "1710000000.000001",
        text: "<@U0BOT> salary in <#C9|london> &amp; <https://example.com/pay|this> &lt;uk&gt;",
      },
    };
    const verdict = readMessageEvent(body, "mention");
    expect("message" in verdict && verdict.message.text).toBe("salary in #london & this <uk>");
  });

  it("Teams: a message's text reaches the engine without mentions, tags or entities", () => {
    const text = "<at>careerfaq</at> <p>salary<br/>in <b>canada</b> &amp; the&nbsp;uk</p>";
    expect(messageText({ text, recipient: BOT, entities: [] })).toBe("salary in canada & the uk");
  });

  it("the CLI and eval edge reads either platform's markup", () => {
    expect(typedToPlain("<@U07ABC> what does a head of customer service do").trim()).toBe(
      "what does a head of customer service do",
    );
    expect(typedToPlain("<at>CareerBot</at> morning!").trim()).toBe("morning!");
    expect(typedToPlain("pros &amp; cons").trim()).toBe("pros & cons");
  });

  const sources = sourceFiles(CORE);
  it("src/core has sources to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });
  it.each(MARKUP)("src/core handles no %s", (_what, pattern) => {
    const offenders = sources.filter((file) => pattern.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
