/**
 * "What does 'issue ownership' mean?", "what is meant by cost leverage?": a question asking what a
 * term means, answered with the facts that use the term, whatever topic the rest of the question
 * leans to. The term is read from the question's form or from quotation marks around it.
 */
import { readText } from "./fact-text.ts";
import { normalize } from "./normalize.ts";

/** The forms that ask for a meaning; the term is the group that matched, before any "in the article…". */
const MEANING = new RegExp(
  "^(?:(?:so|and|ok|okay|hey|quick q|q|sorry|also) )?(?:" +
    [
      "what (?:does|do|did) (?:the (?:term|phrase|word|expression) )?(.+?) (?:mean|means|stand for|refer to)",
      "what (?:is|s|are) meant by (.+?)",
      "what (?:do|does|did) (?:they|you|it|he|she|the \\w+|\\w+) mean by (.+?)",
      "(?:define|definition of|meaning of|explain the term) (.+?)",
    ].join("|") +
    ")(?: (?:in|when|for|here|there|on|exactly|from|as|according|within|inside|if|with)\\b.*)?$",
);
/** Words every meaning form has. */
const MAY_ASK_MEANING = /\b(mean|means|meant|stand for|refer to|define|definition|meaning|explain the term)\b/;
/** Quotation marks of any kind. */
const MAY_QUOTE = /['"\u2018\u201c]/;
/** Words in quotation marks, not apostrophes: "what's 'cost leverage' in the trade-off?". */
export const QUOTED = /(?<![A-Za-z])['"\u2018\u201c]([^'"\u2018\u2019\u201c\u201d?]{3,60})['"\u2019\u201d](?![A-Za-z])/;
/** A quoted term counts when the question asks what it is or means. */
const ASKS_WHAT = /^(?:\w+ ){0,3}(?:what|whats|meaning|define|explain)\b|\bmean\b|\bmeans\b/;
/** Words that are no term of their own. */
const NO_TERM =
  /^(?:a|an|the|of|and|or|for|to|in|it|that|this|they|them|he|she|you|i|we|so|my|our|your|their|customer|customers|care|service|support|cs|cx|director|directors|dir|ccd|csd|head|role|job)$/;

/** The normalised term a question asks the meaning of, or null. */
export function termAsked(raw: string, normalized: string): string | null {
  // Most messages ask no meaning: a look for the words first, before the form's backtracking.
  const form = MAY_ASK_MEANING.test(normalized) ? MEANING.exec(normalized) : null;
  const fromForm = form?.slice(1).find((g) => g !== undefined);
  const quoted = fromForm || !MAY_QUOTE.test(raw) ? undefined : QUOTED.exec(raw)?.[1];
  const term = fromForm ?? (quoted && ASKS_WHAT.test(normalized) ? normalize(quoted) : undefined);
  if (!term) return null;
  const words = term.replace(/^(?:a|an|the) /, "").split(" ");
  const content = words.filter((w) => !NO_TERM.test(w));
  // One word is a term only when it is long enough to be specific ("nearshore", not "team").
  if (content.length === 0 || words.length > 5 || (words.length === 1 && words[0]!.length < 6)) return null;
  return words.join(" ");
}

/** Facts' texts, normalised, searched for a term as whole words (by the facts holding its first word). */
export class TermIndex<F extends { text: string }> {
  private readonly byWord = new Map<string, { fact: F; text: string }[]>();

  constructor(facts: readonly F[]) {
    for (const fact of facts) {
      const text = readText(fact.text).plain;
      for (const word of new Set(text.trim().split(" "))) {
        const list = this.byWord.get(word);
        if (list) list.push({ fact, text });
        else this.byWord.set(word, [{ fact, text }]);
      }
    }
  }

  /** The facts using the term (or its singular or plural), when few enough to say what it means; else none. */
  using(term: string, most = 3): F[] {
    for (const form of [term, term.endsWith("s") ? term.slice(0, -1) : `${term}s`]) {
      const needle = ` ${form} `;
      const space = form.indexOf(" ");
      const first = space < 0 ? form : form.slice(0, space);
      const found = (this.byWord.get(first) ?? []).filter((t) => t.text.includes(needle)).map((t) => t.fact);
      if (found.length > 0) return found.length <= most ? found : [];
    }
    return [];
  }
}
