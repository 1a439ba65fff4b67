/**
 * Configuration: environment variables (and a .env file, via dotenv), validated by one zod schema.
 * Every problem names the variable and says how to fix it; values are never echoed back, so a
 * mistyped secret does not end up in a log.
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

export const ConfigSchema = z.object({
  CAREERFAQ_CONTENT_DIR: z.string().min(1).optional(),
  ROUTER_ANSWER_THRESHOLD: unit("ROUTER_ANSWER_THRESHOLD", DEFAULT_ROUTER_CONFIG.answerThreshold),
  ROUTER_CLARIFY_THRESHOLD: unit("ROUTER_CLARIFY_THRESHOLD", DEFAULT_ROUTER_CONFIG.clarifyThreshold),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"], { error: "LOG_LEVEL must be one of debug, info, warn, error, silent" }).default("info"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads and validates configuration. `env` defaults to process.env after loading .env (if present). */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (!env) {
    loadDotenv({ quiet: true });
    env = process.env;
  }
  // Empty strings mean "not set" (a blank line in .env).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? "config")}: ${i.message}`));
  }
  const c = parsed.data;
  if (c.ROUTER_CLARIFY_THRESHOLD > c.ROUTER_ANSWER_THRESHOLD) {
    throw new ConfigError(["ROUTER_CLARIFY_THRESHOLD: must not be above ROUTER_ANSWER_THRESHOLD (lower it, or raise ROUTER_ANSWER_THRESHOLD)"]);
  }
  return c;
}
