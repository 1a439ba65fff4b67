/**
 * The Microsoft Teams channel (botbuilder CloudAdapter on POST /api/messages). Always on: local mode
 * without MicrosoftAppId (Bot Framework Emulator, tests), authenticated with it. Every botbuilder
 * import lives in this folder, behind the Channel seam, so a port to the Teams SDK stays contained.
 */
import { CloudAdapter } from "botbuilder";
import { keys } from "../../core/keys.ts";
import type { Channel, ChannelFactory } from "../channel.ts";
import { RecentIds } from "../recent.ts";
import { teamsAuth } from "./auth.ts";
import { teamsLogic } from "./bot.ts";
import { expertsSettings, TeamsExperts } from "./experts.ts";
import { MESSAGES_PATH, messagesRoute } from "./http.ts";
import { encodeTeamsConversation } from "./ids.ts";

export { TEAMS_COMMANDS } from "./commands.ts";

export const teamsChannel: ChannelFactory = async ({ config, engine, store, log }) => {
  const auth = teamsAuth(config);
  const teamsLog = log.child({ channel: "teams" });
  const adapter = new CloudAdapter(auth.authentication);
  adapter.onTurnError = async (context, error) => {
    teamsLog.error("Teams turn failed", {
      code: "CHANNEL_FAILED",
      conversation: encodeTeamsConversation(String(context.activity.conversation?.id)),
      type: context.activity.type,
      err: error,
    });
  };
  const local = auth.mode === "local";
  const settings = expertsSettings(config, local);
  const experts = settings
    ? new TeamsExperts({
        adapter,
        store,
        log: teamsLog,
        ...settings,
        appId: config.MicrosoftAppId ?? "",
        loopbackOnly: local,
      })
    : undefined;
  const logic = teamsLogic({ engine, store, log: teamsLog, inbound: { adminIds: config.TEAMS_ADMIN_IDS }, experts });
  if (local) {
    log.info(
      `Teams is on in local mode at POST ${MESSAGES_PATH}: no authentication, replies only to a serviceUrl on this machine (Bot Framework Emulator, tests); set MicrosoftAppId and MicrosoftAppPassword to connect to Microsoft Teams`,
    );
  } else {
    log.info(`Teams is on at POST ${MESSAGES_PATH}: requests authenticated`, auth.describe);
  }
  if (settings)
    log.info("Teams ask-an-expert is on: declined questions can be forwarded to the experts' channel", {
      conversation: settings.conversation,
    });
  else
    log.debug(
      "Teams ask-an-expert is off: set TEAMS_EXPERTS_CONVERSATION and TEAMS_EXPERTS_SERVICE_URL to forward declined questions to an experts' channel",
    );
  // Redeliveries: the store remembers activity ids for an hour; when it fails, this process does.
  const recent = new RecentIds();
  const firstTime = async (conversationId: string, activityId: string) => {
    if (recent.seen(`${conversationId}:${activityId}`)) return false;
    return store.setIfAbsent(keys.teamsActivity(conversationId, activityId), "1", 3600_000).catch(() => true);
  };
  const channel: Channel = {
    name: "teams",
    routes: [messagesRoute({ adapter, logic, log: teamsLog, loopbackOnly: local, firstTime })],
    // Nothing long-lived: the server drains requests in flight before channels stop.
    stop: async () => {},
    health: () => ({
      ok: auth.verification.state !== "unavailable",
      auth: auth.verification.state,
      ...(auth.verification.error ? { error: auth.verification.error.slice(0, 200) } : {}),
    }),
  };
  return channel;
};
