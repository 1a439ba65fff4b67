/**
 * Years typed in words or figures, for the quiz's years questions: "about 5 years", "five yrs",
 * "0-2", "18 months", "a year and a half", "over a decade", "nearly 10", "6+". Pure.
 */
import type { AssessmentQuestion } from "../model/assessment.ts";
import { NUMBER_WORDS } from "../words.ts";

/** A number of years, or a range of them ("2-3 years", "between 4 and 6"). */
export type Years = { lo: number; hi: number; either?: boolean };

const NUMBER = String.raw`\d{1,2}(?:\.\d)?`;
const UNIT = "(?:years?|yrs?|months?|mos|mths?|weeks?|decades?)";
const MORE = /\b(?:over|more than|above|longer than|upwards of|beyond|plus)\s*$/;
const LESS = /\b(?:less than|under|below|nearly|almost|not quite|shy of|just under|short of)\s*$/;
const APPROX = /\b(?:about|around|roughly|approximately|approx|some|circa|at least|maybe|probably|like|for|ca)\s*$/;

/** Words to figures: "a year and a half" → "1.5 year", "three and a half" → "3.5", "a decade" → "1 decade". */
function figures(text: string): string {
  let t = ` ${text
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[–—]/g, "-")
    .replace(/½/g, ".5")
    .replace(/-?ish\b/g, "")
    .replace(/[^a-z0-9.+-]+/g, " ")} `;
  t = t.replace(/ (?:a|one) (year|month)s? and a half /g, " 1.5 $1 ");
  t = t.replace(/ half (?:a|an) (year|decade) /g, " 0.5 $1 ");
  t = t.replace(/ (?:a|one) and a half /g, " 1.5 ");
  t = t.replace(/ a (?:couple|few) (?:of )?/g, (m) => (m.includes("couple") ? " 2 " : " 3 "));
  t = t.replace(/ (?:a|an|one) (year|month|decade|yr)s? /g, " 1 $1 ");
  t = t.replace(/ decades /g, " 2 decades ");
  t = t.replace(/ ([a-z]+)(?= )/g, (m, w: string) => (NUMBER_WORDS[w] !== undefined ? ` ${NUMBER_WORDS[w]}` : m));
  // "three and a half" once the words are figures: "3 and a half" → "3.5".
  t = t.replace(/ (\d{1,2}) and a half /g, (_m, n: string) => ` ${n}.5 `);
  return t.replace(/\s+/g, " ");
}

function scale(unit: string | undefined): number {
  if (!unit) return 1;
  if (unit.startsWith("m")) return 1 / 12;
  if (unit.startsWith("w")) return 1 / 52;
  if (unit.startsWith("d")) return 10;
  return 1;
}

/**
 * The years a typed answer gives, or undefined when it gives none. A number without "years", "about",
 * "+" or the like counts only as the whole reply, and only when it cannot be an option's number (0,
 * or above the number of options): "3" picks option 3, "12" is 12 years.
 */
export function yearsIn(text: string, options: number): Years | undefined {
  const t = figures(text);
  const range = new RegExp(
    String.raw`(?:between )?(${NUMBER})\s*(?:-|to|or|and)\s*(${NUMBER})\s*(\+)?\s*(${UNIT})?`,
  ).exec(t);
  if (range && (range[4] || /\bbetween\b/.test(range[0]) || /-/.test(range[0]) || /\byears?\b/.test(t))) {
    const k = scale(range[4]);
    const lo = Number(range[1]) * k;
    const hi = Number(range[2]) * k;
    if (hi > lo) return { lo, hi, either: / or /.test(range[0]) };
  }
  const one = new RegExp(String.raw`(${NUMBER})\s*(\+|plus)?\s*(${UNIT})?`, "g");
  for (const m of t.matchAll(one)) {
    const before = t.slice(0, m.index);
    const value = Number(m[1]) * scale(m[3]);
    const marked = Boolean(m[2] || m[3]) || MORE.test(before) || LESS.test(before) || APPROX.test(before);
    // An unmarked number counts only as the whole reply, and only when it cannot be an option's number.
    if (!marked && (t.trim() !== m[0].trim() || (value !== 0 && value <= options))) continue;
    if (value > 60) continue;
    if (MORE.test(before)) return point(value + (Number.isInteger(value) ? 1 : 0.5));
    if (LESS.test(before)) return point(Math.max(value - 0.5, value / 2));
    return point(value);
  }
  return undefined;
}

const point = (v: number): Years => ({ lo: v, hi: v });

/**
 * The option holding these years. Options cover whole years: "2 to 4 years" is [2, 5); an option
 * for exactly 0 ("None yet") holds only 0, so "6 months" is the next one. A range is read at its
 * middle ("0-2" → 1); a middle right on the boundary of two options ("1-3" → 2), or "4 or 5" across
 * two options, is ambiguous between them.
 */
export function optionForYears(
  q: AssessmentQuestion,
  years: Years,
): { option: string } | { problem: "ambiguous"; between: [string, string] } | undefined {
  const sorted = q.options.filter((o) => o.min !== undefined && o.max !== undefined).sort((x, y) => x.min! - y.min!);
  const zeroOnly = sorted[0]?.max === 0;
  const at = (v: number) =>
    sorted.findIndex((o, i) => (o.max === 0 ? v === 0 : v < o.max! + 1 && (i === 1 && zeroOnly ? v > 0 : v >= o.min!)));
  const between = (i: number, j: number) => ({
    problem: "ambiguous" as const,
    between: [sorted[i]!.id, sorted[j]!.id] as [string, string],
  });
  if (years.either) {
    const [i, j] = [at(years.lo), at(years.hi)];
    if (i !== -1 && j !== -1 && i !== j) return between(i, j);
  }
  const mid = (years.lo + years.hi) / 2;
  const index = at(mid);
  if (index === -1) return undefined;
  const onBoundary = index > 0 && !(index === 1 && zeroOnly) && mid === sorted[index]!.min;
  if (years.lo < mid && onBoundary) return between(index - 1, index);
  return { option: sorted[index]!.id };
}
