/**
 * How the bot authenticates with the Bot Framework. Without MicrosoftAppId: local mode, no JWT check
 * and no token on replies (Bot Framework Emulator, tests). With it: botbuilder validates every
 * request's token (401 otherwise) and signs replies with the app's credentials.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { type CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Config } from "../../config.ts";
import { ConfigError } from "../../core/errors.ts";

/** What CloudAdapter is built with (botframework-connector's type, not a direct dependency). */
export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export interface TeamsAuth {
  mode: "local" | "authenticated";
  authentication: BotFrameworkAuthentication;
  /** For the start-up log line: never the password, and only the app id's last four characters. */
  describe: Record<string, string>;
  /** The last verification's outcome (/healthz): unknown, ok, or unavailable (keys cannot be fetched). */
  verification: { state: "local" | "unknown" | "ok" | "unavailable"; error?: string };
}

export function teamsAuth(config: Config): TeamsAuth {
  const appId = config.MicrosoftAppId;
  if (!appId) {
    return {
      mode: "local",
      authentication: new ConfigurationBotFrameworkAuthentication({}),
      describe: { auth: "none" },
      verification: { state: "local" },
    };
  }
  const appType = config.MicrosoftAppType ?? "MultiTenant";
  if (appType === "UserAssignedMSI" && config.MicrosoftAppPassword) {
    throw new ConfigError([
      "MicrosoftAppPassword: must not be set when MicrosoftAppType is UserAssignedMSI (the managed identity replaces it); unset it",
    ]);
  }
  const options = {
    MicrosoftAppId: appId,
    MicrosoftAppType: appType,
    ...(config.MicrosoftAppPassword ? { MicrosoftAppPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppTenantId ? { MicrosoftAppTenantId: config.MicrosoftAppTenantId } : {}),
  };
  let authentication: BotFrameworkAuthentication;
  try {
    authentication = new ConfigurationBotFrameworkAuthentication(options);
  } catch (err) {
    // botbuilder's own checks (e.g. a tenant id for SingleTenant); its messages name the setting and hold no secret.
    throw new ConfigError([`MicrosoftAppType: botbuilder rejected the Teams credentials: ${(err as Error).message}`]);
  }
  const verification: TeamsAuth["verification"] = { state: "unknown" };
  return {
    mode: "authenticated",
    authentication: withTokenErrorsMarked(authentication, verification),
    describe: { auth: "jwt", appId: `…${appId.slice(-4)}`, appType },
    verification,
  };
}

/**
 * Per request: whether the token was rejected (the route answers 401), or could not be verified at
 * all because the signing keys cannot be fetched (503: the bot cannot work, a clear log, never a 500).
 */
export const tokenCheck = new AsyncLocalStorage<{ rejected: boolean; unavailable?: string }>();

/** jsonwebtoken's errors for a token that is not valid (bad signature, malformed, not yet valid, expired). */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

/**
 * botbuilder 4.23.3 turns some invalid tokens into 401 (wrong audience, expired) but lets a bad
 * signature or a malformed token escape as a plain error, which CloudAdapter answers with 500. The
 * request is marked here so the route answers 401: a forged token is bad input, not a server fault.
 */
function withTokenErrorsMarked(
  authentication: BotFrameworkAuthentication,
  verification: TeamsAuth["verification"],
): BotFrameworkAuthentication {
  const authenticate = authentication.authenticateRequest.bind(authentication);
  authentication.authenticateRequest = async (activity, authHeader) => {
    try {
      const result = await authenticate(activity, authHeader);
      Object.assign(verification, { state: "ok", error: undefined });
      return result;
    } catch (err) {
      const check = tokenCheck.getStore();
      const status = (err as { statusCode?: number }).statusCode;
      if (TOKEN_ERRORS.has((err as Error)?.name) || status === 401 || status === 403) {
        if (check) check.rejected = true;
      } else {
        // Not the token's fault: the OpenID metadata or the signing keys could not be fetched.
        const error = (err as Error)?.message ?? String(err);
        Object.assign(verification, { state: "unavailable", error });
        if (check) check.unavailable = error;
      }
      throw err;
    }
  };
  return authentication;
}
