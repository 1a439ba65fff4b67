/**
 * Bot Framework tokens for tests: an RSA key published (through nock) where botbuilder looks for the
 * channel's signing keys, tokens signed with it the way the Bot Connector signs them, and the Entra
 * token endpoint the bot asks for its own outgoing token. Nothing leaves the machine.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import nock from "nock";

export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
export const OUTGOING_TOKEN = "test-outgoing-access-token";

export interface TokenKit {
  /** A token as the Bot Connector would send it for this app and serviceUrl; override claims to break it. */
  token(claims: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string;
  /** The bodies of the bot's token requests to Entra (the client secret masked). */
  tokenRequests: string[];
  /** A key nobody published. */
  strangerKey: KeyObject;
  done(): void;
}

export function botFrameworkTokens(): TokenKit {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  nock("https://login.botframework.com")
    .persist()
    .get("/v1/.well-known/openidconfiguration")
    .reply(200, {
      issuer: BOT_FRAMEWORK_ISSUER,
      jwks_uri: "https://login.botframework.com/v1/.well-known/keys",
      id_token_signing_alg_values_supported: ["RS256"],
    })
    .get("/v1/.well-known/keys")
    .reply(200, { keys: [{ kty: "RSA", use: "sig", kid: "test-key", n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] });
  const tokenRequests: string[] = [];
  nock("https://login.microsoftonline.com")
    .persist()
    .post(/\/oauth2\/v2\.0\/token/)
    .reply(200, (_uri, body) => {
      tokenRequests.push(
        String(typeof body === "string" ? body : new URLSearchParams(body as Record<string, string>)).replace(
          /client_secret=[^&]*/,
          "client_secret=***",
        ),
      );
      return { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: OUTGOING_TOKEN };
    });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return {
    token(claims, options = {}) {
      const unsigned = `${b64({ alg: "RS256", kid: options.kid ?? "test-key", typ: "JWT" })}.${b64(claims)}`;
      return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), options.key ?? privateKey).toString("base64url")}`;
    },
    tokenRequests,
    strangerKey: stranger.privateKey,
    done: () => nock.cleanAll(),
  };
}

/** The claims of a valid Bot Connector token for `appId`, replying to `serviceUrl`. */
export function connectorClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: BOT_FRAMEWORK_ISSUER,
    aud: appId,
    serviceurl: serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 600,
  };
}
