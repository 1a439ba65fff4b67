/**
 * `npm run bench`: the engine against a naive baseline (fuse.js with default options over the FAQ
 * question strings) on the evaluation questions, then what a user waits for — cold start, the CLI,
 * `npm start` — and every target with PASS or FAIL. About a minute on 2 cores; progress on stderr.
 *
 * The engine is driven through its public API only (ask, clearCache). Spelling caches are cleared
 * before every timed pass, so typos are paid for every time, as for unseen messages. Passes stop
 * early once the per-pass p99 is stable (BENCH_PASSES sets the most). Exit code 1 when a target fails.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import Fuse from "fuse.js";
import { typedToPlain } from "../src/channels/typed.ts";
import { DEFAULT_CONTENT_ROOT, loadCatalog } from "../src/content/load.ts";
import { COMPOSER_IDS } from "../src/core/answers/registry.ts";
import type { Catalog } from "../src/core/catalog.ts";
import { Engine } from "../src/core/engine.ts";
import { isDialogueSet } from "../src/eval/dialogues.ts";
import { loadEvalSet } from "../src/eval/evaluate.ts";
import { MemoryStore } from "../src/stores/memory.ts";
import { removeTempDirs } from "../tests/helpers/cli.ts";
import {
  fmt,
  median,
  micros,
  now,
  progress,
  type Target,
  type Timing,
  targetsTable,
  timePasses,
  withSpread,
} from "./measure.ts";
import { type ColdStart, cliRuns, coldStarts, type ServerStart, serverStarts } from "./processes.ts";
import { report } from "./report.ts";

const MAX_PASSES = Number(process.env.BENCH_PASSES ?? 20);
const QUESTION = "what does a customer care director earn in the UK?";

function longMessages(): Record<string, string> {
  const sentence = "I have been a team lead in a contact centre for a while and I keep wondering about the next step, ";
  let rambling = "";
  while (rambling.length < 40_000) rambling += sentence;
  rambling = `what does a customer care director earn in the uk? ${rambling}`.slice(0, 40_000);
  return {
    "a question then rambling": rambling,
    "one word without spaces": "a".repeat(40_000),
    "Slack markup and emoji": "<@U123> :tada: <https://example.com|link> &amp; ".repeat(900).slice(0, 40_000),
  };
}

function baseline(catalog: Catalog) {
  const rows = catalog.intents.flatMap((i) => [i.question, ...i.examples].map((text) => ({ text, intent: i.id })));
  const build = () => new Fuse(rows, { keys: ["text"] });
  const fuse = build();
  return { rows: rows.length, build, search: (q: string) => fuse.search(q, { limit: 1 })[0]?.item.intent ?? null };
}

function timeEach(runs: number, run: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    run();
    samples.push(micros(t));
  }
  return samples;
}

/** The baseline is ~1,000× slower: one pass over the questions (a stable figure), whose answers give its accuracy too. */
function timeBaseline(base: ReturnType<typeof baseline>, questions: readonly string[]) {
  for (const q of questions.slice(0, 20)) base.search(q);
  const answers = new Map<string, string | null>();
  const samples = questions.map((q) => {
    const t = now();
    answers.set(q, base.search(q));
    return micros(t);
  });
  samples.sort((a, b) => a - b);
  progress(`baseline: 1 pass over ${questions.length} questions`);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  const figures = {
    perSecond: (samples.length / samples.reduce((a, b) => a + b, 0)) * 1e6,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
  return { figures, answers };
}

/**
 * Long messages: the engine on each (median of 20, caches cleared). The baseline grows linearly with
 * the length (about 1 s per 1,000 characters), so it is timed at 1,000 and 2,000 characters and
 * extrapolated to 40,000 rather than run for minutes.
 */
function timeLong(engine: Engine, base: ReturnType<typeof baseline>) {
  const messages = longMessages();
  const long = Object.entries(messages).map(([name, text]) => {
    const runs = timeEach(20, () => {
      engine.clearCache();
      engine.ask(text);
    });
    return { name, ms: median(runs) / 1000 };
  });
  const rambling = messages["a question then rambling"]!;
  const basePer1k = [1000, 2000].map((n) => timeEach(1, () => base.search(rambling.slice(0, n)))[0]! / n);
  progress("40,000-character messages");
  return { long, basePer1k };
}

/** A target on wall times in ms, shown in seconds: met when the median is within the limit. */
function secondsTarget(name: string, ms: readonly number[], limitSeconds: number): Target {
  return {
    name,
    measured: `${withSpread(
      ms.map((x) => x / 1000),
      2,
    )} s`,
    limit: `≤ ${limitSeconds} s`,
    met: median(ms) <= limitSeconds * 1000,
  };
}

interface Measured {
  ours: Timing;
  long: readonly { ms: number }[];
  cold: readonly ColdStart[];
  cliNode: readonly number[];
  cliNpx: readonly number[];
  starts: readonly ServerStart[];
}

function targets(m: Measured): Target[] {
  const worstLong = Math.max(...m.long.map((l) => l.ms));
  const indexed = m.cold.map((c) => c.content + c.index);
  const rss = Math.max(...m.starts.map((s) => s.rssMb));
  const helpers = [...new Set(m.starts.flatMap((s) => s.helpers))];
  return [
    {
      name: "engine p99 per answer (warm)",
      measured: `${fmt(m.ours.questionP99)} µs over each question's median of ${m.ours.passes} passes (single-shot p99 ${fmt(m.ours.typicalP99)})`,
      limit: "≤ 100 µs",
      met: m.ours.questionP99 <= 100,
    },
    {
      name: "40,000-character message (worst of 3)",
      measured: `${fmt(worstLong, 3)} ms`,
      limit: "< 5 ms",
      met: worstLong < 5,
    },
    {
      name: "cold start: content + index, fresh process",
      measured: `${withSpread(indexed, 0)} ms`,
      limit: "< 1,000 ms",
      met: median(indexed) < 1000,
    },
    secondsTarget("careerfaq ask with node (wall)", m.cliNode, 0.5),
    secondsTarget("careerfaq ask through npx (wall)", m.cliNpx, 1),
    secondsTarget(
      "npm start until /healthz answers",
      m.starts.map((s) => s.ms),
      1.0,
    ),
    {
      name: "server RSS 1 s after start (largest)",
      measured: `${fmt(rss, 0)} MB, helper processes: ${helpers.join(", ") || "none"}`,
      limit: "≤ 100 MB, none",
      met: rss <= 100 && helpers.length === 0,
    },
  ];
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  progress("building dist/ if src/ changed (the processes below run the compiled app)");
  if (spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" }).status !== 0)
    throw new Error("build failed");

  progress("loading content and building the engine");
  const catalog = loadCatalog({ composers: COMPOSER_IDS });
  const engine = new Engine(catalog, { store: new MemoryStore() });
  const dir = join(DEFAULT_CONTENT_ROOT, "tests/eval");
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith(".yml") && !isDialogueSet(f))
    .flatMap((f) => loadEvalSet(join(dir, f)))
    // What the adapters deliver: Slack and Teams markup ("<@U…>", "<at>…</at>") stripped at the edge.
    .map((c) => ({ ...c, q: typedToPlain(c.q) }));
  const questions = cases.map((c) => c.q);
  const passes = { min: 3, max: Math.max(3, MAX_PASSES), budgetMs: 5_000, stableWithin: 0.1 };
  const ask = (q: string) => engine.ask(q);
  const ours = timePasses("engine", questions, ask, () => engine.clearCache({ answers: false }), passes);
  const oursCold = timePasses("engine, answers not cached", questions, ask, () => engine.clearCache(), passes);
  const base = baseline(catalog);
  const baseBuild = median(timeEach(3, base.build));
  const { figures: theirs, answers: baseAnswers } = timeBaseline(base, questions);
  const { long, basePer1k } = timeLong(engine, base);

  const cold = await coldStarts(3);
  const cliNode = await cliRuns("node", QUESTION, 5);
  const cliNpx = await cliRuns("npx", QUESTION, 3);
  const starts = await serverStarts(3);
  removeTempDirs();

  report({
    questions,
    cases,
    engine,
    ours,
    oursCold,
    theirs,
    baseAnswers,
    baseBuild,
    baseRows: base.rows,
    long,
    basePer1k,
  });
  const at = (pick: (c: ColdStart) => number) => fmt(median(cold.map(pick)), 0);
  console.log("");
  console.log(
    `cold start in a fresh process (median of ${cold.length}): Node ${at((c) => c.boot)} ms, imports ${at((c) => c.imports)} ms, content ${at((c) => c.content)} ms, index ${at((c) => c.index)} ms: ready after ${at((c) => c.total)} ms`,
  );
  const results = targets({ ours, long, cold, cliNode, cliNpx, starts });
  console.log("");
  console.log(`targets (medians, with the range of the runs), 2-core machine, load average ${loadAverage()}:`);
  console.log(targetsTable(results));
  const failed = results.filter((t) => !t.met).length;
  console.log("");
  console.log(
    `${results.length - failed} of ${results.length} targets met; benchmark took ${fmt((Date.now() - benchStarted) / 1000)} s`,
  );
  if (failed > 0) process.exitCode = 1;
}

const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

await main();
