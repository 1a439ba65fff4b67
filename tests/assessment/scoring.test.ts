/** Scoring against profiles computed by hand from data/assessment.yml's points and weights. */
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "../../src/core/assessment/scoring.ts";
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

  it("a mixed profile, computed by hand", () => {
    // weights: service 2, leadership 3, education 1, crm 1, kpis 2, budgets 1, vendors 1, coaching 1, cross 1, escalations 1, strategy 2 (16)
    // earned/possible: 2/3, 2/4, 3/4, 2/4, 2/3, skip 0/3, 1/3, 2/3, 2/3, 1/3, 1/3
    // weighted sum = 4/3 + 3/2 + 3/4 + 1/2 + 4/3 + 0 + 1/3 + 2/3 + 2/3 + 1/3 + 2/3 = 8.0833…; 100 × 8.0833 / 16 = 50.5 → 51
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
    expect(s.score).toBe(51);
    expect(s.band.id).toBe("soon");
    const dims = Object.fromEntries(s.dimensions.map((d) => [d.id, d.score]));
    expect(dims).toMatchObject({
      "service-experience": 67,
      "leadership-experience": 50,
      education: 75,
      budgets: 0,
      strategy: 33,
    });
    expect(s.dimensions.find((d) => d.id === "budgets")!.skipped).toBe(true);
    // weighted shortfall: leadership 3×50 = 150, strategy 2×67 = 134, budgets 1×100 = 100
    expect(s.gaps.map((g) => g.id)).toEqual(["leadership-experience", "strategy", "budgets"]);
  });
});
