/**
 * Tests that start the CLI or the server as a child process run the compiled JavaScript in dist/:
 * build it first when src/ changed since the last build (a no-op otherwise).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export default function buildDist(): void {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, "../scripts/build.mjs"), "--if-stale"], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("building dist/ failed (see above)");
}
