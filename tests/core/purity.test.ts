/**
 * src/core stays pure: no platform SDKs, HTTP, storage drivers, file system, process.env, clock or randomness.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../helpers/sources.ts";

const CORE = join(import.meta.dirname, "../../src/core");

const FORBIDDEN: [string, RegExp][] = [
  ["platform SDKs", /from\s+["'](@slack\/|botbuilder|botframework|@microsoft\/)/],
  ["HTTP and network", /from\s+["'](node:)?(http|https|net|tls|dgram|undici|express)["']/],
  ["storage drivers", /from\s+["'](better-sqlite3|ioredis|redis|pg)["']/],
  ["file system and processes", /from\s+["'](node:)?(fs|fs\/promises|child_process|worker_threads)["']/],
  ["configuration", /process\.env|dotenv/],
  ["the clock and randomness", /Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(|process\.hrtime/],
];

describe("src/core", () => {
  const sources = sourceFiles(CORE);
  it("has files to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });
  it.each(FORBIDDEN)("imports no %s", (_what, pattern) => {
    const offenders = sources.filter((f) => pattern.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
