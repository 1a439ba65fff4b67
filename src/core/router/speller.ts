/**
 * Typo tolerance over the router's vocabulary.
 *
 * First tier: a symmetric-delete index (every vocabulary word's deletions up to edit distance 2,
 * precomputed), so a misspelling is looked up with a few dozen Map hits and verified with
 * Damerau-Levenshtein — microseconds, whatever the vocabulary size.
 * Second tier: fuse.js over the vocabulary, for long words the first tier cannot place (three or more
 * edits). Over the whole vocabulary it costs about a millisecond a word, so it searches only the words
 * that share the token's first two letters and length (±2), runs at most once per message, and its
 * results are cached.
 */
import Fuse from "fuse.js";

export interface SpellerOptions {
  /** Shortest word that is corrected at all. */
  minLength: number;
  /** Shortest word for which fuse.js is consulted after the delete index fails. */
  fuseMinLength: number;
}

const DEFAULTS: SpellerOptions = { minLength: 4, fuseMinLength: 8 };
const CACHE_LIMIT = 20_000;
/** Longer tokens are not words anyone misspelt ("aaaa…", a pasted hash): they are never corrected. */
const MAX_WORD = 24;

/**
 * Largest edit distance accepted for a word of this length. Most typos are one edit (a transposition
 * counts as one); two are allowed only in long words, where two edits rarely turn one real word into another.
 */
export function maxDistance(length: number): number {
  return length <= 7 ? 1 : 2;
}

// Rows reused across calls: the distance is computed for every candidate, so allocation matters.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
    rowC = new Int32Array(n + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/**
 * Calls `visit` with a hash of every string made by deleting up to `depth` characters of `word`
 * (the word itself included), without building the strings: the index holds hashes, not millions of
 * short strings. Two strings may share a hash; that only adds a candidate, which the edit distance
 * then rejects, so corrections are exactly those of an index of the strings themselves.
 */
function deletionHashes(word: string, depth: number, visit: (hash: number) => void): void {
  const n = word.length;
  visit(hashSkipping(word, -1, -1));
  if (depth < 1) return;
  for (let i = 0; i < n; i++) {
    visit(hashSkipping(word, i, -1));
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) visit(hashSkipping(word, i, j));
  }
}

/** FNV-1a over the word's characters, leaving out positions `skipA` and `skipB`; the length is mixed in. */
function hashSkipping(word: string, skipA: number, skipB: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) {
    if (k === skipA || k === skipB) continue;
    h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  }
  const kept = word.length - (skipA >= 0 ? 1 : 0) - (skipB >= 0 ? 1 : 0);
  return Math.imul(h ^ kept, 0x01000193) >>> 0;
}

/** A deletion's hash and a word's number in one double: hash × 2^20 + number (exact below 2^53). */
const WORD_BITS = 1_048_576;

/**
 * The deletion index once built, as flat typed arrays: an open-addressing table of hashes whose
 * slots point into one array of word numbers. A lookup touches two or three cache lines instead of
 * a Map entry and an array object, which is what a question full of new words pays for; and the
 * index is built from one sorted array of numbers, not a Map of 80,000 small arrays.
 */
class FrozenIndex {
  private readonly hashes: Uint32Array;
  /** Per slot: where its words start in `postings`, or -1 for an empty slot; the run ends at `ends[slot]`. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly postings: Int32Array;
  private readonly mask: number;
  /** How many distinct hashes the index holds. */
  readonly size: number;

  /** @param pairs hash × WORD_BITS + word number, for every deletion of every word */
  constructor(
    pairs: readonly number[],
    private readonly words: readonly string[],
  ) {
    const sorted = Float64Array.from(pairs).sort();
    let distinct = 0;
    let postings = 0;
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) continue;
      postings++;
      if (k === 0 || Math.floor(sorted[k]! / WORD_BITS) !== Math.floor(sorted[k - 1]! / WORD_BITS)) distinct++;
    }
    this.size = distinct;
    let size = 1;
    while (size < distinct * 2) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Uint32Array(size);
    this.starts = new Int32Array(size).fill(-1);
    this.ends = new Int32Array(size);
    this.postings = new Int32Array(postings);
    let at = 0;
    let slot = -1;
    let current = -1;
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) continue;
      const hash = Math.floor(sorted[k]! / WORD_BITS);
      if (hash !== current) {
        current = hash;
        slot = hash & this.mask;
        while (this.starts[slot] !== -1) slot = (slot + 1) & this.mask;
        this.hashes[slot] = hash;
        this.starts[slot] = at;
      }
      this.postings[at++] = sorted[k]! % WORD_BITS;
      this.ends[slot] = at;
    }
  }

  /** Calls `visit` with every word filed under `hash`. */
  each(hash: number, visit: (word: string) => void): void {
    for (let slot = hash & this.mask; this.starts[slot] !== -1; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] !== hash) continue;
      for (let k = this.starts[slot]!; k < this.ends[slot]!; k++) visit(this.words[this.postings[k]!]!);
      return;
    }
  }
}

export class Speller {
  /** Every indexed word's deletions, as hash × WORD_BITS + the word's number in `indexed`. */
  private readonly pairs: number[] = [];
  /** The indexed words, by number. */
  private readonly indexed: string[] = [];
  /** The deletion index, built on the first lookup after words were added. */
  private frozen: FrozenIndex | null = null;
  private readonly words: Set<string>;
  private rank: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, string | null>();
  private readonly options: SpellerOptions;
  /**
   * The words sharing a first two letters and length (±2), each with its fuse.js index built on first
   * use: a handful of words each, not thousands.
   */
  private readonly fuses = new Map<string, { words: string[]; fuse: Fuse<string> | null }>();
  /** How often each tier answered; read by the benchmark. */
  readonly stats = { lookups: 0, cacheHits: 0, deleteIndex: 0, fuse: 0, none: 0 };

  /**
   * @param vocabulary words that may be corrected to
   * @param rank a word's weight when several candidates tie (higher wins), e.g. how many intents use it
   */
  constructor(
    vocabulary: Iterable<string>,
    rank: ReadonlyMap<string, number> = new Map(),
    options: Partial<SpellerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.words = new Set(vocabulary);
    this.rank = rank;
    for (const word of this.words) this.indexWord(word);
  }

  /**
   * Adds words to correct to, and sets the ranking, once the vocabulary is complete: the router
   * reuses the speller that built its vocabulary instead of indexing every word a second time.
   */
  extend(words: Iterable<string>, rank: ReadonlyMap<string, number>): this {
    for (const word of words) {
      if (this.words.has(word)) continue;
      this.words.add(word);
      this.indexWord(word);
    }
    this.rank = rank;
    this.cache.clear();
    this.fuses.clear();
    return this;
  }

  private indexWord(word: string): void {
    if (word.length < this.options.minLength - 1 || /\d/.test(word)) return;
    this.frozen = null;
    const id = this.indexed.length;
    this.indexed.push(word);
    deletionHashes(word, maxDistance(word.length), (hash) => this.pairs.push(hash * WORD_BITS + id));
  }

  /** Forgets cached corrections (the benchmark uses it to time unseen typos). */
  clearCache(): void {
    this.cache.clear();
  }

  get size(): number {
    this.frozen ??= new FrozenIndex(this.pairs, this.indexed);
    return this.frozen.size;
  }

  /** The vocabulary word closest to `token`, or null when none is close enough. `allowFuse` lets the slow tier run. */
  correct(token: string, allowFuse: boolean): string | null {
    this.stats.lookups++;
    if (this.words.has(token)) return token;
    if (token.length < this.options.minLength || token.length > MAX_WORD || /\d/.test(token)) return null;
    const cached = this.cache.get(token);
    if (cached !== undefined) {
      this.stats.cacheHits++;
      return cached;
    }
    let best = this.fromIndex(token);
    if (best) this.stats.deleteIndex++;
    else if (allowFuse && token.length >= this.options.fuseMinLength) {
      best = this.fromFuse(token);
      if (best) this.stats.fuse++;
    }
    if (!best) this.stats.none++;
    if (best || allowFuse || token.length < this.options.fuseMinLength) this.remember(token, best);
    return best;
  }

  private remember(token: string, value: string | null): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, value);
  }

  private fromIndex(token: string): string | null {
    this.frozen ??= new FrozenIndex(this.pairs, this.indexed);
    const frozen = this.frozen;
    const limit = maxDistance(token.length);
    const hashes = new Set<number>();
    deletionHashes(token, limit, (hash) => hashes.add(hash));
    let best: string | null = null;
    let bestKey = Infinity;
    const seen = new Set<string>();
    const consider = (word: string): void => {
      if (seen.has(word)) return;
      seen.add(word);
      const d = editDistance(token, word, Math.min(limit, maxDistance(word.length)));
      if (d > limit || d > maxDistance(word.length)) return;
      // Two edits are accepted only when the first letter is right ("calories" is not "salaries").
      if (d === 2 && word[0] !== token[0]) return;
      // Lower is better: distance first, then a different first letter, then rarer words.
      const key = d * 100 + (word[0] === token[0] ? 0 : 10) - Math.min(9, this.rank.get(word) ?? 0);
      if (key < bestKey || (key === bestKey && best !== null && word < best)) {
        bestKey = key;
        best = word;
      }
    };
    for (const hash of hashes) frozen.each(hash, consider);
    return best;
  }

  private fromFuse(token: string): string | null {
    const key = `${token.slice(0, 2)}${token.length}`;
    let near = this.fuses.get(key);
    if (!near) {
      // Three edits are far: only words the topics themselves use are worth reaching for ("concentrix" is not "concentrate").
      const words = [...this.words].filter(
        (w) => w.startsWith(token.slice(0, 2)) && Math.abs(w.length - token.length) <= 2 && (this.rank.get(w) ?? 0) > 0,
      );
      near = { words, fuse: null };
      this.fuses.set(key, near);
    }
    // Only a word within three edits is ever accepted: when there is none, fuse.js has nothing to find.
    if (!near.words.some((w) => editDistance(token, w, 3) <= 3)) return null;
    near.fuse ??= new Fuse(near.words, {
      includeScore: true,
      threshold: 0.3,
      ignoreLocation: true,
      minMatchCharLength: 3,
    });
    const [hit] = near.fuse.search(token, { limit: 1 });
    if (!hit || hit.score === undefined) return null;
    // fuse also matches a word hidden inside a longer one: keep only close corrections.
    return editDistance(token, hit.item, 3) <= 3 ? hit.item : null;
  }
}
