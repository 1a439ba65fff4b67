import { describe, expect, it } from "vitest";
import { typedToPlain } from "../../src/channels/typed.ts";
import { MAX_INPUT_CHARS, MAX_TOKENS, normalize, tokenize } from "../../src/core/router/normalize.ts";

describe("normalize", () => {
  it.each([
    ["plain case", "What Does A Director EARN?", "what does a director earn"],
    ["emoji shortcodes", ":thinking_face: salary :flag-gb: :+1:", "salary"],
    ["NFKC full-width", "ｓａｌａｒｙ", "salary"],
    ["curly quotes and apostrophes", "what\u2019s a \u201cCX director\u201d", "whats a cx director"],
    ["diacritics", "résumé skills for a directeur à Montréal", "resume skills for a directeur a montreal"],
    ["repeated punctuation", "salary???!!! uk...", "salary uk"],
    ["pound sign", "£70k?", "gbp 70k"],
    ["Canadian dollars", "C$115,000", "cad 115 000"],
    ["percent", "70.2% bachelor", "70 2 percent bachelor"],
    ["bare URL", "look at https://x.io/a?b=c then tell me", "look at then tell me"],
    ["empty", "   ", ""],
    ["backtick apostrophe (ASCII fast path)", "it`s a director`s job", "its a directors job"],
    ["ligature and umlauts (Unicode path)", "Ünïcödé \ufb01nance", "unicode finance"],
    ["hashtags dropped, a number sign kept", "a business degree? #careerchange #1 tip", "a business degree 1 tip"],
    ["a number with -ish", "a 9-to-5ish job, 40ish hours", "a 9 to 5 job 40 hours"],
  ])("%s", (_name, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  // Platform markup never reaches the core: the adapters remove it, and typedToPlain for the CLI and eval sets.
  it.each([
    ["Slack user mention", "<@U024BE7LH> salary uk", "salary uk"],
    ["Slack mention with name", "<@U024BE7LH|ana> salary", "salary"],
    ["Slack channel keeps its name", "see <#C123ABC|careers> pls", "see careers pls"],
    ["Slack link keeps its label", "read <https://example.com/x?a=1|this guide> first", "read this guide first"],
    ["Slack bare link is dropped", "read <https://example.com/x> first", "read first"],
    ["Slack broadcast", "<!here> kpis?", "kpis"],
    ["Slack user group", "<!subteam^S123|@support> skills", "skills"],
    ["Teams mention", "<at>careerfaq</at> what is the salary", "what is the salary"],
    ["Teams HTML", "<p>salary<br/>in <b>canada</b></p>", "salary in canada"],
    ["HTML entities", "pay &amp; bonuses &lt;uk&gt; &#39;now&#39; &#x41;", "pay and bonuses uk now a"],
    ["only markup", "<@U1> <!channel> :wave:", ""],
  ])("%s, removed at the edge", (_name, input, expected) => {
    expect(normalize(typedToPlain(input))).toBe(expected);
  });

  it("reads at most MAX_INPUT_CHARS of a huge message", () => {
    const huge = `salary uk ${"x".repeat(100_000)}`;
    const out = normalize(huge);
    expect(out.startsWith("salary uk")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });

  it("keeps at most MAX_TOKENS tokens", () => {
    expect(tokenize(normalize("word ".repeat(1000)))).toHaveLength(MAX_TOKENS);
  });

  it("survives binary and control characters", () => {
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i % 256));
    expect(() => normalize(binary)).not.toThrow();
    expect(normalize("\u0000\u0001salary\uFFFD\uD800 uk")).toBe("salary uk");
  });
});
