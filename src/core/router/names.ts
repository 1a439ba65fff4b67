/** Words as the analyser sees them, and the words of a message written as names. */

/** Lower case, apostrophes dropped, everything else between words a single space: the analyser's words. */
export function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words written as names: capitalised inside a sentence, or in capitals (two letters or more). */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  let sentenceStart = true;
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9'\u2019]*|[.?!:\n]/g)) {
    const w = m[0];
    if (/^[.?!:\n]$/.test(w)) {
      sentenceStart = true;
      continue;
    }
    const capital = /^[A-Z]/.test(w);
    const caps = w.length > 1 && /[A-Z]/.test(w) && w === w.toUpperCase() && /^[A-Z]/.test(w);
    if ((capital && !sentenceStart) || caps) names.add(plain(w));
    sentenceStart = false;
  }
  return names;
}
