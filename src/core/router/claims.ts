/**
 * "Cityjobs says the veteran level earns $150k, right?", "ccd complexity 9.5 on zippia??": a claim
 * that quotes figures, checked against the figures of the facts the answer leads with. No when the
 * facts give figures of the same kind and not the one claimed: a figure no source gives is wrong
 * whatever else the claim says. Yes when they give every figure claimed, to the precision the asker
 * wrote it ("42%" for 42.19%, "about $60" for $60.41), unless the claim says more than a figure can
 * confirm: a year, a data provider, or growth (whose figures differ by what they measure). No
 * verdict otherwise.
 */
import { type Figure, figuresIn } from "../knowledge/numbers.ts";
import { readText } from "./fact-text.ts";
import { normalize } from "./normalize.ts";
import { QUOTED } from "./term.ts";

export type Verdict = "Yes" | "No";

/** A message ending like a claim checked: "…, right?", "…, true?", "…, ya?". */
const CHECKED = /\b(right|correct|true|accurate|isnt it|is it not|am i right|ya|yeah|yes|eh|really|no)$/;
/** A claim reported: "Zippia says…", "someone told me…", "I read…". */
const REPORTED = /\b(says|said|say|told|tells|heard|hear|read|claims?|claimed|reckons?)\b/;
/** Asking what, which or how: a question, not a claim ("is that what the docs say?" is one). */
const ASKS =
  /\b(what|whats|which|who|whos|whose|where|wheres|when|why|how|hows)\b(?<!\b(is|isnt|was) (that|this|it) what)/;
/** Asking where a figure comes from or what it means: "source of the C$115k?", "6% growth source?". */
const ASKS_ABOUT =
  /\b(source|sources) (of|for|behind)\b|\b(behind|origin|cite|cited|citation|reference|link|mean|means)\b|(?<!\b(per|according to|in|by) (your |the |my |these |those )?)\b(source|sources|sourced|from)$/;
/** Judging a figure ("is 80k good?", "is £70k fair?", "useless?") or placing it in a range is no claim of fact. */
const JUDGES =
  /\b(good|fair|normal|reasonable|enough|low|high|decent|competitive|ok|okay|realistic|within|inside|between|in the range|in range|or|useless|useful|reliable|trust|meaningless|worth|matter)\b/;
/** The asker's own situation: "I make 80k", "our budget is…" (not "I read", "I heard"). */
const ASKERS_OWN =
  /\b(i|im|my|we|our)\b(?! (read|heard|saw|was told|think|thought|believe|remember|understand|colleague|colleagues|manager|boss|friend|team|teammate|coworker|recruiter|hr)\b)/;
/** A number that picks an item ("step 2", "mistake 4", "top 5") claims no figure. */
const PICKS = /\b(step|steps|mistake|mistakes|item|number|no|point|tip|part|section|page|question|top|skill)\s+\d/;
/** Words that allow a rounded figure. */
const ROUNDED =
  /\b(about|around|almost|nearly|roughly|approximately|approx|circa|close to|just under|just over|like)\b/;
/** A year in a claim says more than a figure can confirm. */
const YEAR = /\b(19|20)\d\d\b/;
/** A data provider the sources cite: the claim holds only where the figure is given as theirs. */
const PROVIDER = /\b(bls|indeed|glassdoor|totaljobs|payscale)\b/;
/** Growth figures differ by what they measure: a claim holds only as one source's figure. */
const GROWTH = /\b(growth|grow|grows|growing|projected|projects|projection)\b/;
const OUR_SOURCE = /\b(zippia|cityjobs|jobdescription|playsupplychain)\b/;
/** A text giving a span of figures, which a figure inside may belong to. */
const SPAN = /\brun from\b|\bfrom [^ ]+ to\b|\bbetween\b/;
/** A claim about an average is checked against averages, not a range's ends. */
const AVERAGE_CLAIM = /\b(average|avg|mean|typical)\b/;
/** A baseline the facts compare with ("against a US average of 7.1"): no figure of the role's own. */
const BASELINE = /\baverage( across [\w ]+)?( of| is)?\s*$/i;

/** A currency written as a word before an amount ("GBP 100k", "CAD 115k"), as its sign. */
const CURRENCY_WORD = /\b(gbp|cad)\s*(?=\d)/gi;
const CURRENCY_SIGN: Readonly<Record<string, string>> = { gbp: "£", cad: "C$" };
/** "75 to 139k CAD": an amount with its currency after it. */
const CURRENCY_AFTER = /(\d[\d,.]*k?)\s*(cad|gbp)\b/gi;
/** "96-154k", "75 to 139k": a range whose "k" is written once. */
const RANGE_K = /\b(\d{2,3})\s*(-|\u2013|to)\s*(\d{2,3})k\b/gi;

/** "75 to 139k CAD": a range with its currency after it, for both ends. */
const RANGE_CURRENCY = /\b(\d{2,3})k?\s*(-|\u2013|to)\s*(\d{2,3})k\s*(cad|gbp)\b/gi;

/** The claim's amounts as figuresIn reads them: currency signs before, "k" on both ends of a range. */
function amountsWritten(raw: string): string {
  return raw
    .replace(RANGE_CURRENCY, (_, a: string, to: string, b: string, w: string) => {
      const sign = CURRENCY_SIGN[w.toLowerCase()]!;
      return `${sign}${a}k ${to} ${sign}${b}k`;
    })
    .replace(RANGE_K, "$1k $2 $3k")
    .replace(CURRENCY_AFTER, (_, n: string, w: string) => `${CURRENCY_SIGN[w.toLowerCase()]}${n}`)
    .replace(CURRENCY_WORD, (_, w: string) => CURRENCY_SIGN[w.toLowerCase()]!);
}

/** What a figure counts: a percentage, an amount in a currency ("#c115k", "#£70k", "#121k"), or a number. */
function kindOf(f: Figure): string {
  if (f.term.endsWith("%")) return "%";
  if (f.value < 1000) return "n";
  const mark = f.term[1]!;
  return mark === "c" || mark === "£" ? mark : "$";
}

/** Whether a figure given is the one claimed, to the precision the claim wrote it (one step either way when rounded). */
function gives(given: number, claimed: number, kind: string, rounded: boolean): boolean {
  if (kind !== "n" && kind !== "%") {
    // Amounts: "125k" is $125,654; "about $124k" allows a few percent.
    return Math.abs(given - claimed) <= (rounded ? 0.03 : 0.01) * given;
  }
  const decimals = (String(claimed).split(".")[1] ?? "").length;
  const step = 10 ** -decimals;
  const off = Math.abs(Number(given.toFixed(decimals)) - claimed);
  return off < step / 2 || (rounded && off <= step + 1e-9);
}

/** The figures a text gives, without the baselines it compares them with ("a US average of 7.1"). */
function figuresGiven(text: string, averages: boolean): Figure[] {
  // Claims are judged against fact texts, a fixed set (a claim about pay reads every pay fact): each
  // text's own figures are read once, beside its other readings.
  const read = readText(text);
  if (averages) return read.figures;
  read.own ??= read.figures.filter((f) => {
    const at = text.indexOf(f.term.endsWith("%") ? `${f.value}%` : String(f.value));
    return at < 0 || !BASELINE.test(text.slice(Math.max(0, at - 30), at));
  });
  return read.own;
}

/** A claim a question makes with figures: what it quotes and how it may be confirmed. */
export interface Claim {
  figures: Figure[];
  /** About an average: checked against averages, baselines included. */
  averages: boolean;
  /** "About", "almost": one step of the figure's precision either way. */
  rounded: boolean;
  /** A data provider named ("Glassdoor says…"): holds only where a text gives the figure as theirs. */
  provider?: string;
  /** Nothing beyond the figure (a year, growth) that a figure alone cannot confirm. */
  confirmable: boolean;
}

/** The claim a question makes, or undefined when it is no claim quoting figures (cheap tests first). */
export function claimIn(raw: string, normalized: string, yesNo: boolean, comparison: boolean): Claim | undefined {
  const checked = yesNo || CHECKED.test(normalized) || REPORTED.test(normalized) || raw.trimEnd().endsWith("?");
  if (!checked || comparison || ASKS.test(normalized) || ASKS_ABOUT.test(normalized)) return undefined;
  if (JUDGES.test(normalized) || ASKERS_OWN.test(normalized) || PICKS.test(normalized)) return undefined;
  const figures = figuresIn(amountsWritten(raw));
  if (figures.length === 0 || figures.length > 2) return undefined;
  const provider = PROVIDER.exec(normalized)?.[1];
  return {
    figures,
    averages: AVERAGE_CLAIM.test(normalized),
    rounded: ROUNDED.test(normalized),
    ...(provider ? { provider } : {}),
    confirmable: !YEAR.test(normalized) && (!GROWTH.test(normalized) || OUR_SOURCE.test(normalized)),
  };
}

/** The verdict on a claim against the texts an answer leads with; undefined when they cannot say. */
export function judge(claim: Claim, texts: readonly string[]): Verdict | undefined {
  const claimed = claim.figures;
  const byText = texts.map((t) => figuresGiven(t, claim.averages));
  const provider = claim.provider;
  // A text's leading figures of a kind are its subject's ("female 42.19%"); later ones may be another's
  // ("Black 10%" in a list): matching one of those confirms nothing, and refutes nothing.
  const leads = (c: Figure) =>
    byText.some(
      (figures, i) =>
        (!provider || texts[i]!.toLowerCase().includes(provider)) &&
        leadsWith(figures, c, claimed.length, claim.rounded),
    );
  if (claimed.every(leads)) return claim.confirmable ? "Yes" : undefined;
  // A figure given nowhere, where figures of its kind are given, is wrong whatever the claim's subject;
  // unless a text gives a span it falls in ("the averages run from $104,000 to $125,654": $121k may be one).
  const spans = (c: Figure) =>
    byText.some((figures, i) => {
      if (!SPAN.test(texts[i]!)) return false;
      const values = figures.filter((g) => kindOf(g) === kindOf(c)).map((g) => g.value);
      return c.value > Math.min(...values) && c.value < Math.max(...values);
    });
  const wrong = (c: Figure) => {
    // Every text's figures in turn (no flattened copy): none gives the claimed one, some are of its kind.
    const kind = kindOf(c);
    let ofKind = false;
    for (const figures of byText)
      for (const g of figures) {
        if (kindOf(g) !== kind) continue;
        if (gives(g.value, c.value, kind, claim.rounded)) return false;
        ofKind = true;
      }
    return ofKind && !spans(c);
  };
  return claimed.some(wrong) ? "No" : undefined;
}

/** Whether one of a text's first `n` figures of the claimed figure's kind gives it. */
function leadsWith(figures: readonly Figure[], c: Figure, n: number, rounded: boolean): boolean {
  const kind = kindOf(c);
  let seen = 0;
  for (const g of figures) {
    if (seen >= n) return false;
    if (kindOf(g) !== kind) continue;
    seen++;
    if (gives(g.value, c.value, kind, rounded)) return true;
  }
  return false;
}

/** The verdict on a question's claim against texts (claimIn, then judge). */
export function verdictOn(
  raw: string,
  normalized: string,
  yesNo: boolean,
  comparison: boolean,
  texts: readonly string[],
): Verdict | undefined {
  const claim = claimIn(raw, normalized, yesNo, comparison);
  return claim && judge(claim, texts);
}

/** "Is response speed one of the KPIs?", "is CRM among the skills?": what the question asks is on a list. */
const MEMBER =
  /^(?:\w+ ){0,4}?(?:is|are) (.+?) (?:one of|among|included in|in the list|on the list|listed|mentioned)\b(?!.*\bthan\b)/;

/** What a yes/no question asks is named or on a list: in quotation marks, or "is X one of…"; else undefined. */
export function memberAsked(raw: string, normalized: string): string | undefined {
  const quoted = QUOTED.exec(raw)?.[1];
  const asked = (quoted ? normalize(quoted) : MEMBER.exec(normalized)?.[1])?.replace(/^(a|an|the) /, "");
  return asked && asked.split(" ").length <= 5 ? asked : undefined;
}

/**
 * "Is 'director team lead' one of the common roles before this job?": yes when the facts the answer
 * leads with name what the question asks about (in quotation marks, or as one of a list); no verdict
 * otherwise, since a list that does not name it may only be incomplete.
 */
export function mentionVerdict(raw: string, normalized: string, texts: readonly string[]): Verdict | undefined {
  const asked = memberAsked(raw, normalized);
  return asked ? named(asked, texts) : undefined;
}

/** Yes when a text names what was asked about. */
export function named(asked: string, texts: readonly string[]): Verdict | undefined {
  return texts.some((t) => readText(t).plain.includes(` ${asked} `)) ? "Yes" : undefined;
}

/** "Is project management more common than KPIs on those resumes?": two named shares set side by side. */
const COMPARES_SHARES =
  /^(?:is|are|does|do) (.+?) (?:show up |appear |listed |mentioned |ranked |rank )?(more|less|ahead|higher|above|behind|lower|below) (?:common |popular |frequent |often )?(?:listed |mentioned )?(?:than |of )?(.+?)(?: on| in| among| for| as|$)/;
/** The comparing words that put the first thing above the second. */
const ABOVE = new Set(["more", "ahead", "higher", "above"]);

/** Yes or no when the texts give a share for each of the two things compared; undefined otherwise. */
export function sharesCompared(normalized: string, texts: readonly string[]): Verdict | undefined {
  const m = COMPARES_SHARES.exec(normalized);
  if (!m) return undefined;
  const share = (name: string) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = new RegExp(`\\b${escaped}\\b\\W{0,3}(\\d+(?:\\.\\d+)?)%`, "i");
    for (const t of texts) {
      const hit = found.exec(t);
      if (hit) return Number(hit[1]);
    }
    return undefined;
  };
  const a = share(m[1]!);
  const b = share(m[3]!);
  if (a === undefined || b === undefined || a === b) return undefined;
  return ABOVE.has(m[2]!) === a > b ? "Yes" : "No";
}
