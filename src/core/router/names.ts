/** Words as the analyser sees them, and the words of a message written as names. */

/** Letters with marks (most messages have none). */
const ACCENTED = /[\u00c0-\u024f]/;

/** Lower case, apostrophes dropped, everything else between words a single space: the analyser's words. */
export function plain(text: string): string {
  // "Medellín" is "medellin", as normalize reads it.
  const folded = ACCENTED.test(text) ? text.normalize("NFD").replace(/\p{M}+/gu, "") : text;
  const lower = folded.toLowerCase();
  // Most texts have no apostrophe to drop.
  const joined = lower.includes("'") || lower.includes("\u2019") ? lower.replace(/['\u2019]/g, "") : lower;
  return joined.replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * Words written as names: capitalised inside a sentence, or in capitals (two letters or more). The
 * analyser and the decline check both ask of the same message: the last text's names are kept.
 */
export function namesIn(text: string): ReadonlySet<string> {
  if (text !== lastText) {
    lastNames = readNames(text);
    lastText = text;
  }
  return lastNames;
}

let lastText: string | undefined;
let lastNames: ReadonlySet<string> = new Set();

function readNames(text: string): Set<string> {
  const names = new Set<string>();
  let sentenceStart = true;
  // One pass over the characters: words are [A-Za-z0-9][A-Za-z0-9'’]*, and . ? ! : or a newline ends a
  // sentence. Only a word that starts with a capital is sliced out (most words are not).
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isAlphanumeric(c)) {
      if (c === 46 || c === 63 || c === 33 || c === 58 || c === 10) sentenceStart = true;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isWordPart(text.charCodeAt(end))) end++;
    if (c >= 65 && c <= 90) {
      const w = text.slice(i, end);
      // Capitalised inside a sentence, or in capitals anywhere ("NPS"): no lower-case letter at all.
      if (!sentenceStart || (w.length > 1 && w === w.toUpperCase())) names.add(plain(w));
    }
    sentenceStart = false;
    i = end;
  }
  return names;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A letter, a digit or an apostrophe (straight or curly): what a word goes on with. */
function isWordPart(c: number): boolean {
  return isAlphanumeric(c) || c === 39 || c === 0x2019;
}

/** The word a source is named by in questions: "zippia" for "Zippia (2025)", "cityjobs", "jobdescription". */
export function sourceWord(short: string): string {
  return short.toLowerCase().split(/[^a-z0-9]+/)[0] ?? short;
}
