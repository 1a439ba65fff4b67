/**
 * Intent scoring: each intent weighs canonical terms. A weight is the intent's own keyword weight
 * plus a smaller one learned from its example utterances (how often the term appears in them,
 * times how specific the term is across intents, like tf-idf).
 */
import type { Intent } from "../model/intents.ts";
import { analyze } from "./analyze.ts";
import type { Speller } from "./speller.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface ScorerOptions {
  /** Scale of the weights learned from examples, relative to keyword weights. */
  exampleWeight: number;
}

/** A term's intents and their weights, side by side in typed arrays (no object per intent to chase). */
interface Postings {
  intents: Int32Array;
  weights: Float64Array;
}

export class Scorer {
  private readonly postings = new Map<string, Postings>();
  readonly intents: readonly Intent[];

  constructor(intents: readonly Intent[], vocab: Vocabulary, speller: Speller, options: ScorerOptions) {
    this.intents = intents;
    const weights = intents.map(() => new Map<string, number>());
    intents.forEach((intent, i) => {
      for (const [term, w] of Object.entries(intent.keywords)) weights[i]!.set(term, w);
    });

    // Learned part: document frequency of each term within an intent's examples, scaled by idf.
    const df = intents.map(() => new Map<string, number>());
    const intentsWith = new Map<string, number>();
    intents.forEach((intent, i) => {
      for (const example of intent.examples) {
        for (const term of analyze(example, vocab, speller, { allowFuse: false }).terms)
          df[i]!.set(term, (df[i]!.get(term) ?? 0) + 1);
      }
      for (const term of df[i]!.keys()) intentsWith.set(term, (intentsWith.get(term) ?? 0) + 1);
    });
    const n = intents.length;
    intents.forEach((intent, i) => {
      for (const [term, count] of df[i]!) {
        const idf = Math.log(1 + n / intentsWith.get(term)!);
        const learned = options.exampleWeight * (count / intent.examples.length) * idf;
        weights[i]!.set(term, (weights[i]!.get(term) ?? 0) + learned);
      }
    });

    const lists = new Map<string, { intent: number; weight: number }[]>();
    weights.forEach((map, i) => {
      for (const [term, weight] of map) {
        const list = lists.get(term);
        if (list) list.push({ intent: i, weight });
        else lists.set(term, [{ intent: i, weight }]);
      }
    });
    for (const [term, list] of lists)
      this.postings.set(term, {
        intents: Int32Array.from(list, (p) => p.intent),
        weights: Float64Array.from(list, (p) => p.weight),
      });
  }

  /**
   * Scores for every intent (same order as `intents`). A plain array: a typed array costs several
   * times as much to allocate, and this runs for every message (twice or more for two questions).
   */
  score(terms: Iterable<string>): number[] {
    const scores = new Array<number>(this.intents.length).fill(0);
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { intents, weights } = list;
      for (let k = 0; k < intents.length; k++) scores[intents[k]!]! += weights[k]!;
    }
    return scores;
  }

  /** Whether any intent gives this term weight. */
  weighs(term: string): boolean {
    return this.postings.has(term);
  }

  /** The weight an intent gives a term (for explanations and tests). */
  weight(intentId: string, term: string): number {
    const i = this.intents.findIndex((x) => x.id === intentId);
    const list = this.postings.get(term);
    const k = list ? list.intents.indexOf(i) : -1;
    return k >= 0 ? list!.weights[k]! : 0;
  }
}
