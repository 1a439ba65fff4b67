/**
 * `careerfaq validate`: the schema checks and cross-checks that start-up runs, then a collision
 * report — example utterances of one intent that the router sends somewhere else.
 */
import { createEngine, loadContent } from "../app.ts";
import type { Config } from "../config.ts";
import type { Catalog } from "../core/catalog.ts";
import { ContentError } from "../core/errors.ts";

export function validateCommand(config: Config): number {
  let c: Catalog;
  try {
    c = loadContent(config, { fullValidation: true });
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(
        `careerfaq validate: ${err.problems.length} problem(s)\n${err.problems.map((p) => `  ${p}`).join("\n")}\n`,
      );
      return 1;
    }
    throw err;
  }
  const examples = c.intents.reduce((n, i) => n + i.examples.length, 0);
  process.stdout.write(
    `content OK: ${c.sources.size} sources, ${c.intents.length} intents, ${examples} example utterances, ${c.salary.figures.length} pay figures\n`,
  );
  const found = createEngine(config, {}, c).collisions();
  process.stdout.write(
    `collision report: ${found.length} of ${examples} examples are not answered by their own intent\n`,
  );
  for (const f of found) {
    process.stdout.write(
      `  ${f.intent}: ${JSON.stringify(f.example)} → ${f.outcome} ${f.routedTo ?? ""} @${f.confidence.toFixed(2)}\n`,
    );
  }
  return 0;
}
