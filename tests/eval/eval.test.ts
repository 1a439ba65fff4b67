/**
 * The floor on our labelled sets: the lead score in scope (answered, every expected fact within the
 * first 400 characters) and the share of out-of-scope questions declined. `npm run eval` prints the
 * full report, the reply lengths and (with --sweep) the threshold sweep.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asker } from "../../src/cli/eval.ts";
import { normalizeExample } from "../../src/content/check.ts";
import { evaluateDialogues, loadDialogues } from "../../src/eval/dialogues.ts";
import { evaluate, loadEvalSet } from "../../src/eval/evaluate.ts";
import { testCatalog, testEngine } from "../helpers/engine.ts";

const SETS = [
  "questions.yml",
  "holdout.yml",
  "unseen.yml",
  "tuning.yml",
  ...["a", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"].map(
    (set) => `blind-${set}.yml`,
  ),
];
/** Floors: lead score in scope, share declined out of scope, median reply length (characters). */
const FLOOR = { lead: 0.93, declined: 0.93, medianLength: 600 };
const DIALOGUE_SETS = ["a", "c", "d", "n", "o", "p", "tuning"].map((set) => `dialogues-${set}.yml`);
/** Floors for conversations: follow-up turns right, whole conversations right. */
const DIALOGUE_FLOOR = { followUps: 0.92, dialogues: 0.88 };

describe.each(SETS)("eval set %s", (file) => {
  const cases = loadEvalSet(join(import.meta.dirname, file));

  it("is a real set: labelled facts for every in-scope question, none copied from intents/", () => {
    const examples = new Set(testCatalog().intents.flatMap((i) => i.examples.map(normalizeExample)));
    expect(cases.filter((c) => examples.has(normalizeExample(c.q))).map((c) => c.q)).toEqual([]);
    expect(cases.filter((c) => c.intent).every((c) => (c.expect ?? []).length > 0)).toBe(true);
  });

  it(`meets the floor: lead ≥ ${FLOOR.lead}, declined ≥ ${FLOOR.declined}, median reply ≤ ${FLOOR.medianLength}`, () => {
    const report = evaluate(asker(testEngine()), cases, false);
    const misses = report.results.filter((r) => !r.lead).map((r) => `${r.case.q} → ${r.outcome} ${r.intent}`);
    expect(report.inScope.lead / report.inScope.total, misses.join("\n")).toBeGreaterThanOrEqual(FLOOR.lead);
    expect(report.outOfScope.declined / report.outOfScope.total, misses.join("\n")).toBeGreaterThanOrEqual(
      FLOOR.declined,
    );
    expect(report.lengths.p50).toBeLessThanOrEqual(FLOOR.medianLength);
  });
});

it("the development set has at least 200 questions, 50 of them out of scope", () => {
  const cases = loadEvalSet(join(import.meta.dirname, "questions.yml"));
  expect(cases.length).toBeGreaterThanOrEqual(200);
  expect(cases.filter((c) => !c.intent).length).toBeGreaterThanOrEqual(50);
});

describe.each(DIALOGUE_SETS)("dialogue set %s", (file) => {
  it(`meets the floor: follow-up turns ≥ ${DIALOGUE_FLOOR.followUps}, whole conversations ≥ ${DIALOGUE_FLOOR.dialogues}`, () => {
    const engine = testEngine();
    const report = evaluateDialogues(
      (text, previous) => engine.converse(text, previous),
      loadDialogues(join(import.meta.dirname, file)),
    );
    const misses = report.results
      .filter((t) => !t.correct)
      .map((t) => `[${t.dialogue}] ${t.q} → ${t.outcome} ${t.intent}`);
    expect(report.followUps.correct / report.followUps.total, misses.join("\n")).toBeGreaterThanOrEqual(
      DIALOGUE_FLOOR.followUps,
    );
    expect(report.dialogues.correct / report.dialogues.total, misses.join("\n")).toBeGreaterThanOrEqual(
      DIALOGUE_FLOOR.dialogues,
    );
  });
});
