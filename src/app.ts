/** Wiring shared by every entry point: configuration → content → engine. */
import { COMPOSER_IDS } from "./core/answers/registry.ts";
import { Engine } from "./core/engine.ts";
import { loadCatalog } from "./content/load.ts";
import type { Config } from "./config.ts";

export function createEngine(config: Config): Engine {
  const catalog = loadCatalog({ root: config.CAREERFAQ_CONTENT_DIR, composers: COMPOSER_IDS });
  return new Engine(catalog, {
    router: { answerThreshold: config.ROUTER_ANSWER_THRESHOLD, clarifyThreshold: config.ROUTER_CLARIFY_THRESHOLD },
  });
}
