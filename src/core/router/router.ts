/**
 * The router pipeline: normalise → correct spelling → match phrases and synonyms → score intents
 * → extract slots → decide (answer, clarify or decline) with a calibrated confidence.
 * Thresholds come from configuration; the evaluation's sweep is how they were chosen.
 */
import type { Catalog } from "../catalog.ts";
import type { DeclineReason, Routing, Slots } from "../types.ts";
import { type Analysis, analyze } from "./analyze.ts";
import { Scorer } from "./score.ts";
import { Speller } from "./speller.ts";
import { buildVocabulary, type Vocabulary } from "./vocabulary.ts";

export interface RouterConfig {
  /** Confidence at or above which the top intent is answered. */
  answerThreshold: number;
  /** Confidence at or above which the router asks "Did you mean…" instead of declining. */
  clarifyThreshold: number;
  /** Scale of weights learned from example utterances, relative to keyword weights. */
  exampleWeight: number;
}

export const DEFAULT_ROUTER_CONFIG: RouterConfig = { answerThreshold: 0.35, clarifyThreshold: 0.2, exampleWeight: 1.5 };

/** Intents whose answers are figures about people in the role: a related role's name means we have no data. */
const ROLE_FIGURE_INTENTS = new Set(["salary", "ratings", "demographics"]);
/** Terms that ask for figures broken down by experience ("salary by years of experience"). */
const BY_LEVEL_TERMS = ["experience", "level", "senior", "experienced"];

export interface RouteResult extends Routing {
  analysis: Analysis;
}

export class Router {
  readonly vocabulary: Vocabulary;
  readonly speller: Speller;
  readonly scorer: Scorer;
  private readonly catalog: Catalog;
  private readonly config: RouterConfig;

  constructor(catalog: Catalog, config: Partial<RouterConfig> = {}) {
    this.catalog = catalog;
    this.config = { ...DEFAULT_ROUTER_CONFIG, ...config };
    this.vocabulary = buildVocabulary(catalog);
    const rank = new Map<string, number>();
    for (const intent of catalog.intents)
      for (const term of Object.keys(intent.keywords)) rank.set(term, (rank.get(term) ?? 0) + 1);
    this.speller = new Speller(this.vocabulary.spellTargets, rank);
    this.scorer = new Scorer(catalog.intents, this.vocabulary, this.speller, {
      exampleWeight: this.config.exampleWeight,
    });
  }

  route(text: string): RouteResult {
    const a = analyze(text, this.vocabulary, this.speller);
    const slots = slotsOf(a, this.catalog);
    const decline = (reason: DeclineReason, confidence = 0): RouteResult => ({
      outcome: "decline",
      intent: null,
      confidence,
      candidates: [],
      slots,
      declineReason: reason,
      normalized: a.normalized,
      analysis: a,
    });

    if (a.normalized === "") return decline("empty", 1);
    if (a.injection) return decline("injection", 1);

    const scores = this.scorer.score(a.terms);
    const ranked = this.scorer.intents
      .map((intent, i) => ({ intent: intent.id, score: scores[i]! }))
      .filter((c) => c.score > 0)
      .sort((x, y) => y.score - x.score);
    const top = ranked[0];
    const confidence = this.confidence(a, ranked);

    if (a.otherRoles.length > 0 && !a.roleMentioned) return decline("other-role", 1 - confidence);
    if (!top) return decline(a.offTopic.length > 0 ? "off-topic" : "not-understood");
    if (a.relatedRoles.length > 0 && !a.roleMentioned && ROLE_FIGURE_INTENTS.has(top.intent))
      return decline("related-role-pay", confidence);
    // Off-topic words ("weather", "recipe") decline the message unless it also names the role.
    if (a.offTopic.length > 0 && !a.roleMentioned) return decline("off-topic", confidence);

    const result: RouteResult = {
      outcome: "decline",
      intent: top.intent,
      confidence,
      candidates: ranked.slice(0, 5),
      slots,
      normalized: a.normalized,
      analysis: a,
    };
    if (confidence >= this.config.answerThreshold) result.outcome = "answer";
    else if (confidence >= this.config.clarifyThreshold) result.outcome = "clarify";
    else result.declineReason = a.offTopic.length > 0 ? "off-topic" : "not-understood";
    return result;
  }

  /**
   * Confidence in [0, 1] from three things: how much evidence the top intent has, how far ahead of
   * the runner-up it is (in absolute score, so two strong candidates are not mistaken for a tie),
   * and how much of the message the vocabulary understood (a corrected typo counts three quarters).
   */
  private confidence(a: Analysis, ranked: readonly { score: number }[]): number {
    const s1 = ranked[0]?.score ?? 0;
    if (s1 <= 0) return 0;
    const s2 = ranked[1]?.score ?? 0;
    const evidence = 1 - Math.exp(-s1 / 3);
    const lead = 1 - Math.exp(-(s1 - s2) / 2);
    const coverage = a.content === 0 ? 1 : Math.max(0, a.known - 0.25 * a.corrected) / a.content;
    return evidence * (0.4 + 0.6 * lead) * Math.sqrt(coverage);
  }
}

function slotsOf(a: Analysis, catalog: Catalog): Slots {
  const slots: Slots = {};
  const code = a.countries[0];
  if (code) {
    slots.country = code;
    slots.countryName = catalog.lexicon.countries[code]?.name ?? code;
  }
  if (a.countries.length > 1) slots.countries = [...a.countries];
  if (a.years !== undefined) slots.years = a.years;
  const level = a.level ?? (a.years !== undefined ? levelForYears(a.years) : undefined);
  if (level) slots.level = level;
  else if (BY_LEVEL_TERMS.some((t) => a.terms.has(t))) slots.byLevel = true;
  if (a.period) slots.period = a.period;
  if (a.aspects[0]) slots.aspect = a.aspects[0];
  if (a.otherRoles[0]) slots.otherRole = a.otherRoles[0];
  if (a.relatedRoles[0]) slots.relatedRole = a.relatedRoles[0];
  return slots;
}

/** Cityjobs' experience bands: 0-2 entry, 3-5 mid, 6-10 experienced, 11-19 senior, 20+ veteran. */
export function levelForYears(years: number): Slots["level"] {
  if (years <= 2) return "entry";
  if (years <= 5) return "mid";
  if (years <= 10) return "experienced";
  if (years < 20) return "senior";
  return "veteran";
}
