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
  if (/(ches|shes|xes)$/.test(term)) return term.slice(0, -2);
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
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly avgLength: number;

  /** @param termsOf the canonical terms of a text (the router's analysis), before stemming */
  constructor(facts: readonly KnowledgeFact[], termsOf: (text: string) => Iterable<string>) {
    this.facts = facts;
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
      const index = this.docs.push({ fact, tf, length, keyed }) - 1;
      for (const term of tf.keys()) {
        const list = this.postings.get(term);
        if (list) list.push(index);
        else this.postings.set(term, [index]);
      }
    }
    const n = this.docs.length;
    this.avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
    for (const [term, list] of this.postings) {
      this.idf.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    }
  }

  /** Whether any fact uses this term (after stemming). */
  has(term: string): boolean {
    return this.postings.has(stem(term));
  }

  /** Facts that match the query's terms, best first, optionally only those `where` accepts. */
  search(terms: Iterable<string>, where?: (fact: KnowledgeFact) => boolean, limit = 8): FactHit[] {
    const scores = new Map<number, FactHit>();
    for (const raw of new Set([...terms].map(stem))) {
      const list = this.postings.get(raw);
      if (!list) continue;
      const idf = this.idf.get(raw)!;
      for (const i of list) {
        const doc = this.docs[i]!;
        if (where && !where(doc.fact)) continue;
        const tf = doc.tf.get(raw)!;
        const weight = raw.startsWith("#") ? FIGURE_WEIGHT : 1;
        const part = (weight * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
        const keyed = doc.keyed.has(raw);
        const hit = scores.get(i);
        if (hit) {
          hit.score += part;
          hit.matched.push(raw);
          hit.keyed ||= keyed;
        } else scores.set(i, { fact: doc.fact, score: part, matched: [raw], keyed });
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
