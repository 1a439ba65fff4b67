/**
 * The router's vocabulary, built once from the catalog: a token trie of every phrase the router
 * knows (synonyms, keywords, role titles, other roles, countries, slot words, off-topic and
 * injection phrases), the set of known words for the speller, and the question frames.
 */

import type { Catalog } from "../catalog.ts";
import type { Level, RatingAspect } from "../model/common.ts";
import { WordGate } from "./gate.ts";
import { normalize, tokenize } from "./normalize.ts";
import { Speller } from "./speller.ts";

export type Entry =
  | { kind: "term"; term: string }
  | { kind: "role" }
  | { kind: "related"; name: string; term: string }
  | { kind: "other"; name: string }
  | { kind: "country"; code: string }
  | { kind: "place"; name: string; country: string }
  | { kind: "unanswered"; missing: string }
  | { kind: "offtopic"; name: string }
  | { kind: "injection" }
  | { kind: "level"; value: Level }
  | { kind: "period"; value: "hour" | "month" | "week" | "year" }
  | { kind: "aspect"; value: RatingAspect };

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
  /** How many tokens the phrase ending here has (0 for the root). */
  depth: number;
}

export interface Vocabulary {
  trie: TrieNode;
  /** Slot words (level, period, aspect), matched in a pass of their own so that a longer synonym does not hide them. */
  slotTrie: TrieNode;
  /** Every word the router recognises; anything else is a candidate for spelling correction. */
  words: ReadonlySet<string>;
  /**
   * Words that mean something on their own. The others appear only inside a longer phrase ("union"
   * in "the european union"): not corrected, but not understood either when they stand alone.
   */
  standalone: ReadonlySet<string>;
  /** Words a misspelling may be corrected to. */
  spellTargets: ReadonlySet<string>;
  /** A speller over spellTargets, without a ranking yet (the router sets it with Speller.extend). */
  speller: Speller;
  stopWords: ReadonlySet<string>;
  /** Everyday words: never corrected, neutral for matching. */
  commonWords: ReadonlySet<string>;
  /** Real English words outside the vocabulary: never corrected, but not understood either. */
  dictionary: ReadonlySet<string>;
  frames: readonly { term: string; pattern: RegExp }[];
  /** Which frames could match a text, from its words: the others are not run. */
  frameGate: WordGate;
  /**
   * Every word a token can become (a spelling target, a word of a shorthand's expansion) is plain
   * [a-z0-9]: the analyser's tokens are then the words of their own join, and need no second split.
   */
  plainTokens: boolean;
  /** Chat shorthand → its expansion, already split into tokens. */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** Canonical term of every synonym variant (phrases joined by spaces). */
  canonical: ReadonlyMap<string, string>;
}

/** A word as normalisation leaves it: lower-case letters and digits. */
const PLAIN_TOKEN = /^[a-z0-9]+$/;

function newNode(depth = 0): TrieNode {
  return { next: new Map(), entries: [], depth };
}

/** Entries are flat records of strings: equal when every field is (JSON.stringify per pair was the start-up's hot spot). */
function sameEntry(a: Entry, b: Entry): boolean {
  if (a.kind !== b.kind) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (x[key] !== y[key]) return false;
  for (const key in y) if (!(key in x)) return false;
  return true;
}

export class VocabularyBuilder {
  readonly trie = newNode();
  readonly slotTrie = newNode();
  readonly words = new Set<string>();
  /** Words that mean something alone: one-word entries, and the words of texts (examples, facts). */
  readonly standalone = new Set<string>();
  readonly canonical = new Map<string, string>();

  /** Adds a phrase (already in normalised form, or raw text to normalise) with what it means. */
  add(phrase: string, entry: Entry): void {
    const tokens = tokenize(normalize(phrase));
    if (tokens.length === 0) return;
    let node = entry.kind === "level" || entry.kind === "period" || entry.kind === "aspect" ? this.slotTrie : this.trie;
    for (const token of tokens) {
      this.words.add(token);
      let child = node.next.get(token);
      if (!child) {
        child = newNode(node.depth + 1);
        node.next.set(token, child);
      }
      node = child;
    }
    if (!node.entries.some((e) => sameEntry(e, entry))) node.entries.push(entry);
    if (tokens.length === 1) this.standalone.add(tokens[0]!);
  }
}

/** A job title and its plural ("team leader", "team leaders"; "director of sales", "directors of sales"). */
function withPlural(phrase: string): string[] {
  const words = phrase.split(" ");
  const head = words.findIndex((_w, i) => words[i + 1] === "of");
  const at = head >= 0 ? head : words.length - 1;
  const word = words[at]!;
  if (word.endsWith("s") || word.length < 3) return [phrase];
  const plural = /(ch|sh|x)$/.test(word)
    ? `${word}es`
    : word.endsWith("y") && !/[aeiou]y$/.test(word)
      ? `${word.slice(0, -1)}ies`
      : `${word}s`;
  return [phrase, [...words.slice(0, at), plural, ...words.slice(at + 1)].join(" ")];
}

/**
 * One-word terms also in their -s form ("train" → "trains", "budget" → "budgets"), unless that form
 * is an entry of its own: content lists base forms, people write either.
 */
function addPlurals(b: VocabularyBuilder): void {
  const singles = [...b.trie.next].filter(([word]) => word.length >= 3 && !/(s|x|z|ch|sh)$/.test(word));
  for (const [word, node] of singles) {
    if (b.trie.next.has(`${word}s`)) continue;
    for (const entry of node.entries) if (entry.kind === "term") b.add(`${word}s`, entry);
  }
}

/**
 * @param knownTexts texts whose words the vocabulary knows besides the intents' and the lexicon's:
 *   the facts themselves, so that a question about "budgets" or "suppliers" is understood
 */
export function buildVocabulary(
  catalog: Catalog,
  knownTexts: Iterable<string> = [],
  keyWords: ReadonlySet<string> = new Set(),
): Vocabulary {
  const b = new VocabularyBuilder();
  const lex = catalog.lexicon;
  for (const intent of catalog.intents) {
    for (const [canonical, variants] of Object.entries(intent.synonyms)) {
      b.add(canonical, { kind: "term", term: canonical });
      for (const v of variants) {
        b.add(v, { kind: "term", term: canonical });
        b.canonical.set(tokenize(normalize(v)).join(" "), canonical);
      }
    }
    for (const keyword of Object.keys(intent.keywords)) {
      if (!keyword.startsWith("_")) b.add(keyword, { kind: "term", term: keyword });
    }
  }
  for (const phrase of lex.role) for (const form of withPlural(phrase)) b.add(form, { kind: "role" });
  // A related role also yields a term for its head word ("customer service manager" → "role manager"),
  // so intents such as manager-vs-director and career-path can weigh it.
  for (const phrase of lex.relatedRoles) {
    for (const form of withPlural(phrase))
      b.add(form, { kind: "related", name: phrase, term: `role ${phrase.split(" ").at(-1)!}` });
  }
  for (const phrase of lex.otherRoles)
    for (const form of withPlural(phrase)) b.add(form, { kind: "other", name: phrase });
  for (const [code, country] of Object.entries(lex.countries)) {
    b.add(country.name, { kind: "country", code });
    for (const w of country.words) b.add(w, { kind: "country", code });
  }
  // A place is a name, or a list of its names: [san francisco, sf, bay area] all mean the first.
  for (const [country, places] of Object.entries(lex.places)) {
    for (const place of places) {
      const [name, ...aliases] = typeof place === "string" ? [place] : place;
      for (const alias of [name!, ...aliases]) b.add(alias, { kind: "place", name: name!, country });
    }
  }
  for (const [missing, phrases] of Object.entries(lex.unanswered)) {
    for (const phrase of phrases) b.add(phrase, { kind: "unanswered", missing });
  }
  for (const phrase of lex.offTopic) b.add(phrase, { kind: "offtopic", name: phrase });
  for (const phrase of lex.injection) b.add(phrase, { kind: "injection" });
  for (const [value, phrases] of Object.entries(lex.slotWords.level))
    for (const p of phrases) b.add(p, { kind: "level", value: value as Level });
  for (const [value, phrases] of Object.entries(lex.slotWords.period)) {
    for (const p of phrases) b.add(p, { kind: "period", value: value as "hour" | "month" | "week" | "year" });
  }
  for (const [value, phrases] of Object.entries(lex.slotWords.aspect))
    for (const p of phrases) b.add(p, { kind: "aspect", value: value as RatingAspect });
  addPlurals(b);
  for (const w of lex.stopWords) b.words.add(w);
  for (const w of lex.commonWords) b.words.add(w);
  // Other jobs and off-topic words are recognised exactly but never corrected into ("drives" is not "driver").
  const targets = new Set(b.words);
  for (const w of [...lex.otherRoles, ...lex.offTopic]) if (!w.includes(" ")) targets.delete(w);
  // Words of the example utterances are known too (they carry learned weights) — except misspellings
  // of words already known: those are corrected like any user's typo.
  const base = new Speller(targets);
  const texts = [...catalog.intents.flatMap((intent) => intent.examples), ...knownTexts];
  const added: string[] = [];
  for (const text of texts) {
    for (const t of tokenize(normalize(text))) {
      // A fact's own key ("proactive") is a word, never a misspelling of another ("practice").
      if (!b.words.has(t) && (catalog.dictionary.has(t) || keyWords.has(t) || base.correct(t, false) === null)) {
        b.words.add(t);
        targets.add(t);
        added.push(t);
      }
      if (b.words.has(t)) b.standalone.add(t);
    }
  }
  const abbreviations = new Map(
    Object.entries(lex.abbreviations).map(([k, v]) => [k, v.split(" ").filter(Boolean)] as const),
  );
  const plainTokens = [...targets, ...[...abbreviations.values()].flat()].every((w) => PLAIN_TOKEN.test(w));
  return {
    trie: b.trie,
    slotTrie: b.slotTrie,
    words: b.words,
    standalone: new Set([...b.standalone, ...lex.stopWords, ...lex.commonWords]),
    spellTargets: targets,
    speller: base.extend(added, new Map()),
    stopWords: new Set(lex.stopWords),
    // A word a fact names as one of its keys ("writing", "travel") is never neutral.
    commonWords: new Set(lex.commonWords.filter((w) => !keyWords.has(w))),
    dictionary: catalog.dictionary,
    frames: Object.entries(lex.frames).map(([term, source]) => ({ term, pattern: new RegExp(source) })),
    frameGate: new WordGate(Object.values(lex.frames)),
    canonical: b.canonical,
    abbreviations,
    plainTokens,
  };
}
