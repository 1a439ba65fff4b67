/** What the knowledge base covers (years, places, figures, unanswered forms), for honest declines. */
import type { Catalog } from "../catalog.ts";
import type { KnowledgeFact } from "../knowledge/facts.ts";
import { figuresIn } from "../knowledge/numbers.ts";
import { WordGate } from "./gate.ts";
import type { CoverageKnowledge } from "./uncovered.ts";

/** The years and places the knowledge base has anything on. */
export function coverageOf(catalog: Catalog, facts: readonly KnowledgeFact[]): CoverageKnowledge {
  const years = new Set<number>();
  const text = facts.map((f) => f.text.toLowerCase()).join(" ");
  for (const m of text.matchAll(/\b(19|20)\d\d\b/g)) years.add(Number(m[0]));
  for (const s of catalog.sources.values()) if (s.date) years.add(Number(s.date.slice(0, 4)));
  const dated = [...catalog.sources.values()].flatMap((s) => (s.date ? [Number(s.date.slice(0, 4))] : []));
  const numbers = new Set(facts.flatMap((f) => figuresIn(f.text).flatMap((x) => [x.term, x.plain])));
  const names = Object.values(catalog.lexicon.places).flatMap((list) =>
    list.map((p) => (typeof p === "string" ? p : p[0]!)),
  );
  const places = new Set(names.filter((n) => text.includes(n)));
  return {
    years,
    latestYear: Math.max(...dated),
    furthestYear: Math.max(...years),
    places,
    numbers,
    forms: Object.entries(catalog.lexicon.unansweredForms).map(([missing, source]) => ({
      missing,
      pattern: new RegExp(source),
    })),
    formGate: new WordGate(Object.values(catalog.lexicon.unansweredForms)),
    dictionary: catalog.dictionary,
  };
}
