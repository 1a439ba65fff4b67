/**
 * careerfaq as a real server process (`node bin/careerfaq.js serve`) on 127.0.0.1, in Slack HTTP
 * mode with its Web API pointed at a FakeSlack in the test process. Its log is kept for assertions.
 */
import { CliProcess } from "./child.ts";
import { freePort } from "./cli.ts";
import { BOT_TOKEN, SIGNING_SECRET } from "./slack.ts";

export { freePort };

export interface SlackProcess {
  url: string;
  /** The process's output (log lines) so far. */
  output(): string;
  /** Resolves with the output once it matches `pattern` (counting from `from`). */
  waitForLog(pattern: RegExp, from?: number): Promise<string>;
  stop(): Promise<void>;
  /** Sends a signal (SIGKILL: kill -9) and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startSlackProcess(env: Record<string, string>): Promise<SlackProcess> {
  const port = await freePort();
  const child = new CliProcess(["serve"], {
    HOST: "127.0.0.1",
    PORT: String(port),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    // Whatever the environment says, no Socket Mode, Teams credentials or experts' channel here.
    SLACK_APP_TOKEN: "",
    EXPERTS_CHANNEL: "",
    MicrosoftAppId: "",
    MicrosoftAppPassword: "",
    LOG_FORMAT: "text",
    ...env,
  });
  try {
    await child.waitFor(/careerfaq listening/, 0, 20_000);
  } catch (err) {
    child.child.kill("SIGKILL");
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => child.output,
    waitForLog: (pattern, from = 0) => child.waitFor(pattern, from),
    kill: async (signal) => {
      if (child.child.exitCode !== null || child.child.signalCode !== null) return;
      const exited = child.exited();
      child.child.kill(signal);
      await exited;
    },
    stop: async () => {
      if (child.child.exitCode !== null || child.child.signalCode !== null) return;
      const exited = child.exited();
      child.child.kill("SIGTERM");
      const timer = setTimeout(() => child.child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
