/**
 * Whether Slack is configured, decided without loading Bolt: the server imports the Slack channel
 * (and with it @slack/bolt) only when this says yes.
 */
import type { ChannelContext } from "../channel.ts";
import { SLACK_EVENTS_PATH } from "./manifest.ts";

/** True when any SLACK_* credential is set; otherwise logs how to turn Slack on and returns false. */
export function slackEnabled({ config, log }: Pick<ChannelContext, "config" | "log">): boolean {
  if (config.SLACK_BOT_TOKEN || config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) return true;
  log.info(
    `Slack is off: to turn it on, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode, POST ${SLACK_EVENTS_PATH}), or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode)`,
  );
  return false;
}
