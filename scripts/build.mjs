#!/usr/bin/env node
// `npm run build`, and `prepare` with --if-stale (so `npm install` and `npm ci` run it): compiles src/ into dist/ with
// tsc (tsconfig.build.json; emit only, `npm test` type-checks), then writes the dictionary and the content snapshot (src/content/prebuild.ts).
// Plain JavaScript on purpose: it runs before anything is compiled.
//   --if-stale  rebuild only when src/, the build configuration or the lockfile changed since the last build
//               (prepare and the tests use it; npx runs prepare again when it links this package)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const stampFile = join(dist, "build.json");

/** A fingerprint of everything the build reads, except content (the snapshot checks that file by file). */
function sourceHash() {
  const hash = createHash("sha1");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk(join(root, "src"));
  for (const file of ["tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"])
    hash.update(readFileSync(join(root, file)));
  return hash.digest("hex");
}

const hash = sourceHash();
if (process.argv.includes("--if-stale") && existsSync(stampFile)) {
  const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  if (stamp.sources === hash) process.exit(0);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--noCheck"], {
  stdio: "inherit",
});
if (compiled.status !== 0) {
  process.stderr.write("careerfaq build: tsc failed (see above)\n");
  process.exit(compiled.status ?? 1);
}
const { buildArtifacts } = await import("../dist/content/prebuild.js");
const built = buildArtifacts();
writeFileSync(stampFile, `${JSON.stringify({ sources: hash, builtAt: new Date().toISOString() })}\n`);
process.stdout.write(
  `careerfaq build: dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${built.words} dictionary words, ${built.files} content files snapshotted)\n`,
);
