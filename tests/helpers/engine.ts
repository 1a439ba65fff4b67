/** One shared catalog and engine for tests that do not change content. */

import { loadCatalog } from "../../src/content/load.ts";
import { COMPOSER_IDS } from "../../src/core/answers/registry.ts";
import type { Catalog } from "../../src/core/catalog.ts";
import { Engine } from "../../src/core/engine.ts";
import { renderText } from "../../src/core/render-text.ts";
import { MemoryStore } from "../../src/stores/memory.ts";

let catalog: Catalog | undefined;
let engine: Engine | undefined;

export function testCatalog(): Catalog {
  catalog ??= loadCatalog({ composers: COMPOSER_IDS });
  return catalog;
}

export function testEngine(): Engine {
  engine ??= new Engine(testCatalog(), { store: new MemoryStore() });
  return engine;
}

/** Asks and returns the outcome, intent and plain text. */
export function ask(question: string): { outcome: string; intent: string; text: string; confidence: number } {
  const { reply } = testEngine().ask(question);
  return { outcome: reply.outcome, intent: reply.intent, text: renderText(reply), confidence: reply.confidence };
}
