/**
 * Topic and facts together: the intent scores say which topic a question is about, the fact index
 * says which facts it asks for. Each candidate topic scores its intent score plus its best fact's
 * score; the facts of the chosen topic that the question matched specifically become its focus.
 */

import type { KnowledgeFact } from "../knowledge/facts.ts";
import type { FactHit } from "../knowledge/index.ts";

export interface RetrievalConfig {
  /** Weight of the best fact's BM25 score added to an intent's score. */
  factWeight: number;
  /** The same, when the fact matched one of its keys or a figure it gives: a deliberate match. */
  keyedWeight: number;
  /** A fact must score this much to be the focus of an answer. */
  focusMinScore: number;
  /** Further focus facts must score this share of the best one. */
  focusShare: number;
  /** Most facts a focused answer leads with. */
  focusMax: number;
}

export const DEFAULT_RETRIEVAL: RetrievalConfig = {
  factWeight: 0.6,
  keyedWeight: 0.6,
  focusMinScore: 2.2,
  focusShare: 0.7,
  focusMax: 3,
};

export interface Candidate {
  intent: string;
  score: number;
}

/** Intent scores plus the weighted best fact score of each topic, best first. */
export function combine(ranked: readonly Candidate[], hits: readonly FactHit[], config: RetrievalConfig): Candidate[] {
  // Each topic's best deliberate hit, weighted, in the order first hit: a dozen hits at most, so
  // arrays searched in turn rather than maps.
  const topics: string[] = [];
  const best: number[] = [];
  for (const h of hits) {
    if (!deliberate(h) || topics.includes(h.fact.topic)) continue;
    topics.push(h.fact.topic);
    best.push(h.score * (h.keyed ? config.keyedWeight : config.factWeight));
  }
  // The intents in their ranked order, then topics only the facts reached; positive scores only, then
  // a stable sort.
  // A plain array: a typed one costs more to allocate than this whole function does otherwise.
  const used: boolean[] = new Array(topics.length).fill(false);
  const out: Candidate[] = [];
  for (const c of ranked) {
    const k = topics.indexOf(c.intent);
    if (k >= 0) used[k] = true;
    const score = k >= 0 ? c.score + best[k]! : c.score;
    if (score > 0) out.push({ intent: c.intent, score });
  }
  for (let k = 0; k < topics.length; k++)
    if (!used[k] && best[k]! > 0) out.push({ intent: topics[k]!, score: best[k]! });
  return out.sort((x, y) => y.score - x.score);
}

/**
 * The facts of `topic` the question asks for specifically, best first; empty when the question is
 * general (nothing matches well, or the topic's own short answer matches best).
 */
export function focusOf(
  topic: string,
  hits: readonly FactHit[],
  config: RetrievalConfig,
  summaryToo = false,
): KnowledgeFact[] {
  const mine = hits.filter((h) => h.fact.topic === topic && deliberate(h));
  const top = mine[0];
  if (!top || top.score < config.focusMinScore || (top.fact.summary && !summaryToo)) return [];
  return mine
    .filter((h) => (summaryToo || !h.fact.summary) && h.score >= config.focusShare * top.score)
    .slice(0, config.focusMax)
    .map((h) => h.fact);
}

/** A deliberate match: one of the fact's keys, a figure it gives, or two of the question's words. */
export function deliberate(hit: FactHit): boolean {
  return hit.keyed || hit.matched.length > 1;
}
