/**
 * Scoring: each dimension scores the share of its questions' points earned (a skipped question
 * earns none); the total is the weighted mean of the dimensions, 0-100; the band is the one whose
 * range holds it; the biggest gaps are the dimensions with the largest weighted shortfall.
 */
import type { Assessment } from "../../content/schemas.ts";

export const SKIPPED = "skip";

export interface DimensionScore {
  id: string;
  label: string;
  /** 0-100. */
  score: number;
  earned: number;
  possible: number;
  skipped: boolean;
}

export interface ResultRecord {
  attempt: string;
  version: number;
  at: number;
  score: number;
  band: string;
  dimensions: Record<string, number>;
}

export interface Scored {
  score: number;
  band: Assessment["bands"][number];
  dimensions: DimensionScore[];
  /** Up to three dimensions, biggest weighted shortfall first (none at 100%). */
  gaps: DimensionScore[];
}

export function scoreAnswers(a: Assessment, answers: Readonly<Record<string, string>>): Scored {
  const dims = new Map<string, DimensionScore>(
    a.dimensions.map((d) => [d.id, { id: d.id, label: d.label, score: 0, earned: 0, possible: 0, skipped: false }]),
  );
  for (const q of a.questions) {
    const d = dims.get(q.dimension)!;
    const best = Math.max(...q.options.map((o) => o.points));
    d.possible += best;
    const chosen = answers[q.id];
    if (chosen === SKIPPED || chosen === undefined) d.skipped ||= chosen === SKIPPED;
    else d.earned += q.options.find((o) => o.id === chosen)?.points ?? 0;
  }
  let weighted = 0;
  let weights = 0;
  for (const d of a.dimensions) {
    const s = dims.get(d.id)!;
    s.score = s.possible === 0 ? 0 : Math.round((100 * s.earned) / s.possible);
    weighted += d.weight * (s.possible === 0 ? 0 : s.earned / s.possible);
    weights += d.weight;
  }
  const score = Math.round((100 * weighted) / weights);
  const band = a.bands.find((b) => score >= b.min && score <= b.max)!;
  const weightOf = new Map(a.dimensions.map((d) => [d.id, d.weight]));
  const list = [...dims.values()];
  const gaps = list
    .filter((d) => d.score < 100)
    .sort(
      (x, y) =>
        weightOf.get(y.id)! * (100 - y.score) - weightOf.get(x.id)! * (100 - x.score) || x.id.localeCompare(y.id),
    )
    .slice(0, 3);
  return { score, band, dimensions: list, gaps };
}

export function toRecord(a: Assessment, attempt: string, at: number, scored: Scored): ResultRecord {
  return {
    attempt,
    version: a.version,
    at,
    score: scored.score,
    band: scored.band.id,
    dimensions: Object.fromEntries(scored.dimensions.map((d) => [d.id, d.score])),
  };
}
