/** The factory: off with one line saying how to turn it on; HTTP mode or Socket Mode from configuration. */
import { describe, expect, it } from "vitest";
import { slackChannel } from "../../src/channels/slack/index.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testEngine } from "../helpers/engine.ts";
import { BOT_TOKEN, SIGNING_SECRET } from "../helpers/slack.ts";

function context(env: Record<string, string>) {
  const lines: string[] = [];
  const log = createLogger({ level: "debug", write: (l) => lines.push(l) });
  return { lines, ctx: { config: loadConfig(env), engine: testEngine(), store: new MemoryStore(), log } };
}

describe("slackChannel", () => {
  it("without Slack configuration: null, after exactly one info line saying how to turn it on", async () => {
    const { lines, ctx } = context({});
    expect(await slackChannel(ctx)).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/info/);
    expect(lines[0]).toMatch(/Slack is off/);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
    expect(lines[0]).toMatch(/SLACK_APP_TOKEN/);
  });

  it("HTTP mode: POST /slack/events on the shared server", async () => {
    const { ctx } = context({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const channel = await slackChannel(ctx);
    expect(channel?.name).toBe("slack");
    expect(channel?.routes.map((r) => [r.method, r.path])).toEqual([["POST", "/slack/events"]]);
    await channel?.stop();
  });

  it("Socket Mode when SLACK_APP_TOKEN is set: no HTTP route", async () => {
    const { ctx } = context({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: "xapp-1-A1-123-abc",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const channel = await slackChannel(ctx);
    expect(channel?.routes).toEqual([]);
    await channel?.stop();
  });

  it("a half configuration is one clear error naming the variable", () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
