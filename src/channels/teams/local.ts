/**
 * What the server needs to know about Teams before loading botbuilder: where it listens, and whether
 * anything Teams-specific is configured. Kept free of botbuilder imports on purpose.
 */
import type { Config } from "../../config.ts";

export const MESSAGES_PATH = "/api/messages";

/**
 * Local mode with nothing else configured (no MicrosoftAppId, no experts' channel): there is nothing
 * to check at start, so botbuilder may load on the first request instead.
 */
export function teamsUnconfigured(config: Config): boolean {
  return !config.MicrosoftAppId && !config.TEAMS_EXPERTS_CONVERSATION && !config.TEAMS_EXPERTS_SERVICE_URL;
}
