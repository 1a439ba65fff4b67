/**
 * A small structured logger: one line per event, JSON when LOG_FORMAT=json, readable otherwise.
 * Anything that looks like a secret (Slack tokens, bearer tokens, passwords in URLs) is masked
 * before it is written, whatever the caller passed.
 */
export type Level = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abposr]-[A-Za-z0-9-]{6,}/g, "xox?-***"],
  [/xapp-[A-Za-z0-9-]{6,}/g, "xapp-***"],
  [/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 ***"],
  [/(\/\/[^:/@\s]*:)[^@/\s]+@/g, "$1***@"],
  // A JSON field named like a secret: its value, whatever it looks like.
  [/("(?:password|secret|token|signing_secret|client_secret|appPassword|authorization)"\s*:\s*")[^"]+/gi, "$1***"],
];

/** Unquoted `password=…` or `token: …` in text: masked when the value looks like one (not a word of prose). */
const KEY_VALUE = /\b((?:password|secret|token|signing_secret|client_secret|appPassword)\s*[:=]\s*)([^\s"',}]+)/gi;
const looksSecret = (value: string) => value.length >= 16 || (value.length >= 6 && /[\d_+/=.-]/.test(value));

/** Masks secret values in any string (values, not words: "the bot token: check SLACK_BOT_TOKEN" stays). */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out.replace(KEY_VALUE, (whole, key: string, value: string) => (looksSecret(value) ? `${key}***` : whole));
}

/** Field names whose values are never logged, whatever they look like. */
const SECRET_FIELD = /password|secret|token|authorization|cookie/i;

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      error: err.message,
      ...(code !== undefined ? { code } : {}),
      ...(err.stack ? { stack: err.stack.split("\n").slice(0, 4).join(" | ") } : {}),
    };
  }
  return { error: String(err) };
}

export function createLogger(
  options: { level?: Level; json?: boolean; write?: (line: string) => void; fields?: Record<string, unknown> } = {},
): Logger {
  const level = options.level ?? "info";
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.fields ?? {};
  const emit = (at: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    const all: Record<string, unknown> = { ...base, ...fields };
    if ("err" in all) Object.assign(all, errorFields(all.err), { err: undefined });
    const entries = Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, SECRET_FIELD.test(k) && typeof v === "string" ? "***" : v] as const);
    const line = options.json
      ? JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...Object.fromEntries(entries) })
      : `${new Date().toISOString()} ${at.padEnd(5)} ${msg}${entries.length ? ` ${entries.map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ")}` : ""}`;
    write(redact(line));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/**
 * Libraries that write to the console themselves (botbuilder prints authentication errors with their
 * stack traces) go through the logger instead: one line, masked, in LOG_FORMAT. For the server process.
 */
export function routeConsole(log: Logger): void {
  const text = (args: unknown[]) =>
    args
      .map((a) =>
        a instanceof Error ? `${a.name}: ${a.message.split("\n")[0]}` : typeof a === "string" ? a : safeJson(a),
      )
      .join(" ")
      .slice(0, 1000);
  const library = log.child({ source: "library" });
  console.error = (...args: unknown[]) => library.warn(text(args));
  console.warn = (...args: unknown[]) => library.warn(text(args));
  console.info = (...args: unknown[]) => library.info(text(args));
  console.log = (...args: unknown[]) => library.info(text(args));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
