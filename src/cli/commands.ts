/**
 * The commands of `careerfaq`, each with its options (parsed with node:util parseArgs) and its help.
 * A command's module is imported only when it runs, so `--version` and `--help` load nothing else.
 */
import type { ParseArgsConfig } from "node:util";
import type { Config } from "../config.ts";

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  /** One line for the list of commands. */
  summary: string;
  /** Usage lines and options, shown by `careerfaq <command> --help`. */
  help: string;
  options?: ParseArgsConfig["options"];
  /** Whether the command takes words after its options (a question). */
  positionals?: boolean;
  run(config: Config, args: Parsed): Promise<number>;
}

const question = (args: Parsed) => args.positionals.join(" ").trim();

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: "run the bot: Slack and Teams on one HTTP server (npm start)",
    help: `Usage: careerfaq serve

Runs the bot's HTTP server (PORT, default 3000): GET /healthz, Teams at POST /api/messages, Slack at
POST /slack/events or over Socket Mode when configured. Stops cleanly on SIGTERM or SIGINT.
Configuration comes from the environment and .env (see README.md).`,
    run: async (config) => {
      const { main: serve } = await import("../server.ts");
      await serve(config);
      return await new Promise<number>(() => {}); // runs until a signal stops the process
    },
  },
  ask: {
    summary: 'print the answer to a question: careerfaq ask "question"',
    help: `Usage: careerfaq ask "question"
       careerfaq ask --json "question"
       careerfaq ask --json < questions.txt

Prints the plain-text answer. With --json, prints one JSON object per question:
{"question", "answered", "intent", "confidence", "text", "sources", "suggestions", "micros"}.
Without a question, --json reads one question per line on stdin (blank lines are skipped).

Options:
  --json        answer as JSON lines
  -h, --help    show this help`,
    options: { json: { type: "boolean" } },
    positionals: true,
    run: async (config, args) => {
      const { askCommand } = await import("./ask.ts");
      return askCommand(config, { json: args.values.json === true, question: question(args) });
    },
  },
  chat: {
    summary: "interactive chat in the terminal (the default command)",
    help: `Usage: careerfaq chat

An interactive session: type questions; type a button's number to click it, + or - to rate an
answer, quit to leave. Quiz progress is kept in the configured store (./var/careerfaq.db by default).`,
    run: async (config) => (await import("./chat.ts")).chatSession(config),
  },
  assess: {
    summary: "the readiness self-assessment in the terminal (resumable)",
    help: `Usage: careerfaq assess

Starts the self-assessment: eleven questions, then a score, your gaps and next steps. Kept in the
configured store, so an interrupted assessment resumes where it stopped.`,
    run: async (config) => (await import("./chat.ts")).chatSession(config, "assess"),
  },
  explain: {
    summary: 'show how the router reads a question: careerfaq explain "question"',
    help: `Usage: careerfaq explain "question"

Shows how the router reads a question: normalised text, terms, signals, slots, candidate intents with
their scores, the decision and its confidence.`,
    positionals: true,
    run: async (config, args) => (await import("./explain.ts")).explainCommand(config, question(args)),
  },
  report: {
    summary: "the bot's own KPIs over the last N days: careerfaq report [--days N]",
    help: `Usage: careerfaq report [--days N]

The bot's own KPIs from the configured store: answer, clarification and decline rates, helpful ratio,
top intents, top unanswered questions, quizzes.

Options:
  --days N      the last N days (a whole number, default 30)
  -h, --help    show this help`,
    options: { days: { type: "string" } },
    run: async (config, args) => (await import("./report.ts")).reportCommand(config, args.values.days as string),
  },
  validate: {
    summary: "check data/ and intents/, and report router collisions",
    help: `Usage: careerfaq validate

Parses and validates every file in data/ and intents/ (CAREERFAQ_CONTENT_DIR, if set), runs the
cross-checks, then lists example utterances that the router does not send to their own intent.
Exit code 1 when the content is invalid.`,
    run: async (config) => (await import("./validate.ts")).validateCommand(config),
  },
  eval: {
    summary: "answer quality on a labelled set: careerfaq eval [--set NAME|FILE] [--misses] [--sweep]",
    help: `Usage: careerfaq eval [--set NAME|FILE] [--misses] [--sweep]

On the labelled question sets in tests/eval/ (all of them unless --set picks one): the lead score
(every expected fact within the first 400 characters), facts anywhere, out-of-scope questions
declined (and near-domain traps), and reply lengths. Dialogue sets (dialogues-*.yml) are asked turn
by turn with the context the bot keeps: turns right, follow-up turns right, whole conversations right.

Options:
  --set NAME    one set: dev, or the name of another tests/eval/*.yml file, or a path to a .yml file
  --misses      also list every question answered wrongly, with what was expected
  --sweep       replay each question at other answer thresholds (lead score against declines)
  -h, --help    show this help`,
    options: { set: { type: "string" }, misses: { type: "boolean" }, sweep: { type: "boolean" } },
    run: async (config, args) =>
      (await import("./eval.ts")).evalCommand(config, {
        set: args.values.set as string | undefined,
        misses: args.values.misses === true,
        sweep: args.values.sweep === true,
      }),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return `careerfaq — answers questions about the Customer Care / Customer Service Director role

Usage: careerfaq [command] [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Options:
  -v, --version   print the version
  -h, --help      show this help; careerfaq <command> --help shows a command's options
`;
}
