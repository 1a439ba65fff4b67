/**
 * What a question asks about that the knowledge base has nothing on. Not a list of names: the
 * signals are words the knowledge base never uses (an employer, a benefit, a tool: "Amazon",
 * "401k", "Zendesk"), question forms no source answers ("how do I calculate NPS?"), places inside
 * a country (the sources give national figures), years the sources do not cover, and messages with
 * no words at all (emoji, punctuation, code).
 *
 * A word the knowledge base never uses is the question's focus unless it is only context: in a
 * clause about the asker ("my boss", "I'm in Toronto"), or a word that shapes the question rather
 * than naming a subject (adverbs, verb forms). A name, an acronym or a word no dictionary knows
 * ("Zendesk", "NPS", "401k") always counts; an everyday word counts when the question is about
 * figures, or when it outweighs what the question says that we do know.
 */
import { figuresIn } from "../knowledge/numbers.ts";
import type { Analysis } from "./analyze.ts";
import { QUESTION_START } from "./form.ts";
import type { WordGate } from "./gate.ts";
import { namesIn, plain } from "./names.ts";

export type Uncovered =
  /** No words: emoji or punctuation only. */
  | { kind: "no-words" }
  /** Code, SQL or JSON rather than a question. */
  | { kind: "code" }
  /** A year no source has figures for. */
  | { kind: "year"; year: number; future: boolean }
  /** A city, state or region: the sources give national figures only. */
  | { kind: "place"; name: string }
  /** A question form no source answers; `missing` says what ("interview questions"), `asked` the words used. */
  | { kind: "form"; missing: string; asked: string; subject?: string }
  /** A figure no source gives for something they do mention ("how big bonuses are"). */
  | { kind: "figure"; missing: string; known?: string; sources?: readonly string[] }
  /** Words the knowledge base never uses, as the user wrote them; `name` when it looks like a proper noun. */
  | { kind: "subject"; phrase: string; name: boolean }
  /** Another role's pay ("what does a VP earn?"): the sources give the director's only. */
  | { kind: "role-pay"; role: string };

export interface CoverageKnowledge {
  /** Years the sources give figures or dates for. */
  years: ReadonlySet<number>;
  /** The latest year the sources date themselves to. */
  latestYear: number;
  /** The furthest year a source projects to. */
  furthestYear: number;
  /** Places the sources name (San Francisco, the Midwest). */
  places: ReadonlySet<string>;
  /** Every figure the facts give, as index terms ("#104k"): "104k" quotes one, "401k" does not. */
  numbers: ReadonlySet<string>;
  /** Question forms no source answers, as patterns over the normalised text (what is missing → pattern). */
  forms: readonly { missing: string; pattern: RegExp }[];
  /** Which forms could match a text, from its words: the others are not run. */
  formGate: WordGate;
  /** Everyday English: a word outside it is a name, an acronym or jargon. */
  dictionary: ReadonlySet<string>;
}

/** What the question is about, as far as declining goes. */
export interface FocusContext {
  /** The question asks for figures (pay, ratings, growth): any named subject changes the figure. */
  figures: boolean;
}

/** The characters code is thick with: braces, brackets, parentheses, operators, quotes. */
const CODE_SIGN_CODES = new Set([...'{}[]();=<>`"|\\'].map((c) => c.charCodeAt(0)));
const CODE_WORDS =
  /\b(select\s+\S.*\s+from|insert\s+into|drop\s+table|delete\s+from|update\s+\w+\s+set|function\s*\(|def\s+\w+\s*\(|print\s*\(|console\.log|import\s+\w+|return\s+\w+|for\s+\w+\s+in\s+\w+\s*[(:])/i;
/** The asker as a subject or owner ("I", "my", "we"); "me" and "us" are objects of a request ("give me…"). */
const FIRST_PERSON = /\b(i|im|ive|id|my|our|we|were)\b/;
/** "hr bp here", "recruiter here": a clause that introduces the asker. */
const SELF_INTRO = /^ (\S+ ){1,4}here $/;
/** A greeting on its own ("Kia ora.", "Guten Tag, team"): the asker's words, never a subject. */
const GREETING =
  /^ (hi|hello|hey|hiya|howdy|hola|bonjour|salut|ciao|hallo|servus|gruezi|namaste|greetings|kia ora|g day|gday|guten (tag|morgen)|good (morning|afternoon|evening))( \S+)? $/;
/** What the asker is doing, said aside: "asking as the KB writer", "trying to sort out a RACI". */
const ASIDE =
  /^ (asking|trying|writing|building|working on|preparing|putting together|drafting|planning|researching|comparing|need it for|needed for) /;
/** A clause that says who the asker is: a job below the director's, or their years ("team lead in Leeds", "8 yrs in"). */
const SELF_DESCRIPTION =
  /\b(team lead|team leader|lead|manager|mgr|supervisor|rep|agent|recruiter|hr|hrbp|student|grad|analyst|coordinator|specialist|coach|trainer|planner|scheduler|handler|writer|moderator)\b|\b\d+\s*(yrs?|years?)\b/;
/** The director's job, pay or an employer's hiring in the clause: it is about the subject, not the asker. */
const NOT_SELF =
  /\b(director|directors|head|vp|chief|hiring|hires|salary|pay|paid|earn|earns|make|makes|how much|what)\b/;
/** "English is not my first language", "Leeds is our home": the word says something about the asker's own. */
const ABOUT_MINE = /^ (\S+ ){1,2}(is|are|was|isnt|arent) (not )?(my|our) /;
/** A statement that asks about pay is a question after all ("I'd like to know what I would earn…"). */
const ASKS_PAY = /\b(how much|what|salary|pay|earn)\b/;
const THEIRS = /\b(their|they|them|there|theyll|theyre|theyd|theyve)\b/;
const BACK =
  /\b(their|they|them|there|theyll|theyre|theyd|theyve|it(?! takes?\b| took\b)|its|itll|those|these)\b|\b(typical|usual|normal|standard)\b(?! (step|steps|path|route|progression|next step|move))/;
/** Where a sentence ends; a colon ends a label ("CFO's analyst at a credit union in Ohio: do…"). */
const SENTENCE = /[.?!;\n]+|:\s/;
const CLAUSE = /,+|\s[-–—]\s|\b(?:and|but|so|because|though)\b/i;
/** A clause of the message, whether it is a statement, and the words before it in its sentence. */
interface Clause {
  words: string;
  statement: boolean;
  lead: string;
  /** What saysOfAsker reads off the clause alone, whatever word is asked about (worked out on first use). */
  whole?: { introduces: boolean; mine: boolean };
}

/** Code, SQL, JSON or markup rather than a question: code keywords, or a message thick with brackets and operators. */
export function looksLikeCode(raw: string): boolean {
  const text = raw.slice(0, 2000);
  if (CODE_WORDS.test(text)) return true;
  // Counted, not matched: a match per letter would allocate a string each.
  let signs = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if (CODE_SIGN_CODES.has(c)) signs++;
  }
  return signs >= 4 && signs * 6 >= letters;
}

/**
 * The first thing the question asks about that no source covers, or null. The router has already
 * turned away messages with no words and code.
 */
export function findUncovered(raw: string, a: Analysis, kb: CoverageKnowledge, focus: FocusContext): Uncovered | null {
  const scan = new Scan(raw);
  const year = yearAsked(a.normalized, kb, scan);
  if (year) return year;
  const open = kb.formGate.openWords(a.words);
  // An index loop: entries() would make a pair per form, and most forms are not open.
  for (let k = 0; k < kb.forms.length; k++) {
    if (!open[k]) continue;
    const { missing, pattern } = kb.forms[k]!;
    const asked = pattern.exec(a.normalized)?.[0];
    // A form asked in the first person ("should I take the job?", "my manager doesn't rate me") is
    // about the asker by its nature: what is missing all the same.
    if (asked && (FIRST_PERSON.test(asked) || !scan.aboutAsker(asked)))
      return formOf(missing, missing, a, scan, kb, asked);
  }
  for (const missing of a.unanswered) {
    const asked = a.unansweredPhrases[missing]?.find((phrase) => !scan.aboutAsker(phrase) || scan.asksBack(BACK));
    // "when interviewing" is about interviewing.
    if (asked) return formOf(missing, scan.written(asked).replace(LEADING_WHEN, ""), a, scan, kb);
  }
  // "We're opening a site in Atlanta. What should we pay there?": a place the asker names, then asks about.
  // "A candidate in Manchester asks £100k: is that within what the sources show for the UK?": the country is asked.
  const place = COUNTRY_ASKED.test(a.normalized)
    ? undefined
    : a.places.find(
        (p) => !kb.places.has(p) && !a.askersPlaces.includes(p) && (!scan.aboutAsker(p) || scan.asksBack(THEIRS)),
      );
  if (place) return { kind: "place", name: scan.written(place) };

  // Each word's strength once: the filter and the finds below ask it of the same words.
  const strongAt: (boolean | undefined)[] = [];
  const strong = (i: number) => (strongAt[i] ??= isStrong(scan, a.tokens[i]!, kb));
  const candidates = a.unknownAt.filter((i) => {
    const word = a.tokens[i]!;
    // "job outlook? careers counsellor, need a figure for a handout": the asker's aside asks nothing.
    if (i < a.asideWords) return false;
    // One letter ("L&D", "Q&A") is no subject; two letters in lower case ("cs", "hr") are shorthand, not a
    // subject; "HP" in capitals may be a name.
    if (word.length === 1 || (word.length <= 2 && !scan.isName(word))) return false;
    if (quotesFigure(word, a.tokens[i + 1], kb)) return false;
    // "I have an interview at Chase. What do their directors make?": a name the asker brought up, asked about.
    // "My offer mentions a 401k. What's typical?", "my laptop won't join the VPN, how do I fix it?": the asker's
    // own word, then asked about.
    return (strong(i) || !shapesQuestion(word)) && (!scan.aboutAsker(word) || (strong(i) && scan.asksBack(BACK)));
  });
  const known = a.known - (a.roleMentioned ? 1 : 0);
  const first =
    candidates.find(strong) ??
    candidates.find((i) => attached(scan, a.tokens, i, focus.figures)) ??
    (candidates.length > known ? candidates[0] : undefined);
  if (first === undefined) return null;
  return { kind: "subject", phrase: phraseAt(scan, a.tokens, candidates, first), name: scan.isName(a.tokens[first]!) };
}

/** The first year named that no source covers, unless said of the asker ("I graduated in 2015"). */
function yearAsked(normalized: string, kb: CoverageKnowledge, scan: Scan): Uncovered | null {
  // Most messages have no digit, so no year. "The 2% is for 2020-2030, isn't it?" checks a claim: the
  // answer sets the real years beside it.
  if (!DIGIT.test(normalized) || CHECKS_CLAIM.test(normalized)) return null;
  // "Zippia says 6% growth by 2030?": a percentage the sources give, with a year beside it, is a claim to check.
  if (figuresIn(normalized).some((f) => f.term.endsWith("%") && kb.numbers.has(f.term))) return null;
  for (const m of normalized.matchAll(YEAR)) {
    const year = Number(m[1]);
    if (!kb.years.has(year) && !scan.aboutAsker(m[1]!)) return { kind: "year", year, future: year > kb.latestYear };
  }
  return null;
}

const DIGIT = /\d/;
/** A question that asks for a whole country's figures, whatever city the asker mentioned. */
const COUNTRY_ASKED =
  /\b(for|in|across|vs|versus|against) (the )?(uk|united kingdom|britain|great britain|usa|united states|canada)\b(?! average)|\b(uk|us|usa|canada|canadian|british|american) (numbers|figures|ranges?|salary|salaries)\b|\b(salary|salaries|pay) (usa|us|uk|canada)\b|\b(ranges?|figures|numbers|averages?) (the|your|in the|in your|from the|from your) sources\b/;
/** A question that checks what the asker heard: "…, right?", "…, isn't it?". */
const CHECKS_CLAIM =
  /\b(right|correct|true|isnt it|is it not|wasnt it|didnt it|dont they|doesnt it|am i right|yes|no|yeah|eh)$/;

/** A question form no source answers, with what it was asked about when the question names it ("calculate NPS"). */
function formOf(
  missing: string,
  asked: string,
  a: Analysis,
  scan: Scan,
  kb: CoverageKnowledge,
  matched = "",
): Uncovered {
  // A name ("Zendesk"), or else a word we do not know inside the words that matched ("in healthcare").
  // An amount ("a 110k offer") is a figure quoted, not what is asked about.
  // A match of two naming words is the subject as a whole ("six sigma").
  const words = matched.trim().split(" ");
  const names = (w: string) =>
    w.length > 2 && !GENERIC_ENDINGS.test(w) && !AMOUNT.test(w) && !ORDINAL.test(w) && !missing.includes(w);
  if (words.length === 2 && words.every(names)) return { kind: "form", missing, asked, subject: words.join(" ") };
  const inside = ` ${matched} `;
  const named =
    a.unknownAt.find((i) => isStrong(scan, a.tokens[i]!, kb) && !AMOUNT.test(a.tokens[i]!)) ??
    a.unknownAt.find((i) => names(a.tokens[i]!) && a.tokens[i]!.length > 3 && inside.includes(` ${a.tokens[i]} `));
  // Or the word the match ends on, when it names something ("…make in healthcare").
  const last = words.at(-1)!;
  const ending = names(last) ? last : undefined;
  const word = named === undefined ? ending : a.tokens[named];
  const subject = word === undefined ? undefined : scan.written(word);
  return { kind: "form", missing, asked, ...(subject ? { subject } : {}) };
}

const LEADING_WHEN = /^(when|while) /i;
/** Words a form's match may end on that name nothing of their own. */
const GENERIC_ENDINGS =
  /^(make|makes|earn|earns|paid|salary|salaries|cost|costs|director|directors|role|roles|jobs?|vacancy|vacancies|openings?|postings?|ads?|offer|with|from|that|this|there|them|they|firm|business|company|consultancy|agency|practice|one|providers?|vendors?|platforms?|brands?|manage|manages|lead|leads|oversee|oversees|supervise|supervises|have|has|under|report|reports|letters?|resume|cv|be|is|are|belt|counter|enough|quit|resign|fair|unfair|right|wrong|good|bad|toxic|old|young|shy|quiet|introverted|junior|inexperienced|fit|type|person|suited|takes|happy|succeed|me|measured|calculated|computed|tracked|month|week|year|family|abroad|overseas|ccd|rate|canada|uk|usa|us|states|england|britain|remote|dollars|pounds|euros|changed|grown|risen|moved|increased|percent|ignores|ignored|refuses|speak|speaking)$/;
/** "90th", "2nd": an ordinal names nothing. */
const ORDINAL = /^\d+(st|nd|rd|th)$/;
/** An amount of money or a bare number. */
const AMOUNT = /^[$£€]?\d[\d.,]*(k|m)?$/;

const YEAR = /\b(19[5-9]\d|20\d\d|21\d\d)\b/g;

/** "401(k" as written is "401(k)": a bracket the words open, closed as the message closes it. */
function closeBracket(text: string, written: string): string {
  if (!written.includes("(") || written.includes(")")) return written;
  return text.includes(`${written})`) ? `${written})` : written;
}

/**
 * The message as written, read once: which words are written as names, and its clauses with whether
 * each is a statement about the asker. Words are compared in the analyser's form (lower case, no
 * apostrophes), so "Zippia's" is "zippias".
 */
class Scan {
  private names?: ReadonlySet<string>;
  private clauses?: Clause[];
  /** The message in lower case, for written (ASCII messages only). */
  private lower?: string;
  constructor(private readonly raw: string) {}

  /** Written with a capital inside a sentence ("at Amazon"), or in capitals ("NPS"). */
  isName(word: string): boolean {
    this.names ??= namesIn(this.raw.slice(0, 2000));
    return this.names.has(word);
  }

  /**
   * Every clause that holds `words` is a statement about the asker ("my boss…", "I'm in Toronto",
   * "I graduated in 2015"), not a question ("how do I…", "what would I earn at…").
   */
  aboutAsker(words: string): boolean {
    const clauses = this.clauseList();
    const needle = ` ${words} `;
    let holding = false;
    for (const c of clauses) {
      if (!c.words.includes(needle)) continue;
      holding = true;
      if (!this.saysOfAsker(c, needle)) return false;
    }
    return holding;
  }

  /**
   * A question clause that points back at something said before: "what do their directors make?",
   * "what do they pay there?" (THEIRS), or also "how do I fix it?", "what's typical?" (BACK).
   */
  asksBack(pointer: RegExp): boolean {
    return this.clauseList().some((c) => !c.statement && pointer.test(c.words));
  }

  /** The message's clauses, each with whether it is a statement rather than a question. */
  private clauseList(): Clause[] {
    if (this.clauses) return this.clauses;
    const clauses: Clause[] = [];
    for (const sentence of this.raw.slice(0, 2000).split(SENTENCE)) {
      // "I run facilities and logistics": a clause joined by "and" goes on with the asker its sentence began with.
      let lead = " ";
      for (const c of sentence.split(CLAUSE)) {
        const said = plain(c);
        if (said === "") continue;
        clauses.push({ words: ` ${said} `, statement: !QUESTION_START.test(c), lead });
        lead += `${said} `;
      }
    }
    this.clauses = clauses;
    return clauses;
  }

  /** Whether a clause holding `needle` is a statement about the asker (tests in order, cheapest first). */
  private saysOfAsker(c: Clause, needle: string): boolean {
    if (!c.statement) return false;
    // A message's unknown words are often in the same clause: what does not depend on the word is read once.
    c.whole ??= this.readWhole(c);
    if (c.whole.introduces) return true;
    const before = c.lead + c.words.slice(0, c.words.indexOf(needle));
    return (FIRST_PERSON.test(before) && !ASKS_PAY.test(before)) || c.whole.mine;
  }

  /**
   * What a statement says of the asker as a whole: whether it introduces them ("hr bp here", a greeting,
   * an aside, or who they are before the question), and whether it says something about theirs
   * ("English is not my first language": the asker, named after the word). The second is read only
   * for a clause that does not introduce the asker (saysOfAsker needs it only then).
   */
  private readWhole(c: Clause): { introduces: boolean; mine: boolean } {
    if (SELF_INTRO.test(c.words) || GREETING.test(c.words) || ASIDE.test(c.words))
      return { introduces: true, mine: false };
    const clauses = this.clauses!;
    // "team lead in Leeds, 6 yrs in, what would a director earn?": a statement that asks nothing, before the question.
    const lead =
      c !== clauses[clauses.length - 1] &&
      SELF_DESCRIPTION.test(c.words) &&
      !NOT_SELF.test(c.words) &&
      clauses.some((q) => !q.statement);
    return { introduces: lead, mine: !lead && ABOUT_MINE.test(c.words) && !ASKS_PAY.test(c.words) };
  }

  /** Written as a possessive ("Google's"), which the analyser reads as "googles". */
  possessive(word: string): boolean {
    if (!word.endsWith("s")) return false;
    const lower = this.raw.slice(0, 2000).toLowerCase();
    const stem = word.slice(0, -1);
    return lower.includes(`${stem}'s`) || lower.includes(`${stem}\u2019s`);
  }

  /** The words as the user wrote them (keeps "Amazon", "NPS"), or as given when they cannot be found. */
  written(words: string): string {
    const text = this.raw.slice(0, 2000);
    return closeBracket(text, this.find(text, words) ?? words);
  }

  /** The words as the message writes them, or undefined when they are not found there. */
  private find(text: string, words: string): string | undefined {
    // Plain words in ASCII text (nearly every call) are found without compiling a pattern.
    if (PLAIN_PHRASE.test(words) && !NON_ASCII.test(text)) {
      this.lower ??= text.toLowerCase();
      return writtenPlain(text, this.lower, words.split(" "));
    }
    const pattern = new RegExp(`\\b${words.split(" ").map(escapeRegExp).join("[^a-z0-9]+")}\\b`, "i");
    return text.match(pattern)?.[0];
  }
}

/** Words of [a-z0-9], one space between them. */
const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** Any character outside ASCII (UTF-16 code units). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * What written's pattern (`\bw1[^a-z0-9]+w2…\b`, ignoring case) matches first in ASCII text, found
 * by hand: `lower` is the text in lower case (the same length, ASCII). Between two words the
 * separators run to the next letter or digit, so each start has one possible match.
 */
function writtenPlain(text: string, lower: string, words: readonly string[]): string | undefined {
  const first = words[0]!;
  for (let start = lower.indexOf(first); start >= 0; start = lower.indexOf(first, start + 1)) {
    if (start > 0 && isWordCode(lower.charCodeAt(start - 1))) continue;
    let end = start + first.length;
    for (let w = 1; w < words.length && end >= 0; w++) {
      let next = end;
      while (next < lower.length && !isAlphanumericCode(lower.charCodeAt(next))) next++;
      end = next > end && lower.startsWith(words[w]!, next) ? next + words[w]!.length : -1;
    }
    if (end < 0 || (end < lower.length && isWordCode(lower.charCodeAt(end)))) continue;
    return text.slice(start, end);
  }
  return undefined;
}

function isAlphanumericCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** \w in lower-case text: a letter, a digit or an underscore. */
function isWordCode(c: number): boolean {
  return isAlphanumericCode(c) || c === 95;
}

const PREPOSITIONS = new Set([
  "at",
  "for",
  "with",
  "from",
  "by",
  "in",
  "inside",
  "within",
  "across",
  "near",
  "after",
  "before",
  "including",
  "excluding",
  "plus",
]);
const DETERMINERS = new Set(["a", "an", "the", "big", "small", "large", "my", "our", "their", "this", "that"]);
/** Words a name stands in front of when it says whose figure is asked: "Chewy customer service director", "Hays salary guide". */
const NAMED_BEFORE = new Set([
  "customer",
  "cs",
  "cx",
  "csd",
  "ccd",
  "support",
  "director",
  "directors",
  "head",
  "salary",
  "salaries",
  "wage",
  "wages",
  "guide",
  "survey",
]);
const ANY_EMPLOYER: ReadonlySet<string> = new Set([
  "firms",
  "companies",
  "employers",
  "businesses",
  "organisations",
  "organizations",
  "orgs",
]);
const TIMES: ReadonlySet<string> = new Set([
  "night",
  "nights",
  "evening",
  "evenings",
  "morning",
  "mornings",
  "weekend",
  "weekends",
  "noon",
  "midnight",
]);
const NAMING_PREPOSITIONS = new Set(["at", "in", "on", "using", "via"]);
const EMPLOYER_VERBS = new Set(["pay", "pays", "paying", "offer", "offers", "give", "gives", "hire", "hires"]);

/**
 * The word names whose figure is asked: after a preposition ("at Amazon", "in a startup"), before an
 * employer's verb ("Amazon pays"), or as a possessive ("Google's").
 */
function attached(scan: Scan, tokens: readonly string[], i: number, figures: boolean): boolean {
  // "on call at night", "in the evenings": a time of day names nothing no source covers; nor does
  // "financial services firms pay…", whose firms are any.
  if (TIMES.has(tokens[i]!) || ANY_EMPLOYER.has(tokens[i]!)) return false;
  const prev = tokens[i - 1];
  // A question asking no figure names a subject right after "at" or "in" ("at apple", "in Concur"),
  // not after "with kids" or "in the evenings".
  if (!figures) return prev !== undefined && NAMING_PREPOSITIONS.has(prev);
  const prev2 = tokens[i - 2];
  if (prev && PREPOSITIONS.has(prev)) return true;
  if (prev && prev2 && DETERMINERS.has(prev) && PREPOSITIONS.has(prev2)) return true;
  // "Amazon pays", "Bank of America pays", "Google's", "Chewy CS director salary", "the Hays salary guide".
  const next = tokens[i + 1];
  if (next && NAMED_BEFORE.has(next)) return true;
  if (next && (EMPLOYER_VERBS.has(next) || (next === "of" && EMPLOYER_VERBS.has(tokens[i + 3] ?? "")))) return true;
  return scan.possessive(tokens[i]!);
}

/**
 * An amount ("104k", "150k"): a figure the question quotes or asks about, not a subject. A code
 * such as "401k" is followed by what it is ("401k match", "401k plan").
 */
function quotesFigure(word: string, next: string | undefined, kb: CoverageKnowledge): boolean {
  // Most words end in no "k": no pattern run for them.
  const m = word.endsWith("k") ? /^(\d+)k$/.exec(word) : null;
  if (!m) return false;
  return kb.numbers.has(`#${m[1]}k`) || (Number(m[1]) >= 20 && (next === undefined || !PLAN_WORDS.has(next)));
}

const PLAN_WORDS = new Set([
  "match",
  "matching",
  "plan",
  "plans",
  "contribution",
  "contributions",
  "account",
  "accounts",
]);

/** Adverbs and verb forms shape a question ("commonly", "appointed", "thinking") rather than name its subject. */
function shapesQuestion(word: string): boolean {
  return (
    word.length > 4 && (word.endsWith("ly") || word.endsWith("ing") || word.endsWith("ed") || word.endsWith("est"))
  );
}

/** A name, an acronym, a code like 401k, or a word no dictionary knows (but not a verb form of one). */
function isStrong(scan: Scan, word: string, kb: CoverageKnowledge): boolean {
  // A word with a digit is a code or a figure ("401k"), unless an ordinal ("5th", "2nd"), which picks an item and names nothing.
  if (DIGIT.test(word)) return !ORDINAL.test(word);
  // Three letters no dictionary knows are an acronym typed in lower case ("pto", "roi"); chat shorthand is expanded before.
  const jargon = word.length >= 3 && !kb.dictionary.has(word) && !shapesQuestion(word);
  return jargon || scan.isName(word);
}

/** The word with the unknown words next to it ("health insurance", "stock options"), as written. */
function phraseAt(scan: Scan, tokens: readonly string[], candidates: readonly number[], at: number): string {
  let start = at;
  let end = at;
  while (start > 0 && candidates.includes(start - 1) && end - start < 2) start--;
  while (end + 1 < tokens.length && candidates.includes(end + 1) && end - start < 2) end++;
  return scan.written(tokens.slice(start, end + 1).join(" "));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
