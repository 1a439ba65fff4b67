/**
 * A private redis-server for tests that stop, pause or kill it (never the shared one at 6379): a free
 * port on 127.0.0.1, nothing saved to disk. pause()/resume() send SIGSTOP/SIGCONT: a hung Redis.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./slack-process.ts";

export interface PrivateRedis {
  url: string;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const check = async () => {
      const { Socket } = await import("node:net");
      const s = new Socket();
      s.once("error", () => {
        s.destroy();
        setTimeout(check, 50);
      });
      s.connect(port, "127.0.0.1", () => {
        s.destroy();
        clearTimeout(timer);
        resolve();
      });
    };
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
    child.once("error", (err) => reject(new Error(`redis-server could not start (is it installed?): ${err.message}`)));
    void check();
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT");
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
