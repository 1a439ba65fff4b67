/**
 * Configuration: environment variables (and a .env file, via dotenv), validated by one zod schema.
 * Every problem names the variable and says how to fix it; values are never echoed back, so a
 * mistyped secret does not end up in a log. A channel whose credentials are all absent is off.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { ConfigError } from "./core/errors.ts";
import { DEFAULT_ROUTER_CONFIG } from "./core/router/router.ts";

const unit = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number between 0 and 1, e.g. ${fallback}` })
    .min(0, `${name} must be between 0 and 1`)
    .max(1, `${name} must be between 0 and 1`)
    .default(fallback);

const positiveInt = (name: string, fallback: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number, e.g. ${fallback}` })
    .int(`${name} must be a whole number, e.g. ${fallback}`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`)
    .default(fallback);

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const ConfigSchema = z.object({
  // Content and routing
  CAREERFAQ_CONTENT_DIR: z.string().min(1).optional(),
  ROUTER_ANSWER_THRESHOLD: unit("ROUTER_ANSWER_THRESHOLD", DEFAULT_ROUTER_CONFIG.answerThreshold),
  ROUTER_CLARIFY_THRESHOLD: unit("ROUTER_CLARIFY_THRESHOLD", DEFAULT_ROUTER_CONFIG.clarifyThreshold),
  // HTTP server
  PORT: z.coerce
    .number({ error: "PORT must be a port number, e.g. 3000" })
    .int("PORT must be a whole number, e.g. 3000")
    .min(0, "PORT must be between 0 and 65535")
    .max(65535, "PORT must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // Storage
  STORE: z.enum(["sqlite", "memory", "redis"], { error: "STORE must be sqlite (default), memory or redis" }).optional(),
  DATABASE_PATH: z.string().min(1).default("./var/careerfaq.db"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://, e.g. redis://127.0.0.1:6379")
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, "REDIS_PREFIX must be letters, digits, ':', '_' or '-', e.g. careerfaq:")
    .default("careerfaq:"),
  REQUIRE_REDIS: z.enum(["0", "1"], { error: "REQUIRE_REDIS must be 0 or 1" }).optional(),
  SESSION_TTL_DAYS: positiveInt("SESSION_TTL_DAYS", 7, 365),
  CONVERSATION_TTL_MINUTES: positiveInt("CONVERSATION_TTL_MINUTES", 30, 7 * 24 * 60),
  STORE_TIMEOUT_MS: positiveInt("STORE_TIMEOUT_MS", 1000, 60_000),
  // Reliability: the event inbox and shutdown
  INBOX_LEASE_MS: positiveInt("INBOX_LEASE_MS", 15_000, 3_600_000),
  SHUTDOWN_GRACE_MS: positiveInt("SHUTDOWN_GRACE_MS", 10_000, 600_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt("HTTP_REQUEST_TIMEOUT_MS", 15_000, 600_000),
  // Slack
  SLACK_BOT_TOKEN: z
    .string()
    .regex(
      /^xoxb-/,
      "SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page of your Slack app)",
    )
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(
      /^[A-Za-z0-9]{16,}$/,
      "SLACK_SIGNING_SECRET must be the signing secret from your Slack app's Basic Information page (letters and digits)",
    )
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(
      /^xapp-/,
      "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)",
    )
    .optional(),
  SLACK_API_URL: z.string().url("SLACK_API_URL must be a URL such as https://slack.com/api/").optional(),
  ADMIN_USER_IDS: list,
  EXPERTS_CHANNEL: z
    .string()
    .regex(
      /^[CG][A-Z0-9]{2,}$/,
      "EXPERTS_CHANNEL must be a Slack channel ID such as C0123456789 (channel details → About)",
    )
    .optional(),
  // Microsoft Teams (Bot Framework)
  MicrosoftAppId: z
    .string()
    .uuid("MicrosoftAppId must be the bot's Microsoft App ID (a GUID from the Azure Bot resource)")
    .optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  // New Azure Bots are single-tenant (multi-tenant creation was deprecated after 31 July 2025), so that
  // is the default; a bot registered earlier as multi-tenant sets MicrosoftAppType=MultiTenant.
  MicrosoftAppType: z
    .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
      error: "MicrosoftAppType must be SingleTenant (the default), MultiTenant or UserAssignedMSI",
    })
    .default("SingleTenant"),
  MicrosoftAppTenantId: z
    .string()
    .uuid("MicrosoftAppTenantId must be your Microsoft Entra tenant ID (a GUID)")
    .optional(),
  TEAMS_ADMIN_IDS: list,
  TEAMS_EXPERTS_CONVERSATION: z.string().min(1).optional(),
  TEAMS_EXPERTS_SERVICE_URL: z
    .string()
    .url("TEAMS_EXPERTS_SERVICE_URL must be the serviceUrl of the experts' Teams conversation")
    .optional(),
  // Logging
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error", "silent"], {
      error: "LOG_LEVEL must be one of debug, info, warn, error, silent",
    })
    .default("info"),
  LOG_FORMAT: z.enum(["text", "json"], { error: "LOG_FORMAT must be text or json" }).default("text"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Cross-variable rules: what an enabled channel requires. */
function crossChecks(c: Config): string[] {
  const problems: string[] = [];
  const slackOn = Boolean(c.SLACK_BOT_TOKEN || c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN);
  if (slackOn) {
    if (!c.SLACK_BOT_TOKEN)
      problems.push(
        "SLACK_BOT_TOKEN: required when Slack is configured (xoxb-…, from OAuth & Permissions); or unset every SLACK_* variable to turn Slack off",
      );
    if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
      problems.push(
        "SLACK_SIGNING_SECRET: required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
      );
  }
  if (c.MicrosoftAppId) {
    const type = c.MicrosoftAppType;
    if (type !== "UserAssignedMSI" && !c.MicrosoftAppPassword)
      problems.push(
        "MicrosoftAppPassword: required with MicrosoftAppId (a client secret of the bot's app registration)",
      );
    if (type !== "MultiTenant" && !c.MicrosoftAppTenantId)
      problems.push(
        type === "SingleTenant"
          ? "MicrosoftAppTenantId: required for a single-tenant bot, which MicrosoftAppType defaults to (new Azure Bots are single-tenant): set it to your Microsoft Entra tenant ID (Azure portal → your bot → Configuration → App Tenant ID), or set MicrosoftAppType=MultiTenant for a bot registered as multi-tenant before August 2025"
          : `MicrosoftAppTenantId: required when MicrosoftAppType is ${type} (your Microsoft Entra tenant ID)`,
      );
  } else if (c.MicrosoftAppPassword || c.MicrosoftAppTenantId) {
    problems.push(
      "MicrosoftAppId: required when MicrosoftAppPassword or MicrosoftAppTenantId is set (or unset those to run Teams in local mode)",
    );
  }
  if (c.STORE === "redis" && !c.REDIS_URL)
    problems.push("REDIS_URL: required when STORE=redis, e.g. redis://127.0.0.1:6379");
  if (c.ROUTER_CLARIFY_THRESHOLD > c.ROUTER_ANSWER_THRESHOLD)
    problems.push(
      "ROUTER_CLARIFY_THRESHOLD: must not be above ROUTER_ANSWER_THRESHOLD (lower it, or raise ROUTER_ANSWER_THRESHOLD)",
    );
  return problems;
}

/** Reads and validates configuration. `env` defaults to process.env after loading .env (if present). */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (!env) {
    loadDotenv({ quiet: true });
    env = process.env;
  }
  // Only our variables, and empty strings mean "not set" (a blank line in .env).
  const known = new Set(Object.keys(ConfigSchema.shape));
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.has(k) && v !== undefined && v.trim() !== ""),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? "config");
        return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const problems = crossChecks(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

/** Which store configuration selects: STORE, else redis when REDIS_URL is set, else the embedded SQLite. */
export function storeKind(c: Config): "sqlite" | "memory" | "redis" {
  return c.STORE ?? (c.REDIS_URL ? "redis" : "sqlite");
}
