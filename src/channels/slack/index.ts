/** Slack channel (placeholder until the Slack adapter lands): off, with a line saying so. */
import type { ChannelFactory } from "../channel.ts";

export const slackChannel: ChannelFactory = async ({ log }) => {
  log.info("Slack is off: the Slack adapter is not built yet");
  return null;
};
