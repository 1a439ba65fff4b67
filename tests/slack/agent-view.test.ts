/**
 * The agent messaging experience: manifest.yml's features.agent_view is what the code handles (the
 * same description and prompts, the event that opening the DM sends, the scope the prompts need),
 * every suggested prompt is a question the bot answers, and opening the DM greets once.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  AGENT_DESCRIPTION,
  PROMPTS_TITLE,
  readMessagesTabOpened,
  SUGGESTED_PROMPTS,
} from "../../src/channels/slack/agent.ts";
import { SLACK_EVENTS, SLACK_METHODS, SLACK_SCOPES } from "../../src/channels/slack/manifest.ts";
import type { RunningServer } from "../../src/server.ts";
import { testEngine } from "../helpers/engine.ts";
import { blockText, eventBody, nextEventId, postSlack, signature, useSlackServer } from "../helpers/slack.ts";
import type { FakeSlack } from "../helpers/slack-fake.ts";
import { postsTo, sayInDm, waitForPost } from "../helpers/slack-flow.ts";

interface AgentView {
  agent_description: string;
  suggested_prompts: { title: string; message: string }[];
}
const manifest = parse(readFileSync(fileURLToPath(new URL("../../manifest.yml", import.meta.url)), "utf8")) as {
  features: { agent_view?: AgentView; assistant_view?: unknown; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
};

let fake: FakeSlack;
let server: RunningServer;
useSlackServer((f, s) => {
  fake = f;
  server = s;
});

const opened = (user: string, tab: "messages" | "home" = "messages", eventId = nextEventId()) =>
  eventBody(
    { type: "app_home_opened", user, channel: `D${user.slice(1)}`, tab, event_ts: "1700000000.000100" },
    eventId,
  );

describe("manifest.yml agent_view", () => {
  const view = manifest.features.agent_view!;

  it("declares the agent view the code handles: its description and 3–4 prompts, no assistant_view", () => {
    expect(view).toBeDefined();
    expect(manifest.features.assistant_view).toBeUndefined();
    expect(view.agent_description).toBe(AGENT_DESCRIPTION);
    expect(view.agent_description.length).toBeGreaterThan(20);
    expect(view.agent_description.length).toBeLessThanOrEqual(300);
    expect(view.suggested_prompts).toEqual(SUGGESTED_PROMPTS);
    expect(view.suggested_prompts.length).toBeGreaterThanOrEqual(3);
    expect(view.suggested_prompts.length).toBeLessThanOrEqual(4);
    for (const p of view.suggested_prompts) {
      expect(p.title.trim().length).toBeGreaterThan(0);
      expect(p.message.trim().length).toBeGreaterThan(0);
    }
  });

  it("subscribes to what opening the DM sends, and asks for the scope the prompts need", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toContain("app_home_opened");
    expect(Object.keys(SLACK_EVENTS)).toContain("app_home_opened");
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(SLACK_METHODS["assistant.threads.setSuggestedPrompts"]).toEqual(["assistant:write"]);
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
    expect(SLACK_SCOPES).toContain("assistant:write");
  });

  it("every suggested prompt's message is a question the bot answers", async () => {
    const engine = testEngine();
    for (const [i, p] of view.suggested_prompts.entries()) {
      const [first, ...rest] = await engine.handle({
        channel: "slack",
        conversation: `slack:T1:DPROMPT${i}`,
        user: `slack:T1:UPROMPT${i}`,
        direct: true,
        text: p.message,
      });
      expect(first?.reply.outcome, `${p.title}: ${p.message} → ${first?.reply.intent}`).toBe("answer");
      expect(rest.every((o) => o.reply.outcome === "answer")).toBe(true);
    }
  });
});

describe("opening the bot's DM (app_home_opened, tab messages)", () => {
  it("reads only the Messages tab", () => {
    expect(readMessagesTabOpened(JSON.parse(opened("U1")))).toMatchObject({ team: "T1", user: "U1", channel: "D1" });
    expect(readMessagesTabOpened(JSON.parse(opened("U1", "home")))).toBeNull();
    expect(readMessagesTabOpened({ event: { type: "app_home_opened", tab: "messages" } })).toBeNull();
    expect(readMessagesTabOpened("junk")).toBeNull();
  });

  it("greets once in the DM and sets the suggested prompts there, without thread_ts", async () => {
    const res = await postSlack(server, opened("U700"));
    expect(res.status).toBe(200);
    const greeting = await waitForPost(fake, 0, /Customer Care/, "D700");
    expect(greeting.params.thread_ts).toBeUndefined();
    const prompts = await fake.waitFor(() => fake.callsTo("assistant.threads.setSuggestedPrompts")[0]);
    expect(prompts.params.channel_id).toBe("D700");
    expect(prompts.params.thread_ts).toBeUndefined();
    expect(prompts.params.title).toBe(PROMPTS_TITLE);
    const sent =
      typeof prompts.params.prompts === "string" ? JSON.parse(prompts.params.prompts) : prompts.params.prompts;
    expect(sent).toEqual(SUGGESTED_PROMPTS);

    // opening the DM again, and Slack retrying the first event, greet no more
    await postSlack(server, opened("U700"));
    await postSlack(server, opened("U700"));
    await sayInDm(server, "kpis?", "U700");
    await fake.waitFor(() => postsTo(fake, "D700").length >= 2);
    const [, answer, ...more] = postsTo(fake, "D700");
    expect(blockText(answer!.params.blocks)).toMatch(/KPI/);
    expect(more).toEqual([]); // the greeting, then the answer: no second greeting
    expect(fake.callsTo("assistant.threads.setSuggestedPrompts")).toHaveLength(1);
  });

  it("a clicked prompt is the user's own message: it is answered in the DM", async () => {
    await sayInDm(server, SUGGESTED_PROMPTS[0]!.message, "U701");
    const answer = await waitForPost(fake, 0, /./, "D701");
    expect(blockText(answer.params.blocks)).toMatch(/salary|earn|£/i);
  });

  it("an unsigned open is refused and greets nobody", async () => {
    const body = opened("U702");
    const res = await postSlack(server, body, { signature: signature(body, Math.floor(Date.now() / 1000), "wrong") });
    expect(res.status).toBe(401);
    await sayInDm(server, "hello", "U702");
    await waitForPost(fake, 0, /./, "D702");
    expect(fake.callsTo("assistant.threads.setSuggestedPrompts")).toHaveLength(0);
  });
});
