/**
 * The router pipeline: normalise → correct spelling → match phrases and synonyms → score intents
 * → extract slots → decide (answer, clarify or decline) with a calibrated confidence.
 * Thresholds come from configuration; the evaluation's sweep is how they were chosen.
 */
import type { Catalog } from "../catalog.ts";
import { collectFacts, type KnowledgeFact } from "../knowledge/facts.ts";
import { type FactHit, FactIndex, stem } from "../knowledge/index.ts";
import { figuresIn } from "../knowledge/numbers.ts";
import type { DeclineReason, Routing, Slots } from "../types.ts";
import { type Analysis, analyze } from "./analyze.ts";
import { type QuestionForm, questionForm } from "./form.ts";
import { combine, DEFAULT_RETRIEVAL, focusOf, type RetrievalConfig } from "./retrieve.ts";
import { Scorer } from "./score.ts";
import { Speller } from "./speller.ts";
import { type CoverageKnowledge, findUncovered, looksLikeCode, type Uncovered } from "./uncovered.ts";
import { buildVocabulary, type Vocabulary } from "./vocabulary.ts";

export interface RouterConfig extends RetrievalConfig {
  /** Confidence at or above which the top intent is answered. */
  answerThreshold: number;
  /** Confidence at or above which the router asks "Did you mean…" instead of declining. */
  clarifyThreshold: number;
  /** Scale of weights learned from example utterances, relative to keyword weights. */
  exampleWeight: number;
}

export const DEFAULT_ROUTER_CONFIG: RouterConfig = {
  answerThreshold: 0.35,
  clarifyThreshold: 0.2,
  exampleWeight: 1.5,
  ...DEFAULT_RETRIEVAL,
};
/**
 * Intents whose answers are figures for the role as a whole: a single city, state or employer has
 * none, so any subject the knowledge base never mentions makes the question one we cannot answer.
 */
const FIGURE_INTENTS = new Set(["salary", "pay-factors", "ratings", "demographics", "outlook", "degree-shares"]);

/** A keyword this heavy names the topic itself ("duty", "skill"), so it does not pick one fact of it. */
const DEFINING_WEIGHT = 4;
/** Intents whose answers are figures about people in the role: a related role's name means we have no data. */
const ROLE_FIGURE_INTENTS = new Set(["salary", "ratings", "demographics"]);
/** Terms that ask for figures broken down by experience ("salary by years of experience"). */
const BY_LEVEL_TERMS = ["experience", "level", "senior", "experienced"];

export interface RouteResult extends Routing {
  analysis: Analysis;
  form: QuestionForm;
  /** Facts of the chosen topic the question asks for specifically (empty: a general question). */
  focus: KnowledgeFact[];
  /** What the question is about that no source covers (with declineReason "uncovered" or "no-words"). */
  uncovered?: Uncovered;
  /** The fact index's best matches over every topic (for explanations). */
  hits: FactHit[];
  /** The focus is the facts giving figures the question quotes, whatever their topic. */
  quoted?: boolean;
}

export class Router {
  readonly vocabulary: Vocabulary;
  readonly speller: Speller;
  readonly scorer: Scorer;
  readonly facts: FactIndex;
  private readonly catalog: Catalog;
  private readonly config: RouterConfig;
  /** Each intent's topic-defining terms (keyword weight ≥ DEFINING_WEIGHT), stemmed. */
  private readonly defining = new Map<string, ReadonlySet<string>>();
  /** The years and places the knowledge base covers (for honest declines). */
  readonly coverage: CoverageKnowledge;

  constructor(catalog: Catalog, config: Partial<RouterConfig> = {}) {
    this.catalog = catalog;
    this.config = { ...DEFAULT_ROUTER_CONFIG, ...config };
    const facts = collectFacts(catalog);
    const keyWords = new Set(facts.flatMap((f) => f.keys.filter((k) => !k.includes(" "))));
    this.vocabulary = buildVocabulary(
      catalog,
      facts.flatMap((f) => [f.text, ...f.keys]),
      keyWords,
    );
    const rank = new Map<string, number>();
    for (const intent of catalog.intents)
      for (const term of Object.keys(intent.keywords)) rank.set(term, (rank.get(term) ?? 0) + 1);
    this.speller = new Speller(this.vocabulary.spellTargets, rank);
    this.scorer = new Scorer(catalog.intents, this.vocabulary, this.speller, {
      exampleWeight: this.config.exampleWeight,
    });
    this.facts = new FactIndex(facts, (text) => [
      ...termsOf(analyze(text, this.vocabulary, null, { allowFuse: false })),
      ...figuresIn(text).flatMap((f) => (f.figure ? [f.term] : [])),
    ]);
    this.coverage = coverageOf(catalog, facts);
    for (const intent of catalog.intents) {
      const terms = Object.entries(intent.keywords).filter(([t, w]) => w >= DEFINING_WEIGHT && !t.startsWith("_"));
      this.defining.set(intent.id, new Set(terms.map(([t]) => stem(t))));
    }
  }

  route(text: string, answerThreshold = this.config.answerThreshold): RouteResult {
    const a = analyze(text, this.vocabulary, this.speller);
    const slots = slotsOf(a, this.catalog);
    const base = {
      slots,
      normalized: a.normalized,
      analysis: a,
      form: questionForm(a.normalized),
      focus: [],
      hits: [],
    };
    const decline = (reason: DeclineReason, confidence = 0, extra: Partial<RouteResult> = {}): RouteResult => ({
      ...base,
      outcome: "decline",
      intent: null,
      confidence,
      candidates: [],
      declineReason: reason,
      ...extra,
    });

    if (!/[a-z]/.test(a.normalized) || looksLikeCode(text)) {
      const uncovered: Uncovered = looksLikeCode(text) ? { kind: "code" } : { kind: "no-words" };
      return decline(text.trim() === "" ? "empty" : "no-words", 1, { uncovered });
    }
    if (a.injection) return decline("injection", 1);

    // An amount of money in the question ("is 80k low?", "can you make 200k?") is about pay.
    const quoted = figuresIn(text);
    if (quoted.some((f) => f.figure && f.value >= 20_000)) a.terms.add("salary");
    const scores = this.scorer.score(a.terms);
    const ranked = this.scorer.intents
      .map((intent, i) => ({ intent: intent.id, score: scores[i]! }))
      .filter((c) => c.score > 0)
      .sort((x, y) => y.score - x.score);
    const figures = quoted.flatMap((f) => (f.figure ? [f.term] : []));
    const hits = this.facts.search([...termsOf(a), ...figures], undefined, 12);
    const combined = combine(ranked, hits, this.config);
    // Pay in two covered countries ("better paid in the US or Canada?") is a salary comparison.
    const coveredCountries = a.countries.filter((c) => ["US", "UK", "CA"].includes(c));
    if (coveredCountries.length > 1 && combined[0]?.intent === "pay-factors") {
      combined.unshift({ intent: "salary", score: combined[0].score });
    }
    const top = combined[0];
    const confidence = this.confidence(a, combined);

    if (a.otherRoles.length > 0 && !a.roleMentioned) return decline("other-role", 1 - confidence);
    if (!top || (a.content > 0 && a.known === 0)) {
      if (a.offTopic.length > 0) return decline("off-topic");
      // Nothing we know, but something we can name: "health insurance?", "and in 2030?".
      const missing = findUncovered(text, a, this.coverage, { figures: false });
      if (missing && (a.known > 0 || missing.kind === "year")) return decline("uncovered", 0, { uncovered: missing });
      return decline("not-understood");
    }
    const asksFigures = ROLE_FIGURE_INTENTS.has(top.intent) || a.terms.has("salary") || a.terms.has("_what_make");
    if (a.relatedRoles.length > 0 && !a.roleMentioned && asksFigures) return decline("related-role-pay", confidence);
    // Off-topic words ("weather", "recipe") decline the message unless it also names the role.
    if (a.offTopic.length > 0 && !a.roleMentioned) return decline("off-topic", confidence);

    const found: RouteResult = {
      ...base,
      outcome: "decline",
      intent: top.intent,
      confidence,
      candidates: combined.slice(0, 5),
      hits,
    };
    const uncovered = findUncovered(text, a, this.coverage, { figures: FIGURE_INTENTS.has(top.intent) });
    if (uncovered && (uncovered.kind !== "place" || FIGURE_INTENTS.has(top.intent))) {
      return { ...found, declineReason: "uncovered", uncovered };
    }
    if (confidence >= answerThreshold) {
      found.outcome = "answer";
      // Facts are matched on what the question adds to its topic: "challenges of the job" asks for
      // the topic as a whole, "do they manage budgets?" for one fact in it.
      const defining = this.defining.get(top.intent);
      const specific = [...termsOf(a).filter((t) => !defining?.has(stem(t))), ...figures];
      const mine = this.facts.search(specific, (f) => f.topic === top.intent);
      found.focus = focusOf(top.intent, mine, this.config);
      // A figure the question quotes ("where does the 121k come from?") picks the facts that give it.
      const asked = new Set(quoted.filter((f) => f.figure).map((f) => f.term));
      const figureless = found.form.quantity
        ? hits.find((h) => h.fact.noFigure && (h.keyed || h.matched.length > 1))?.fact
        : undefined;
      if (figureless) {
        const uncoveredFigure: Uncovered = {
          kind: "figure",
          missing: figureless.noFigure!,
          known: figureless.text,
          sources: figureless.sources,
        };
        return { ...found, outcome: "decline", declineReason: "uncovered", uncovered: uncoveredFigure, focus: [] };
      }
      const giving = hits.filter((h) => h.matched.some((m) => asked.has(m)));
      // Several pay figures quoted ("121k or 125k, which is right?") ask for them side by side.
      const payFigures = new Set(
        giving.filter((h) => h.fact.topic === "salary").flatMap((h) => h.matched.filter((m) => asked.has(m))),
      );
      if (giving.length > 0 && !(payFigures.size > 1 && top.intent === "salary")) {
        found.quoted = true;
        // The answer is about the facts quoted: their topic is this turn's (and the context's).
        found.intent = giving[0]!.fact.topic;
        found.focus = giving.slice(0, this.config.focusMax).map((h) => h.fact);
      }
    } else if (confidence >= this.config.clarifyThreshold) found.outcome = "clarify";
    else found.declineReason = a.offTopic.length > 0 ? "off-topic" : "not-understood";
    return found;
  }

  /** What a message asks about that no source covers, were it about `intent` (for follow-ups). */
  uncoveredFor(routing: RouteResult, text: string, intent: string): Uncovered | null {
    const u = findUncovered(text, routing.analysis, this.coverage, { figures: FIGURE_INTENTS.has(intent) });
    return u && (u.kind !== "place" || FIGURE_INTENTS.has(intent)) ? u : null;
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
  if (a.levels.length > 1) slots.levels = [...a.levels];
  else if (BY_LEVEL_TERMS.some((t) => a.terms.has(t))) slots.byLevel = true;
  if (a.period) slots.period = a.period;
  if (a.aspects[0]) slots.aspect = a.aspects[0];
  if (a.aspects.length > 1) slots.aspects = [...a.aspects];
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

/**
 * Words about the role itself or any job: they route a question but never pick one fact over
 * another ("the role", "the job", "customers").
 */
const GENERIC_TERMS = new Set([
  "role",
  "job",
  "jobs",
  "position",
  "career",
  "work",
  "company",
  "customer",
  "service",
  "care",
  "people",
]);

/** The canonical terms of an analysis that can match facts (question frames and generic words left out). */
function termsOf(a: Analysis): string[] {
  return [...a.terms].filter((t) => !t.startsWith("_") && !GENERIC_TERMS.has(t));
}

/** The years and places the knowledge base has anything on. */
function coverageOf(catalog: Catalog, facts: readonly KnowledgeFact[]): CoverageKnowledge {
  const years = new Set<number>();
  const text = facts.map((f) => f.text.toLowerCase()).join(" ");
  for (const m of text.matchAll(/\b(19|20)\d\d\b/g)) years.add(Number(m[0]));
  for (const s of catalog.sources.values()) if (s.date) years.add(Number(s.date.slice(0, 4)));
  const dated = [...catalog.sources.values()].flatMap((s) => (s.date ? [Number(s.date.slice(0, 4))] : []));
  const numbers = new Set(facts.flatMap((f) => figuresIn(f.text).map((x) => x.term)));
  const names = Object.values(catalog.lexicon.places).flatMap((list) =>
    list.map((p) => (typeof p === "string" ? p : p[0]!)),
  );
  const places = new Set(names.filter((n) => text.includes(n)));
  return {
    years,
    latestYear: Math.max(...dated),
    furthestYear: Math.max(...years),
    places,
    numbers,
    forms: Object.entries(catalog.lexicon.unansweredForms).map(([missing, source]) => ({
      missing,
      pattern: new RegExp(source),
    })),
    dictionary: catalog.dictionary,
  };
}
