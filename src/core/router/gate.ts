/**
 * Which of a list of patterns could match a text, from the words the text has: most lexicon
 * patterns (question frames, unanswered forms) need a word such as "salary" or "certification"
 * written as a whole word, and most messages have none of them, so most patterns need not run.
 *
 * What each pattern needs is worked out from its source, once: for each of its top-level
 * alternatives, a list of clauses, each a set of words of which the text must have at least one as
 * a whole word (a maximal run of \w characters) for that alternative to match anywhere in it. The reading is conservative: whatever it does not
 * understand needs nothing, so a pattern is skipped only when it cannot match. Patterns are read
 * as compiled without flags (case-sensitive, ^ and $ at the ends of the text).
 */

/** A node of a parsed pattern. */
type Node =
  | { type: "char"; c: string }
  /** A set of characters (., \d, [ -]): whether it has word characters, and characters other than those. */
  | { type: "class"; word: boolean; other: boolean }
  /** Zero-width: ^, $, \b, \B, or a lookaround (which needs nothing here). */
  | { type: "assert"; kind: "^" | "$" | "b" | "B" | "look" }
  | { type: "group"; alts: Node[][] }
  | { type: "repeat"; node: Node; min: number; max: number };

/** Words a pattern needs: every clause must have one of its words in the text. */
export type Needs = string[][];

const WORD = /\w/;
/** Most clauses kept per node: enough to be selective, few enough to check cheaply. */
const MAX_CLAUSES = 3;
/** Most strings a run of literal items is expanded to. */
const MAX_STRINGS = 4096;

class Unsupported extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Node[][] {
    const alts = this.alternatives();
    if (this.at < this.src.length) throw new Unsupported(`unexpected ${this.src[this.at]}`);
    return alts;
  }

  private alternatives(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      const atom = this.atom();
      items.push(atom.type === "assert" ? atom : this.quantified(atom));
    }
    return items;
  }

  private atom(): Node {
    const c = this.src[this.at++]!;
    switch (c) {
      case "^":
        return { type: "assert", kind: "^" };
      case "$":
        return { type: "assert", kind: "$" };
      case ".":
        return { type: "class", word: true, other: true };
      case "[":
        return this.characterClass();
      case "(":
        return this.group();
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "]":
        throw new Unsupported(`stray ${c}`);
      default:
        return { type: "char", c };
    }
  }

  private group(): Node {
    if (this.src[this.at] !== "?") return this.closeGroup();
    const kind = this.src.slice(this.at, this.at + 3);
    if (kind.startsWith("?:")) {
      this.at += 2;
      return this.closeGroup();
    }
    if (kind.startsWith("?=") || kind.startsWith("?!") || kind === "?<=" || kind === "?<!") {
      this.at += kind.startsWith("?<") ? 3 : 2;
      this.closeGroup();
      return { type: "assert", kind: "look" };
    }
    const named = /^\?<[A-Za-z_$][\w$]*>/.exec(this.src.slice(this.at));
    if (!named) throw new Unsupported("group kind");
    this.at += named[0].length;
    return this.closeGroup();
  }

  private closeGroup(): Node {
    const alts = this.alternatives();
    if (this.src[this.at] !== ")") throw new Unsupported("unclosed group");
    this.at++;
    return { type: "group", alts };
  }

  private escape(): Node {
    const c = this.src[this.at++];
    if (c === undefined) throw new Unsupported("trailing backslash");
    switch (c) {
      case "b":
        return { type: "assert", kind: "b" };
      case "B":
        return { type: "assert", kind: "B" };
      case "d":
      case "w":
        return { type: "class", word: true, other: false };
      case "s":
      case "W":
        return { type: "class", word: false, other: true };
      case "D":
      case "S":
        return { type: "class", word: true, other: true };
      case "n":
      case "r":
      case "t":
      case "f":
      case "v":
      case "0":
        return { type: "char", c: " " };
      default:
        // Backreferences and code escapes (\1, \x41, \u0041, \cJ) could be anything: any characters, or none.
        if (/[1-9xuck]/.test(c)) throw new Unsupported(`escape \\${c}`);
        return { type: "char", c };
    }
  }

  private characterClass(): Node {
    let word = false;
    let other = false;
    const negated = this.src[this.at] === "^";
    if (negated) this.at++;
    let first = true;
    while (this.at < this.src.length && (this.src[this.at] !== "]" || first)) {
      first = false;
      let c = this.src[this.at++]!;
      if (c === "\\") {
        const e = this.src[this.at++];
        if (e === undefined || /[1-9xuck]/.test(e)) throw new Unsupported("class escape");
        if (/[dwsWDSnrtfvb0]/.test(e)) {
          // \d and \w are word characters, \s and \W others, \D and \S both; \b is a backspace here.
          if (/[dwDS]/.test(e)) word = true;
          if (!/[dw]/.test(e)) other = true;
          continue;
        }
        c = e;
      }
      if (this.src[this.at] === "-" && this.src[this.at + 1] !== "]" && this.at + 1 < this.src.length) {
        const hi = this.src[this.at + 1]!;
        if (hi === "\\") throw new Unsupported("class range escape");
        this.at += 2;
        for (let code = c.charCodeAt(0); code <= hi.charCodeAt(0); code++) {
          if (WORD.test(String.fromCharCode(code))) word = true;
          else other = true;
        }
        continue;
      }
      if (WORD.test(c)) word = true;
      else other = true;
    }
    if (this.src[this.at] !== "]") throw new Unsupported("unclosed class");
    this.at++;
    // A negated class holds nearly everything: read it as any character.
    return negated ? { type: "class", word: true, other: true } : { type: "class", word, other };
  }

  private quantified(node: Node): Node {
    const q = this.src[this.at];
    let min: number;
    let max: number;
    if (q === "*" || q === "+" || q === "?") {
      this.at++;
      [min, max] = q === "*" ? [0, Infinity] : q === "+" ? [1, Infinity] : [0, 1];
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) throw new Unsupported("brace");
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    } else return node;
    if (this.src[this.at] === "?") this.at++;
    return { type: "repeat", node, min, max };
  }
}

function canBeEmpty(n: Node): boolean {
  switch (n.type) {
    case "char":
    case "class":
      return false;
    case "assert":
      return true;
    case "group":
      return n.alts.some((alt) => alt.every(canBeEmpty));
    case "repeat":
      return n.min === 0 || canBeEmpty(n.node);
  }
}

/** Every non-empty match of `n` has a non-word character at its start ("left") or end ("right"). */
function edgeIsSeparator(n: Node, side: "left" | "right"): boolean {
  switch (n.type) {
    case "char":
      return !WORD.test(n.c);
    case "class":
      return !n.word;
    case "assert":
      return false;
    case "group":
      return n.alts.every((alt) => sequenceEdgeIsSeparator(alt, side));
    case "repeat":
      return edgeIsSeparator(n.node, side);
  }
}

function sequenceEdgeIsSeparator(items: readonly Node[], side: "left" | "right"): boolean {
  const order = side === "left" ? items : [...items].reverse();
  for (const n of order) {
    if (n.type === "assert") {
      if (n.kind === "look") continue;
      return false;
    }
    if (!edgeIsSeparator(n, side)) return false;
    if (!canBeEmpty(n)) return true;
  }
  return true;
}

/**
 * Whether the text has a word boundary just before items[i] (side "left") or just after it
 * ("right") whenever items[i] starts (ends) with a word character: a \b, an end of the text, or a
 * non-word character next to it. `outside` is the same, known from the enclosing sequence.
 */
function bounded(items: readonly Node[], i: number, side: "left" | "right", outside: boolean): boolean {
  const step = side === "left" ? -1 : 1;
  for (let j = i + step; j >= 0 && j < items.length; j += step) {
    const n = items[j]!;
    if (n.type === "assert") {
      if (n.kind === "b" || n.kind === (side === "left" ? "^" : "$")) return true;
      if (n.kind === "look") continue;
      return false;
    }
    if (!edgeIsSeparator(n, side === "left" ? "right" : "left")) return false;
    if (!canBeEmpty(n)) return true;
  }
  return outside;
}

/**
 * The strings `n` matches, with each non-word character written as a space, when they are few and
 * known (literal words, optional letters, separators); else null.
 */
function literals(n: Node): string[] | null {
  switch (n.type) {
    case "char":
      return [WORD.test(n.c) ? n.c : " "];
    case "class":
      return n.word ? null : [" "];
    case "assert":
      return null;
    case "group": {
      const out: string[] = [];
      for (const alt of n.alts) {
        const strings = sequenceLiterals(alt);
        if (!strings) return null;
        out.push(...strings);
        if (out.length > MAX_STRINGS) return null;
      }
      return out;
    }
    case "repeat": {
      // Separators repeated are still a separator, as far as words go.
      if (n.node.type === "class" && !n.node.word) return n.min === 0 ? ["", " "] : [" "];
      if (n.max > 1) return null;
      const inner = literals(n.node);
      if (!inner) return null;
      return n.min === 0 ? ["", ...inner] : inner;
    }
  }
}

function sequenceLiterals(items: readonly Node[]): string[] | null {
  let out = [""];
  for (const n of items) {
    const strings = literals(n);
    if (!strings) return null;
    out = product(out, strings);
    if (out.length > MAX_STRINGS) return null;
  }
  return out;
}

function product(left: readonly string[], right: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of left) for (const b of right) out.push(a + b);
  return out;
}

/** What a sequence needs: its literal runs' whole words, and what each group it cannot do without needs. */
function sequenceNeeds(items: readonly Node[], left: boolean, right: boolean): Needs {
  const needs: Needs = [];
  for (let i = 0; i < items.length; ) {
    if (literals(items[i]!) === null) {
      needs.push(...groupNeeds(items, i, left, right));
      i++;
      continue;
    }
    // A run of literal items, up to MAX_STRINGS strings: a longer one is read as several runs.
    let end = i;
    let strings = literals(items[i]!)!;
    while (end + 1 < items.length) {
      const next = literals(items[end + 1]!);
      if (!next || strings.length * next.length > MAX_STRINGS) break;
      strings = product(strings, next);
      end++;
    }
    needs.push(...runNeeds(strings, bounded(items, i, "left", left), bounded(items, end, "right", right)));
    i = end + 1;
  }
  return needs;
}

/** A group (or a repeated one) that must match at least once needs what all its alternatives need. */
function groupNeeds(items: readonly Node[], i: number, left: boolean, right: boolean): Needs {
  let n = items[i]!;
  let once = true;
  if (n.type === "repeat") {
    if (n.min === 0) return [];
    once = n.max === 1;
    n = n.node;
  }
  if (n.type !== "group") return [];
  // Inside a group matched more than once, the neighbours of one match may be the other matches.
  const l = once && bounded(items, i, "left", left);
  const r = once && bounded(items, i, "right", right);
  return anyOf(n.alts.map((alt) => sequenceNeeds(alt, l, r)));
}

/**
 * The whole words of a run of literals, each string written with spaces for separators: a word
 * inside the string is whole, one at its start or end only when the run is bounded there. Up to
 * MAX_CLAUSES clauses, each taking one word of every string, longest first (the rarer word).
 */
function runNeeds(strings: readonly string[], left: boolean, right: boolean): Needs {
  const wordsOf = strings.map((s) => {
    const parts = s.split(" ");
    return parts.filter((w, k) => w !== "" && (k > 0 || left) && (k < parts.length - 1 || right));
  });
  const needs: Needs = [];
  while (needs.length < MAX_CLAUSES && wordsOf.every((words) => words.length > 0)) {
    const clause = new Set<string>();
    for (const words of wordsOf) {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      clause.add(longest);
      words.splice(words.indexOf(longest), 1);
    }
    needs.push([...clause]);
  }
  return needs;
}

/**
 * What one of several alternatives needs: a clause that joins one clause of each (any such join is
 * needed), the smallest joins first.
 */
function anyOf(alternatives: readonly Needs[]): Needs {
  if (alternatives.length === 1) return alternatives[0]!;
  if (alternatives.some((needs) => needs.length === 0)) return [];
  let joins: Set<string>[] = [new Set()];
  for (const needs of alternatives) {
    const next: Set<string>[] = [];
    for (const join of joins) for (const clause of needs) next.push(new Set([...join, ...clause]));
    next.sort((a, b) => a.size - b.size);
    joins = dedupe(next).slice(0, 8);
  }
  return joins.slice(0, MAX_CLAUSES).map((join) => [...join]);
}

function dedupe(sets: readonly Set<string>[]): Set<string>[] {
  const seen = new Set<string>();
  return sets.filter((s) => {
    const key = [...s].sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words a pattern needs (see the module's comment); [] when it needs none or cannot be read. */
export function wordsNeeded(source: string): Needs {
  try {
    return anyOf(new Parser(source).parse().map((alt) => sequenceNeeds(alt, false, false)));
  } catch (e) {
    if (e instanceof Unsupported) return [];
    throw e;
  }
}

/**
 * What each top-level alternative of a pattern needs (as wordsNeeded reads one); a single
 * alternative that needs nothing when the pattern cannot be read.
 */
export function alternativesNeeded(source: string): Needs[] {
  try {
    return new Parser(source).parse().map((alt) => sequenceNeeds(alt, false, false));
  } catch (e) {
    if (e instanceof Unsupported) return [[]];
    throw e;
  }
}

/** Text made of words and single spaces only, as the analyser writes it: its words are what split gives. */
const PLAIN_WORDS = /^[\w ]*$/;
const WORDS = /\w+/g;

/** The patterns of a list that could match a text, worked out from the text's words. */
export class WordGate {
  /** Each word → the clauses it satisfies. */
  private readonly clausesOf = new Map<string, number[]>();
  // Each pattern's top-level alternatives, each as its clauses: a pattern matches only where one of
  // its alternatives does, so it is open when every clause of some alternative is met. (Joining the
  // alternatives into one list of clauses, as wordsNeeded does, keeps much less.) Clauses and
  // alternatives are numbered across the whole list.
  /** Each clause's alternative. */
  private readonly alternativeOf: Int32Array;
  /** Each alternative's pattern, and how many clauses it has. */
  private readonly patternOf: Int32Array;
  private readonly clauseCount: Int32Array;
  /** Patterns open whatever the text: an alternative of theirs needs no word. */
  private readonly alwaysOpen: readonly boolean[];
  /** Scratch for one call, left cleared: which clauses are met, how many of each alternative's are. */
  private readonly met: Uint8Array;
  private readonly metCount: Int32Array;
  /** The clauses one call met, to clear them after it. */
  private readonly metList: Int32Array;

  constructor(sources: readonly string[]) {
    const alternativeOf: number[] = [];
    const patternOf: number[] = [];
    const clauseCount: number[] = [];
    this.alwaysOpen = sources.map((source, pattern) => {
      let open = false;
      for (const needs of alternativesNeeded(source)) {
        const alternative = patternOf.push(pattern) - 1;
        clauseCount.push(needs.length);
        if (needs.length === 0) open = true;
        for (const clause of needs) {
          const id = alternativeOf.push(alternative) - 1;
          for (const word of clause) {
            const ids = this.clausesOf.get(word);
            if (ids) ids.push(id);
            else this.clausesOf.set(word, [id]);
          }
        }
      }
      return open;
    });
    this.alternativeOf = Int32Array.from(alternativeOf);
    this.patternOf = Int32Array.from(patternOf);
    this.clauseCount = Int32Array.from(clauseCount);
    this.met = new Uint8Array(alternativeOf.length);
    this.metList = new Int32Array(alternativeOf.length);
    this.metCount = new Int32Array(patternOf.length);
  }

  /** For each pattern, in order: false when the text lacks the words it needs (it cannot match). */
  open(text: string): boolean[] {
    return this.openWords(PLAIN_WORDS.test(text) ? text.split(" ") : (text.match(WORDS) ?? []));
  }

  /**
   * The same, from the text's words (its maximal runs of \w characters, in any order): callers that
   * already hold them (the analyser's tokens) save splitting the text again. Only the clauses the
   * words meet are visited: an alternative opens its pattern when the last of its clauses is met.
   */
  openWords(words: readonly string[]): boolean[] {
    const open = this.alwaysOpen.slice();
    let metCount = 0;
    for (const word of words) {
      const ids = this.clausesOf.get(word);
      if (!ids) continue;
      for (const id of ids) {
        if (this.met[id] === 1) continue;
        this.met[id] = 1;
        this.metList[metCount++] = id;
        const alternative = this.alternativeOf[id]!;
        const met = this.metCount[alternative]! + 1;
        this.metCount[alternative] = met;
        if (met === this.clauseCount[alternative]) open[this.patternOf[alternative]!] = true;
      }
    }
    for (let k = 0; k < metCount; k++) {
      const id = this.metList[k]!;
      this.met[id] = 0;
      this.metCount[this.alternativeOf[id]!] = 0;
    }
    return open;
  }
}
