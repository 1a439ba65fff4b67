/** The engine-against-baseline part of `npm run bench`'s report. */
import type { Engine } from "../src/core/engine.ts";
import type { EvalCase } from "../src/eval/evaluate.ts";
import { fmt, type Timing } from "./measure.ts";

type Figures = Pick<Timing, "perSecond" | "p50" | "p99" | "max">;

export interface Comparison {
  questions: readonly string[];
  cases: readonly EvalCase[];
  engine: Engine;
  ours: Timing;
  oursCold: Timing;
  theirs: Figures;
  baseAnswers: ReadonlyMap<string, string | null>;
  baseBuild: number;
  baseRows: number;
  long: readonly { name: string; ms: number }[];
  /** The baseline's milliseconds per 1,000 characters of a long message, at 1,000 and 2,000 characters. */
  basePer1k: readonly number[];
}

export function report(c: Comparison): void {
  console.log(`careerfaq engine benchmark — ${c.questions.length} evaluation questions, Node ${process.version}`);
  console.log("");
  console.log(
    `Spelling caches are cleared before every pass; 'answers not cached' also clears composed answers. Passes: engine ${c.ours.passes}, not cached ${c.oursCold.passes}, baseline 1.`,
  );
  console.log("");
  console.log(
    "                          engine    answers not cached    baseline (fuse.js defaults)   engine vs baseline",
  );
  const row = (name: string, pick: (t: Figures) => number, unit: string, ratio: number) =>
    console.log(
      `${name.padEnd(20)}${`${fmt(pick(c.ours))} ${unit}`.padStart(16)}${`${fmt(pick(c.oursCold))} ${unit}`.padStart(22)}${`${fmt(pick(c.theirs))} ${unit}`.padStart(31)}${`${fmt(ratio, 0)}×`.padStart(21)}`,
    );
  row("answers per second", (t) => t.perSecond, "/s", c.ours.perSecond / c.theirs.perSecond);
  row("p50 latency", (t) => t.p50, "µs", c.theirs.p50 / c.ours.p50);
  row("p99 latency", (t) => t.p99, "µs", c.theirs.p99 / c.ours.p99);
  row("max latency", (t) => t.max, "µs", c.theirs.max / c.ours.max);
  console.log("");
  const per1k = Math.min(...c.basePer1k); // the less disturbed of the two measurements
  for (const { name, ms } of c.long) {
    console.log(
      `40,000 chars, ${name.padEnd(26)} engine ${fmt(ms, 3)} ms   baseline ≈ ${fmt((per1k * 40) / 1000, 0)} s (${fmt((per1k * 40) / ms, 0)}×)`,
    );
  }
  console.log(
    `  (baseline measured at 1,000 and 2,000 characters: ${c.basePer1k.map((ms) => fmt(ms, 0)).join(" and ")} ms per 1,000 characters; it grows linearly, so 40,000 is extrapolated)`,
  );
  console.log(`baseline index build: ${fmt(c.baseBuild / 1000)} ms over ${c.baseRows} question strings`);
  const inScope = c.cases.filter((x) => x.intent);
  const outOfScope = c.cases.filter((x) => x.kind);
  const engineIntent = (q: string) => {
    const r = c.engine.ask(q).reply;
    return r.outcome === "answer" ? r.intent : null;
  };
  const share = (n: number, d: number) => `${fmt((100 * n) / d)}%`;
  console.log(
    `intent right on in-scope questions: engine ${share(inScope.filter((x) => engineIntent(x.q) === x.intent).length, inScope.length)}, baseline ${share(inScope.filter((x) => c.baseAnswers.get(x.q) === x.intent).length, inScope.length)}; ` +
      `out-of-scope not answered: engine ${share(outOfScope.filter((x) => engineIntent(x.q) === null).length, outOfScope.length)}, baseline ${share(outOfScope.filter((x) => c.baseAnswers.get(x.q) === null).length, outOfScope.length)}`,
  );
}
