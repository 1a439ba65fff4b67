/**
 * `careerfaq <command>`: ask, chat, validate, eval. Returns the process exit code.
 */
import { createEngine } from "../app.ts";
import { loadConfig } from "../config.ts";
import { CareerfaqError } from "../core/errors.ts";
import { renderText } from "../core/render-text.ts";
import { createLogger } from "../log.ts";
import { openStore } from "../stores/open.ts";
import { askCommand } from "./ask.ts";
import { chatCommand } from "./chat.ts";
import { evalCommand } from "./eval.ts";
import { explain } from "./explain.ts";
import { validateCommand } from "./validate.ts";

const USAGE = `careerfaq — answers questions about the Customer Care / Customer Service Director role

Usage:
  careerfaq serve              run the bot: Slack and Teams on one HTTP server (npm start)
  careerfaq ask "question"     print the answer
  careerfaq ask --json         read one question per line on stdin, write one JSON object per line
  careerfaq chat               interactive chat in the terminal
  careerfaq assess             the readiness self-assessment in the terminal (resumable)
  careerfaq explain "question" show how the router reads a question (terms, scores, confidence)
  careerfaq report [--days N]  the bot's own KPIs over the last N days (default 30), from the configured store
  careerfaq validate           check data/ and intents/, and report router collisions
  careerfaq eval [--set dev|holdout|FILE] [--misses]
                               accuracy on a labelled question set, with a threshold sweep
`;

export async function main(argv: string[]): Promise<number> {
  const [command = "chat", ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const config = loadConfig();
    switch (command) {
      case "serve": {
        const { main: serve } = await import("../server.ts");
        await serve(config);
        return await new Promise<number>(() => {}); // runs until a signal stops the process
      }
      case "ask":
        return await askCommand(createEngine(config), rest);
      case "chat":
      case "assess": {
        const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
        const store = await openStore(config, log);
        try {
          return await chatCommand(createEngine(config, { store }), command === "assess" ? "assess" : undefined);
        } finally {
          await store.close();
        }
      }
      case "explain":
        process.stdout.write(`${explain(createEngine(config), rest.join(" "))}\n`);
        return 0;
      case "report": {
        const i = rest.indexOf("--days");
        const days = i >= 0 ? Number(rest[i + 1]) : 30;
        if (!Number.isInteger(days) || days < 1) {
          process.stderr.write("careerfaq report: --days takes a whole number of days, e.g. --days 7\n");
          return 2;
        }
        const store = await openStore(config, createLogger({ level: "warn" }));
        try {
          process.stdout.write(`${renderText(await createEngine(config, { store }).stats({ admin: true }, days))}\n`);
        } finally {
          await store.close();
        }
        return 0;
      }
      case "validate":
        return validateCommand(config);
      case "eval":
        return evalCommand(config, rest);
      default:
        process.stderr.write(`careerfaq: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof CareerfaqError) {
      process.stderr.write(`careerfaq: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
