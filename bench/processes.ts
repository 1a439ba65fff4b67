/**
 * What a user waits for, measured on real processes of the compiled app (dist/): a cold start in a
 * fresh process, `careerfaq ask` with node and through npx, and `npm start` until /healthz answers
 * (with the server's resident memory and child processes once it is up). Every process runs with
 * the default configuration: careerfaq's variables blank, whatever .env says.
 */
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, freePort, hermeticEnv, tempDir, waitForHealth } from "../tests/helpers/cli.ts";
import { progress } from "./measure.ts";

const ROOT = join(import.meta.dirname, "..");
const dist = (file: string) => pathToFileURL(join(ROOT, "dist", file)).href;

/** Runs a command to its end; resolves with its wall time in ms and its output. */
function timed(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; out: string; code: number | null }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: hermeticEnv(env), stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} took over 60 s`));
    }, 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, out, code });
    });
  });
}

export interface ColdStart {
  /** From the process's start to the first line of our code (Node itself). */
  boot: number;
  imports: number;
  content: number;
  index: number;
  /** From the process's start to an engine ready to answer. */
  total: number;
}

/** A fresh process that loads the content and builds the engine, timing each step. */
const COLD_START = `
const boot = performance.now();
const { loadCatalog } = await import(${JSON.stringify(dist("content/load.js"))});
const { COMPOSER_IDS } = await import(${JSON.stringify(dist("core/answers/registry.js"))});
const { Engine } = await import(${JSON.stringify(dist("core/engine.js"))});
const { MemoryStore } = await import(${JSON.stringify(dist("stores/memory.js"))});
const imported = performance.now();
const catalog = loadCatalog({ composers: COMPOSER_IDS });
const loaded = performance.now();
new Engine(catalog, { store: new MemoryStore() });
const built = performance.now();
console.log(JSON.stringify({ boot, imports: imported - boot, content: loaded - imported, index: built - loaded, total: built }));
`;

export async function coldStarts(runs: number): Promise<ColdStart[]> {
  const results: ColdStart[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(process.execPath, ["--input-type=module", "-e", COLD_START]);
    results.push(JSON.parse(r.out) as ColdStart);
  }
  progress(`cold start: ${runs} fresh processes`);
  return results;
}

/** Wall time of `careerfaq ask` (ms) per run: `node bin/careerfaq.js ask …`, or `npx careerfaq ask …`. */
export async function cliRuns(how: "node" | "npx", question: string, runs: number): Promise<number[]> {
  const [command, args] =
    how === "node" ? [process.execPath, [BIN, "ask", question]] : ["npx", ["careerfaq", "ask", question]];
  if (how === "npx") await timed(command, args); // the first npx run sets up its cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(command, args);
    if (r.code !== 0 || !r.out.includes("Sources:")) throw new Error(`${how} careerfaq ask failed:\n${r.out}`);
    times.push(r.ms);
  }
  progress(`careerfaq ask through ${how}: ${runs} runs`);
  return times;
}

export interface ServerStart {
  /** From spawning `npm start` to the first 200 from /healthz. */
  ms: number;
  /** Resident memory of the server process one second later. */
  rssMb: number;
  /** Processes the server itself started (e.g. a compiler service): none is the target. */
  helpers: string[];
}

function childrenOf(pid: number): { pid: number; command: string }[] {
  try {
    return execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [child, command] = line.trim().split(/\s+/);
        return { pid: Number(child), command: command ?? "?" };
      });
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** `npm start` on a free port with a fresh SQLite file, until /healthz answers; then SIGTERM. */
export async function serverStart(): Promise<ServerStart> {
  const port = await freePort();
  const started = performance.now();
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: "ignore",
    env: hermeticEnv({ PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(tempDir(), "bench.db") }),
  });
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, 30_000);
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const server = childrenOf(npm.pid!)[0];
    if (!server) throw new Error("npm start: no server process found");
    const rssKb = execFileSync("ps", ["-o", "rss=", "-p", String(server.pid)], { encoding: "utf8" }).trim();
    const rssMb = Number(rssKb) / 1024;
    const helpers = childrenOf(server.pid).map((c) => c.command);
    npm.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    return { ms, rssMb, helpers };
  } finally {
    try {
      process.kill(-npm.pid!, "SIGKILL");
    } catch {
      // already stopped
    }
  }
}

export async function serverStarts(runs: number): Promise<ServerStart[]> {
  const results: ServerStart[] = [];
  for (let i = 0; i < runs; i++) results.push(await serverStart());
  progress(`npm start until /healthz: ${runs} starts`);
  return results;
}
