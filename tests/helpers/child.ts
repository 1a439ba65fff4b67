/**
 * A real child process of the CLI, driven line by line, with its output read as it arrives. Hermetic
 * like runCli: its own temporary folder, PATH plus the variables given.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, hermeticEnv } from "./cli.ts";

export { BIN };

export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output = "";
  private waiters: { pattern: RegExp; from: number; resolve: (s: string) => void }[] = [];

  constructor(args: string[], env: Record<string, string>) {
    const cwd = mkdtempSync(join(tmpdir(), "careerfaq-child-"));
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, env: hermeticEnv(env) });
    this.child.once("exit", () => rmSync(cwd, { recursive: true, force: true }));
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.output += chunk;
      this.check();
    });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
      this.check();
    });
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      const seen = this.output.slice(w.from);
      if (!w.pattern.test(seen)) return true;
      w.resolve(seen);
      return false;
    });
  }

  /** Resolves with the output since `from` once it matches; rejects after `timeoutMs` with what was seen. */
  waitFor(pattern: RegExp, from = 0, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${pattern}; output was:\n${this.output.slice(-2000)}`)),
        timeoutMs,
      );
      this.waiters.push({
        pattern,
        from,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
      this.check();
    });
  }

  /** Sends a line and waits for the next prompt after it. */
  async send(line: string, expect: RegExp = /you> $/): Promise<string> {
    const from = this.output.length;
    this.child.stdin.write(`${line}\n`);
    return this.waitFor(expect, from);
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve(this.child.exitCode);
      else this.child.once("exit", (code) => resolve(code));
    });
  }
}
