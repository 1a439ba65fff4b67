/**
 * The build step after tsc (scripts/build.mjs, run by `npm install` through `prepare`): writes the
 * dictionary and the content snapshot into dist/ (see artifacts.ts). Content that does not validate
 * is not snapshotted: the build succeeds and the app reports the problems when it starts, as always.
 */
import { COMPOSER_IDS } from "../core/answers/registry.ts";
import { ContentError } from "../core/errors.ts";
import { ARTIFACT_DIR, englishWords, type SnapshotEntry, writeDictionary, writeSnapshot } from "./artifacts.ts";
import { loadCatalog } from "./load.ts";

export function buildArtifacts(dir = ARTIFACT_DIR, contentRoot?: string): { words: number; files: number } {
  const words = englishWords();
  writeDictionary(dir, words);
  const record: Record<string, SnapshotEntry> = {};
  try {
    loadCatalog({ composers: COMPOSER_IDS, snapshot: false, record, ...(contentRoot ? { root: contentRoot } : {}) });
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    process.stderr.write(`careerfaq build: no content snapshot (${err.problems.length} content problem(s))\n`);
    return { words: words.length, files: 0 };
  }
  writeSnapshot(dir, record);
  return { words: words.length, files: Object.keys(record).length };
}
