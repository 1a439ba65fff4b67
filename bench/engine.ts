/**
 * `npm run bench`: the engine against a naive baseline (fuse.js with default options over the FAQ
 * question strings), on the evaluation questions.
 *
 * Prints answers per second, p50/p99 latency per answer, the cost of a 40,000-character message,
 * cold start (content load and index build), and the ratios. Spelling caches are cleared before
 * every timed pass, so typos are paid for every time, as for unseen messages.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import Fuse from "fuse.js";
import { DEFAULT_CONTENT_ROOT, loadCatalog } from "../src/content/load.ts";
import { COMPOSER_IDS } from "../src/core/answers/registry.ts";
import type { Catalog } from "../src/core/catalog.ts";
import { Engine } from "../src/core/engine.ts";
import { loadEvalSet } from "../src/eval/evaluate.ts";
import { MemoryStore } from "../src/stores/memory.ts";

const PASSES = Number(process.env.BENCH_PASSES ?? 20);

interface Timing {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function now(): bigint {
  return process.hrtime.bigint();
}

function micros(from: bigint): number {
  return Number(now() - from) / 1000;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeAll(questions: readonly string[], answer: (q: string) => unknown, beforePass: () => void): Timing {
  for (const q of questions) answer(q); // warm-up: JIT, not caches (cleared below)
  const samples: number[] = [];
  let total = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    beforePass();
    for (const q of questions) {
      const t = now();
      answer(q);
      const us = micros(t);
      samples.push(us);
      total += us;
    }
  }
  samples.sort((a, b) => a - b);
  return {
    perSecond: (samples.length / total) * 1e6,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1]!,
  };
}

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = now();
    run();
    samples.push(micros(t));
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

function longMessages(): Record<string, string> {
  const sentence = "I have been a team lead in a contact centre for a while and I keep wondering about the next step, ";
  let rambling = "";
  while (rambling.length < 40_000) rambling += sentence;
  rambling = `what does a customer care director earn in the uk? ${rambling}`.slice(0, 40_000);
  return {
    "40,000 chars, a question then rambling": rambling,
    "40,000 chars, one word without spaces": "a".repeat(40_000),
    "40,000 chars, Slack markup and emoji": "<@U123> :tada: <https://example.com|link> &amp; "
      .repeat(900)
      .slice(0, 40_000),
  };
}

function baseline(catalog: Catalog): { search: (q: string) => string | null; build: () => void } {
  const rows = catalog.intents.flatMap((i) => [i.question, ...i.examples].map((text) => ({ text, intent: i.id })));
  let fuse = new Fuse(rows, { keys: ["text"] });
  return {
    build: () => {
      fuse = new Fuse(rows, { keys: ["text"] });
    },
    search: (q) => fuse.search(q, { limit: 1 })[0]?.item.intent ?? null,
  };
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function main(): void {
  const coldStart = now();
  const catalog = loadCatalog({ composers: COMPOSER_IDS });
  const loaded = micros(coldStart);
  const engine = new Engine(catalog, { store: new MemoryStore() });
  const cold = micros(coldStart);
  const warmLoad = median(() => new Engine(loadCatalog({ composers: COMPOSER_IDS }), { store: new MemoryStore() }), 5);

  const dir = join(DEFAULT_CONTENT_ROOT, "tests/eval");
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith(".yml"))
    .flatMap((f) => loadEvalSet(join(dir, f)));
  const questions = cases.map((c) => c.q);

  const base = baseline(catalog);
  const baseColdStart = now();
  base.build();
  const baseCold = micros(baseColdStart);

  const ours = timeAll(
    questions,
    (q) => engine.ask(q),
    () => engine.router.speller.clearCache(),
  );
  const oursCold = timeAll(
    questions,
    (q) => engine.ask(q),
    () => {
      engine.router.speller.clearCache();
      engine.clearCache();
    },
  );
  const routeOnly = timeAll(
    questions,
    (q) => engine.router.route(q),
    () => engine.router.speller.clearCache(),
  );
  const theirs = timeAll(
    questions,
    (q) => base.search(q),
    () => {},
  );

  console.log(
    `careerfaq engine benchmark — ${questions.length} evaluation questions × ${PASSES} passes, Node ${process.version}`,
  );
  console.log("");
  console.log(
    "Spelling caches are cleared before every pass; 'cold' also clears the composed-answer cache (every answer built anew).",
  );
  console.log("");
  console.log(
    "                          engine       engine (cold)    router only    baseline (fuse.js defaults)   engine vs baseline",
  );
  const row = (name: string, a: number, a2: number, b: number, c: number, unit: string, ratio: number) =>
    console.log(
      `${name.padEnd(22)}${`${fmt(a)} ${unit}`.padStart(16)}${`${fmt(a2)} ${unit}`.padStart(17)}${`${fmt(b)} ${unit}`.padStart(15)}${`${fmt(c)} ${unit}`.padStart(31)}${`${fmt(ratio, 0)}×`.padStart(21)}`,
    );
  row(
    "answers per second",
    ours.perSecond,
    oursCold.perSecond,
    routeOnly.perSecond,
    theirs.perSecond,
    "/s",
    ours.perSecond / theirs.perSecond,
  );
  row("p50 latency", ours.p50, oursCold.p50, routeOnly.p50, theirs.p50, "µs", theirs.p50 / ours.p50);
  row("p99 latency", ours.p99, oursCold.p99, routeOnly.p99, theirs.p99, "µs", theirs.p99 / ours.p99);
  row("max latency", ours.max, oursCold.max, routeOnly.max, theirs.max, "µs", theirs.max / ours.max);

  console.log("");
  for (const [name, text] of Object.entries(longMessages())) {
    engine.router.speller.clearCache();
    const a = median(() => {
      engine.router.speller.clearCache();
      engine.ask(text);
    }, 50);
    const b = median(() => base.search(text), 5);
    console.log(
      `${name.padEnd(44)} engine ${fmt(a / 1000, 3)} ms   baseline ${fmt(b / 1000, 1)} ms   (${fmt(b / a, 0)}×)`,
    );
  }
  const short = median(() => engine.ask("salary uk"), 200);
  console.log(`${'short message ("salary uk")'.padEnd(44)} engine ${fmt(short / 1000, 3)} ms`);

  console.log("");
  console.log(
    `cold start: content load ${fmt(loaded / 1000)} ms + index build ${fmt((cold - loaded) / 1000)} ms = ${fmt(cold / 1000)} ms (first, in a fresh process); ${fmt(warmLoad / 1000)} ms (median of 5 reloads)`,
  );
  console.log(
    `baseline index build: ${fmt(baseCold / 1000)} ms over ${catalog.intents.reduce((n, i) => n + i.examples.length + 1, 0)} question strings`,
  );
  const inScope = cases.filter((c) => c.intent);
  const outOfScope = cases.filter((c) => !c.intent);
  const engineIntent = (q: string) => {
    const r = engine.ask(q).reply;
    return r.outcome === "answer" ? r.intent : null;
  };
  const share = (n: number, d: number) => `${fmt((100 * n) / d)}%`;
  console.log(
    `intent right on in-scope questions: engine ${share(inScope.filter((c) => engineIntent(c.q) === c.intent).length, inScope.length)}, baseline ${share(inScope.filter((c) => base.search(c.q) === c.intent).length, inScope.length)}; ` +
      `out-of-scope not answered: engine ${share(outOfScope.filter((c) => engineIntent(c.q) === null).length, outOfScope.length)}, baseline ${share(outOfScope.filter((c) => base.search(c.q) === null).length, outOfScope.length)}`,
  );
  const s = engine.router.speller.stats;
  console.log(
    `speller: ${engine.router.speller.size.toLocaleString("en-US")} index keys; ${s.lookups} lookups, ${s.deleteIndex} fixed by the delete index, ${s.fuse} by fuse.js, ${s.none} left unknown`,
  );
  console.log("");
  console.log("targets: p99 under 100 µs per answer, the 40,000-character message under 5 ms, cold start under 1 s");
}

main();
