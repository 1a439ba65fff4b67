/**
 * The few error classes the app raises on purpose. Each has a stable code for logs;
 * messages say what is wrong and where to fix it, and never carry secrets.
 */
export type ErrorCode =
  | "CONTENT_INVALID"
  | "CONFIG_INVALID"
  | "STORE_FAILED"
  | "STORE_TIMEOUT"
  | "STORE_UNAVAILABLE"
  | "CHANNEL_FAILED"
  | "INTERNAL";

export class CareerfaqError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Invalid files in data/ or intents/: one line per problem, each naming the file and the path inside it. */
export class ContentError extends CareerfaqError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      "CONTENT_INVALID",
      `content is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.join("\n  ")}`,
    );
    this.problems = problems;
  }
}

/** A configuration variable that is missing or malformed: the message names it and says how to fix it. */
export class ConfigError extends CareerfaqError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super("CONFIG_INVALID", `configuration is invalid:\n  ${problems.join("\n  ")}`);
    this.problems = problems;
  }
}
