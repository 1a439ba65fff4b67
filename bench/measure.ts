/** Timing, statistics and the targets table shared by the benchmark's parts. */

export function now(): bigint {
  return process.hrtime.bigint();
}

export function micros(from: bigint): number {
  return Number(now() - from) / 1000;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Smallest and largest value, for "median (min–max)". */
export function spread(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "12.3 (11.0–14.1)": a median and the range it came from. */
export function withSpread(values: readonly number[], digits = 1): string {
  const [low, high] = spread(values);
  return values.length > 1
    ? `${fmt(median(values), digits)} (${fmt(low, digits)}–${fmt(high, digits)})`
    : fmt(values[0]!, digits);
}

/** A progress line on stderr, so that stdout stays the report. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}

export interface Timing {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  passes: number;
  /** Each pass's own p99, to show how stable the figure is. */
  passP99: number[];
  /** The median of the passes' p99s: the p99 of a typical pass, unmoved by one pass another process preempted. */
  typicalP99: number;
  /**
   * The p99 over questions of each question's median time across the passes: what the engine's own
   * work costs for its slowest 1% of questions, without the preemptions and collector pauses that
   * land on a different question in every pass (those show in p99 and max).
   */
  questionP99: number;
}

export interface PassOptions {
  /** Passes run at least this often, and at most `max` times or until `budgetMs` is spent. */
  min: number;
  max: number;
  budgetMs: number;
  /** Stop once the last `min` passes' p99s lie within this fraction of each other. */
  stableWithin: number;
}

/**
 * Times `answer` over every question, pass after pass (after one untimed warm-up pass for the JIT),
 * calling `beforePass` first each time. Stops early once the per-pass p99 is stable.
 */
export function timePasses(
  name: string,
  questions: readonly string[],
  answer: (q: string) => unknown,
  beforePass: () => void,
  options: PassOptions,
): Timing {
  beforePass();
  for (const q of questions) answer(q);
  const samples: number[] = [];
  const passP99: number[] = [];
  const perQuestion: number[][] = questions.map(() => []);
  let total = 0;
  const started = Date.now();
  while (passP99.length < options.max) {
    beforePass();
    const pass: number[] = [];
    for (const [i, q] of questions.entries()) {
      const t = now();
      answer(q);
      const us = micros(t);
      pass.push(us);
      perQuestion[i]!.push(us);
      total += us;
    }
    samples.push(...pass);
    passP99.push(
      percentile(
        pass.sort((a, b) => a - b),
        99,
      ),
    );
    const recent = passP99.slice(-options.min);
    const stable =
      recent.length === options.min && Math.max(...recent) <= Math.min(...recent) * (1 + options.stableWithin);
    if (passP99.length >= options.min && (stable || Date.now() - started > options.budgetMs)) break;
  }
  progress(`${name}: ${passP99.length} pass(es), per-pass p99 ${withSpread(passP99)} µs`);
  samples.sort((a, b) => a - b);
  return {
    perSecond: (samples.length / total) * 1e6,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1]!,
    passes: passP99.length,
    passP99,
    typicalP99: median(passP99),
    questionP99: percentile(
      perQuestion.map((times) => median(times)).sort((a, b) => a - b),
      99,
    ),
  };
}

export interface Target {
  name: string;
  measured: string;
  limit: string;
  met: boolean;
}

export function targetsTable(targets: readonly Target[]): string {
  const nameWidth = Math.max(...targets.map((t) => t.name.length));
  const measuredWidth = Math.max(...targets.map((t) => t.measured.length));
  const limitWidth = Math.max(...targets.map((t) => t.limit.length));
  return targets
    .map(
      (t) =>
        `  ${t.met ? "PASS" : "FAIL"}  ${t.name.padEnd(nameWidth)}  ${t.measured.padEnd(measuredWidth)}  target ${t.limit.padEnd(limitWidth)}`,
    )
    .join("\n");
}
