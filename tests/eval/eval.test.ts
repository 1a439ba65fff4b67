/**
 * The accuracy floor on our labelled sets: at least 90% in scope (answered with every expected fact)
 * and 90% out of scope (not answered). `npm run eval` prints the full report and the sweep.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeExample } from "../../src/content/check.ts";
import { evaluate, loadEvalSet } from "../../src/eval/evaluate.ts";
import { testCatalog, testEngine } from "../helpers/engine.ts";

const SETS = ["questions.yml", "holdout.yml", "unseen.yml"];

describe.each(SETS)("eval set %s", (file) => {
  const cases = loadEvalSet(join(import.meta.dirname, file));

  it("is a real set: labelled facts for every in-scope question, none copied from intents/", () => {
    const examples = new Set(testCatalog().intents.flatMap((i) => i.examples.map(normalizeExample)));
    expect(cases.filter((c) => examples.has(normalizeExample(c.q))).map((c) => c.q)).toEqual([]);
    expect(cases.filter((c) => c.intent).every((c) => (c.expect ?? []).length > 0)).toBe(true);
  });

  it("meets the 90% floor in scope and out of scope", () => {
    const report = evaluate(testEngine(), cases);
    const misses = report.results.filter((r) => !r.correct).map((r) => `${r.case.q} → ${r.outcome} ${r.intent ?? ""}`);
    expect(report.inScope.correct / report.inScope.total, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(report.outOfScope.rejected / report.outOfScope.total, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
});

it("the development set has at least 200 questions, 50 of them out of scope", () => {
  const cases = loadEvalSet(join(import.meta.dirname, "questions.yml"));
  expect(cases.length).toBeGreaterThanOrEqual(200);
  expect(cases.filter((c) => !c.intent).length).toBeGreaterThanOrEqual(50);
});
