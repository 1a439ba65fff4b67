/**
 * Slack's agent messaging experience (manifest.yml → features.agent_view). The bot's DM is the
 * agent's conversation: when a user opens it, Slack sends app_home_opened with tab "messages" (it
 * replaces assistant_thread_started; docs.slack.dev/ai/migrating-to-agent-messaging). The first time
 * a user opens it the bot greets them there and sets the suggested prompts with
 * assistant.threads.setSuggestedPrompts, without thread_ts (which the agent experience refuses). A
 * prompt clicked is posted as the user's own message, so it reaches the engine like any DM.
 * manifest.yml must list the same description and prompts (tests/slack/agent-view.test.ts checks it).
 */
import type { Engine } from "../../core/engine.ts";
import { keys } from "../../core/keys.ts";
import type { Store } from "../../core/store.ts";
import type { Outbound } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { STARTER_PROMPTS } from "../prompts.ts";
import type { Delivery, Place } from "./deliver.ts";
import { encodeSlackUser } from "./ids.ts";
import { rec, str } from "./inbound.ts";

/** What Slack shows about the agent (at most 300 characters). */
export const AGENT_DESCRIPTION =
  "Answers career questions about the Customer Care / Customer Service Director role from five published sources: pay by country, level and source, how to get there, skills, KPIs and outlook. Every answer names its sources.";

/** Suggested prompts (at most 4): each message is a question the bot answers (src/channels/prompts.ts). */
export const SUGGESTED_PROMPTS: readonly { title: string; message: string }[] = STARTER_PROMPTS.map(
  ({ title, message }) => ({ title, message }),
);

/** The title Slack shows above the prompts. */
export const PROMPTS_TITLE = "Try asking";

export interface MessagesTabOpened {
  team: string;
  user: string;
  /** The user's DM with the bot. */
  channel: string;
  eventId?: string;
}

/** app_home_opened on the Messages tab (the bot's DM); null for the Home tab or a malformed event. */
export function readMessagesTabOpened(body: unknown): MessagesTabOpened | null {
  const b = rec(body);
  const event = rec(b?.event);
  if (!b || event?.type !== "app_home_opened" || event.tab !== "messages") return null;
  const auth = Array.isArray(b.authorizations) ? rec(b.authorizations[0]) : undefined;
  const team = str(b.team_id) ?? str(auth?.team_id) ?? str(event.team);
  const user = str(event.user);
  const channel = str(event.channel);
  if (!team || !user || !channel) return null;
  const eventId = str(b.event_id);
  return { team, user, channel, ...(eventId ? { eventId } : {}) };
}

/** The greeting, decided before it is sent (the inbox records it): the welcome, then the prompts. */
export interface GreetPlan {
  kind: "greet";
  place: Place;
  outbounds: Outbound[];
  prompts: readonly { title: string; message: string }[];
}

export interface GreetDeps {
  engine: Pick<Engine, "welcome">;
  store: Store;
  log: Logger;
}

/** The greeting the first time a user opens the DM; null later (or when the store cannot tell). */
export async function planGreeting(deps: GreetDeps, opened: MessagesTabOpened): Promise<GreetPlan | null> {
  let first: boolean;
  try {
    first = await deps.store.setIfAbsent(keys.greeted(encodeSlackUser(opened)), new Date().toISOString());
  } catch (err) {
    // Not greeting is better than greeting on every open while the store is down.
    deps.log.warn("could not check whether the user was greeted; not greeting", { event: "app_home_opened", err });
    return null;
  }
  if (!first) return null;
  const place: Place = {
    event: "app_home_opened",
    team: opened.team,
    user: opened.user,
    channel: opened.channel,
    direct: true,
    privateHere: false,
  };
  return { kind: "greet", place, outbounds: [{ reply: deps.engine.welcome() }], prompts: SUGGESTED_PROMPTS };
}

export async function sendGreeting(delivery: Delivery, plan: GreetPlan): Promise<void> {
  await delivery.deliver(plan.place, plan.outbounds);
  await delivery.suggestPrompts(plan.place, plan.prompts, PROMPTS_TITLE);
}
