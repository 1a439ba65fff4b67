import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WordGate, wordsNeeded } from "../../src/core/router/gate.ts";
import { normalize } from "../../src/core/router/normalize.ts";
import { buildVocabulary } from "../../src/core/router/vocabulary.ts";
import { isDialogueSet } from "../../src/eval/dialogues.ts";
import { loadEvalSet } from "../../src/eval/evaluate.ts";
import { testCatalog } from "../helpers/engine.ts";

describe("wordsNeeded", () => {
  it.each([
    ["a word between boundaries", "\\bmedian\\b", [["median"]]],
    ["every word of a phrase", "\\bhow\\s+much\\b", [["much"], ["how"]]],
    ["an optional letter", "\\btools?\\b", [["tools", "tool"]]],
    ["a word one of whose edges is open needs nothing", "\\brecommend\\w*", []],
    ["one clause across alternatives", "\\bcv\\b|\\bresume\\b", [["cv", "resume"]]],
    ["an alternative that needs nothing", "\\bcv\\b|\\d+", []],
    ["an optional group needs nothing", "(\\bcv\\b)?x", []],
    ["a group repeated keeps its own words", "\\b(a (cv|resume) )+", [["cv", "resume"]]],
    ["words at the ends of the text", "^(what|who)$", [["what", "who"]]],
    ["a lookahead needs nothing", "^(?!.*\\bvs\\b).*\\bpay\\b", [["pay"]]],
    ["a separator class bounds a word", "x[ -]cost[ -]y", [["cost"]]],
    ["a backreference cannot be read", "\\b(a)\\1\\b", []],
  ])("%s", (_name, source, needs) => {
    expect(wordsNeeded(source).map((clause) => [...clause].sort())).toEqual(needs.map((clause) => [...clause].sort()));
  });
});

describe("WordGate", () => {
  const catalog = testCatalog();
  const sources = [...Object.values(catalog.lexicon.frames), ...Object.values(catalog.lexicon.unansweredForms)];
  const gate = new WordGate(sources);
  const patterns = sources.map((s) => new RegExp(s));

  /** Every pattern that matches a text is open for it. */
  function closedButMatching(texts: readonly string[]): string[] {
    const wrong: string[] = [];
    for (const text of texts) {
      const open = gate.open(text);
      patterns.forEach((p, k) => {
        if (!open[k] && p.test(text)) wrong.push(`${sources[k]!.slice(0, 40)} | ${text}`);
      });
    }
    return wrong;
  }

  it("never closes a lexicon pattern on an evaluation question or an example that it matches", () => {
    const dir = join(import.meta.dirname, "../eval");
    const questions = readdirSync(dir)
      .filter((f) => f.endsWith(".yml") && !isDialogueSet(f))
      .flatMap((f) => loadEvalSet(join(dir, f)))
      .map((c) => c.q);
    const examples = catalog.intents.flatMap((i) => [i.question, ...i.examples]);
    expect(closedButMatching([...questions, ...examples].map(normalize))).toEqual([]);
  });

  it("never closes a lexicon pattern on random strings of the patterns' own words", () => {
    const words = [...new Set(sources.join(" ").match(/[a-z0-9]+/g))];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const texts = Array.from({ length: 20_000 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 20) }, () => words[Math.floor(next() * words.length)]).join(" "),
    );
    expect(closedButMatching(texts)).toEqual([]);
  });

  it("opens the same patterns from a text's words as from the text", () => {
    const texts = ["how much does a director make", "", "what is the cost-benefit of an mba", "salary  uk"];
    for (const text of texts) expect(gate.openWords(text.match(/\w+/g) ?? [])).toEqual(gate.open(text));
  });

  it("opens a pattern only when one of its alternatives has all the words it needs", () => {
    const either = new WordGate(["\\bhow much\\b.*\\bmake\\b|\\bwhat\\b.*\\bearn\\b"]);
    expect(either.open("how much do they earn")[0]).toBe(false);
    expect(either.open("what do they earn")[0]).toBe(true);
    expect(either.open("how much do they make")[0]).toBe(true);
  });

  it("reads words around other characters as the patterns do", () => {
    const [open] = new WordGate(["\\bcost\\b"]).open("the cost-benefit");
    expect(open).toBe(true);
    expect(new WordGate(["\\bcost\\b"]).open("the costs")[0]).toBe(false);
  });
});

describe("the vocabulary's tokens", () => {
  it("are plain words, so the frame gate reads the analyser's tokens without splitting their join", () => {
    const vocabulary = buildVocabulary(testCatalog());
    expect(vocabulary.plainTokens).toBe(true);
  });
});
