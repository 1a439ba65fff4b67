/**
 * Reading a typed reply as an answer to the open quiz question (pure): the option's number, its
 * label, a number of years, or the phrases each option lists in data/assessment.yml.
 *
 * Free text is scored by phrases: every option collects the phrases of its `match` list that the
 * text contains (whole words, word endings ignored, so "configured" matches "configure"). A phrase
 * inside a longer matched phrase does not count ("high school diploma" is not a diploma), nor one
 * negated in its clause ("I haven't led a rollout, but…") or wished for ("I'd like to…"). A bare "yes" or "no" counts only when
 * nothing more specific matched. An option whose phrases are all also another option's is dropped
 * ("bachelor's in psychology": the bachelor's is in another field). Of what is left, the most
 * advanced option wins: options build on each other, so "I use it as an agent and build reports"
 * is "I build reports". It is ambiguous only when two options are supported by exactly the same
 * phrases ("bachelor's": which field?) or the text offers alternatives ("or", "maybe").
 */
import type { AssessmentQuestion } from "../model/assessment.ts";
import { simplify } from "../words.ts";
import { optionForYears, yearsIn } from "./years.ts";

export type OptionMatch =
  | { option: string }
  | { problem: "no-match" }
  | { problem: "ambiguous"; between: [string, string] };

/** Spoken variants read as one word. */
const CANONICAL: Readonly<Record<string, string>> = {
  yeah: "yes",
  yep: "yes",
  yup: "yes",
  ya: "yes",
  yea: "yes",
  yah: "yes",
  sure: "yes",
  definitely: "yes",
  absolutely: "yes",
  certainly: "yes",
  nope: "no",
  nah: "no",
  naw: "no",
  analyze: "analyse",
  analyzed: "analysed",
  analyzing: "analysing",
  program: "programme",
  programs: "programmes",
};
/** Words that negate the next few words: "I haven't led a rollout". */
const NEGATOR_WORDS = [
  "not",
  "never",
  "dont",
  "didnt",
  "doesnt",
  "havent",
  "hasnt",
  "hadnt",
  "cant",
  "cannot",
  "wont",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "without",
  "nor",
  "neither",
];
/** Words after which the rest of the clause is a wish or under way, not experience yet. */
const PENDING_WORDS = ["want", "wanted", "hope", "hoping", "plan", "planning", "wish", "studying", "someday"];
const NEGATORS: ReadonlySet<string> = new Set(NEGATOR_WORDS.map((w) => root(w)));
const PENDING: ReadonlySet<string> = new Set(PENDING_WORDS.map((w) => root(w)));
/** How far back (in words) a negator reaches. */
const NEGATION_REACH = 4;
/** Phrases that only say yes or no: they count when nothing more specific matched. */
const WEAK = new Set(["yes", "no"]);
const ALTERNATIVES = /\b(or|either|maybe|not sure|unsure|perhaps)\b/;
const MAX_ANSWER_CHARS = 500;
const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

/** A word without its ending: "reports", "reporting", "reported" → "report"; "setting" → "set". */
export function root(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  const stripped = /(?:ing|ed)$/.test(w) && w.length > 5 ? w.replace(/(?:ing|ed)$/, "") : undefined;
  if (stripped !== undefined) {
    w = stripped;
    if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  }
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** The words of a text as the matcher compares them. */
export function wordsOf(text: string): string[] {
  return simplify(text)
    .split(" ")
    .filter(Boolean)
    .flatMap((w) => (CANONICAL[w] ?? w).split(" "))
    .map(root);
}

/** Clauses: "never configured it, but I use it daily" → two; a negation reaches to its clause's end. */
function clausesOf(text: string): string[][] {
  return text
    .replace(/\b(?:i[’']?d|would|i[’']?d really|would really) (?:like|love) to\b/gi, "want to")
    .split(/[,;.!?()]+|\b(?:but|though|although|however|except|whereas)\b/i)
    .map(wordsOf)
    .filter((c) => c.length > 0);
}

/** The option a typed answer names, or why none does. */
export function matchOption(q: AssessmentQuestion, typed: string): OptionMatch {
  // An answer is a sentence or two; the rest of a very long message is not read (bounded work).
  const text = typed.slice(0, MAX_ANSWER_CHARS);
  const t = simplify(text);
  if (t === "") return { problem: "no-match" };
  const numbered = /^(?:option |number |no |answer )?(\d{1,2})$/.exec(t) ?? /^#\s*(\d{1,2})$/.exec(text.trim());
  if (numbered && Number(numbered[1]) >= 1 && Number(numbered[1]) <= q.options.length) {
    return { option: q.options[Number(numbered[1]) - 1]!.id };
  }
  const ordinal = /^(?:the )?(first|second|third|fourth|fifth|last)(?: one| option| answer)?$/.exec(t);
  if (ordinal) {
    const n = ordinal[1] === "last" ? q.options.length : ORDINALS[ordinal[1]!]!;
    if (n <= q.options.length) return { option: q.options[n - 1]!.id };
  }
  const exact = q.options.find((o) => simplify(o.label) === t || o.id === t);
  if (exact) return { option: exact.id };
  if (q.years) {
    const years = yearsIn(text, q.options.length);
    const found = years && optionForYears(q, years);
    if (found) return found;
  }
  return byPhrases(q, text);
}

interface Hit {
  option: string;
  phrase: string;
  clause: number;
  start: number;
  end: number;
}

/** Every phrase of every option found in the text, as whole words, not negated, not inside a longer one. */
function hitsIn(q: AssessmentQuestion, text: string): Hit[] {
  const clauses = clausesOf(text);
  const hits: Hit[] = [];
  for (const o of q.options) {
    for (const phrase of o.match) {
      const words = wordsOf(phrase);
      if (words.length === 0) continue;
      clauses.forEach((c, clause) => {
        for (let start = 0; start + words.length <= c.length; start++) {
          if (!words.every((w, k) => c[start + k] === w)) continue;
          const negated =
            !words.some((w) => NEGATORS.has(w) || PENDING.has(w) || w === "no") &&
            (c.slice(Math.max(0, start - NEGATION_REACH), start).some((w) => NEGATORS.has(w)) ||
              c.slice(0, start).some((w) => PENDING.has(w)));
          if (!negated) hits.push({ option: o.id, phrase: words.join(" "), clause, start, end: start + words.length });
        }
      });
    }
  }
  return hits.filter(
    (h) =>
      !hits.some(
        (l) => l.clause === h.clause && l.start <= h.start && l.end >= h.end && l.end - l.start > h.end - h.start,
      ),
  );
}

function byPhrases(q: AssessmentQuestion, text: string): OptionMatch {
  const support = new Map<string, Set<string>>();
  for (const h of hitsIn(q, text)) support.set(h.option, (support.get(h.option) ?? new Set()).add(h.phrase));
  const strong = (id: string) => [...support.get(id)!].some((p) => !WEAK.has(p));
  const anyStrong = [...support.keys()].some(strong);
  const subset = (x: Set<string>, y: Set<string>) => x.size < y.size && [...x].every((p) => y.has(p));
  const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((p) => y.has(p));
  const left = q.options.filter((o) => {
    const mine = support.get(o.id);
    if (!mine || (anyStrong && !strong(o.id))) return false;
    return ![...support.entries()].some(([other, theirs]) => other !== o.id && subset(mine, theirs));
  });
  if (left.length === 0) return { problem: "no-match" };
  const ranked = [...left].sort((x, y) => y.points - x.points);
  const top = ranked[0]!;
  const twin = ranked.find((o) => o !== top && same(support.get(o.id)!, support.get(top.id)!));
  const other = twin ?? (ranked.length > 1 && ALTERNATIVES.test(simplify(text)) ? ranked[1] : undefined);
  if (other) return { problem: "ambiguous", between: inOrder(q, other.id, top.id) };
  return { option: top.id };
}

function inOrder(q: AssessmentQuestion, a: string, b: string): [string, string] {
  const index = (id: string) => q.options.findIndex((o) => o.id === id);
  return index(a) < index(b) ? [a, b] : [b, a];
}
