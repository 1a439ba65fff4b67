import { describe, expect, it } from "vitest";
import { normalize } from "../../src/core/router/normalize.ts";
import { TermIndex, termAsked } from "../../src/core/router/term.ts";
import { ask } from "../helpers/engine.ts";

const asked = (q: string) => termAsked(q, normalize(q));

describe("a question asking what a term means", () => {
  it.each([
    ["what's 'issue ownership'?", "issue ownership"],
    ["What is meant by cost-to-serve in this context?", "cost to serve"],
    ["what do they mean by customer-feedback loops in the scope list?", "customer feedback loops"],
    ["define escalation effectiveness", "escalation effectiveness"],
    ["what does “service economics” refer to in the manager vs director bit", "service economics"],
  ])("reads the term: %s", (question, term) => {
    expect(asked(question)).toBe(term);
  });

  it.each([
    "what's zippia's average salary?",
    "what do you mean by that?",
    "define director of customer care",
    "what does a team mean",
    "what is the salary in the uk",
  ])("finds no term where none is asked: %s", (question) => {
    expect(asked(question)).toBeNull();
  });

  it("looks the term up as whole words, singular or plural, and gives up when too many facts use it", () => {
    const index = new TermIndex([
      { text: "Learning loops matter." },
      { text: "A learning loop closes." },
      { text: "Cost leverage is one reason." },
    ]);
    expect(index.using("cost leverage").map((f) => f.text)).toEqual(["Cost leverage is one reason."]);
    expect(index.using("learning loop")).toHaveLength(1);
    expect(index.using("leverag")).toEqual([]);
    expect(index.using("learning loop", 0)).toEqual([]);
  });

  it("answers with the fact that uses the term, whatever topic the question leans to", () => {
    const { outcome, text } = ask("what's 'issue ownership'?");
    expect(outcome).toBe("answer");
    expect(text.split("\n")[0]).toMatch(/issue ownership/);
    expect(text).toMatch(/Source: PlaySupplyChain/);
  });
});
