/** Scoring against profiles computed by hand from data/assessment.yml's points and weights. */
import { describe, expect, it } from "vitest";
import { SKIPPED, scoreAnswers, toRecord } from "../../src/core/assessment/scoring.ts";
import { testCatalog } from "../helpers/engine.ts";

const a = testCatalog().assessment;
const all = (pick: (options: readonly { id: string; points: number }[]) => string) =>
  Object.fromEntries(a.questions.map((q) => [q.id, pick(q.options)]));

describe("scoreAnswers", () => {
  it("every top answer scores 100: ready now, no gaps", () => {
    const s = scoreAnswers(
      a,
      all((o) => [...o].sort((x, y) => y.points - x.points)[0]!.id),
    );
    expect(s).toMatchObject({ score: 100, band: { id: "ready" }, gaps: [] });
  });

  it("every lowest answer scores 0: building foundations", () => {
    const s = scoreAnswers(
      a,
      all((o) => [...o].sort((x, y) => x.points - y.points)[0]!.id),
    );
    expect(s.score).toBe(0);
    expect(s.band.id).toBe("foundations");
    expect(s.gaps.map((g) => g.id)).toEqual(["leadership-experience", "kpis-data", "service-experience"]);
  });

  it("a mixed profile, computed by hand; the skipped question is left out", () => {
    // weights: service 2, leadership 3, education 1, crm 1, kpis 2, budgets 1, vendors 1, coaching 1, cross 1, escalations 1, strategy 2
    // budgets skipped: left out, weights 16 - 1 = 15
    // earned/possible: 2/3, 2/4, 3/4, 2/4, 2/3, (skipped), 1/3, 2/3, 2/3, 1/3, 1/3
    // weighted sum = 4/3 + 3/2 + 3/4 + 1/2 + 4/3 + 1/3 + 2/3 + 2/3 + 1/3 + 2/3 = 8.0833…; 100 × 8.0833 / 15 = 53.9 → 54
    const s = scoreAnswers(a, {
      "service-years": "y5-9",
      "lead-years": "y2-3",
      degree: "related",
      crm: "reports",
      kpis: "report",
      budget: "skip",
      vendors: "contact",
      coaching: "regular",
      cross: "projects",
      escalation: "resolve",
      strategy: "ideas",
    });
    expect(s.score).toBe(54);
    expect(s.band.id).toBe("soon");
    const dims = Object.fromEntries(s.dimensions.map((d) => [d.id, d.score]));
    expect(dims).toMatchObject({
      "service-experience": 67,
      "leadership-experience": 50,
      education: 75,
      strategy: 33,
    });
    expect(s.dimensions.find((d) => d.id === "budgets")).toMatchObject({ answered: false, possible: 0 });
    expect(s.notAnswered).toEqual(["budget"]);
    // weighted shortfall: leadership 3×50 = 150, strategy 2×67 = 134, escalations 1×67 = 67 (= vendors; by id)
    expect(s.gaps.map((g) => g.id)).toEqual(["leadership-experience", "strategy", "escalations"]);
    expect(toRecord(a, "x", 0, s).dimensions).not.toHaveProperty("budgets");
  });

  it.each([
    ["every skippable question skipped, the rest at the top", "top"],
    ["every skippable question skipped, the rest at the bottom", "bottom"],
  ])("%s: skipped areas are not answered, never a 0%% gap", (_name, level) => {
    const answers = all(
      (o) => [...o].sort((x, y) => (level === "top" ? y.points - x.points : x.points - y.points))[0]!.id,
    );
    const skippable = a.questions.filter((q) => q.skippable);
    expect(skippable.length).toBeGreaterThan(0);
    for (const q of skippable) answers[q.id] = SKIPPED;
    const s = scoreAnswers(a, answers);
    expect(s.score).toBe(level === "top" ? 100 : 0);
    const unanswered = s.dimensions.filter((d) => !d.answered).map((d) => d.id);
    expect(unanswered.sort()).toEqual([...new Set(skippable.map((q) => q.dimension))].sort());
    for (const id of unanswered) expect(s.gaps.map((g) => g.id)).not.toContain(id);
    expect(s.notAnswered).toEqual(skippable.map((q) => q.id));
    if (level === "bottom") expect(s.gaps).toHaveLength(3);
  });

  it("a skipped question in a dimension with others counts only the answered ones", () => {
    // Two questions on one dimension: the second skipped. The dimension scores the first alone.
    const budget = a.questions.find((q) => q.id === "budget")!;
    const twin = { ...budget, id: "budget-2" };
    const b = { ...a, questions: [...a.questions, twin] };
    const s = scoreAnswers(b, { budget: "team", "budget-2": SKIPPED });
    expect(s.dimensions.find((d) => d.id === "budgets")).toMatchObject({
      answered: true,
      earned: 2,
      possible: 3,
      score: 67,
    });
    expect(s.notAnswered).toContain("budget-2");
  });
});
