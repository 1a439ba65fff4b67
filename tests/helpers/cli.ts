/**
 * The command line as a user runs it (`node bin/careerfaq.js`, the compiled JavaScript), hermetic:
 * every run starts in its own empty temporary folder (no .env is read, ./var lands there) with an
 * environment of PATH plus what the test passes — never the developer's own configuration.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, ConfigSchema, loadConfig } from "../../src/config.ts";

export const BIN = join(import.meta.dirname, "../../bin/careerfaq.js");

/** A fresh temporary folder, removed by `removeTempDirs`. */
const made: string[] = [];
export function tempDir(prefix = "careerfaq-cli-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * PATH and HOME, every careerfaq variable blank (so a .env file cannot fill it in: dotenv never
 * overrides a variable that is set, and the app reads a blank one as unset), then the given ones.
 */
export function hermeticEnv(env: Record<string, string> = {}): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(ConfigSchema.shape).map((name) => [name, ""]));
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...blank, ...env };
}

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `careerfaq <args>` to completion in its own folder and environment; rejects after `timeoutMs`. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const cwd = options.cwd ?? tempDir();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: hermeticEnv({ DATABASE_PATH: join(cwd, "careerfaq.db"), ...options.env }),
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`careerfaq ${args.join(" ")} did not finish in ${options.timeoutMs ?? 20_000} ms:\n${out}${err}`),
      );
    }, options.timeoutMs ?? 20_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** The streams runInProcess borrows, one command at a time. */
let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a command function in this process (no node start-up, no module loading) with the
 * configuration runCli would give it — PATH plus `env`, a database in a temporary folder, no .env
 * read — and collects what it writes. For tests about a command's output, not about the process.
 */
export function runInProcess(
  command: (config: Config) => number | Promise<number>,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const config = loadConfig(hermeticEnv({ DATABASE_PATH: join(tempDir(), "careerfaq.db"), ...env }));
  const run = inProcessQueue.then(() => captureWrites(() => command(config)));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

async function captureWrites(command: () => number | Promise<number>): Promise<CliResult> {
  const result: CliResult = { code: null, out: "", err: "" };
  const { stdout, stderr } = process;
  const [writeOut, writeErr] = [stdout.write, stderr.write];
  const collect = (into: "out" | "err") =>
    ((chunk: string | Uint8Array) => {
      result[into] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof stdout.write;
  stdout.write = collect("out");
  stderr.write = collect("err");
  try {
    result.code = await command();
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
  return result;
}

/** A port nothing listens on right now (the OS's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
