/** WordSet behaves as a read-only Set of the English dictionary, whatever is asked of it. */
import { describe, expect, it } from "vitest";
import { englishWords } from "../../src/content/artifacts.ts";
import { WordSet } from "../../src/content/word-set.ts";

const words = englishWords();
const set = WordSet.of(words);
/** As a start reads it: the lines the build wrote to dist/dictionary.txt. */
const fromLines = WordSet.fromLines(`${words.join("\n")}\n`);

describe("WordSet", () => {
  it("holds every word of the dictionary, once, in order", () => {
    expect(set.size).toBe(words.length);
    expect(words.every((w) => set.has(w))).toBe(true);
    expect([...set]).toEqual(words);
    expect([...fromLines]).toEqual(words);
    expect([...set.keys()].slice(0, 3)).toEqual(words.slice(0, 3));
    expect([...set.entries()][1]).toEqual([words[1], words[1]]);
  });

  it("answers no for what is not a word: near misses, prefixes, extensions, other alphabets, the empty string", () => {
    const plain = new Set(words);
    const probes = [
      "",
      "salari",
      "kpis",
      "directorx",
      "irector",
      "zzzz",
      "über",
      "日本",
      "a".repeat(100),
      ...words.slice(0, 2000).flatMap((w) => [`${w}q`, w.slice(1), w.toUpperCase()]),
    ];
    for (const probe of probes) {
      expect(set.has(probe), probe).toBe(plain.has(probe));
      expect(fromLines.has(probe), probe).toBe(plain.has(probe));
    }
  });

  it("counts duplicates once and works for an empty set", () => {
    const small = WordSet.of(["b", "a", "b"]);
    expect(small.size).toBe(2);
    expect([...small]).toEqual(["b", "a"]);
    const seen: string[] = [];
    small.forEach((value, key, owner) => {
      expect(owner).toBe(small);
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(["b=b", "a=a"]);
    const empty = WordSet.of([]);
    expect(empty.size).toBe(0);
    expect(empty.has("a")).toBe(false);
    expect(WordSet.fromLines("").size).toBe(0);
  });

  it("survives freezing, as the catalog does to it", () => {
    const frozen = Object.freeze(WordSet.of(["care", "director"]));
    expect(frozen.has("director")).toBe(true);
  });
});
