/**
 * `npm start` under a process manager: SIGTERM to the npm process stops the server (npm hands the
 * signal to node, which the start script exec's) and frees the port; nothing is left running.
 */
import { execFileSync, spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, hermeticEnv, removeTempDirs, tempDir, waitForHealth } from "../helpers/cli.ts";

const ROOT = join(import.meta.dirname, "../..");
afterAll(removeTempDirs);

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it("stops the server and frees the port when npm receives SIGTERM", async () => {
    const port = await freePort();
    const dir = tempDir();
    // Its own process group, so that whatever happens the test can remove everything it started.
    const npm = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true,
      env: hermeticEnv({ PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "careerfaq.db") }),
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
    try {
      await waitForHealth(`http://127.0.0.1:${port}/healthz`, 20_000).catch((err: Error) => {
        throw new Error(`${err.message}; output:\n${output}`);
      });
      // What npm started (with the start script's exec, node itself rather than a shell). The command
      // line, not the process name: Node 24 names its main thread "MainThread".
      const [pid = "", ...args] = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(npm.pid)], {
        encoding: "utf8",
      })
        .trim()
        .split(/\s+/);
      const command = args.join(" ");

      npm.kill("SIGTERM");
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000)),
      ]);
      expect(stopped).toBe(true);
      expect(await listening(port)).toBe(false);
      expect(alive(Number(pid))).toBe(false);
      expect(command).toMatch(/^(\S*\/)?node\s.*dist\/serve\.js$/);
      expect(output).toMatch(/signal received signal=SIGTERM/);
      expect(output).toMatch(/ stopped\b/);
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});
