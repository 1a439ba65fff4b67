/** manifest.yml says what the code registers and calls: the command, the events, the scopes — no more. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  SLACK_COMMAND,
  SLACK_EVENTS,
  SLACK_EVENTS_PATH,
  SLACK_METHODS,
  SLACK_SCOPES,
} from "../../src/channels/slack/manifest.ts";

interface Manifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; url: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[]; user_events?: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(fileURLToPath(new URL("../../manifest.yml", import.meta.url)), "utf8")) as Manifest;

describe("manifest.yml", () => {
  it("declares the command the code registers", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
    const [command] = manifest.features.slash_commands;
    expect(command!.usage_hint).toMatch(/help.*topics.*assess/);
    expect(command!.description.length).toBeGreaterThan(10);
  });

  it("subscribes to exactly the events the code registers", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(SLACK_EVENTS).sort());
    expect(manifest.settings.event_subscriptions.user_events ?? []).toEqual([]);
  });

  it("asks for exactly the scopes the events, the command and the called methods need", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_SCOPES]);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
    expect(SLACK_SCOPES).toEqual([
      "app_mentions:read",
      "assistant:write",
      "channels:history",
      "chat:write",
      "commands",
      "groups:history",
      "im:history",
      "im:write",
    ]);
    expect(Object.keys(SLACK_METHODS).sort()).toEqual([
      "assistant.threads.setSuggestedPrompts",
      "auth.test",
      "chat.postEphemeral",
      "chat.postMessage",
      "conversations.history",
      "conversations.open",
      "conversations.replies",
      "views.publish",
    ]);
  });

  it("creates a working app: bot user, App Home with the messages tab, interactivity, Socket Mode", () => {
    expect(manifest._metadata.major_version).toBe(2);
    expect(manifest.display_information.name).toBe("careerfaq");
    expect(manifest.features.bot_user).toEqual({ display_name: "careerfaq", always_online: false });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    for (const url of [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ]) {
      expect(url).toBe(`https://example.com${SLACK_EVENTS_PATH}`);
    }
  });
});
