/**
 * `careerfaq [command] [options]`: parses the command line (node:util parseArgs), answers --version
 * and --help without loading anything else, then runs the command. Returns the process exit code:
 * 0 done, 1 a problem with configuration or content, 2 a usage error.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CareerfaqError } from "../core/errors.ts";
import { COMMANDS, type Command, type Parsed, usage } from "./commands.ts";

const HELP = { help: { type: "boolean", short: "h" } } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** The command's options and words, or the message of a usage error. */
function parse(command: Command, args: string[]): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...HELP, ...command.options },
      allowPositionals: command.positionals === true,
      strict: true,
    });
    return { values, positionals };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

export async function main(argv: string[]): Promise<number> {
  const [first = "chat", ...rest] = argv;
  if (first === "--version" || first === "-v") {
    process.stdout.write(`careerfaq ${version()}\n`);
    return 0;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const about = COMMANDS[rest[0] ?? ""];
    process.stdout.write(about ? `${about.help}\n` : usage());
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    process.stderr.write(`careerfaq: unknown command "${first}"\n\n${usage()}`);
    return 2;
  }
  const parsed = parse(command, rest);
  if ("error" in parsed) {
    process.stderr.write(`careerfaq ${first}: ${parsed.error}\n(careerfaq ${first} --help shows its options)\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    const { loadConfig } = await import("../config.ts");
    return await command.run(loadConfig(), parsed);
  } catch (err) {
    if (err instanceof CareerfaqError) {
      process.stderr.write(`careerfaq: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
