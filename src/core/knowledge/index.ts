/**
 * The fact index: BM25 over each fact's terms, with its keys and label weighted above its text.
 * Terms are the router's canonical terms (synonyms applied, spelling corrected on the query side),
 * reduced to a stem, so "budgets", "budgeting" and "budget" meet.
 */
import type { KnowledgeFact } from "./facts.ts";

export interface FactHit {
  fact: KnowledgeFact;
  score: number;
  /** The query terms this fact matched. */
  matched: string[];
  /** Whether a matched term is one of the fact's keys or its label, or a figure it gives: a deliberate match. */
  keyed: boolean;
}

/** A word's stem for matching: plural and verb endings off ("departments" → "department", "reporting" → "report"). */
export function stem(term: string): string {
  if (term.includes(" ") || term.length <= 4) return term;
  if (term.endsWith("ies") && term.length > 5) return `${term.slice(0, -3)}y`;
  if (term.endsWith("sses")) return term.slice(0, -2);
  if (term.endsWith("ches") || term.endsWith("shes") || term.endsWith("xes")) return term.slice(0, -2);
  if (term.endsWith("s") && !term.endsWith("ss") && !term.endsWith("us") && !term.endsWith("is"))
    return term.slice(0, -1);
  if (term.endsWith("ing") && term.length > 6) return term.slice(0, -3);
  if (term.endsWith("ed") && term.length > 5) return term.slice(0, -2);
  return term;
}

const K1 = 1.2;
const B = 0.5;
/** How many times a key's or label's terms count, against once for the text. */
const KEY_WEIGHT = 2;

interface Doc {
  fact: KnowledgeFact;
  tf: Map<string, number>;
  length: number;
  /** Terms from the fact's keys and label, and the figures it gives. */
  keyed: Set<string>;
}

/** How much a figure the question quotes counts, against a word. */
const FIGURE_WEIGHT = 2;

export class FactIndex {
  readonly facts: readonly KnowledgeFact[];
  /** Each topic's facts, in order, grouped once. */
  private readonly byTopic = new Map<string, KnowledgeFact[]>();
  private readonly docs: Doc[] = [];
  /** Each term's documents, with the term's BM25 part for that document worked out once, at build time. */
  private readonly postings = new Map<string, Posting>();
  /** The same, per topic: a search within one topic reads only that topic's documents. */
  private readonly topicPostings = new Map<string, Map<string, Posting>>();
  /** Scores of one search, by document; reset after each search (only the touched entries). */
  private readonly scratch: Float64Array;
  /** Which query terms each document matched in one search, as bits; reset like `scratch`. */
  private readonly matchedMasks: Uint32Array;
  /** Whether a document matched a query term among its keys, in one search; reset like `scratch`. */
  private readonly keyedHits: Uint8Array;
  /** The documents one search touched (at most every document once); scratch like `scratch`. */
  private readonly touched: Int32Array;

  /**
   * @param termsOf the canonical terms of a text (the router's analysis), before stemming
   * @param phraseOf the term of a key of several words, matched whole (Phrases), if it is one
   */
  constructor(
    facts: readonly KnowledgeFact[],
    termsOf: (text: string) => Iterable<string>,
    phraseOf: (key: string) => string | undefined = () => undefined,
  ) {
    this.facts = facts;
    for (const fact of facts) {
      const list = this.byTopic.get(fact.topic);
      if (list) list.push(fact);
      else this.byTopic.set(fact.topic, [fact]);
    }
    const lists = new Map<string, number[]>();
    for (const fact of facts) {
      const tf = new Map<string, number>();
      const keyed = new Set<string>();
      const add = (text: string, weight: number) => {
        for (const t of termsOf(text)) {
          const s = stem(t);
          tf.set(s, (tf.get(s) ?? 0) + weight);
          if (weight > 1 || s.startsWith("#")) keyed.add(s);
        }
      };
      add(fact.text, 1);
      for (const key of fact.keys) add(key, KEY_WEIGHT);
      let length = 0;
      for (const n of tf.values()) length += n;
      // A phrase is a term of its own, which the length leaves out: its words are counted already.
      for (const key of fact.keys) {
        const phrase = phraseOf(key);
        if (!phrase) continue;
        tf.set(phrase, (tf.get(phrase) ?? 0) + 1);
        keyed.add(phrase);
      }
      const index = this.docs.push({ fact, tf, length, keyed }) - 1;
      for (const term of tf.keys()) {
        const list = lists.get(term);
        if (list) list.push(index);
        else lists.set(term, [index]);
      }
    }
    const n = this.docs.length;
    const avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
    for (const [term, list] of lists) {
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      const weight = term.startsWith("#") ? FIGURE_WEIGHT : 1;
      const parts = new Float64Array(list.length);
      const keyed = new Uint8Array(list.length);
      for (const [k, i] of list.entries()) {
        const doc = this.docs[i]!;
        const tf = doc.tf.get(term)!;
        parts[k] = (weight * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avgLength));
        keyed[k] = doc.keyed.has(term) ? 1 : 0;
      }
      this.postings.set(term, { docs: Int32Array.from(list), parts, keyed });
      for (const topic of new Set(list.map((i) => this.docs[i]!.fact.topic))) {
        const keep = list.flatMap((i, k) => (this.docs[i]!.fact.topic === topic ? [k] : []));
        const perTopic = this.topicPostings.get(topic) ?? new Map<string, Posting>();
        perTopic.set(term, {
          docs: Int32Array.from(keep, (k) => list[k]!),
          parts: Float64Array.from(keep, (k) => parts[k]!),
          keyed: Uint8Array.from(keep, (k) => keyed[k]!),
        });
        this.topicPostings.set(topic, perTopic);
      }
    }
    this.scratch = new Float64Array(n);
    this.matchedMasks = new Uint32Array(n);
    this.keyedHits = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  /** Whether any fact uses this term (after stemming). */
  has(term: string): boolean {
    return this.postings.has(stem(term));
  }

  /**
   * Facts that match the query's terms, best first (ties in the order first matched). Scores add up
   * in typed arrays; hits are made for the best `limit` only.
   */
  search(terms: Iterable<string>, limit = 8): FactHit[] {
    return this.run(terms, this.postings, limit);
  }

  /** A topic's facts, in their order (none for a topic with no facts). */
  ofTopic(topic: string): readonly KnowledgeFact[] {
    return this.byTopic.get(topic) ?? [];
  }

  /** The same as search, within one topic's facts. */
  searchTopic(terms: Iterable<string>, topic: string, limit = 8): FactHit[] {
    return this.run(terms, this.topicPostings.get(topic) ?? new Map(), limit);
  }

  private run(terms: Iterable<string>, postings: ReadonlyMap<string, Posting>, limit: number): FactHit[] {
    const stems = distinctStems(terms, postings);
    const scores = this.scratch;
    const masks = this.matchedMasks;
    const keyedHits = this.keyedHits;
    // Which query terms each fact matched, as bits (term k → bit k): a fact is in a term's postings
    // exactly when its terms include it, so no lookup in its term counts is needed afterwards.
    const tracked = stems.length <= MASK_BITS;
    // The documents scored, in the order first touched, in a buffer kept between searches.
    const touched = this.touched;
    let count = 0;
    for (let s = 0; s < stems.length; s++) {
      const { docs, parts, keyed } = postings.get(stems[s]!)!;
      const bit = tracked ? 1 << s : 0;
      for (let k = 0; k < docs.length; k++) {
        const i = docs[k]!;
        if (scores[i] === 0) touched[count++] = i;
        scores[i] = scores[i]! + parts[k]!;
        masks[i] = masks[i]! | bit;
        keyedHits[i] = keyedHits[i]! | keyed[k]!;
      }
    }
    const best = topByScore(touched, count, scores, limit);
    const hits = best.map((i) => {
      const doc = this.docs[i]!;
      const matched = tracked ? stemsIn(stems, masks[i]!) : stems.filter((t) => doc.tf.has(t));
      return { fact: doc.fact, score: scores[i]!, matched, keyed: keyedHits[i] === 1 };
    });
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      scores[i] = 0;
      masks[i] = 0;
      keyedHits[i] = 0;
    }
    return hits;
  }
}

/** Query terms tracked as bits of one 32-bit mask per fact; a longer query looks matches up instead. */
const MASK_BITS = 31;

/** The query's stems, each once, in first-seen order, that some fact in `postings` has. */
function distinctStems(terms: Iterable<string>, postings: ReadonlyMap<string, Posting>): string[] {
  // A query has a few dozen terms at most: the list itself is searched for repeats, no set is built.
  const stems: string[] = [];
  for (const term of terms) {
    const s = stem(term);
    if (postings.has(s) && !stems.includes(s)) stems.push(s);
  }
  return stems;
}

/** The stems whose bits are set in `mask`, in query order. */
function stemsIn(stems: readonly string[], mask: number): string[] {
  const out: string[] = [];
  for (let s = 0; s < stems.length; s++) if (mask & (1 << s)) out.push(stems[s]!);
  return out;
}

interface Posting {
  docs: Int32Array;
  parts: Float64Array;
  /** Whether the term is among each document's keys (Doc.keyed), so a hit knows it without a lookup. */
  keyed: Uint8Array;
}

/**
 * The `limit` best of the first `count` of `items` by score, best first; equal scores keep their
 * order in `items` (what a stable sort then a slice gives, without sorting everything).
 */
function topByScore(items: Int32Array, count: number, scores: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = items[k]!;
    const score = scores[i]!;
    if (top.length === limit && score <= scores[top[limit - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && scores[top[at - 1]!]! < score) at--;
    top.splice(at, 0, i);
    if (top.length > limit) top.pop();
  }
  return top;
}
