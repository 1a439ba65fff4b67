/**
 * Normalisation: platform markup, HTML entities, emoji shortcodes, Unicode (NFKC, curly quotes,
 * diacritics), case and punctuation, so that every later step sees plain lower-case words.
 *
 * The input is cut to MAX_INPUT_CHARS before any work, so a 40,000-character message costs about
 * what a short one does.
 */

/** Characters of raw input read; the rest of a longer message is ignored. */
export const MAX_INPUT_CHARS = 1500;
/** Tokens kept after normalisation. */
export const MAX_TOKENS = 120;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    if (lower.startsWith("#x")) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith("#")) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Removes Slack and Teams markup, keeping the human-readable part of links and channel names. */
export function stripMarkup(s: string): string {
  return (
    s
      // Teams: <at>Bot Name</at> is a mention; drop it whole.
      .replace(/<at>[^<]{0,200}<\/at>/gi, " ")
      // Slack: <@U123> / <@U123|name>, <!here>, <!subteam^S1|@team>, <!date^…|fallback>.
      .replace(/<[@!][^>]{0,300}>/g, " ")
      // Slack: <#C123|general> keeps the name.
      .replace(/<#[A-Z0-9]+\|([^>]{0,200})>/gi, " $1 ")
      .replace(/<#[A-Z0-9]+>/gi, " ")
      // Slack links: <https://x|label> keeps the label; <https://x> and <mailto:x> go.
      .replace(/<(?:https?|mailto|tel):[^|>]{0,500}\|([^>]{0,300})>/gi, " $1 ")
      .replace(/<(?:https?|mailto|tel):[^>]{0,500}>/gi, " ")
      // Any other HTML-ish tag (Teams sends <p>, <div>, <br>).
      .replace(/<\/?[a-z][^>]{0,200}>/gi, " ")
  );
}

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

/**
 * Full normalisation to a lower-case string of words separated by single spaces.
 * Currency signs become words the slot extractor knows (£ → gbp, € → eur, C$ → cad); % → percent.
 */
export function normalize(raw: string): string {
  let s = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  s = stripMarkup(s);
  s = decodeEntities(s);
  s = s.replace(/https?:\/\/\S+/gi, " ");
  // Emoji shortcodes such as :thinking_face: or :+1:
  s = s.replace(/:[a-z0-9_+-]{1,40}:/gi, " ");
  s = s.normalize("NFKC").replace(/[\u2018\u2019\u201b\u2032\u201c\u201d\u00b4`]/g, (c) => CURLY[c] ?? c);
  s = s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  s = s
    .replace(/([!?.,;:])\1+/g, "$1")
    .replace(/\bc\s?\$|\bca\$|\bcad\$/g, " cad ")
    .replace(/£/g, " gbp ")
    .replace(/€/g, " eur ")
    .replace(/%/g, " percent ")
    .replace(/&/g, " and ")
    .replace(/\bw\//g, "with ")
    .replace(/(\w)'(\w)/g, "$1$2")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return s;
}

/** Splits normalised text into at most MAX_TOKENS tokens. */
export function tokenize(normalized: string): string[] {
  if (normalized === "") return [];
  const tokens = normalized.split(" ");
  return tokens.length > MAX_TOKENS ? tokens.slice(0, MAX_TOKENS) : tokens;
}
