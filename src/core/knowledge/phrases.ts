/**
 * Facts' keys of several words ("strategy in itself", "trade off leader"), found whole in a question:
 * a phrase says more than its words apart, so the fact index weighs it as one term of its own.
 */
import { stem } from "./index.ts";

/** The index term of a phrase of stemmed words: "~strategy in itself". */
const termOf = (words: readonly string[]): string => `~${words.join(" ")}`;

export class Phrases {
  /** Each phrase's stemmed words, by its first word. */
  private readonly byFirst = new Map<string, string[][]>();

  /** The index term of a key, when it is a phrase of at least two words (normalised text). */
  add(normalized: string): string | undefined {
    const words = normalized.split(" ").filter(Boolean).map(stem);
    if (words.length < 2) return undefined;
    const list = this.byFirst.get(words[0]!) ?? [];
    if (!list.some((p) => p.join(" ") === words.join(" "))) list.push(words);
    this.byFirst.set(words[0]!, list);
    return termOf(words);
  }

  /**
   * The index terms of the phrases a question contains, given its normalised words (the analysis has
   * them). A word is stemmed where it is read: most words start no phrase, so the words after them
   * are never needed.
   */
  in(words: readonly string[]): string[] {
    const found: string[] = [];
    if (this.byFirst.size === 0) return found;
    for (let i = 0; i < words.length; i++) {
      const phrases = this.byFirst.get(stem(words[i]!));
      if (!phrases) continue;
      for (const p of phrases) {
        let j = 1;
        while (j < p.length && i + j < words.length && stem(words[i + j]!) === p[j]) j++;
        if (j === p.length) found.push(termOf(p));
      }
    }
    return found;
  }
}
