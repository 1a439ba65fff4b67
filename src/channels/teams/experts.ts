/**
 * Ask an expert in Teams. A question the engine forwards (`to: "experts"`) is posted as a new
 * message, which starts a new thread, in the experts' channel (TEAMS_EXPERTS_CONVERSATION through
 * the Bot Connector at TEAMS_EXPERTS_SERVICE_URL), headed with who asked. The thread and the asker's
 * conversation reference are remembered; an expert's reply in that thread (@-mentioning the bot,
 * which is how Teams delivers channel messages to a bot) is relayed to the asker's conversation.
 */
import {
  type Activity,
  type ChannelAccount,
  type CloudAdapter,
  type ConversationAccount,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { jsonCodec } from "../../core/codec.ts";
import { ConfigError } from "../../core/errors.ts";
import { relay, rememberForward } from "../../core/experts.ts";
import { keys } from "../../core/keys.ts";
import type { Store } from "../../core/store.ts";
import type { Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { readSubmit } from "./cards.ts";
import { isLoopbackUrl } from "./http.ts";
import { encodeTeamsConversation } from "./ids.ts";
import { messageText } from "./inbound.ts";
import { replyActivities } from "./render.ts";
import { send } from "./send.ts";

/** As long as the core remembers a forwarded thread. */
const ASKER_TTL_MS = 30 * 24 * 3600_000;
const RELAYED_TTL_MS = 24 * 3600_000;
/** A channel's conversation id: the thread's root is not part of it. */
const CHANNEL_ID = /^19:[^;\s]+@thread\.(tacv2|skype)$/i;

export const askerKey = keys.teamsExpertAsker;
const relayedKey = keys.teamsExpertRelayed;
/** What is kept of the asker's conversation reference (for the proactive reply). */
const ReferenceSchema = z.looseObject({
  serviceUrl: z.string(),
  // Kept whole as botbuilder wrote it; what the proactive send needs of it is its id.
  conversation: z.custom<ConversationAccount>((value) => typeof (value as { id?: unknown } | null)?.id === "string"),
});
const referenceCodec = jsonCodec(ReferenceSchema);

export interface ExpertsDeps {
  adapter: CloudAdapter;
  store: Store;
  log: Logger;
  /** The experts' channel conversation id ("19:…@thread.tacv2") and its Bot Connector. */
  conversation: string;
  serviceUrl: string;
  /** The bot's app id for proactive sends ("" in local mode). */
  appId: string;
  /** Local mode: send only to a serviceUrl on this machine (nothing is authenticated). */
  loopbackOnly: boolean;
}

/** The experts' settings, or null when ask-an-expert is off in Teams. Throws on a half or malformed setup. */
export function expertsSettings(config: Config, local: boolean): { conversation: string; serviceUrl: string } | null {
  const conversation = config.TEAMS_EXPERTS_CONVERSATION;
  const serviceUrl = config.TEAMS_EXPERTS_SERVICE_URL;
  if (!conversation && !serviceUrl) return null;
  if (!serviceUrl)
    throw new ConfigError([
      "TEAMS_EXPERTS_SERVICE_URL: required with TEAMS_EXPERTS_CONVERSATION (the serviceUrl of the activities the bot receives from that team, e.g. https://smba.trafficmanager.net/emea/)",
    ]);
  if (!conversation)
    throw new ConfigError([
      "TEAMS_EXPERTS_CONVERSATION: required with TEAMS_EXPERTS_SERVICE_URL (the experts' channel conversation id, 19:…@thread.tacv2)",
    ]);
  if (!CHANNEL_ID.test(conversation)) {
    throw new ConfigError([
      "TEAMS_EXPERTS_CONVERSATION: must be a Teams channel's conversation id such as 19:abc123@thread.tacv2 (without ;messageid=…), so that each question starts a thread the experts can reply in",
    ]);
  }
  if (local && !isLoopbackUrl(serviceUrl)) {
    throw new ConfigError([
      "TEAMS_EXPERTS_SERVICE_URL: in local mode (no MicrosoftAppId) the bot only posts to a serviceUrl on this machine; set MicrosoftAppId to post to Microsoft Teams, or use a localhost URL",
    ]);
  }
  return { conversation, serviceUrl };
}

export class TeamsExperts {
  constructor(private readonly deps: ExpertsDeps) {}

  /** Posts a forwarded question as a new thread and remembers it; false when Teams did not take it. */
  async forward(context: TurnContext, out: Outbound): Promise<boolean> {
    const about = out.about;
    if (!about) {
      this.deps.log.warn("a question for the experts had no asker; not forwarded", { code: "CHANNEL_FAILED" });
      return false;
    }
    const asked = context.activity;
    const header = `Asked by ${plainName(about.userName)}${where(asked)}`;
    const reply: Reply = { ...out.reply, blocks: [{ type: "text", text: header }, ...out.reply.blocks] };
    const [first, ...more] = replyActivities(reply);
    const root = await this.post(this.deps.conversation, first!, asked.recipient, asked.conversation.tenantId);
    if (!root) {
      this.deps.log.error(
        "could not post to the experts' channel: add the app to that team and check TEAMS_EXPERTS_CONVERSATION and TEAMS_EXPERTS_SERVICE_URL",
        { code: "CHANNEL_FAILED", conversation: encodeTeamsConversation(this.deps.conversation) },
      );
      return false;
    }
    const thread = `${this.deps.conversation};messageid=${root}`;
    for (const activity of more) await this.post(thread, activity, asked.recipient, asked.conversation.tenantId);
    const platformThread = encodeTeamsConversation(thread);
    const { activityId: _reply, ...reference } = TurnContext.getConversationReference(asked);
    // Under the asker's refs, so "forget me" deletes it with the thread the core remembers.
    await this.deps.store.commit([
      { kind: "set", key: askerKey(platformThread), value: JSON.stringify(reference), ttlMs: ASKER_TTL_MS },
      { kind: "append", key: keys.refs(about.user), value: askerKey(platformThread) },
    ]);
    await rememberForward(this.deps.store, platformThread, {
      user: about.user,
      conversation: about.conversation,
      channel: "teams",
      question: about.question,
      at: Date.now(),
    });
    return true;
  }

  /**
   * An expert's message in a remembered thread: relayed to the asker, and true (the turn is done).
   * False for anything else, which the bot then handles like any message.
   */
  async relayReply(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (!activity.conversation.id.startsWith(`${this.deps.conversation};messageid=`) || readSubmit(activity.value))
      return false;
    const answer = messageText(activity);
    if (!answer) return false;
    const platformThread = encodeTeamsConversation(activity.conversation.id);
    const relayed = await relay(
      this.deps.store,
      platformThread,
      activity.from.name ? plainName(activity.from.name) : undefined,
      answer,
    );
    if (!relayed) return false;
    const log = { conversation: platformThread, asker: relayed.asker.conversation };
    // A delivery Teams retries is relayed once.
    if (activity.id && !(await this.deps.store.setIfAbsent(relayedKey(activity.id), "1", RELAYED_TTL_MS))) return true;
    const reference = referenceCodec.decode(await this.deps.store.get(askerKey(platformThread)));
    if (!reference?.serviceUrl || !reference.conversation?.id) {
      this.deps.log.warn("an expert replied, but the asker's conversation is no longer known; nothing relayed", log);
      return true;
    }
    const sent = await this.proactive(reference, replyActivities(relayed.reply));
    if (sent === 0) {
      this.deps.log.error("could not relay an expert's reply to the asker", { code: "CHANNEL_FAILED", ...log });
      if (activity.id) await this.deps.store.delete(relayedKey(activity.id));
    }
    return true;
  }

  /** A new message in `conversationId` of the experts' Bot Connector; its activity id, or undefined. */
  private async post(
    conversationId: string,
    activity: Partial<Activity>,
    bot: ChannelAccount,
    tenantId?: string,
  ): Promise<string | undefined> {
    const conversation = {
      id: conversationId,
      isGroup: true,
      conversationType: "channel",
      ...(tenantId ? { tenantId } : {}),
    } as ConversationAccount;
    let id: string | undefined;
    await this.proactive(
      { channelId: "msteams", serviceUrl: this.deps.serviceUrl, conversation, bot },
      [activity],
      (res) => (id = res),
    );
    return id;
  }

  /** Sends activities to a conversation outside the current turn; how many Teams accepted. */
  private async proactive(
    reference: Partial<ConversationReference>,
    activities: Partial<Activity>[],
    onFirst?: (id: string | undefined) => void,
  ): Promise<number> {
    let sent = 0;
    if (this.deps.loopbackOnly && !isLoopbackUrl(reference.serviceUrl ?? "http://invalid/")) {
      this.deps.log.warn(
        "not sent: local mode only sends to a serviceUrl on this machine; set MicrosoftAppId to connect to Teams",
        { conversation: encodeTeamsConversation(String(reference.conversation?.id)) },
      );
      return 0;
    }
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        // botbuilder would reply to the continuation event's made-up id; these are new messages (a new thread).
        context.onSendActivities(async (_context, outgoing, next) => {
          for (const activity of outgoing) delete activity.replyToId;
          return next();
        });
        for (const activity of activities) {
          const accepted = await send(context, activity, this.deps.log);
          if (!accepted) break;
          if (sent++ === 0) onFirst?.(accepted.id);
        }
      });
    } catch (err) {
      // e.g. no token for the bot's credentials: logged, the turn that asked goes on.
      this.deps.log.warn("Teams did not accept a proactive message", {
        code: "CHANNEL_FAILED",
        conversation: encodeTeamsConversation(String(reference.conversation?.id)),
        err,
      });
    }
    return sent;
  }
}

/** A display name as plain words: no tags, markdown or anything Teams could turn into a mention or a link. */
export function plainName(name: string | undefined): string {
  const plain = (name ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(/[^\p{L}\p{M}\p{N} .,'’-]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
  return plain || "Someone";
}

function where(activity: Activity): string {
  switch (activity.conversation.conversationType) {
    case "personal":
      return " in a personal chat";
    case "channel":
      return " in a channel";
    case "groupChat":
      return " in a group chat";
    default:
      return "";
  }
}
