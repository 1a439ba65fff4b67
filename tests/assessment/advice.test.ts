/**
 * Advice never contradicts an answer: for every option of every question, the result shows next
 * steps that fit it, and none that tells the user to do what their answer says they do already.
 */
import { describe, expect, it } from "vitest";
import { adviceProblems, stepsFor } from "../../src/core/assessment/advice.ts";
import { resultReply } from "../../src/core/assessment/result.ts";
import { scoreAnswers } from "../../src/core/assessment/scoring.ts";
import { AssessmentSchema } from "../../src/core/model/assessment.ts";
import { renderText } from "../../src/core/render-text.ts";
import { testCatalog } from "../helpers/engine.ts";

const catalog = testCatalog();
const a = catalog.assessment;

/**
 * Per question, option id → advice that only makes sense below that option: shown to someone who
 * gave that answer (or a more advanced one), it would contradict them.
 */
const PRESUMES_BELOW: Record<string, Record<string, RegExp>> = {
  "service-years": { "y2-4": /start (a career )?in customer service/i, "y5-9": /build your years/i },
  "lead-years": { lt2: /take on a team lead or supervisor role/i, "y2-3": /become a (team lead|supervisor)/i },
  degree: {
    cert: /get (a|some) certifications?/i,
    other: /is what most sources ask for|accept alternative certifications/i,
  },
  crm: {
    basic: /get hands-on with a crm/i,
    reports: /build reports/i,
    admin: /help configure|configure or administer/i,
    rollout: /choosing a tool|leading a rollout/i,
  },
  kpis: {
    team: /start tracking your team/i,
    report: /build the regular report/i,
    set: /help set your team's kpis/i,
  },
  budget: {
    input: /help with your team's forecast/i,
    team: /own a budget/i,
    dept: /help with the department's budget/i,
  },
  vendors: { contact: /get involved with a vendor/i, manage: /manage a vendor relationship/i },
  coaching: { regular: /coach people regularly/i, programme: /design a training programme/i },
  cross: { projects: /join a project/i, lead: /lead a joint initiative/i },
  escalation: {
    resolve: /resolve escalated complaints yourself/i,
    own: /take ownership of your team's escalation process/i,
    design: /patterns in complaint trends/i,
  },
  strategy: { change: /on a real change in your team/i, set: /shaping the operating model/i },
};

const top = (q: (typeof a.questions)[number]) => [...q.options].sort((x, y) => y.points - x.points)[0]!;
const rows = a.questions.flatMap((q) => q.options.map((o) => [q.id, o.id] as const));

describe("next steps fit the answers", () => {
  it("the table covers every question", () => {
    expect(Object.keys(PRESUMES_BELOW).sort()).toEqual(a.questions.map((q) => q.id).sort());
  });

  it.each(rows)("%s: %s", (qid, oid) => {
    const q = a.questions.find((x) => x.id === qid)!;
    const o = q.options.find((x) => x.id === oid)!;
    // Everything else at the top, so this question's area is the only possible gap.
    const answers = Object.fromEntries(a.questions.map((x) => [x.id, top(x).id]));
    answers[qid] = oid;
    const scored = scoreAnswers(a, answers);
    const text = renderText(resultReply(catalog, scored, undefined, "att", "own"));
    const d = a.dimensions.find((x) => x.id === q.dimension)!;
    if (o.points === top(q).points) {
      expect(scored.gaps).toEqual([]);
      expect(text).not.toMatch(/Next step:/);
      return;
    }
    expect(scored.gaps.map((g) => g.id)).toEqual([d.id]);
    const steps = stepsFor(a, d.id, answers);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(text).toContain(`Next step: ${step.text}`);
    expect(text.match(/Next step:/g)).toHaveLength(steps.length);
    const forbidden = Object.entries(PRESUMES_BELOW[qid]!).filter(
      ([above]) => q.options.find((x) => x.id === above)!.points <= o.points,
    );
    for (const [above, advice] of forbidden) expect(text, `advice for below "${above}"`).not.toMatch(advice);
  });

  it("the issue's example: 2-3 years of supervising gets no 'take a team lead role'", () => {
    const answers = Object.fromEntries(a.questions.map((x) => [x.id, top(x).id]));
    answers["lead-years"] = "y2-3";
    const text = renderText(resultReply(catalog, scoreAnswers(a, answers), undefined, "att", "own"));
    expect(text).toMatch(/Team leadership \(50%\)/);
    expect(text).not.toMatch(/team lead or supervisor role/i);
    expect(text).toMatch(/Next step: Keep building your years of leading people/);
  });
});

describe("the content checks", () => {
  it("every answer that leaves a gap has a next step", () => {
    expect(adviceProblems(a)).toEqual([]);
  });

  it("names an answer left without a step", () => {
    const b = structuredClone(a);
    const leadership = b.dimensions.find((d) => d.id === "leadership-experience")!;
    leadership.nextSteps = leadership.nextSteps.filter((s) => !s.for?.["lead-years"]?.includes("y4-5"));
    expect(adviceProblems(b)).toEqual([
      'data/assessment.yml: dimensions "leadership-experience": no next step fits the answers lead-years: y4-5',
    ]);
  });

  it.each([
    [{ "lead-years": ["nonsense"] }, '"lead-years" has no option "nonsense"'],
    [{ "no-such-question": ["none"] }, 'unknown question "no-such-question"'],
    [{ crm: ["never"] }, '"crm" measures "crm-tools", not "leadership-experience"'],
    [{}, "name a question"],
  ])("zod rejects a next step for %j", (condition, message) => {
    const b = structuredClone(a);
    b.dimensions.find((d) => d.id === "leadership-experience")!.nextSteps[0]!.for = condition;
    const parsed = AssessmentSchema.safeParse(b);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });

  it("zod rejects an option in both for and notFor", () => {
    const b = structuredClone(a);
    const step = b.dimensions.find((d) => d.id === "leadership-experience")!.nextSteps[0]!;
    step.notFor = { "lead-years": ["none"] };
    const parsed = AssessmentSchema.safeParse(b);
    expect(parsed.error?.issues.map((i) => i.message)).toContain("none listed in both for and notFor");
  });

  it("notFor hides a step after the answers it names", () => {
    const step = { text: "x", sources: ["zippia-2025"], notFor: { "lead-years": ["y6"] } };
    const b = structuredClone(a);
    b.dimensions.find((d) => d.id === "leadership-experience")!.nextSteps = [step];
    expect(stepsFor(b, "leadership-experience", { "lead-years": "y4-5" })).toEqual([step]);
    expect(stepsFor(b, "leadership-experience", { "lead-years": "y6" })).toEqual([]);
    expect(AssessmentSchema.safeParse(b).success).toBe(true);
  });
});
