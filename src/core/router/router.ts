/**
 * The router pipeline: normalise → correct spelling → match phrases and synonyms → score intents
 * → extract slots → decide (answer, clarify or decline) with a calibrated confidence.
 * Thresholds come from configuration; the evaluation's sweep is how they were chosen.
 */
import type { Catalog } from "../catalog.ts";
import { collectFacts, type KnowledgeFact, sourceDateFactId, sourceLinkFact } from "../knowledge/facts.ts";
import { type FactHit, FactIndex, stem } from "../knowledge/index.ts";
import { type Figure, figuresIn } from "../knowledge/numbers.ts";
import { Phrases } from "../knowledge/phrases.ts";
import { extend } from "../objects.ts";
import type { DeclineReason, Routing } from "../types.ts";
import { NUMBER_WORDS } from "../words.ts";
import { type Analysis, analyze, ownTerms } from "./analyze.ts";
import { claimIn, judge, memberAsked, named, sharesCompared, type Verdict } from "./claims.ts";
import { coverageOf } from "./coverage.ts";
import { contextFirst, QUESTION_START, type QuestionForm, questionForm } from "./form.ts";
import { itemAt, itemBeside, listHolding, listOf, positionAsked, type SourceList, sourceLists } from "./lists.ts";
import { plain, sourceWord } from "./names.ts";
import { normalize } from "./normalize.ts";
import { ABOUT_SOURCES, rerank } from "./rerank.ts";
import { type Candidate, combine, DEFAULT_RETRIEVAL, deliberate, focusOf, type RetrievalConfig } from "./retrieve.ts";
import { Scorer } from "./score.ts";
import { slotsOf } from "./slots.ts";
import { TermIndex, termAsked } from "./term.ts";

export { levelForYears } from "./slots.ts";

import type { Speller } from "./speller.ts";
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
/** "What % of directors are veterans", "what share of CS directors work remotely": the trait is the last group. */
const SHARE =
  /\b(?:what|which)\s+(?:%|percent|percentage|proportion|share|fraction|portion)\s+of\s+(?:\w+\s+){0,3}?(?:directors?|them|people|csds|ccds)\b(?:\s+of\s+customer\s+(?:care|service))?\s+(.{3,80})$/;
/** Words of the share question itself, not of the trait. */
const SHARE_WORDS = new Set([
  "percentage",
  "percent",
  "share",
  "proportion",
  "role",
  "job",
  "work",
  "are",
  "have",
  "director",
  "directors",
]);
/** "besides", "other than", "apart from": the question names what it already knows. */
const EXCLUDING = /\b(besides|other than|apart from|aside from|except|excluding|beyond)\b/;
/** A fact that says something no source puts a number on, as what is missing ("pay in one city"). */
export function missingFigure(fact: KnowledgeFact): Uncovered {
  return { kind: "figure", missing: fact.noFigure!, known: fact.text, sources: fact.sources };
}

/**
 * Each source's name as the analyser reads it ("zippia", "jobdescription"), and its id: the first
 * word of its short name, where the sources topic weighs that word (so "unnamed", the first word of
 * "unnamed Customer Service Director JD", names no source).
 */
function sourcesByTerm(catalog: Catalog): ReadonlyMap<string, string> {
  const weighed = catalog.intentById.get("sources")?.keywords ?? {};
  const byTerm = new Map<string, string>();
  for (const source of catalog.sources.values()) {
    const word = sourceWord(source.short);
    if (word in weighed) byTerm.set(word, source.id);
    // "the Customer Care Director job description": a job description named by its title.
    const titled = plain(`${source.title} ${source.kind}`);
    if (titled in weighed) byTerm.set(titled, source.id);
  }
  return byTerm;
}

/** Topics whose composers set the sources side by side themselves (figures, dates). */
const PER_SOURCE_TOPICS = new Set([
  "salary",
  "outlook",
  "sources",
  "ratings",
  "demographics",
  "experience",
  "degree-shares",
]);
/** Intents whose answers are figures about people in the role: a related role's name means we have no data. */
const ROLE_FIGURE_INTENTS = new Set(["salary", "ratings", "demographics"]);

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
  /** An answer to one part of the message; what another part asked that no source covers. */
  partly?: Uncovered;
  /** An answer to one part of the message; the routing of the next part, about another topic. */
  also?: RouteResult;
  /** A claim quoting figures, checked against the facts shown ("…$150k, right?" → No). */
  verdict?: Verdict;
}

/** Topics that ask about pay: a fact without a figure in one of them says what the others cannot give. */
const PAY_TOPICS: ReadonlySet<string> = new Set(["salary", "pay-factors"]);
/** Whether a fact of one topic speaks for a question quoting another's figure ("the 2% for the industry?" is no pay question). */
function aboutTheSame(factTopic: string, topic: string): boolean {
  return factTopic === topic || (PAY_TOPICS.has(factTopic) && PAY_TOPICS.has(topic));
}

/** The country key ("uk") of the pay facts shown; "us" when they name none. */
function countryOf(shown: readonly KnowledgeFact[]): string {
  return shown.flatMap((f) => (f.topic === "salary" ? f.keys : [])).find((k) => COUNTRY_KEYS.has(k)) ?? "us";
}

/** What a declined routing says no source covers: a subject, or another role's pay ("and what does a VP earn?"). */
function missingFrom(r: RouteResult): Uncovered | undefined {
  if (r.outcome !== "decline") return undefined;
  if (r.declineReason === "uncovered") return r.uncovered;
  const role = r.slots.relatedRole;
  return r.declineReason === "related-role-pay" && role ? { kind: "role-pay", role } : undefined;
}

/** "more common than", "less often than": a comparison the question form's words may not name. */
const MORE_OR_LESS_THAN =
  /\b(more|less|higher|lower|better|worse|greater|bigger) (\w+ ){0,2}than\b|\b(ahead of|behind)\b/;
/** Years that are a claim to check, not the asker's own: "it takes 10 years…, per Zippia?", "…35 yrs old, true?". */
const CLAIM_OF_YEARS =
  /^(?!.*\benough\b).*\b(it takes|takes|says|is that from|right|true|correct|accurate|yeah|yes|someone said|i heard|i read)\b/;
/** Words that only say a source is the lens: "per Zippia", "Cityjobs' numbers". */
const LENS_WORDS: ReadonlySet<string> = new Set(["per", "numbers", "org"]);
/** Growth set against an average: "growing faster than average", "is 6% more than average?". */
const AGAINST_AVERAGE = /\b(faster|quicker|slower|more|less|higher|lower|above|below)\b.*\baverage\b/;
const GROWS_FASTER = /\b(faster|quicker|more|higher|above)\b/;
const GROWS_SLOWER = /\b(slower|less|lower|below)\b/;
/** How a source says its growth figure compares: "about as fast as average". */
const AS_FAST = /\bas fast as\b/;
/** The role's own growth figure, as the outlook data says what a figure applies to. */
const ROLE_GROWTH = /\brole\b/;
/** The period of a figure given only for comparison (Zippia's average across jobs). */
const NOT_STATED = "not stated";
/** A group's share said against the average: "under-represented", "fewer women than…". */
const UNDER_REPRESENTED = /\b(under ?represented|fewer|less|lower|below|minority)\b/;
const OVER_REPRESENTED = /\b(over ?represented|more|higher|above|majority)\b/;
/** How a question names each of Zippia's groups. */
const GROUP_WORDS: Readonly<Record<string, RegExp>> = {
  female: /\b(women|woman|female|females)\b/,
  male: /\b(men|man|male|males)\b/,
  White: /\bwhite\b/,
  "Black or African American": /\b(black|african american)\b/,
  Asian: /\basian\b/,
  "Hispanic or Latino": /\b(hispanic|latino|latina|latinx)\b/,
  "American Indian and Alaska Native": /\b(american indian|native american|alaska native)\b/,
};
const RATES_HIGHER = /\b(better|higher|more|above|greater)\b/;
const RATES_LOWER = /\b(worse|lower|less|below)\b/;
const BETTER_OR_WORSE = /\b(better|worse)\b/;
/**
 * A verdict the question's comparison decides ("faster than average?" → No), in place of the "Yes"
 * a quoted figure's lead would otherwise give for being found.
 */
function verdictFirst(routed: RouteResult, verdict: Verdict): RouteResult {
  const [lead, ...rest] = routed.focus;
  const focus = lead?.stance && lead.stance !== verdict ? [{ ...lead, stance: undefined }, ...rest] : routed.focus;
  return extend(routed, { verdict, focus });
}

/** The words in which a message names what no source covers ("Porto", "401k"), when it has them. */
function saidOf(u: Uncovered): string | undefined {
  switch (u.kind) {
    case "subject":
      return u.phrase;
    case "place":
      return u.name;
    case "form":
      return u.asked;
    case "year":
      return String(u.year);
    case "role-pay":
      return u.role;
    default:
      return undefined;
  }
}

/** An absolute in a yes/no question: "always better", "enough on its own", "basically just". */
const ABSOLUTE = /\b(always)\b(?! on call)|\b(on its own|by itself|in itself|basically just|judged only|only about)\b/;
/** Where a second question begins inside a clause: "… and what's the average age". */
const NEXT_QUESTION = /\b(?:and|but|plus) (?:what|whats|how|which|who|where|when|is|are|do|does)\b/;
/** A comparison: "paid better in X than in Y", "compare X with Y", "X vs Y". */
const COMPARES = /\b(better|more|higher|lower|less|worse|bigger)\b.{0,40}\bthan\b|\bcompare[sd]?\b|\bvs\b|\bversus\b/;
/** "Which source has…", "which source gives…": a source asked for one thing it says. */
const WHICH_SOURCE_HAS =
  /\bwhich (source|sources|site|page|article|one)s? (has|have|gives?|lists?|shows?|mentions?|says?|puts?|uses?|cites?|quotes?)\b/;
/** "Is X on the list?", "does the list include X?": whether a thing is among the items. */
const MEMBERSHIP =
  /\b(include|includes|included|including|on (the|its|their|that|this) (\w+ )?list|in (the|its|their|that|this) (\w+ )?list|listed|among them|one of (them|the \w+))\b/;
/** The sources that do give it: "only Zippia (2025) does", "the other sources do". */
function others(all: readonly { short: string }[], lacking: readonly { short: string }[]): string {
  const rest = all.filter((s) => !lacking.includes(s));
  return rest.length === 1 ? `only ${rest[0]!.short} does` : "the other sources do";
}
/** "five" for 5: the number words the router reads, the other way round (the first word for each: not "several"). */
const NUMBER_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(NUMBER_WORDS)
    .reverse()
    .map(([w, n]) => [n, w]),
);
/** Which sources lack something: "which sources have no date?", "which one doesn't give pay?". */
const WHICH_LACK =
  /\bwhich (sources?|ones?|documents?|pages?|of (them|the sources|your sources))\b.{0,25}\b(no|without|zero|undated|not dated|lacks?|(dont|do not|doesnt|does not|never) (give|have|mention|list|include|cover|say|put))\b/;
const LACKS_DATE = /\b(date|dates|dated|undated)\b/;
/** A link asked for: "link to…", "url of…", "web address". */
const LINK_ASKED = /\b(link|links|url|urls|web ?address|web ?page|hyperlink)\b/;
/** The sources as a whole: "links to your sources", "urls for all five". */
const EVERY_SOURCE = /\b(sources|all|every|each|documents|pages|articles)\b/;
/** A digit: a claim quoting a figure has one, most questions none. */
const DIGIT = /\d/;

/** A pay fact that gives an average ("salary/zippia-us-average"). */
function isAverage(fact: KnowledgeFact): boolean {
  return fact.topic === "salary" && fact.id.endsWith("-average");
}

/** The words that open a question after "and": "…, and what does a VP earn?". */
const ANDED_WORDS = "what|whats|what's|how|which|who|is|are|do|does|did|can|could|should|will|would|when|where|why";
/** Where a message of two questions divides: "…? …", " + ", ", and what…", "… and the …". */
const PART_BREAK = new RegExp(`\\?+\\s+(?=\\S)|\\s+\\+\\s+|\\s*[,;]?\\s+and\\s+(?=(?:${ANDED_WORDS}|the|any)\\b)`, "i");
/** PART_BREAK for split, compiled once. */
const PART_BREAKS = new RegExp(PART_BREAK.source, "gi");
/** How many runs of letters a part has (what /[a-z]+/gi finds), counted without an array of them. */
function lettersRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    const letter = c >= 97 && c <= 122;
    if (letter && !inRun) runs++;
    inRun = letter;
  }
  return runs;
}
/** The longest message read as two questions. */
const TWO_QUESTIONS_CHARS = 200;
const PLUS = /\s\+\s/;
/** "UK average and the stress level?": two fragments joined by "and the", each a question of its own. */
const AND_THE = /\s(and|AND|And)\s+(the|any)\s/;
/** A part needs this many words to be a question of its own. */
const PART_WORDS = 3;

/** Words that lean on the other part: "…and how big is it?", "…and what does that cost?", "…and how is for all workers?". */
const LEANS_ON =
  /\bit\b(?! takes?\b| took\b)|\b(its|it's|these|those|there|such|same|each|both|either|ones)\b|\b(that|this)\b(?! (job|role|position|career|field|post|line of work)\b)|\b(which|the|that|this) one\b|\b(what|how) about\b|\bhow is (for|in|with|at|among)\b/i;
/** "…and what degree do they need?": "they" are the directors another part names, or else what it leans on. */
const THEY = /\b(they|them|their)\b/;
function leansOn(normalized: string, roleNamed: boolean): boolean {
  return LEANS_ON.test(normalized) || (!roleNamed && THEY.test(normalized));
}

/**
 * A part answered on its own: a question (the first part may be a fragment: "uk avg + pension?"),
 * with a term of its own ("how much" alone leans on the rest), pointing back at nothing.
 */
function standsAlone(part: string, index: number, analysis: Analysis, roleNamed: boolean): boolean {
  const asks = ownTerms(analysis.terms) > 0 || [...analysis.terms].some((t) => WHOLE_QUESTIONS.has(t));
  return isQuestion(part, index) && asks && !leansOn(analysis.normalized, roleNamed);
}
/** Question shapes that ask something whole on their own: "how much do directors make in the US". */
const WHOLE_QUESTIONS: ReadonlySet<string> = new Set([
  "_what_make",
  "_what_is",
  "_what_do",
  "_how_become",
  "_vs_worker",
]);

/** A part that asks something: the first part, or one that opens or ends as a question ("Short version." does not). */
function isQuestion(part: string, index: number): boolean {
  return index === 0 || QUESTION_START.test(part) || part.endsWith("?");
}

/** Parts joined by "and the" only: no question mark, " + " or question word between them. */
function fragmentsOnly(text: string): boolean {
  const inner = text.trimEnd().replace(/\?+$/, "");
  return !inner.includes("?") && !PLUS.test(inner) && !ANDED_QUESTION.test(inner);
}
const ANDED_QUESTION = new RegExp(`\\band\\s+(${ANDED_WORDS})\\b`, "i");

/** The questions a message asks one after another, or [] when it asks one. */
function partsOf(text: string): string[] {
  // Most messages have no "?" before their end, no " + " and no " and ": one look, no split.
  const ask = text.indexOf("?");
  const mayDivide =
    (ask >= 0 && ask < text.trimEnd().length - 1) ||
    text.includes(" + ") ||
    text.includes(" and ") ||
    text.includes(" AND ") ||
    text.includes(" And ");
  if (!mayDivide) return [];
  // "growth outlook + gender split?": a two-word fragment beside " + " is a question of its own.
  const least = PLUS.test(text) || AND_THE.test(text) ? 2 : PART_WORDS;
  const parts: string[] = [];
  for (const [i, part] of text.split(PART_BREAKS).entries()) {
    const p = part.trim();
    if (lettersRuns(p) >= least) parts.push(p);
    // "…and what pay?" leans on the rest; "Short version." asks nothing and is left out.
    else if (isQuestion(p, i)) return [];
  }
  return parts.length > 1 ? parts : [];
}

type Decline = (reason: DeclineReason, confidence?: number, extra?: Partial<RouteResult>) => RouteResult;

/** The intents a message may be about, best first, and what they were ranked on. */
interface Ranking {
  combined: Candidate[];
  /** The fact index's best matches over every topic. */
  hits: FactHit[];
  /** The figures the question quotes, as index terms ("#121k"). */
  figures: string[];
  /** The message's terms that can match facts (termsOf), read once per message. */
  terms: string[];
  confidence: number;
}

/** Messages declined before anything is scored: no words (or none at all), code, a prompt injection. */
function refusal(text: string, analysis: Analysis, decline: Decline): RouteResult | null {
  if (!/[a-z]/.test(analysis.normalized) || looksLikeCode(text)) {
    const uncovered: Uncovered = looksLikeCode(text) ? { kind: "code" } : { kind: "no-words" };
    return decline(text.trim() === "" ? "empty" : "no-words", 1, { uncovered });
  }
  return analysis.injection ? decline("injection", 1) : null;
}

/** How source facts write a country after a data provider: "Totaljobs (UK)". */
const COUNTRY_LABELS: Readonly<Record<string, string>> = { US: "US", UK: "UK", CA: "Canada" };
/** The trade-offs article named by its subject, and the subject named anywhere else. */
const TRADEOFFS_ARTICLE = /\b(the|that|this) (trade ?offs?|tradeoffs?) (article|guide|piece|post|page)\b/;
const TRADEOFFS = /\b(trade ?offs?|tradeoffs?)\b/;
/** The words that name the trade-offs article, not what a question about it asks. */
const ARTICLE_WORDS: ReadonlySet<string> = new Set(["tradeoff", "article", "guide", "page"]);
/** A source named as the lens through which a question is asked: "per Cityjobs", "going by Zippia". */
const LENS =
  /\b(per|according to|going by|based on|says|say|said)\b|\bin (the |their |its )?(\w+ ){0,2}(profile|page|article|guide|piece|faq|intro)\b/;
/** A question frame that asks something ("_what_is", "_how_long"), not one that only names ("_role", "_country"). */
function hasAskingFrame(terms: ReadonlySet<string>): boolean {
  for (const t of terms) if (t.startsWith("_") && t !== "_role" && t !== "_country") return true;
  return false;
}
/** The keys that give a pay fact's country. */
const COUNTRY_KEYS: ReadonlySet<string> = new Set(["us", "uk", "ca"]);
/** Asks whether an amount is inside a range. */
const RANGE_ASKED = /\b(within|inside|in range|range)\b/;
/** Asks which source is newest, or oldest. */
const NEWEST = /\b(newest|most recent|latest|more recent|newer|most up to date)\b/;
const OLDEST = /\b(oldest|older|least recent)\b/;
/** A question about when a source was published, or by whom. */
const DATE_ASKED =
  /\b(when|date|dated|dates|update|updated|updates|published|publish|publishes|publisher|old|oldest|older|recent|newest|newer|latest|current|year|who)\b/;
/** A fact from the source a question names leads when it scores at least this share of the best fact. */
const NAMED_SOURCE_SHARE = 0.5;
/** A question about a source's chart, counts or ranks rather than its list as such. */
const NOT_THE_LIST =
  /\b(how many|how much|how often|share|percent|percentage|rank|ranks|ranked|top|resume|resumes|chart|table|step \d|\d+(st|nd|rd|th)|first|second|third|fourth|fifth|last)\b|%/;
/** Asks for the items listed beside the one named. */
const OTHER_ITEMS =
  /\b(what|which) other (\w+ )?(abilities|skills|qualities|traits|duties|responsibilities|tasks|mistakes|kpis|metrics|things|ones|items)\b|\balongside\b|\bwhat else\b/;
/** "what 4 skills…": how many items the question expects. */
const COUNT_ASKED = /\b(2|3|4|5|6|7|8|9|10|two|three|four|five|six|seven|eight|nine|ten)\b/;
/** Most items of a source's own list an answer leads with. */
const LIST_MAX = 6;

export class Router {
  readonly vocabulary: Vocabulary;
  readonly speller: Speller;
  readonly scorer: Scorer;
  readonly facts: FactIndex;
  private readonly catalog: Catalog;
  private readonly config: RouterConfig;
  /** Each intent's topic-defining terms (keyword weight ≥ DEFINING_WEIGHT), stemmed. */
  private readonly defining = new Map<string, ReadonlySet<string>>();
  /** Facts that say something no source puts a number on ("pay depends on location…"). */
  private readonly figureless: readonly KnowledgeFact[];
  /** Each topic's facts and keys in lower case: which other roles a topic says anything about. */
  private readonly topicText = new Map<string, string>();
  /** The years and places the knowledge base covers (for honest declines). */
  readonly coverage: CoverageKnowledge;
  /** A source's name as the analyser reads it → its id. */
  private readonly sourceByTerm: ReadonlyMap<string, string>;
  /** Every fact by its id ("ratings/stress"), for the few answers that name one. */
  private readonly factById: ReadonlyMap<string, KnowledgeFact>;
  private readonly terms: TermIndex<KnowledgeFact>;
  /** The facts' keys of several words, found whole in a question. */
  private readonly phrases = new Phrases();
  /** The facts that give a source's date and publisher. */
  private readonly datedFacts: ReadonlySet<string>;
  /** Each source's address, by source id: shown when a link is asked for. */
  private readonly links: ReadonlyMap<string, KnowledgeFact>;
  /** Each topic's lists, one per source, for "the third duty in Cityjobs' list". */
  private readonly lists: ReadonlyMap<string, SourceList[]>;

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
    this.speller = this.vocabulary.speller.extend([], rank);
    this.scorer = new Scorer(catalog.intents, this.vocabulary, this.speller, {
      exampleWeight: this.config.exampleWeight,
    });
    this.coverage = coverageOf(catalog, facts);
    const sourceWords = new Set([...catalog.sources.values()].map((s) => sourceWord(s.short)));
    this.facts = new FactIndex(
      facts,
      (text) => [
        ...termsOf(analyze(text, this.vocabulary, null, { allowFuse: false })),
        ...figuresIn(text).flatMap((f) => (!f.figure ? [] : f.plain === f.term ? [f.term] : [f.term, f.plain])),
      ],
      (key) => {
        // A phrase needs two words of its own ("what is" says nothing its words do not), and names no
        // source or place ("jobdescription org", "san francisco": what is named, not what is asked).
        const phrase = normalize(key);
        const own = phrase.split(" ").filter((w) => w && !this.vocabulary.stopWords.has(w));
        const named = own.some((w) => sourceWords.has(w)) || this.coverage.places.has(phrase);
        return own.length >= 2 && !named ? this.phrases.add(phrase) : undefined;
      },
    );
    this.factById = new Map(facts.map((f) => [f.id, f]));
    this.terms = new TermIndex(facts);
    for (const f of facts)
      if (f.beside && !this.factById.has(f.beside)) throw new Error(`${f.id}: beside names no fact: ${f.beside}`);
    this.sourceByTerm = sourcesByTerm(catalog);
    this.lists = sourceLists(catalog, facts);
    this.datedFacts = new Set([...catalog.sources.keys()].map(sourceDateFactId));
    this.links = new Map([...catalog.sources.values()].map((s) => [s.id, sourceLinkFact(s)]));
    this.figureless = facts.filter((f) => f.noFigure);
    for (const f of facts)
      this.topicText.set(f.topic, `${this.topicText.get(f.topic) ?? ""} ${f.text.toLowerCase()} ${f.keys.join(" ")}`);
    for (const intent of catalog.intents) {
      const terms = Object.entries(intent.keywords).filter(([t, w]) => w >= DEFINING_WEIGHT && !t.startsWith("_"));
      this.defining.set(intent.id, new Set(terms.map(([t]) => stem(t))));
    }
  }

  route(message: string, answerThreshold = this.config.answerThreshold): RouteResult {
    const text = contextFirst(message);
    const questionLast = text !== message;
    const whole = this.routeOne(
      text,
      answerThreshold,
      analyze(text, this.vocabulary, this.speller, { allowFuse: true, questionLast }),
      message,
    );
    const linked = this.linksAsked(whole) ?? this.sourcesWithout(whole);
    if (linked) return linked;
    const meant = this.meaningOf(text, whole);
    if (meant) return meant;
    const uncovered = missingFrom(whole);
    if (!uncovered && whole.outcome !== "answer") return whole;
    // Two questions in one come short; a longer message is read whole, and routed once.
    const parts = text.length > TWO_QUESTIONS_CHARS ? [] : partsOf(text);
    if (parts.length < 2) return whole;
    // Two topics need every question to stand alone and a topic of its own: a cheap test first.
    const read = uncovered ? [] : this.twoTopics(parts);
    if (!read) return whole;
    const routed = parts.map((part, i) => this.routeOne(part, answerThreshold, read[i]));
    // With a subject no source covers, "they" may be that employer: "Does Enbridge hire directors, and what do they pay?"
    const roleNamed = !uncovered && routed.some((r) => r.analysis.roleMentioned);
    const alone = routed.filter((r, i) => r.outcome === "answer" && standsAlone(parts[i]!, i, r.analysis, roleNamed));
    // What a part declines on its own: another part's subject no source covers, or another role's pay.
    const partMissing = routed.map(missingFrom).find((u) => u !== undefined);
    // "UK average + what's the pension like?": answer the part the sources cover and say what they do not.
    if (uncovered) {
      // "the avg and the top end in California": a place or year after fragments is said of both.
      if ((uncovered.kind === "place" || uncovered.kind === "year") && fragmentsOnly(text)) return whole;
      // What is missing must be what another part asks on its own, not a word of the part answered:
      // that part's own decline, or else the whole message's when its subject is not in the part answered.
      const answered = alone[0];
      const said = saidOf(uncovered);
      const missing =
        partMissing ?? (answered && said && !answered.normalized.includes(normalize(said)) ? uncovered : undefined);
      return answered && missing ? { ...answered, partly: missing } : whole;
    }
    // "What's the next step after director, and what does a VP earn?": one part answered, the other's pay not given.
    if (alone.length === 1 && partMissing) return { ...alone[0]!, partly: partMissing };
    // "Entry-level pay, and how long is the training?": two topics, each part answered on its own.
    const [first, second] = alone;
    const questions = parts.filter((part, i) => isQuestion(part, i)).length;
    if (alone.length !== questions || !first || !second || first.intent === second.intent) return whole;
    return { ...first, also: second };
  }

  /**
   * "Which sources have no date?", "which source gives no salary figures?": the sources with nothing
   * on what is asked, read off the facts (or the sources' own dates).
   */
  private sourcesWithout(whole: RouteResult): RouteResult | null {
    if (!WHICH_LACK.test(whole.normalized)) return null;
    const all = [...this.catalog.sources.values()];
    const dates = LACKS_DATE.test(whole.normalized);
    // The topic the question names ("…doesn't give demographics?"), else the one it was routed to.
    const defines = (c: Candidate) =>
      [...whole.analysis.terms].some((t) => this.defining.get(c.intent)?.has(stem(t)) ?? false);
    const topic = whole.candidates.find((c) => c.intent !== "sources" && defines(c))?.intent ?? whole.intent;
    if (!dates && (whole.outcome !== "answer" || !topic || topic === "sources")) return null;
    const covering = new Set(dates ? [] : this.facts.ofTopic(topic!).flatMap((f) => f.sources));
    const lacking = all.filter((s) => (dates ? !s.date : !covering.has(s.id)));
    const what = dates ? "date" : (this.catalog.topics.get(topic!)?.title.toLowerCase() ?? topic!.replace(/-/g, " "));
    const names = lacking.map((s) => s.short);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
    const text =
      lacking.length === 0
        ? `All ${NUMBER_NAMES.get(all.length) ?? all.length} sources give something on ${what}.`
        : dates
          ? `${list} ${lacking.length > 1 ? "give" : "gives"} no date; the others are dated.`
          : `${list} ${lacking.length > 1 ? "give" : "gives"} nothing on ${what}; ${others(all, lacking)}.`;
    const fact: KnowledgeFact = {
      id: `sources/without/${dates ? "date" : topic}`,
      topic: "sources",
      text,
      sources: lacking.length > 0 ? lacking.map((s) => s.id) : all.map((s) => s.id),
      keys: [],
    };
    return this.answeredWith(whole, "sources", [fact]);
  }

  /** "Link to the zippia page?", "urls for your sources?": where the source, or each, was published. */
  private linksAsked(whole: RouteResult): RouteResult | null {
    // "zippia resume builder link": a link to something no source covers is declined as that.
    if (!LINK_ASKED.test(whole.normalized) || whole.uncovered?.kind === "form") return null;
    const lens = this.namedSource(whole.analysis);
    const focus = lens ? [this.links.get(lens)!] : EVERY_SOURCE.test(whole.normalized) ? [...this.links.values()] : [];
    if (focus.length === 0) return null;
    return this.answeredWith(whole, "sources", focus);
  }

  /** The message answered after all, from these facts of `intent`: at least as sure as an answer needs. */
  private answeredWith(whole: RouteResult, intent: string, focus: KnowledgeFact[]): RouteResult {
    return extend(whole, {
      outcome: "answer" as const,
      intent,
      focus,
      confidence: Math.max(whole.confidence, this.config.answerThreshold),
      declineReason: undefined,
      uncovered: undefined,
    });
  }

  /**
   * "What does 'issue ownership' mean?": the facts that use the term, when the routing found none of
   * them; null when the question asks no meaning, or the term is in no fact or in too many to say.
   */
  private meaningOf(text: string, whole: RouteResult): RouteResult | null {
    // "What is 'customer care operations' in the skills list - how big a share?" asks the figure.
    if (whole.outcome === "answer" && whole.form.quantity) return null;
    const term = termAsked(text, whole.normalized);
    const facts = term ? this.terms.using(term) : [];
    if (facts.length === 0 || whole.focus.some((f) => facts.includes(f))) return null;
    const topic = facts[0]!.topic;
    return this.answeredWith(
      whole,
      topic,
      facts.filter((f) => f.topic === topic),
    );
  }

  /**
   * The questions' analyses (by part) when a message's questions may be about two topics: none
   * leaning on another, and their words scoring best for different intents; else null. A cheap
   * test before any part is routed in full, whose analyses the routing then reuses.
   */
  private twoTopics(parts: readonly string[]): (Analysis | undefined)[] | null {
    const tops = new Set<string>();
    const read: (Analysis | undefined)[] = [];
    for (const [i, part] of parts.entries()) {
      if (!isQuestion(part, i)) continue;
      // A part that leans on the other ("…and how big is it?") ends the test before any analysis.
      if (LEANS_ON.test(part)) return null;
      read[i] = analyze(part, this.vocabulary, this.speller);
    }
    const roleNamed = read.some((a) => a?.roleMentioned);
    for (const analysis of read) {
      if (!analysis) continue;
      // LEANS_ON was tested on each part above; "they" leans only when no part names the directors.
      if ((!roleNamed && THEY.test(analysis.normalized)) || ownTerms(analysis.terms) === 0) return null;
      const top = bestIntent(this.scorer.intents, this.scorer.score(analysis.terms));
      if (!top) return null;
      tops.add(top);
    }
    return tops.size > 1 ? read : null;
  }

  /** @param asked the message as written, whose shape is the question's ("why…? we're outsourcing…" asks why) */
  private routeOne(
    text: string,
    answerThreshold: number,
    analysis = analyze(text, this.vocabulary, this.speller),
    asked = text,
  ): RouteResult {
    const base = {
      slots: slotsOf(analysis, this.catalog),
      normalized: analysis.normalized,
      analysis,
      form:
        asked === text
          ? questionForm(analysis.normalized, analysis.words, text)
          : questionForm(normalize(asked), undefined, asked),
      focus: [],
      hits: [],
    };
    const decline: Decline = (reason, confidence = 0, extra = {}) =>
      Object.assign(
        {},
        base,
        { outcome: "decline" as const, intent: null, confidence, candidates: [], declineReason: reason },
        extra,
      );
    const refused = refusal(text, analysis, decline);
    if (refused) return refused;
    const quoted = figuresIn(text);
    const ranking = this.rank(analysis, quoted);
    const turnedAway = this.turnAway(text, analysis, ranking, decline);
    if (turnedAway) return turnedAway;
    // turnAway declined a message without a top intent.
    const top = ranking.combined[0]!;
    const { confidence, hits } = ranking;
    const candidates = ranking.combined.slice(0, 5);
    const found: RouteResult = extend(base, { outcome: "decline", intent: top.intent, confidence, candidates, hits });
    const uncovered = this.uncoveredFor(found, text, top.intent);
    if (uncovered) return extend(found, { declineReason: "uncovered", uncovered });
    if (confidence >= answerThreshold) return this.withVerdict(text, this.answer(found, ranking, quoted), quoted);
    if (confidence >= this.config.clarifyThreshold) return extend(found, { outcome: "clarify" });
    return extend(found, { declineReason: analysis.offTopic.length > 0 ? "off-topic" : "not-understood" });
  }

  /** Intents scored on the message's terms and combined with the fact index's best matches, best first. */
  private rank(analysis: Analysis, quoted: readonly Figure[]): Ranking {
    // An amount of money in the question ("is 80k low?", "can you make 200k?") is about pay.
    if (quoted.some((f) => f.figure && f.value >= 20_000)) analysis.terms.add("salary");
    // "Why does the trade-offs article call it a strong career path?": the trade-offs name the article, not the subject.
    if (analysis.terms.has("tradeoff") && TRADEOFFS_ARTICLE.test(analysis.normalized)) {
      const rest = analysis.normalized.replace(new RegExp(TRADEOFFS_ARTICLE.source, "g"), " ");
      // Only when the question has a subject of its own: three terms besides the article's.
      if (!TRADEOFFS.test(rest) && ownTerms(analysis.terms, ARTICLE_WORDS) >= 3) analysis.terms.delete("tradeoff");
    }
    const scores = this.scorer.score(this.withoutLens(analysis) ?? analysis.terms);
    const ranked = scored(this.scorer.intents, scores);
    const figures = quoted.flatMap((f) => (f.figure && !f.own ? [f.term] : []));
    const terms = termsOf(analysis);
    // The facts' phrases the question contains are index terms of their own, for the topic.
    const hits = this.facts.search([...terms, ...figures, ...this.phrases.in(analysis.words)], 12);
    const combined = combine(ranked, hits, this.config);
    rerank(combined, {
      analysis,
      quoted,
      ranked,
      hits,
      defines: (intent, term) => this.defining.get(intent)?.has(stem(term)) ?? false,
      namedPlace: (place) => this.coverage.places.has(place),
    });
    return { combined, hits, figures, terms, confidence: this.confidence(analysis, combined) };
  }

  /**
   * "Who does a CSD lead per Cityjobs?": a source named as the lens, not the subject, when the question
   * has a subject of its own and asks nothing about sources; its terms without the source's, for scoring.
   */
  private withoutLens(analysis: Analysis): ReadonlySet<string> | undefined {
    if (!LENS.test(analysis.normalized) || !this.namedSource(analysis)) return undefined;
    for (const t of analysis.terms) if (ABOUT_SOURCES.has(t)) return undefined;
    const rest = new Set([...analysis.terms].filter((t) => !this.sourceByTerm.has(t) && t !== "per"));
    // "per playsupplychain, what is a CCD?": a question frame asks something of its own too.
    return ownTerms(rest) > 0 || hasAskingFrame(rest) ? rest : undefined;
  }

  /** Declines decided by what the message names: another role, nothing we know, a related role's pay, other topics. */
  private turnAway(text: string, analysis: Analysis, ranking: Ranking, decline: Decline): RouteResult | null {
    const { combined, confidence } = ranking;
    const top = combined[0];
    if (analysis.otherRoles.length > 0 && !analysis.roleMentioned) return decline("other-role", 1 - confidence);
    if (!top || (analysis.content > 0 && analysis.known === 0)) {
      if (analysis.offTopic.length > 0) return decline("off-topic");
      // Nothing we know, but something we can name: "health insurance?", "and in 2030?".
      const missing = findUncovered(text, analysis, this.coverage, { figures: false });
      if (missing && (analysis.known > 0 || missing.kind === "year"))
        return decline("uncovered", 0, { uncovered: missing });
      return decline("not-understood");
    }
    const asksFigures =
      ROLE_FIGURE_INTENTS.has(top.intent) ||
      analysis.terms.has("salary") ||
      analysis.terms.has("_what_make") ||
      analysis.terms.has("higher pay");
    if (
      analysis.relatedRoles.length > 0 &&
      asksFigures &&
      (!analysis.roleMentioned || paidAsAny(analysis.tokens.join(" "), analysis.relatedRoles))
    )
      return decline("related-role-pay", confidence);
    // "What does a chief customer officer do?": another role, asked about on its own, is answered
    // from a topic that describes it ("what does a manager do?" from manager vs director), or declined.
    const other = analysis.roleMentioned
      ? undefined
      : analysis.relatedRoles.find((r) => !this.describes(top.intent, r));
    if (other) {
      const describing = combined.findIndex((c) => this.describes(c.intent, other));
      if (describing < 0)
        return decline("other-role", 1 - confidence, {
          slots: extend(slotsOf(analysis, this.catalog), { otherRole: other }),
        });
      combined.unshift(...combined.splice(describing, 1));
    }
    // Off-topic words ("weather", "recipe") decline the message unless it also names the role.
    if (analysis.offTopic.length > 0 && !analysis.roleMentioned) return decline("off-topic", confidence);
    return null;
  }

  /**
   * An answer and its focus: the facts of its topic the question asks for, or the facts giving the
   * figures it quotes; declined after all when it asks for a figure that no source gives.
   */
  private answer(found: RouteResult, ranking: Ranking, quoted: readonly Figure[]): RouteResult {
    const topic = found.intent!;
    found.outcome = "answer";
    // Facts are matched on what the question adds to its topic: "challenges of the job" asks for
    // the topic as a whole, "do they manage budgets?" for one fact in it.
    const defining = this.defining.get(topic);
    const specific = [...ranking.terms.filter((t) => !defining?.has(stem(t))), ...ranking.figures];
    const mine = this.facts.searchTopic(specific, topic);
    // "metrics besides CSAT?": what is named is what the answer should go beyond, so the topic as a whole.
    // "Which source has the resume skill percentages?": the one fact that gives them, summary line or not.
    found.focus = EXCLUDING.test(found.normalized)
      ? []
      : focusOf(topic, mine, this.config, WHICH_SOURCE_HAS.test(found.normalized));
    const lens = this.namedSource(found.analysis);
    if (topic === "sources") this.focusOnSources(found, mine, lens);
    else this.focusThroughLens(found, topic, mine, lens, ranking.hits);
    // "I heard the director's main job is queue management": a manager's focus, then what the director's is.
    const beside = found.focus[0]?.beside;
    if (beside && found.focus.every((f) => f.beside === beside)) {
      const fact = this.factById.get(beside)!;
      found.focus = [...found.focus.slice(0, this.config.focusMax - 1), fact];
    }
    // "How much does X earn at a startup?" asks a figure; "what affects how much X earns?" asks what drives it.
    // "Why do the sources call a 30% cut a mistake?" asks a reason, whatever figure it quotes.
    const asksFigure = found.form.quantity && !found.form.why && !found.analysis.terms.has("_pay_varies");
    // A place the sources name without a figure ("how much in San Francisco?"): what they say of it.
    const figureless = !asksFigure
      ? undefined
      : (this.placeWithoutFigure(found.analysis) ??
        ranking.hits.find(
          (h) =>
            h.fact.noFigure &&
            (h.keyed || h.matched.length > 1) &&
            (ranking.figures.length === 0 || aboutTheSame(h.fact.topic, topic)),
        )?.fact);
    if (figureless) {
      const uncoveredFigure = missingFigure(figureless);
      return extend(found, { outcome: "decline", declineReason: "uncovered", uncovered: uncoveredFigure, focus: [] });
    }
    // "What % of directors work fully remote?": a share no fact gives.
    const share = this.missingShare(found, ranking, ranking.terms);
    if (share) return extend(found, { outcome: "decline", declineReason: "uncovered", uncovered: share, focus: [] });
    // "Is it paid better in New Zealand than in the UK?": a comparison with a country no source covers
    // cannot be made; it is declined for that country, whose pay no source gives.
    if (topic === "salary" && COMPARES.test(found.normalized)) {
      const covered = new Set<string>(this.catalog.salary.figures.map((f) => f.country));
      const asked = found.slots.countries ?? [];
      const missing = asked.filter((c) => !covered.has(c));
      if (missing.length > 0 && missing.length < asked.length) {
        const country = missing[0]!;
        const countryName = this.catalog.lexicon.countries[country]?.name ?? country;
        found.slots = { ...found.slots, country, countryName, countries: missing };
      }
    }
    // "We budgeted C$80k: is that inside the range?": the asker's own yearly amount, set against the ranges.
    const amount = topic === "salary" && !lens ? this.askersAmount(found, quoted) : undefined;
    if (amount !== undefined) found.slots = { ...found.slots, amount };
    // A figure the question quotes ("where does the 121k come from?") picks the facts that give it.
    const asked = new Set(quoted.filter((f) => f.figure && !f.own).map((f) => f.term));
    // "is 100k normal in the US?": a pay figure from another country is no match for the one quoted.
    const countries = found.analysis.countries.map((c) => c.toLowerCase());
    // No figure asked (most questions): no hit gives one.
    const giving =
      asked.size === 0
        ? []
        : ranking.hits.filter(
            (h) =>
              h.matched.some((m) => asked.has(m)) &&
              (countries.length === 0 || h.fact.topic !== "salary" || countries.some((c) => h.fact.keys.includes(c))),
          );
    // Several pay figures quoted ("121k or 125k, which is right?") ask for them side by side.
    const payFigures = new Set(
      giving.filter((h) => h.fact.topic === "salary").flatMap((h) => h.matched.filter((m) => asked.has(m))),
    );
    // "Is C$115k within the range?": the range is asked for, beside the figure quoted.
    const rangeAsked = topic === "salary" && found.analysis.terms.has("range");
    if (giving.length > 0 && !(payFigures.size > 1 && topic === "salary") && !rangeAsked) {
      found.quoted = true;
      // The answer is about the facts quoted: their topic is this turn's (and the context's).
      found.intent = giving[0]!.fact.topic;
      found.focus = giving.slice(0, this.config.focusMax).map((h) => h.fact);
      // "Zippia rates work-life balance 8.7, right?": the aspect named, with its own score, before the one that is 8.7.
      // "Cityjobs says the US average is $124,000, right?": the named source's own average first.
      const average =
        lens && found.intent === "salary" && found.analysis.terms.has("average")
          ? this.averageOf(lens, found.focus)
          : undefined;
      if (average && !found.focus.includes(average))
        found.focus = [average, ...found.focus].slice(0, this.config.focusMax);
      // "UK avg is GBP 100k, isn't it?": a range's end quoted as the average; the country's averages first.
      const averages =
        !lens && found.intent === "salary" && found.analysis.terms.has("average") && !isAverage(found.focus[0]!)
          ? this.averagesOf(found.focus)
          : [];
      if (averages.length > 0)
        found.focus = [...averages, ...found.focus.filter((f) => !averages.includes(f))].slice(0, this.config.focusMax);
      // "Does one of the sources put the average at around $124k?": yes, when the fact that leads gives it.
      const lead = found.focus[0]!;
      // "Is £70k the UK average?": the other sources' figures for that country beside it, where they differ.
      if (found.form.yesNo && isAverage(lead) && found.focus.length === 1)
        found.focus = [lead, ...this.otherViews(lead)].slice(0, this.config.focusMax);
      if (found.form.yesNo && lead === giving[0]!.fact && !lead.stance && (!lens || lead.sources.includes(lens)))
        found.focus = [{ ...lead, stance: "Yes" }, ...found.focus.slice(1)];
      const aspect = found.slots.aspect;
      const named = aspect ? this.factById.get(`ratings/${aspect}`) : undefined;
      if (named && !found.focus.includes(named)) found.focus = [named, ...found.focus].slice(0, this.config.focusMax);
      // "Which source is 115k from?": the figure's country is the conversation's from here on ("and the range?").
      const codes = new Set(
        found.focus.flatMap((f) => (f.topic === "salary" ? f.keys.filter((k) => COUNTRY_KEYS.has(k)) : [])),
      );
      if (!found.slots.country && codes.size === 1) {
        const code = [...codes][0]!.toUpperCase();
        found.slots = {
          ...found.slots,
          country: code,
          countryName: this.catalog.lexicon.countries[code]?.name ?? code,
        };
      }
    }
    return found;
  }

  /**
   * A word of the topic's own vocabulary that the question names and no fact of the topic uses
   * ("NPS" for the KPIs), other than the words that define the topic.
   */
  private namesWhatTopicLacks(routed: RouteResult, hits: readonly FactHit[]): boolean {
    const topic = routed.intent!;
    const keywords = this.catalog.intentById.get(topic)?.keywords ?? {};
    const text = ` ${(this.topicText.get(topic) ?? "").replace(/[^a-z0-9]+/g, " ")} `;
    for (const t of routed.analysis.terms) {
      if (!(t in keywords) || t.startsWith("_") || this.defining.get(topic)?.has(stem(t))) continue;
      if (hits.some((h) => h.fact.topic === topic && h.matched.includes(t))) continue;
      if (!text.includes(` ${stem(t)}`)) return true;
    }
    return false;
  }

  /**
   * "Cityjobs says the veteran level earns $150k, right?": a claim quoting figures, checked against
   * the facts the answer leads with. A claim about an average is set against averages only; a claim
   * naming a source, against that source's facts only.
   */
  private withVerdict(text: string, routed: RouteResult, quoted: readonly Figure[]): RouteResult {
    // "Is 10 years enough?": the asker's own years, which the answer sets against the sources' already.
    if (routed.outcome !== "answer") return routed;
    if (routed.slots.years !== undefined) {
      if (!CLAIM_OF_YEARS.test(routed.normalized)) return routed;
      // "It takes 10 years, per Zippia?": the years are the claim's, not the asker's to set against the sources.
      if (routed.intent === "experience") {
        const { years: _years, level: _level, ...slots } = routed.slots;
        routed = extend(routed, { slots });
      }
    }
    // "Is cheaper support always better?", "is response speed enough on its own?": the sources weigh
    // trade-offs, so a "yes" for finding the thing named does not answer an absolute.
    const absolute = routed.form.yesNo ? ABSOLUTE.exec(routed.normalized) : null;
    const [lead, ...rest] = routed.focus;
    if (absolute && lead && (!lead.stance || lead.stance.startsWith("Yes")))
      return extend(routed, { focus: [{ ...lead, stance: absolute[1] ? "Not always" : "No" }, ...rest] });
    // "Does the KPI list include NPS by name?": a thing the topic's facts never name is not on its list.
    if (routed.form.yesNo && MEMBERSHIP.test(routed.normalized) && this.namesWhatTopicLacks(routed, routed.hits))
      return verdictFirst(routed, "No");
    const { yesNo, comparison } = routed.form;
    // "Is work-life balance worse than average?": the score against the US average beside it.
    // "Is project management more common than KPIs?": two shares the topic's facts give.
    const compared = yesNo && (comparison || MORE_OR_LESS_THAN.test(routed.normalized));
    // "Are women under-represented compared with the US workforce?": the group's share against Zippia's US average.
    if (routed.intent === "demographics" && yesNo) {
      const verdict = this.groupAgainstAverage(routed.normalized);
      if (verdict) return verdictFirst(routed, verdict);
    }
    if (routed.intent === "outlook" && yesNo && AGAINST_AVERAGE.test(routed.normalized)) {
      const verdict = this.growthAgainstAverage(routed, quoted);
      if (verdict) return verdictFirst(routed, verdict);
    }
    if (compared) {
      const verdict =
        routed.intent === "ratings"
          ? this.ratingAgainstAverage(routed)
          : sharesCompared(
              routed.normalized,
              this.facts.ofTopic(routed.intent!).map((f) => f.text),
            );
      if (verdict) return extend(routed, { verdict });
    }
    // The question's shape first (most questions make no claim): then the facts it is checked against.
    const claim = DIGIT.test(text) ? claimIn(text, routed.normalized, yesNo, comparison) : undefined;
    // A fact with a stance of its own ("Depending on the business, yes") gives the answer already.
    const member =
      yesNo && !claim && routed.focus[0]?.stance === undefined ? memberAsked(text, routed.normalized) : undefined;
    if (!claim && !member) return routed;
    // A topic's general answer: its facts that match the question best.
    const shown =
      routed.focus.length > 0
        ? routed.focus
        : routed.hits
            .filter((h) => h.fact.topic === routed.intent)
            .slice(0, 2)
            .map((h) => h.fact);
    const texts = (facts: readonly KnowledgeFact[]) => facts.map((f) => f.text);
    if (!claim)
      return member && shown[0]?.stance === undefined && named(member, texts(shown))
        ? extend(routed, { verdict: "Yes" as const })
        : routed;
    const lens = this.namedSource(routed.analysis);
    const own = lens ? shown.filter((f) => f.sources.includes(lens)) : shown;
    const averages = claim.averages ? own.filter(isAverage) : [];
    // "Is the $124k figure from Zippia?": a figure another source gives is not the named source's.
    const elsewhere = lens !== undefined && own.length === 0 && judge(claim, texts(shown)) === "Yes";
    const verdict = elsewhere ? "No" : judge(claim, texts(averages.length > 0 ? averages : own));
    // Pay facts come one per source and country: a "no" read off the best-matching ones only holds
    // when none of the others (of the source named, averages for an average) gives the figure.
    const others =
      verdict === "No" && !elsewhere && routed.focus.length === 0 && routed.intent === "salary"
        ? this.facts
            .ofTopic("salary")
            .filter((f) => (!lens || f.sources.includes(lens)) && (averages.length === 0 || isAverage(f)))
        : [];
    const refuted = others.length === 0 || judge(claim, texts(others)) === "No";
    return verdict && refuted ? extend(routed, { verdict }) : routed;
  }

  /** Yes or no to "is <aspect> better (higher, worse…) than average?", from the score and its US average. */
  /**
   * "Is the role growing faster than average?": the growth figure asked about (the one quoted, or the
   * named source's, else the role's own) against the average its source gives, or against the
   * comparison its source makes ("about as fast as average" is neither faster nor slower).
   */
  private growthAgainstAverage(routed: RouteResult, quoted: readonly Figure[]): Verdict | undefined {
    const growth = this.catalog.outlook.growth;
    const stated = growth.filter((g) => g.period !== NOT_STATED);
    const rate = quoted.find((f) => f.term.endsWith("%"))?.value;
    const lens = this.namedSource(routed.analysis);
    const up = GROWS_FASTER.test(routed.normalized);
    if (up === GROWS_SLOWER.test(routed.normalized)) return undefined;
    // The first figure asked about whose source sets it against an average.
    for (const asked of stated) {
      const matches =
        rate !== undefined || lens
          ? (rate === undefined || asked.rate === rate) && (!lens || asked.source === lens)
          : ROLE_GROWTH.test(asked.appliesTo);
      if (!matches) continue;
      if (asked.comparison && AS_FAST.test(asked.comparison)) return "No";
      const average = growth.find((g) => g.source === asked.source && g.period === NOT_STATED);
      if (average && average.rate !== asked.rate) return asked.rate > average.rate === up ? "Yes" : "No";
    }
    return undefined;
  }

  /** Other sources' yearly averages, then ranges, for the country of a pay average (no source twice). */
  private otherViews(average: KnowledgeFact): KnowledgeFact[] {
    const country = average.keys.find((k) => COUNTRY_KEYS.has(k));
    const others = this.facts
      .ofTopic("salary")
      .filter(
        (f) =>
          f !== average &&
          f.keys.includes(country ?? "") &&
          (isAverage(f) || f.keys.includes("range")) &&
          !f.sources.some((s) => average.sources.includes(s)),
      );
    const views = [...others.filter(isAverage), ...others.filter((f) => !isAverage(f))];
    return views.filter((f, i) => views.findIndex((g) => g.sources[0] === f.sources[0]) === i);
  }

  private groupAgainstAverage(text: string): Verdict | undefined {
    const under = UNDER_REPRESENTED.test(text);
    if (under === OVER_REPRESENTED.test(text)) return undefined;
    const { gender, race } = this.catalog.demographics;
    const named = [...gender, ...race].filter((g) => GROUP_WORDS[g.category]?.test(text));
    const group = named.length === 1 ? named[0] : undefined;
    if (!group || group.usAverage === undefined || group.percent === group.usAverage) return undefined;
    return group.percent < group.usAverage === under ? "Yes" : "No";
  }

  private ratingAgainstAverage(routed: RouteResult): Verdict | undefined {
    const aspect = routed.slots.aspect;
    const rating = this.catalog.ratings.ratings.find((r) => r.aspect === aspect);
    const average = rating?.usAverage?.score;
    if (!rating || average === undefined || rating.score === average) return undefined;
    const up = RATES_HIGHER.test(routed.normalized);
    if (up === RATES_LOWER.test(routed.normalized)) return undefined;
    // A higher stress or complexity score is the worse one: "better" and "worse" read the other way.
    const inverted = (aspect === "stress" || aspect === "complexity") && BETTER_OR_WORSE.test(routed.normalized);
    return rating.score > average === (up !== inverted) ? "Yes" : "No";
  }

  /**
   * An amount of the asker's own in a pay question ("budgeted C$80k", "asking for £100k"), yearly:
   * not a figure a source gives for the country ("around $124,000?") unless a range is asked about.
   */
  private askersAmount(found: RouteResult, quoted: readonly Figure[]): number | undefined {
    const country = found.slots.country ?? "US";
    const given = (value: number) =>
      !RANGE_ASKED.test(found.normalized) &&
      this.catalog.salary.figures.some((f) => f.country === country && [f.amount, f.min, f.max].includes(value));
    // "Would C$150k be within the Canadian range?": an amount no source gives, set against the ranges, is the asker's.
    const hypothetical = (value: number) =>
      RANGE_ASKED.test(found.normalized) &&
      !this.catalog.salary.figures.some((f) => [f.amount, f.min, f.max].includes(value));
    return quoted.find((f) => (f.own || hypothetical(f.value)) && f.figure && f.value >= 20_000 && !given(f.value))
      ?.value;
  }

  /** Every source's average pay, in the country of the pay facts shown. */
  private averagesOf(shown: readonly KnowledgeFact[]): KnowledgeFact[] {
    const country = countryOf(shown);
    return this.facts.facts.filter((f) => isAverage(f) && f.keys.includes(country));
  }

  /** A source's own average pay, in the country of the pay facts shown. */
  private averageOf(source: string, shown: readonly KnowledgeFact[]): KnowledgeFact | undefined {
    const country = countryOf(shown);
    return this.facts.facts.find((f) => isAverage(f) && f.sources[0] === source && f.keys.includes(country));
  }

  /**
   * A question for the share of directors with some trait ("what % are veterans?", "what share work
   * remotely?") that no percentage among the facts speaks of: the trait's words match no fact that
   * gives a percentage.
   */
  private missingShare(found: RouteResult, ranking: Ranking, terms: readonly string[]): Uncovered | null {
    const m = SHARE.exec(found.normalized);
    if (!m) return null;
    // "…are men and what's the average age?": the share clause ends where the next question begins.
    const rest = m[m.length - 1]!.split(NEXT_QUESTION)[0]!.trim();
    // The traits the share is of, as the share clause words them (a term's stem in it), not what came before.
    const traits = terms.filter(
      (t) => !t.startsWith("_") && !t.startsWith("#") && !SHARE_WORDS.has(t) && rest.includes(t.slice(0, 4)),
    );
    // Words of the share asked for, not of what the asker said before it ("I lead our ERG. What share…").
    const unknown = found.analysis.unknownWords.filter((w) => !SHARE_WORDS.has(w) && ` ${rest} `.includes(` ${w} `));
    // "Over 40", "under 30": an age band, which no source gives.
    const band = /\d/.test(rest);
    if (traits.length === 0 && unknown.length === 0 && !band) return null;
    // A trait named before the group counts too: "which percent of ccd is white people, …" (race).
    const named = terms.filter((t) => !t.startsWith("_") && !t.startsWith("#") && !SHARE_WORDS.has(t));
    const given =
      !band &&
      ranking.hits.some(
        (h) => /\d%/.test(h.fact.text) && named.some((t) => h.matched.includes(t)) && unknown.length === 0,
      );
    if (given) return null;
    return { kind: "figure", missing: `the share of directors who ${rest}` };
  }

  /**
   * A place the sources name without a figure, asked about ("how much in San Francisco?"): the fact
   * that says what they do say of it.
   */
  placeWithoutFigure(analysis: Analysis): KnowledgeFact | undefined {
    const place = analysis.places.find(
      (p) => this.coverage.places.has(p) && new RegExp(`\\b(in|at|for|from) (the )?${p}\\b`).test(analysis.normalized),
    );
    return place ? this.figureless.find((f) => f.text.toLowerCase().includes(place)) : undefined;
  }

  /**
   * A source named as the lens of a question about a topic: its definition ("how does PlaySupplyChain
   * define the role?"), its own list ("what skills does Zippia list?"), its own fact when it matched
   * about as well as another's, or one item of its list ("the third duty in Cityjobs' list").
   */
  private focusThroughLens(
    found: RouteResult,
    topic: string,
    mine: readonly FactHit[],
    lens: string | undefined,
    hits: readonly FactHit[],
  ): void {
    // "What is a director according to Zippia?", "what does Zippia say they do?": the whole topic asked, as that source gives it.
    const wholeTopic = ["_what_is", "_what_do", "definition"].some((t) => found.analysis.terms.has(t));
    // "How does PlaySupplyChain define the role? I need it for an internal job ad": the definition, whatever else matched.
    const defines = found.analysis.terms.has("definition");
    if ((found.focus.length === 0 || defines) && wholeTopic && !PER_SOURCE_TOPICS.has(topic)) {
      const given = this.fromSourceNamed(found.analysis, topic);
      if (given.length > 0 || found.focus.length === 0) found.focus = given;
    }
    // "What skills does Zippia list?": that source's own list; "the four duties Zippia lists", whatever else matched.
    if (lens && !PER_SOURCE_TOPICS.has(topic) && !NOT_THE_LIST.test(found.normalized)) {
      // "what 5 skills does Zippia list" counts another of its lists (its resume chart) when this one has 4.
      const count = COUNT_ASKED.exec(found.normalized)?.[1];
      const list = listOf(
        this.lists.get(topic) ?? [],
        lens,
        count === undefined ? undefined : (NUMBER_WORDS[count] ?? Number(count)),
      );
      if (list && (found.focus.length === 0 || count !== undefined)) found.focus = list.items.slice(0, LIST_MAX);
    }
    // "jobdescription.org says managing a large team is hard - why?": the named source's own fact, when it matched about as well.
    if (lens && found.focus.length > 0 && !found.focus.some((f) => f.sources.includes(lens))) {
      const own = mine.find(
        (h) => h.fact.sources.includes(lens) && !h.fact.summary && (h.keyed || h.matched.length > 1),
      );
      if (own && own.score >= NAMED_SOURCE_SHARE * mine[0]!.score) found.focus = [own.fact];
      // "Zippia says they supervise what day to day?": the words that define the topic find the source's own fact.
      else {
        const best = hits.find((h) => h.fact.topic === topic && deliberate(h));
        if (best?.fact.sources.includes(lens) && !best.fact.summary) found.focus = [best.fact];
      }
    }
    // "One source says quick decisions matter: what other abilities does it put alongside?": the rest of its list.
    if (found.focus.length === 1 && OTHER_ITEMS.test(found.normalized)) {
      const list = listHolding(this.lists.get(topic) ?? [], found.focus[0]!);
      if (list && list.items.length > 1) found.focus = list.items.slice(0, LIST_MAX);
    }
    // "The third duty in Cityjobs' list", "the last mistake": that item; "what comes after education?": the next.
    const position = positionAsked(found.normalized);
    const item =
      position === null
        ? itemBeside(this.lists.get(topic) ?? [], found.normalized)
        : itemAt(this.lists.get(topic) ?? [], position, lens);
    if (item) found.focus = [item];
  }

  /**
   * A question about the sources: the one named ("where does Cityjobs get its salary numbers?"), its
   * method before its date unless a date is asked, every date ("how old is the data?"), or where one
   * country's figures come from ("source for the UK number").
   */
  private focusOnSources(found: RouteResult, mine: readonly FactHit[], named: string | undefined): void {
    const asksDate = DATE_ASKED.test(found.normalized);
    const own = named
      ? mine.filter((h) => h.fact.sources.includes(named) && (asksDate || !this.datedFacts.has(h.fact.id)))
      : [];
    if (named && !asksDate && own.length > 0) found.focus = found.focus.filter((f) => !this.datedFacts.has(f.id));
    if (own.length > 0 && !found.focus.some((f) => f.sources.includes(named!))) {
      const focus = focusOf("sources", own, this.config);
      found.focus = focus.length > 0 ? focus : [own[0]!.fact];
    } else if (named && found.focus.length === 0) found.focus = this.fromSourceNamed(found.analysis, "sources");
    // "Which is the newest?", "and the oldest dated one?": every source's date, in that order, whichever was named.
    const order = NEWEST.test(found.normalized) ? -1 : OLDEST.test(found.normalized) ? 1 : 0;
    if (order !== 0 || (!named && asksDate && found.analysis.terms.has("_source_age"))) {
      const dateOf = (f: KnowledgeFact) => this.catalog.sources.get(f.sources[0]!)?.date ?? null;
      found.focus = this.facts.facts
        .filter((f) => this.datedFacts.has(f.id))
        .sort((x, y) => {
          const [a, b] = [dateOf(x), dateOf(y)];
          if (a === null || b === null) return Number(a === null) - Number(b === null);
          return order === 0 ? 0 : order * a.localeCompare(b);
        });
    }
    if (found.focus.length === 0 && found.analysis.countries.length === 1) {
      const label = COUNTRY_LABELS[found.analysis.countries[0]!];
      if (label) found.focus = this.facts.ofTopic("sources").filter((f) => f.text.includes(`(${label})`));
    }
  }

  /** The id of the one source a question names ("according to Zippia"), if it names exactly one. */
  private namedSource(analysis: Analysis): string | undefined {
    let found: string | undefined;
    for (const t of analysis.terms) {
      const id = this.sourceByTerm.get(t);
      if (!id) continue;
      if (found && found !== id) return undefined;
      found = id;
    }
    return found;
  }

  /**
   * "zippia?", "what does cityjobs say?", "and per jobdescription.org?": the one source a message
   * names when it says nothing else, so that a follow-up reads the previous topic through it.
   */
  sourceNamedAlone(analysis: Analysis): string | undefined {
    const named = this.namedSource(analysis);
    if (!named) return undefined;
    for (const t of analysis.terms)
      if (!t.startsWith("_") && !this.sourceByTerm.has(t) && !LENS_WORDS.has(t)) return undefined;
    return named;
  }

  /** The topic's facts from the one source the question names ("according to Zippia"), at most two. */
  private fromSourceNamed(analysis: Analysis, topic: string): KnowledgeFact[] {
    const named = this.namedSource(analysis);
    if (!named) return [];
    return this.facts.facts
      .filter((f) => f.topic === topic && !f.summary && f.sources.length === 1 && f.sources[0] === named)
      .slice(0, 2);
  }

  /** Whether a topic's facts say anything about a role ("manager", "team leads"). */
  private describes(topic: string, role: string): boolean {
    const text = this.topicText.get(topic) ?? "";
    // "customer care manager" is described where the text says "manager"; "chief customer officer" only by name.
    const head = role.replace(/^(customer (service|care|support)|call (center|centre)|support) /, "");
    return text.includes(head.endsWith("s") ? head.slice(0, -1) : head);
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
  private confidence(analysis: Analysis, ranked: readonly { score: number }[]): number {
    const s1 = ranked[0]?.score ?? 0;
    if (s1 <= 0) return 0;
    const s2 = ranked[1]?.score ?? 0;
    const evidence = 1 - Math.exp(-s1 / 3);
    const lead = 1 - Math.exp(-(s1 - s2) / 2);
    const coverage =
      analysis.content === 0 ? 1 : Math.max(0, analysis.known - 0.25 * analysis.corrected) / analysis.content;
    return evidence * (0.4 + 0.6 * lead) * Math.sqrt(coverage);
  }
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
const PAY_WORDS = "salary|salaries|pay|paid|wage|wages|earnings|compensation|make|makes|earn|earns";

/** Each role's pattern, compiled once: roles come from the lexicon, a few dozen at most. */
const PAID_AS = new Map<string, RegExp>();

/** The pay asked is the other role's, even beside ours: "COO salary if I get promoted", "what does a VP make". */
/** Whether the message asks what any of `roles` is paid (the words joined once). */
function paidAsAny(words: string, roles: readonly string[]): boolean {
  return roles.some((r) => paidAs(words, r));
}

function paidAs(normalized: string, role: string): boolean {
  let pattern = PAID_AS.get(role);
  if (!pattern) {
    const r = role.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(
      `\\b${r}s? (${PAY_WORDS})\\b|\\b(${PAY_WORDS}) (of|for) (a |an |the )?${r}s?\\b|\\bdoes (a |an |the )?${r} (make|earn)\\b|\\b(${PAY_WORDS}) (more|less) than (a |an |the )?${r}s?\\b`,
    );
    PAID_AS.set(role, pattern);
  }
  return pattern.test(normalized);
}

/** The intents that scored, best first (ties in intent order): one array, not a map, filter and sort. */
function scored(intents: readonly { id: string }[], scores: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < intents.length; i++) if (scores[i]! > 0) out.push({ intent: intents[i]!.id, score: scores[i]! });
  return out.sort((x, y) => y.score - x.score);
}

/** The intent that scored best (the first of a tie, as `scored` ranks them), or undefined when none scored: no sort. */
function bestIntent(intents: readonly { id: string }[], scores: readonly number[]): string | undefined {
  let best = -1;
  for (let i = 0; i < intents.length; i++) if (scores[i]! > 0 && (best < 0 || scores[i]! > scores[best]!)) best = i;
  return best < 0 ? undefined : intents[best]!.id;
}

function termsOf(analysis: Analysis): string[] {
  return [...analysis.terms].filter((t) => !t.startsWith("_") && !GENERIC_TERMS.has(t));
}
