/** Teams channel (placeholder until the Teams adapter lands): off, with a line saying so. */
import type { ChannelFactory } from "../channel.ts";

export const teamsChannel: ChannelFactory = async ({ log }) => {
  log.info("Teams is off: the Teams adapter is not built yet");
  return null;
};
