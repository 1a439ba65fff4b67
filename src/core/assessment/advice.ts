/**
 * Which next steps fit the answers given (pure). A step may be for some answers only (`for`) or
 * never for some (`notFor`), so advice never contradicts an answer: no "take a team lead role" for
 * someone who has led a team for years. `adviceProblems` is the content check that every answer
 * leaving a gap gets at least one step.
 */
import type { Assessment, NextStep } from "../model/assessment.ts";
import { SKIPPED } from "./scoring.ts";

/** Whether a step fits these answers (question id → option id or "skip"). */
export function fits(step: NextStep, answers: Readonly<Record<string, string>>): boolean {
  const forAll = Object.entries(step.for ?? {}).every(([q, options]) => options.includes(answers[q] ?? ""));
  const notAny = Object.entries(step.notFor ?? {}).some(([q, options]) => options.includes(answers[q] ?? ""));
  return forAll && !notAny;
}

/** The next steps of a dimension that fit the answers given. */
export function stepsFor(a: Assessment, dimension: string, answers: Readonly<Record<string, string>>): NextStep[] {
  return a.dimensions.find((d) => d.id === dimension)?.nextSteps.filter((s) => fits(s, answers)) ?? [];
}

/** Every combination of answers to a dimension's questions (skips included where allowed). */
function combinations(a: Assessment, dimension: string): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const q of a.questions.filter((x) => x.dimension === dimension)) {
    const choices = [...q.options.map((o) => o.id), ...(q.skippable ? [SKIPPED] : [])];
    out = out.flatMap((partial) => choices.map((c) => ({ ...partial, [q.id]: c })));
  }
  return out;
}

/**
 * Answers that leave a gap (fewer points than the best, not every question skipped) but get no next
 * step: "data/assessment.yml: …" lines for `careerfaq validate`.
 */
export function adviceProblems(a: Assessment): string[] {
  const problems: string[] = [];
  for (const d of a.dimensions) {
    const questions = a.questions.filter((q) => q.dimension === d.id);
    for (const answers of combinations(a, d.id)) {
      const answered = questions.filter((q) => answers[q.id] !== SKIPPED);
      const full = answered.every((q) => {
        const best = Math.max(...q.options.map((o) => o.points));
        return q.options.find((o) => o.id === answers[q.id])?.points === best;
      });
      if (answered.length === 0 || full || stepsFor(a, d.id, answers).length > 0) continue;
      const given = answered.map((q) => `${q.id}: ${answers[q.id]}`).join(", ");
      problems.push(`data/assessment.yml: dimensions "${d.id}": no next step fits the answers ${given}`);
    }
  }
  return problems;
}
