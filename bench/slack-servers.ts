/**
 * The servers `npm run bench:slack` measures, each in its own Node process (careerfaq, or a bare Bolt
 * app), and the lean fake Slack Web API they answer to.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

export const SECRET = "benchsigningsecret0123456789abcd";
export const BOT_TOKEN = "xoxb-0-0-benchtoken";
export type Target = "careerfaq" | "bare";

export interface ServerProcess {
  target: Target;
  url: string;
  /** CPU time (user + system) the server process has used so far, in milliseconds. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/* ---------------------------------------------------------------- fake Slack Web API */

/** A lean fake Web API (counts calls, answers like Slack) for the server's answers. */
export async function startFakeWebApi(): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  let ts = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      calls++;
      const body = JSON.stringify({
        ok: true,
        channel: "C1",
        ts: `1700000000.${++ts}`,
        user_id: "UBOT",
        team_id: "T1",
      });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls: () => calls,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/* ---------------------------------------------------------------- server processes */

/** Starts `target` in its own Node process (bench/slack.ts with --serve) and waits for its URL. */
export function startServerProcess(target: Target, env: Record<string, string> = {}): Promise<ServerProcess> {
  const self = fileURLToPath(new URL("./slack.ts", import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", self, "--serve", target],
    {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const cpuWaiters: ((ms: number) => void)[] = [];
  return new Promise((resolve, reject) => {
    let out = "";
    let ready = false;
    child.once("exit", (code) => reject(new Error(`${target} server exited early (code ${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const cpu = /^CPU (\d+(?:\.\d+)?)$/.exec(line);
        if (cpu) cpuWaiters.shift()?.(Number(cpu[1]));
        const match = /^READY (\S+)$/.exec(line);
        if (!match || ready) continue;
        ready = true;
        child.removeAllListeners("exit");
        resolve({
          target,
          url: match[1]!,
          cpu: () =>
            new Promise<number>((done) => {
              cpuWaiters.push(done);
              child.stdin!.write("cpu\n");
            }),
          stop: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
  });
}

/** Child side: serve `target` on 127.0.0.1 and print "READY <url>". */
export async function serve(target: Target): Promise<void> {
  let close: () => Promise<void>;
  if (target === "careerfaq") {
    const { loadConfig } = await import("../src/config.ts");
    const { startServer } = await import("../src/server.ts");
    const { createLogger } = await import("../src/log.ts");
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      STORE: process.env.BENCH_STORE ?? "sqlite",
      DATABASE_PATH: process.env.DATABASE_PATH,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: process.env.REDIS_PREFIX,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: process.env.SLACK_API_URL,
      LOG_LEVEL: "error",
    });
    const running = await startServer(config, { log: createLogger({ level: "error" }) });
    close = running.close;
    process.stdout.write(`READY ${running.url}\n`);
  } else {
    const { App, HTTPReceiver, LogLevel } = await import("@slack/bolt");
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
    const app = new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN }), logLevel: LogLevel.ERROR });
    app.event("app_mention", async () => {});
    const server = (await receiver.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
    close = () => receiver.stop();
    process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  }
  process.once("SIGTERM", () => void close().finally(() => process.exit(0)));
  process.stdin.on("data", () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`CPU ${((user + system) / 1000).toFixed(1)}\n`);
  });
}
