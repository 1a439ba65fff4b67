/**
 * What the Slack app registers and calls, as data. app.ts registers exactly these events and this
 * command; deliver.ts calls only these Web API methods. manifest.yml must list the same command,
 * events and scopes (tests/slack/manifest.test.ts checks it), and the agent view of agent.ts.
 */

/** The slash command. */
export const SLACK_COMMAND = "/careerfaq";

/** HTTP mode: events, the command and interactivity all arrive here. */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Bot events (manifest names) → the Bolt event type each arrives as, and the scopes it needs.
 * The three message.* events all arrive as "message"; the event's channel_type tells them apart.
 * message.channels and message.groups carry the experts' replies in EXPERTS_CHANNEL (every other
 * channel message is ignored: in channels the bot answers mentions only).
 */
export const SLACK_EVENTS = {
  app_mention: { bolt: "app_mention", scopes: ["app_mentions:read"] },
  "message.im": { bolt: "message", scopes: ["im:history"] },
  "message.channels": { bolt: "message", scopes: ["channels:history"] },
  "message.groups": { bolt: "message", scopes: ["groups:history"] },
  /** The Home tab (the home view) and, in the agent messaging experience, the Messages tab (the DM). */
  app_home_opened: { bolt: "app_home_opened", scopes: [] },
} as const satisfies Record<string, { bolt: string; scopes: readonly string[] }>;
export type SlackEventName = keyof typeof SLACK_EVENTS;

/** Every Web API method the adapter calls with the bot token, and the bot scopes each needs. */
export const SLACK_METHODS = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "conversations.open": ["im:write"],
  // After a crash: was an answer already posted? (scopes already held for the message events)
  "conversations.replies": ["channels:history", "groups:history", "im:history"],
  "conversations.history": ["channels:history", "groups:history", "im:history"],
  "views.publish": [],
  "assistant.threads.setSuggestedPrompts": ["assistant:write"],
} as const satisfies Record<string, readonly string[]>;
export type SlackMethod = keyof typeof SLACK_METHODS;

/** Scope the slash command needs. */
const COMMAND_SCOPES = ["commands"] as const;

/** The bot scopes the app needs: the union of the above, sorted. */
export const SLACK_SCOPES: readonly string[] = [
  ...new Set<string>([
    ...COMMAND_SCOPES,
    ...Object.values(SLACK_EVENTS).flatMap((e) => e.scopes),
    ...Object.values(SLACK_METHODS).flat(),
  ]),
].sort();
