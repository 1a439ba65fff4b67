/**
 * Scoring: each dimension scores the share of its answered questions' points earned; a skipped
 * question is left out (neither earned nor possible), and a dimension whose questions were all
 * skipped is "not answered": no score, no gap. The total is the weighted mean of the answered
 * dimensions, 0-100; the band is the one whose range holds it; the biggest gaps are the answered
 * dimensions with the largest weighted shortfall.
 */
import type { Assessment } from "../model/assessment.ts";

export const SKIPPED = "skip";

export interface DimensionScore {
  id: string;
  label: string;
  /** 0-100; 0 when not answered (see `answered`). */
  score: number;
  earned: number;
  possible: number;
  /** False when every question of the dimension was skipped: it has no score. */
  answered: boolean;
}

export interface ResultRecord {
  attempt: string;
  version: number;
  at: number;
  score: number;
  band: string;
  /** Dimension id → score, for the answered dimensions only. */
  dimensions: Record<string, number>;
}

export interface Scored {
  score: number;
  band: Assessment["bands"][number];
  dimensions: DimensionScore[];
  /** Up to three answered dimensions, biggest weighted shortfall first (none at 100%). */
  gaps: DimensionScore[];
  /** The questions skipped (or never answered), in the quiz's order. */
  notAnswered: string[];
  /** The answers scored (question id → option id or "skip"), for advice that fits them. */
  answers: Readonly<Record<string, string>>;
}

export function scoreAnswers(a: Assessment, answers: Readonly<Record<string, string>>): Scored {
  const dims = new Map<string, DimensionScore>(
    a.dimensions.map((d) => [d.id, { id: d.id, label: d.label, score: 0, earned: 0, possible: 0, answered: false }]),
  );
  const notAnswered: string[] = [];
  for (const q of a.questions) {
    const d = dims.get(q.dimension)!;
    const chosen = q.options.find((o) => o.id === answers[q.id]);
    if (!chosen) {
      notAnswered.push(q.id);
      continue;
    }
    d.answered = true;
    d.possible += Math.max(...q.options.map((o) => o.points));
    d.earned += chosen.points;
  }
  let weighted = 0;
  let weights = 0;
  for (const d of a.dimensions) {
    const s = dims.get(d.id)!;
    if (!s.answered) continue;
    const share = s.possible === 0 ? 1 : s.earned / s.possible;
    s.score = Math.round(100 * share);
    weighted += d.weight * share;
    weights += d.weight;
  }
  const score = weights === 0 ? 0 : Math.round((100 * weighted) / weights);
  const band = a.bands.find((b) => score >= b.min && score <= b.max)!;
  const weightOf = new Map(a.dimensions.map((d) => [d.id, d.weight]));
  const list = [...dims.values()];
  const gaps = list
    .filter((d) => d.answered && d.score < 100)
    .sort(
      (x, y) =>
        weightOf.get(y.id)! * (100 - y.score) - weightOf.get(x.id)! * (100 - x.score) || x.id.localeCompare(y.id),
    )
    .slice(0, 3);
  return { score, band, dimensions: list, gaps, notAnswered, answers };
}

export function toRecord(a: Assessment, attempt: string, at: number, scored: Scored): ResultRecord {
  return {
    attempt,
    version: a.version,
    at,
    score: scored.score,
    band: scored.band.id,
    dimensions: Object.fromEntries(scored.dimensions.filter((d) => d.answered).map((d) => [d.id, d.score])),
  };
}
