/**
 * One message → what the router needs to know about it: canonical terms (after spelling
 * correction, longest-phrase matching and synonyms), role / country / slot signals, and how much
 * of the message the vocabulary covers.
 */
import { NUMBER_WORDS } from "../words.ts";
import type { Analysis } from "./analysis.ts";
import { QUESTION_START } from "./form.ts";
import { namesIn } from "./names.ts";
import { MAX_TOKENS, normalize } from "./normalize.ts";
import { editDistance, type Speller } from "./speller.ts";
import type { Entry, TrieNode, Vocabulary } from "./vocabulary.ts";

export type { Analysis } from "./analysis.ts";

const YEAR_WORDS = new Set(["year", "years", "yr", "yrs", "y", "yoe"]);

/** "US" is a stop word in lower case ("tell us"); it names the country only in these shapes. */
const US_UPPER = /(^|[^A-Za-z])U\.?S\.?A?([^A-Za-z]|$)/;
const US_LOWER =
  /\b(in|the|for|across|within|from|of)\s+us\b|\bus\s+(salary|salaries|pay|market|figures?|average|based|data|jobs?)\b|^us\b|\b(uk|canada|britain|england)\s+(vs|versus|or|and|to)\s+us\b|\bus\s+(vs|versus|or|and)\s+(uk|canada|britain|england)\b/;

export interface AnalyzeOptions {
  /** Allow the slow spelling tier (fuse.js) for at most one word of this message. */
  allowFuse: boolean;
  /**
   * The asker's statement was moved before the question (see contextFirst): the closing question is
   * the question, whatever its first word ("US vs UK director salary?").
   */
  questionLast?: boolean;
}

export function analyze(
  raw: string,
  vocab: Vocabulary,
  speller: Speller | null,
  options: AnalyzeOptions = { allowFuse: true },
): Analysis {
  const normalized = normalize(raw);
  // Normalised text is words and single spaces: its words are what split gives (none for "").
  const words = normalized === "" ? [] : normalized.split(" ");
  const tokens = expand(words.slice(0, MAX_TOKENS), vocab.abbreviations);
  const a: Analysis = {
    normalized,
    terms: new Set(),
    roleMentioned: false,
    otherRoles: [],
    relatedRoles: [],
    countries: [],
    contextCountries: 0,
    places: [],
    askersPlaces: [],
    unanswered: [],
    unansweredPhrases: {},
    levels: [],
    words,
    tokens,
    unknownAt: [],
    offTopic: [],
    offTopicAt: [],
    askersWords: 0,
    asideWords: 0,
    injection: false,
    aspects: [],
    content: 0,
    known: 0,
    corrected: 0,
    unknownWords: [],
  };

  const unknown = correctSpelling(a, raw, vocab, speller, options);
  const { context, said } = contextLength(raw, vocab, options.questionLast === true);
  // What the asker said after the question, moved before it: an aside the question cannot point back at.
  const aside = options.questionLast ? said : 0;
  a.askersWords = aside || context;
  a.asideWords = aside;
  const contextCountries = matchPhrases(a, unknown, vocab, context, askersLabel(raw, tokens, vocab), aside);
  // "… what does it say? our hotel scripts sound robotic": off-topic words the asker says of themselves
  // decline nothing, unless the question points back at them ("My laptop won't connect. How do I fix it?").
  if (a.askersWords > 0 && a.offTopic.length > 0)
    a.offTopic = a.offTopic.filter((_, k) => a.offTopicAt[k]! >= a.askersWords);
  readSignals(a, raw, vocab, context, contextCountries);
  a.contextCountries = contextCountries;
  return a;
}

/**
 * Spelling: only words the vocabulary does not know, and the slow tier at most once a message.
 * Acronyms written in capitals ("COPC", "NPS") are names, not typos. Returns the positions of the
 * words left unknown; corrected words replace theirs in `a.tokens`.
 */
function correctSpelling(
  a: Analysis,
  raw: string,
  vocab: Vocabulary,
  speller: Speller | null,
  options: AnalyzeOptions,
): Set<number> {
  const tokens = a.tokens;
  let fuseBudget = options.allowFuse ? 1 : 0;
  const unknown = new Set<number>();
  if (speller) {
    // Both read the whole message: only when a word is not in the vocabulary (most messages have none).
    let acronyms: Set<string> | undefined;
    let names: ReadonlySet<string> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (vocab.words.has(t)) continue;
      const inDictionary = vocab.dictionary.has(t);
      if (!inDictionary) acronyms ??= capitalised(raw);
      if (inDictionary || acronyms?.has(t)) {
        unknown.add(i);
        continue;
      }
      // A name ("Deliveroo", "Coursera") is corrected only for a single slip ("Directer"), never to a far word.
      names ??= namesIn(raw.slice(0, 1500));
      const name = names.has(t);
      // A name beside another name no word of ours ("Severn Trent") is a proper noun: never corrected.
      if (name && (unknownName(tokens[i - 1], names, vocab) || unknownName(tokens[i + 1], names, vocab))) {
        unknown.add(i);
        continue;
      }
      let fixed = speller.correct(t, fuseBudget > 0 && !name);
      if (fixed && name && editDistance(t, fixed, 1) > 1) fixed = null;
      // A slip keeps a word's first letter: "Durban" is not "urban", nor "playoffs" "layoffs".
      if (fixed && fixed.charCodeAt(0) !== t.charCodeAt(0)) fixed = null;
      if (fixed) {
        tokens[i] = fixed;
        a.corrected++;
      } else {
        unknown.add(i);
        if (t.length >= 8 && fuseBudget > 0) fuseBudget--;
      }
    }
  } else {
    tokens.forEach((t, i) => {
      if (!vocab.words.has(t)) unknown.add(i);
    });
  }

  return unknown;
}

function unknownName(token: string | undefined, names: ReadonlySet<string>, vocab: Vocabulary): boolean {
  return token !== undefined && names.has(token) && !vocab.words.has(token);
}

/**
 * What the asker says before the question ("I'm 28 and a team leader in a call centre. What's the
 * usual route?"), in tokens: `said` counts the statements before one closing question; `context`
 * counts them too when that question stands on its own (no "it" or "that" pointing back), else 0.
 * Both are zero when the message is not of that shape.
 */
function contextLength(raw: string, vocab: Vocabulary, questionLast: boolean): { context: number; said: number } {
  const none = { context: 0, said: 0 };
  const end = raw.trimEnd();
  if (!end.endsWith("?") || raw.length > CONTEXT_MAX_CHARS) return none;
  const start = lastSentenceStart(end);
  if (start <= 0) return none;
  const question = end.slice(start);
  // Statements only before it, and then a question: "What's the usual route?".
  if (end.slice(0, start).includes("?") || !(questionLast || QUESTION_START.test(question))) return none;
  const before = normalize(end.slice(0, start));
  const said = before === "" ? 0 : expand(before.split(" "), vocab.abbreviations).length;
  // A question of its own: not "what does it involve?". "US" in capitals is the country, not "us". A
  // question written before the statement cannot point back at it.
  const pointsBack = !questionLast && POINTS_BACK.test(question.replace(/\bUS\b/g, "USA"));
  return { context: pointsBack ? 0 : said, said };
}

/** Longer messages are read whole: the question rarely stands apart in a page of text. */
const CONTEXT_MAX_CHARS = 600;
/** Where the last sentence of a message ending in "?" begins: after the last ". ", "! " or line break before it. */
function lastSentenceStart(text: string): number {
  for (let i = text.length - 2; i > 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || ((c === 46 || c === 33) && text.charCodeAt(i + 1) === 32)) return i + 1;
  }
  return -1;
}
/** A question that points back at what was said before it, or at the asker who said it. */
const POINTS_BACK =
  /\b(it|its|it's|that|this|these|those|they|them|their|there|such|so|same|each|both|either|i|im|me|my|mine|we|our|us)\b|^\W*what (do|does) (the |your |my )?(\w+ )?(sources?|zippia|cityjobs) (say|suggest|recommend|advise|think)\W*$|^\W*any (thoughts|advice|ideas|tips)\b/i;

/** Phrases and words, longest phrase first, left to right: terms, roles, places, coverage counts. */
function matchPhrases(
  a: Analysis,
  unknown: ReadonlySet<number>,
  vocab: Vocabulary,
  context: number,
  label: number,
  aside: number,
): number {
  const tokens = a.tokens;
  const workplace = askersWorkplace(tokens);
  // The asker's own job ("I'm a ward manager…") weighs only beside the role: "…how do I become a director?".
  const ownJob: [terms: Set<string>, term: string][] = [];
  // The asker's context gives its terms only when the closing question has too few of its own.
  let said: Set<string> | undefined;
  let contextCountries = 0;
  // How many jobs were named before the question's context ended, and before the asker's aside ended.
  let contextRoles = [0, 0];
  let asideRoles = [0, 0];
  // "I run a hotel help desk. What does a customer care director do?": the role named in the question.
  let roleAsked = false;
  // "Recruiter here:", "QA analyst:": who is asking, not what is asked.
  for (let i = label; i < tokens.length; ) {
    if (i === aside) asideRoles = [a.otherRoles.length, a.relatedRoles.length];
    if (context > 0 && i >= context && !said) {
      said = a.terms;
      contextCountries = a.countries.length;
      contextRoles = [a.otherRoles.length, a.relatedRoles.length];
      a.terms = new Set();
    }
    const match = longestMatch(vocab.trie, tokens, i);
    const token = tokens[i]!;
    if (match && !(match.depth === 1 && vocab.stopWords.has(token) && onlyTerms(match.entries))) {
      const matchEnd = i + match.depth - 1;
      a.content++;
      a.known++;
      for (const e of match.entries) {
        // "my manager asked me…": the asker's colleague, not a role asked about.
        if (e.kind === "related" && i > 0 && (tokens[i - 1] === "my" || tokens[i - 1] === "our")) continue;
        // "my director keeps saying…" beside another role asked about: the asker's boss, not the role asked about.
        if (
          e.kind === "role" &&
          i > 0 &&
          (tokens[i - 1] === "my" || tokens[i - 1] === "our") &&
          OTHER_ROLE_AFTER.test(a.normalized)
        )
          continue;
        // "a customer care manager (not director)": the role named only to be set aside.
        if (e.kind === "role" && (tokens[i - 1] === "not" || (tokens[i - 2] === "not" && isArticle(tokens[i - 1]))))
          continue;
        // "our CFO says the cheapest model wins": a colleague whose view the asker reports.
        if ((e.kind === "other" || e.kind === "related") && colleagueSays(tokens, i, matchEnd)) continue;
        // "I work in retail…": where the asker works, not what is asked.
        if (e.kind === "term" && workplace.has(i)) continue;
        // "I'm a supervisor with 4 years…", "as a csr…": the asker's own job, not a role asked about.
        if (e.kind === "related" && askersOwn(tokens, i)) {
          ownJob.push([a.terms, e.term]);
          continue;
        }
        // "I work in retail as a store manager, can I move into this?": the asker's own job, not one asked about.
        if (e.kind === "other" && askersOwn(tokens, i) && saidByAsker(tokens, i)) continue;
        apply(a, e, i);
        if (e.kind === "role" && said) roleAsked = true;
        if (e.kind === "unanswered") {
          a.unansweredPhrases[e.missing] ??= [];
          a.unansweredPhrases[e.missing]!.push(tokens.slice(i, matchEnd + 1).join(" "));
        }
        // "dress code": the off-topic word with the word before it, when that one means nothing to us.
        if (e.kind === "offtopic" && i > 0 && unknown.has(i - 1)) {
          const at = a.offTopic.lastIndexOf(e.name);
          if (at >= 0) a.offTopic[at] = `${tokens[i - 1]} ${e.name}`;
        }
      }
      i = matchEnd + 1;
      continue;
    }
    if (vocab.commonWords.has(token) || everyday(token, vocab)) {
      // Everyday words carry no meaning alone and do not count against coverage.
    } else if (vocab.stopWords.has(token)) {
      // Stop words carry no meaning alone, except a count of years: "five years".
      readYears(a, tokens, i);
    } else if (isDigits(token)) {
      readYears(a, tokens, i);
    } else {
      a.content++;
      if (unknown.has(i) || !vocab.standalone.has(token)) {
        a.unknownWords.push(token);
        a.unknownAt.push(i);
      } else {
        a.known++;
        a.terms.add(token);
      }
    }
    i++;
  }
  if (a.roleMentioned) for (const [terms, term] of ownJob) terms.add(term);
  const alone =
    said !== undefined &&
    (ownTerms(a.terms) >= QUESTION_TERMS || (roleAsked && asksByFrame(vocab, tokens.slice(context))));
  if (said) a.terms = alone ? keepFrames(said, a.terms) : new Set([...said, ...a.terms]);
  // "Our agents are burnt out. What does the article say about staffing?", "is it 5 years? (recruiter,
  // screening)": jobs the context or an aside names are not asked about, unless the question asks pay
  // ("Thinking of a COO job. What's the salary?") or the difference ("…or a senior manager. What's the difference?").
  const dropped = aside > 0 ? asideRoles : alone ? contextRoles : undefined;
  const asksOfThem = ["salary", "_what_make", "difference", "vs"].some((t) => a.terms.has(t));
  if (dropped && !asksOfThem) {
    a.otherRoles.splice(0, dropped[0]!);
    a.relatedRoles.splice(0, dropped[1]!);
  }
  // The countries the context named, when the question is read without it.
  return alone ? contextCountries : 0;
}

/** "What does a customer care director actually do?": a question shape that asks of the role on its own. */
function asksByFrame(vocab: Vocabulary, question: readonly string[]): boolean {
  const text = question.join(" ");
  return vocab.frames.some((f) => f.pattern.test(text));
}

/** How many terms of the closing question it needs to be read without what came before it. */
const QUESTION_TERMS = 1;
/** How many terms say what is asked: not frames ("_role"), nor the words in `ignored`. */
export function ownTerms(terms: ReadonlySet<string>, ignored?: ReadonlySet<string>): number {
  let n = 0;
  for (const t of terms) if (!t.startsWith("_") && !ignored?.has(t)) n++;
  return n;
}
/** The question's terms, with the role the context named ("…to be a customer service director"). */
function keepFrames(said: ReadonlySet<string>, question: Set<string>): Set<string> {
  if (said.has("_role")) question.add("_role");
  return question;
}

/** A pay question about another role later in the message ("… what does a COO earn?"). */
const OTHER_ROLE_AFTER =
  /\b(what|how much)\b.{0,30}\b(a|an|the)\s+(coo|ceo|cfo|cio|cto|vp|vice president|manager|supervisor|team lead)\b.{0,20}\b(earn|earns|make|makes|paid|get)\b/;
/** Words that make "a <role>" after them the asker's own job: "I'm a supervisor", "as a rep", "currently a team lead". */
const OWN_JOB_LEAD_INS = new Set(["im", "am", "as", "currently", "was", "been"]);

function askersOwn(tokens: readonly string[], i: number): boolean {
  // "I'm a team manager", "as a hospital ward manager": up to two words may qualify the job.
  let at = -1;
  for (let d = 1; d <= 3 && at < 0; d++) if (isArticle(tokens[i - d])) at = i - d;
  if (at < 0) return false;
  // "I'm 28, a team leader…", "I've been 3 years a supervisor": an age or a span may come between.
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const t = tokens[k]!;
    if (OWN_JOB_LEAD_INS.has(t)) return true;
    if (!isDigits(t) && !BETWEEN_OWN_JOB.has(t)) return false;
  }
  return false;
}
/** Token indexes of "work in retail" in "I work in retail, can I…": the asker's workplace, said as context. */
function askersWorkplace(tokens: readonly string[]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i] !== "i" || !WORK_VERBS.has(tokens[i + 1]!) || !WORK_PLACE.has(tokens[i + 2]!)) continue;
    at.add(i + 1);
    for (let k = i + 3; k < Math.min(tokens.length, i + 7) && !WORKPLACE_ENDS.has(tokens[k]!); k++) at.add(k);
  }
  return at;
}
const WORK_VERBS = new Set(["work", "worked", "working"]);
const WORK_PLACE = new Set(["in", "at", "for"]);
const WORKPLACE_ENDS = new Set([
  "and",
  "but",
  "so",
  "as",
  "how",
  "what",
  "can",
  "could",
  "should",
  "would",
  "will",
  "do",
  "is",
  "am",
  "want",
  "wondering",
]);
function isArticle(t: string | undefined): boolean {
  return t === "a" || t === "an";
}
/**
 * How many tokens open the message as the asker's label ("recruiter here -", "QA analyst: …",
 * "workforce planner here"), or 0. The label must name a job: "Zippia: …" names what is asked.
 */
function askersLabel(raw: string, tokens: readonly string[], vocab: Vocabulary): number {
  const m = ASKERS_LABEL.exec(raw) ?? AS_A_LABEL.exec(raw) ?? JOB_AT_LABEL.exec(raw);
  if (!m) return 0;
  const here = /\shere\b/i.test(m[0]);
  const n = normalize(m[0].replace(/[:,-]\s*$/, ""))
    .split(" ")
    .filter(Boolean).length;
  if (n === 0 || n >= tokens.length) return 0;
  for (let i = 0; i < n; i++) {
    const entries = longestMatch(vocab.trie, tokens, i)?.entries ?? [];
    if (JOB_WORDS.has(tokens[i]!) || entries.some((e) => e.kind === "other" || e.kind === "related")) return n;
    // "Ontario hydro call centre here": where the asker works, said of themselves.
    if (here && WORKPLACE_WORDS.has(tokens[i]!)) return n;
  }
  return 0;
}
/** A label of up to four words, then ":" or "here" or "speaking". */
const ASKERS_LABEL = /^\s*((?:[a-z&/'’]+[\s-]+){0,3}?[a-z&/'’]+)\s*(?::\s|\s+here\b|\s+speaking\b)/i;
/** "As a QA analyst, …": the asker's job, then a comma. */
const AS_A_LABEL = /^\s*as an? ((?:[a-z&/]+[\s-]+){0,3}?[a-z&/]+)\s*,/i;
/** "Team lead @ Makati BPO (US accounts).", "QA analyst at a bank, 3 yrs.": a job and where, a sentence of its own. */
const JOB_AT_LABEL = /^\s*(?:[a-z&/]+[\s-]+){0,3}?[a-z&/]+\s+(?:@|at)\s+[^.?!:]{1,60}[.:]\s/i;
/** Words that make a label "… here" the asker's workplace. */
const WORKPLACE_WORDS = new Set([
  "centre",
  "center",
  "bpo",
  "site",
  "office",
  "bank",
  "utility",
  "company",
  "floor",
  "desk",
]);
/** Words that make a label a job: "planner", "analyst", "recruiter". */
const JOB_WORDS = new Set([
  "recruiter",
  "analyst",
  "planner",
  "trainer",
  "agent",
  "rep",
  "hr",
  "hrbp",
  "student",
  "coordinator",
  "specialist",
  "consultant",
  "advisor",
  "adviser",
  "designer",
  "partner",
  "lead",
  "manager",
  "supervisor",
]);
/** "I …" shortly before, or "As a…" opening the message: "I work as a nurse", not "what is it like working as a nurse". */
function saidByAsker(tokens: readonly string[], i: number): boolean {
  // "As a student, which subject…": a message that opens with the asker's job.
  if (tokens[0] === "as" && i <= 4) return true;
  for (let k = i - 2; k >= Math.max(0, i - 7); k--) if (ASKER.has(tokens[k]!)) return true;
  return false;
}
const ASKER = new Set(["i", "im", "ive", "am"]);

/** "our ops VP in Lagos wants…", "my CFO thinks…": the asker's colleague (up to two words before it) and what they say. */
function colleagueSays(tokens: readonly string[], start: number, end: number): boolean {
  const mine = (t: string | undefined) => t === "my" || t === "our";
  if (!mine(tokens[start - 1]) && !mine(tokens[start - 2])) return false;
  for (let k = end + 1; k <= Math.min(tokens.length - 1, end + 4); k++) if (SAYS.has(tokens[k]!)) return true;
  return false;
}
const SAYS = new Set([
  "says",
  "said",
  "thinks",
  "thought",
  "wants",
  "wanted",
  "asked",
  "asks",
  "told",
  "believes",
  "reckons",
  "insists",
  "claims",
  "argues",
  "keeps",
]);
/** Words that may stand between "I'm" and "a <job>": "I'm 28 and now a team lead". */
const BETWEEN_OWN_JOB = new Set(["and", "now", "also", "just", "years", "yrs", "old", "still"]);

/** What needs the whole message: a job we do not know, slot words, "US" in its shapes, question frames, the role. */
function readSignals(a: Analysis, raw: string, vocab: Vocabulary, context: number, contextCountries: number): void {
  const tokens = a.tokens;
  const normalized = a.normalized;
  // "become a paralegal": a job title we do not know is still another job.
  const unknownJob = unknownJobTitle(tokens, vocab);
  if (unknownJob && !a.otherRoles.includes(unknownJob)) a.otherRoles.push(unknownJob);

  // Slot words in a pass of their own: "hourly pay" is both a synonym of salary and the hourly period.
  for (let i = 0; i < tokens.length; ) {
    const match = longestMatch(vocab.slotTrie, tokens, i);
    if (match) for (const e of match.entries) apply(a, e, i);
    i += match ? match.depth : 1;
  }

  if (!a.countries.includes("US") && namesUs(raw, normalized)) a.countries.push("US");
  // Frames read the corrected words, so "wat is a directer" still reads as "what is a director".
  const joined = tokens.join(" ");
  const head = joined.length > 400 ? joined.slice(0, 400) : joined;
  // Plain tokens joined by spaces split back into themselves: the gate reads them without a split.
  const open = vocab.plainTokens && head === joined ? vocab.frameGate.openWords(tokens) : vocab.frameGate.open(head);
  // A frame that opens the question ("what is a…") opens it after the asker's context too.
  const question = context > 0 && context < tokens.length ? tokens.slice(context).join(" ") : undefined;
  for (let k = 0; k < vocab.frames.length; k++) {
    const frame = vocab.frames[k]!;
    if (open[k] && (frame.pattern.test(head) || (question !== undefined && frame.pattern.test(question))))
      a.terms.add(frame.term);
  }
  if (a.roleMentioned) a.terms.add("_role");
  // A country named with something asked of it: the sources differ by country only on pay. A
  // country alone ("and in Canada?") asks nothing by itself.
  // "New here at our Cebu site. What is a CCD?": a country the context named asks nothing either.
  if (a.countries.length > contextCountries && [...a.terms].some((t) => !t.startsWith("_"))) a.terms.add("_country");
}

/** "US" in one of its shapes; a letter check first, as most messages have no "U" and no "us" at all. */
function namesUs(raw: string, normalized: string): boolean {
  const head = raw.slice(0, 1500);
  return (head.includes("U") && US_UPPER.test(head)) || (normalized.includes("us") && US_LOWER.test(normalized));
}

/** An everyday verb in its -s form ("gets", "writes"): the vocabulary lists the base form only. */
function everyday(token: string, vocab: Vocabulary): boolean {
  if (token.length < 4 || !token.endsWith("s")) return false;
  const base = token.slice(0, -1);
  return vocab.commonWords.has(base) || vocab.stopWords.has(base);
}

/** Words written in capitals (two letters or more), lower-cased: "NPS", "COPC". */
function capitalised(raw: string): Set<string> {
  const found = raw.slice(0, 1500).match(/\b[A-Z][A-Z0-9]{1,9}\b/g);
  return new Set(found ? found.map((w) => w.toLowerCase()) : []);
}

const JOB_LEAD_INS = new Set(["become", "becoming", "as"]);

/** The word after "become a" / "work as an" when it is none the vocabulary knows ("paralegal"), else null. */
function unknownJobTitle(tokens: readonly string[], vocab: Vocabulary): string | null {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!JOB_LEAD_INS.has(tokens[i]!) || !isArticle(tokens[i + 1])) continue;
    // "I work as a barista, …", "As a student, …": the asker's own job.
    // "asking as a mum of 3": the asker's own part.
    if (tokens[i] === "as" && (saidByAsker(tokens, i + 2) || tokens[i - 1] === "asking")) continue;
    for (let j = i + 2; j < Math.min(tokens.length, i + 5); j++) {
      const t = tokens[j]!;
      if (vocab.commonWords.has(t)) continue;
      if (vocab.stopWords.has(t) || vocab.words.has(t) || /^\d/.test(t)) break;
      return t;
    }
  }
  return null;
}

/**
 * The node of the longest phrase in `trie` starting at token i (its depth is the phrase's length in
 * tokens), or undefined: no array per call, as it runs for every token of a message.
 */
function longestMatch(trie: TrieNode, tokens: readonly string[], i: number): TrieNode | undefined {
  let node: TrieNode | undefined = trie;
  let found: TrieNode | undefined;
  for (let j = i; j < tokens.length && node; j++) {
    node = node.next.get(tokens[j]!);
    if (node && node.entries.length > 0) found = node;
  }
  return found;
}

/** Expands chat shorthand ("what r u" → "what are you"), keeping at most MAX_TOKENS tokens. */
function expand(tokens: string[], abbreviations: ReadonlyMap<string, readonly string[]>): string[] {
  if (!tokens.some((t) => abbreviations.has(t))) return tokens;
  const out: string[] = [];
  for (const t of tokens) {
    const e = abbreviations.get(t);
    if (e) out.push(...e);
    else out.push(t);
    if (out.length >= MAX_TOKENS) break;
  }
  return out.slice(0, MAX_TOKENS);
}

function onlyTerms(entries: readonly Entry[]): boolean {
  return entries.every((e) => e.kind === "term");
}

function apply(a: Analysis, e: Entry, at: number): void {
  switch (e.kind) {
    case "term":
      a.terms.add(e.term);
      break;
    case "role":
      a.roleMentioned = true;
      break;
    case "related":
      a.relatedRoles.push(e.name);
      a.terms.add(e.term);
      break;
    case "other":
      a.otherRoles.push(e.name);
      break;
    case "country":
      if (!a.countries.includes(e.code)) a.countries.push(e.code);
      break;
    case "unanswered":
      if (!a.unanswered.includes(e.missing)) a.unanswered.push(e.missing);
      break;
    case "place":
      if (!a.places.includes(e.name)) a.places.push(e.name);
      // Said of the asker only: "I'm relocating to London. What do directors earn in London?" asks of London.
      if (at < a.askersWords) {
        if (!a.askersPlaces.includes(e.name)) a.askersPlaces.push(e.name);
      } else a.askersPlaces = a.askersPlaces.filter((p) => p !== e.name);
      if (!a.countries.includes(e.country)) a.countries.push(e.country);
      break;
    case "offtopic":
      a.offTopic.push(e.name);
      a.offTopicAt.push(at);
      break;
    case "injection":
      a.injection = true;
      break;
    case "level":
      a.level ??= e.value;
      if (!a.levels.includes(e.value)) a.levels.push(e.value);
      break;
    case "period":
      // "The yearly and the hourly average?": the hourly answer gives the yearly figure beside it.
      if (a.period === undefined || (e.value === "hour" && a.period === "year")) a.period = e.value;
      break;
    case "aspect":
      if (!a.aspects.includes(e.value)) a.aspects.push(e.value);
      break;
  }
}

function readYears(a: Analysis, tokens: readonly string[], i: number): void {
  if (a.years !== undefined) return;
  const t = tokens[i]!;
  const n = isDigits(t) && t.length <= 2 ? Number(t) : NUMBER_WORDS[t];
  if (n === undefined) return;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if ((next && YEAR_WORDS.has(next)) || (next === "plus" && after && YEAR_WORDS.has(after))) a.years = n;
}

/** A token of digits only (/^\d+$/ without a pattern run per token: most tokens are stop words). */
function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
