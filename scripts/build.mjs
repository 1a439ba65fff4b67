#!/usr/bin/env node
// `npm run build`, and `prepare` with --if-stale (so `npm install` and `npm ci` run it): compiles src/ into dist/ with
// tsc (tsconfig.build.json; emit only, `npm test` type-checks), then writes the dictionary and the content snapshot (src/content/prebuild.ts).
// Plain JavaScript on purpose: it runs before anything is compiled.
//   --if-stale  rebuild only when src/, the build configuration or the lockfile changed since the last build
//               (prepare and the tests use it; npx runs prepare again when it links this package); when only
//               content (data/, intents/) changed, rewrite just the snapshot, so a start never parses YAML
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const stampFile = join(dist, "build.json");

/** Every file under these folders, path and bytes, into one fingerprint. */
function treeHash(dirs, files = []) {
  const hash = createHash("sha1");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(path));
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of files) hash.update(readFileSync(join(root, file)));
  return hash.digest("hex");
}

/** Everything the compiled code depends on (content is snapshotted separately). */
const hash = treeHash(["src"], ["tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"]);
/** The content the snapshot is made from. */
const contentHash = treeHash(["data", "intents"]);
const stamp = (content) => `${JSON.stringify({ sources: hash, content, builtAt: new Date().toISOString() })}\n`;
if (process.argv.includes("--if-stale") && existsSync(stampFile)) {
  const previous = JSON.parse(readFileSync(stampFile, "utf8"));
  if (previous.sources === hash) {
    if (previous.content !== contentHash) {
      const { buildArtifacts } = await import("../dist/content/prebuild.js");
      const built = buildArtifacts();
      writeFileSync(stampFile, stamp(contentHash));
      process.stdout.write(`careerfaq build: content snapshot rewritten (${built.files} content files)\n`);
    }
    process.exit(0);
  }
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
writeFileSync(stampFile, stamp(contentHash));
process.stdout.write(
  `careerfaq build: dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${built.words} dictionary words, ${built.files} content files snapshotted)\n`,
);
