/**
 * Normalisation: emoji shortcodes, Unicode (NFKC, curly quotes, diacritics), case and punctuation,
 * so that every later step sees plain lower-case words. Platform markup (mentions, tags, entities)
 * never gets here: the adapters remove it (src/channels).
 *
 * The input is cut to MAX_INPUT_CHARS before any work, so a 40,000-character message costs about
 * what a short one does.
 */

/** Characters of raw input read; the rest of a longer message is ignored. */
export const MAX_INPUT_CHARS = 1500;
/** Tokens kept after normalisation. */
export const MAX_TOKENS = 120;

const CURLY: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u00b4": "'",
  "`": "'",
};

/** Any character outside ASCII (UTF-16 code units, so astral characters match too). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Full normalisation to a lower-case string of words separated by single spaces.
 * Currency signs become words the slot extractor knows (£ → gbp, € → eur, C$ → cad); % → percent.
 */
export function normalize(raw: string): string {
  let s = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  // Links and emoji shortcodes such as :thinking_face: or :+1: (both have a colon, most messages none).
  if (s.includes(":")) s = s.replace(/https?:\/\/\S+/gi, " ").replace(/:[a-z0-9_+-]{1,40}:/gi, " ");
  // Plain ASCII (most messages, and all of our own content) has nothing for NFKC or NFD to do.
  if (!NON_ASCII.test(s)) s = s.replace(/`/g, "'").toLowerCase();
  else {
    s = s.normalize("NFKC").replace(/[\u2018\u2019\u201b\u2032\u201c\u201d\u00b4`]/g, (c) => CURLY[c] ?? c);
    s = s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
  }
  // Most messages have none of the characters these steps rewrite; without them the steps change
  // nothing that the last one keeps (repeated punctuation becomes a single space either way).
  if (REWRITTEN.test(s)) s = rewriteSigns(s);
  // "9-to-5ish", "40ish": about the number.
  if (s.includes("ish")) s = s.replace(/(\d)ish\b/g, "$1");
  return s.replace(/[^a-z0-9]+/g, " ").trim();
}

/** Characters that rewriteSigns reads: currency signs, %, &, a slash, an apostrophe, ß, #. */
const REWRITTEN = /[$£€%&/'ß#]/;

/**
 * Currency signs and symbols to words, apostrophes inside words dropped ("don't" → "dont"). Each
 * step runs only when the text has its sign (most messages have an apostrophe and nothing else).
 */
function rewriteSigns(text: string): string {
  let s = text.replace(/([!?.,;:])\1+/g, "$1");
  if (s.includes("$")) s = s.replace(/\bc\s?\$|\bca\$|\bcad\$/g, " cad ");
  if (s.includes("£")) s = s.replace(/£/g, " gbp ");
  if (s.includes("€")) s = s.replace(/€/g, " eur ");
  if (s.includes("%")) s = s.replace(/%/g, " percent ");
  if (s.includes("&")) s = s.replace(/&/g, " and ");
  if (s.includes("w/")) s = s.replace(/\bw\//g, "with ");
  if (s.includes("'")) s = s.replace(/(\w)'(\w)/g, "$1$2");
  if (s.includes("ß")) s = s.replace(/ß/g, "ss");
  // "#careerchange": a tag on the message, not a word of the question.
  if (s.includes("#")) s = s.replace(/#[a-z]\w*/g, " ");
  return s;
}

/** Splits normalised text into at most MAX_TOKENS tokens. */
export function tokenize(normalized: string): string[] {
  if (normalized === "") return [];
  const tokens = normalized.split(" ");
  return tokens.length > MAX_TOKENS ? tokens.slice(0, MAX_TOKENS) : tokens;
}
