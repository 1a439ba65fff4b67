/**
 * A fact's text as the matching code reads it: its figures, and its words normalised as a question's
 * are (between spaces, for whole-word tests). Fact texts are a fixed set, so each is read once.
 */
import { type Figure, figuresIn } from "../knowledge/numbers.ts";
import { normalize } from "./normalize.ts";

export interface ReadText {
  figures: Figure[];
  /** The normalised words with a space at each end: ` ${normalize(text)} `. */
  plain: string;
  /** Its figures without the baselines it compares them with, once a claim has needed them. */
  own?: Figure[];
}

const READ = new Map<string, ReadText>();
/** Past this many texts (only tests pass others) the cache starts again. */
const MOST = 5000;

export function readText(text: string): ReadText {
  let r = READ.get(text);
  if (!r) {
    if (READ.size >= MOST) READ.clear();
    r = { figures: figuresIn(text), plain: ` ${normalize(text)} ` };
    READ.set(text, r);
  }
  return r;
}
