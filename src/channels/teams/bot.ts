/**
 * One Teams turn: the first route whose `select` matches the activity handles it (routes as data, in
 * order). Messages and card submits go to the engine, except an expert's reply in a forwarded
 * question's thread, which is relayed to the asker; installing the bot in a team or group chat shows
 * one welcome card there (in a personal chat the manifest's prompt starters greet instead); a click
 * on an Action.Execute button (invoke adaptiveCard/action) is answered by invoke.ts. Anything else
 * is acknowledged and ignored; another invoke gets 501 from botbuilder (no invoke response is set).
 */
import type { Activity, TurnContext } from "botbuilder";
import type { Engine } from "../../core/engine.ts";
import { keys } from "../../core/keys.ts";
import type { Store } from "../../core/store.ts";
import type { Logger } from "../../log.ts";
import { deliver } from "./deliver.ts";
import type { TeamsExperts } from "./experts.ts";
import { encodeTeamsConversation } from "./ids.ts";
import { type InboundOptions, isDirect, toInbound } from "./inbound.ts";
import { CARD_ACTION_INVOKE, cardAction } from "./invoke.ts";

export interface TurnDeps {
  engine: Engine;
  store: Store;
  log: Logger;
  inbound: InboundOptions;
  /** Ask an expert, when TEAMS_EXPERTS_CONVERSATION is set. */
  experts?: TeamsExperts;
}

interface TeamsRoute {
  name: string;
  select(activity: Activity): boolean;
  handle(context: TurnContext, deps: TurnDeps): Promise<void>;
}

export const welcomeKey = (activity: Pick<Activity, "conversation">) => keys.teamsWelcome(activity.conversation.id);

const botIn = (members: unknown, activity: Activity) =>
  Array.isArray(members) && members.some((m) => m?.id === activity.recipient.id);

export const ROUTES: readonly TeamsRoute[] = [
  {
    name: "install",
    select: (a) =>
      (a.type === "conversationUpdate" && botIn(a.membersAdded, a)) ||
      (a.type === "installationUpdate" && a.action === "add"),
    handle: welcome,
  },
  {
    name: "uninstall",
    select: (a) =>
      (a.type === "conversationUpdate" && botIn(a.membersRemoved, a)) ||
      (a.type === "installationUpdate" && a.action === "remove"),
    // The bot can no longer post here; forgetting the welcome lets a reinstall greet again.
    handle: async (context, { store }) => store.delete(welcomeKey(context.activity)),
  },
  { name: "message", select: (a) => a.type === "message", handle: message },
  { name: "card-action", select: (a) => a.type === "invoke" && a.name === CARD_ACTION_INVOKE, handle: cardAction },
];

export function teamsLogic(deps: TurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { type, conversation, serviceUrl } = context.activity;
    // What an admin needs to set TEAMS_EXPERTS_CONVERSATION and TEAMS_EXPERTS_SERVICE_URL (LOG_LEVEL=debug).
    deps.log.debug("Teams activity", { type, conversation: encodeTeamsConversation(conversation.id), serviceUrl });
    const route = ROUTES.find((r) => r.select(context.activity));
    if (!route) {
      deps.log.debug("Teams activity ignored", { type: context.activity.type, name: context.activity.name });
      return;
    }
    await route.handle(context, deps);
  };
}

async function message(context: TurnContext, { engine, log, inbound: options, experts }: TurnDeps): Promise<void> {
  if (experts && (await experts.relayReply(context))) return;
  const inbound = toInbound(context.activity, options);
  if (!inbound) {
    log.debug("Teams card submit without careerfaq data ignored", {
      conversation: encodeTeamsConversation(context.activity.conversation.id),
    });
    return;
  }
  const outbound = await engine.handle(inbound);
  await deliver(context, outbound, log, experts);
}

/**
 * One welcome per team or group chat: conversationUpdate and installationUpdate both arrive on install.
 * A personal chat gets none: the prompt starters greet the user there, and Teams asks bots with prompt
 * starters not to send a welcome message as well (learn.microsoft.com, "Create prompt suggestions").
 */
async function welcome(context: TurnContext, { engine, store, log }: TurnDeps): Promise<void> {
  if (isDirect(context.activity)) {
    log.debug("Teams personal install: the prompt starters greet the user, no welcome card");
    return;
  }
  const key = welcomeKey(context.activity);
  if (!(await store.setIfAbsent(key, new Date().toISOString()))) return;
  const sent = await deliver(context, [{ reply: engine.welcome() }], log);
  if (sent === 0) await store.delete(key); // nothing reached Teams: let the next install event try again
}
