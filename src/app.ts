/** Wiring shared by every entry point: configuration → content → store → engine. */

import type { Config } from "./config.ts";
import { loadCatalog } from "./content/load.ts";
import { COMPOSER_IDS } from "./core/answers/registry.ts";
import type { Catalog } from "./core/catalog.ts";
import { Engine, type TurnSummary } from "./core/engine.ts";
import type { Clock, Store } from "./core/store.ts";
import type { ChannelKind } from "./core/types.ts";
import { MemoryStore } from "./stores/memory.ts";

export interface EngineWiring {
  store?: Store;
  /** The engine's clock (default Date.now); tests inject one to move time. */
  clock?: Clock;
  onError?: (error: unknown, context: unknown) => void;
  onTurn?: (turn: TurnSummary) => void;
  /** Parse and validate every content file, even those the build's snapshot holds (`careerfaq validate`). */
  fullValidation?: boolean;
}

/** Platforms where "Ask an expert" can deliver: an experts channel is configured for them. */
export function expertPlatforms(config: Config): Set<ChannelKind> {
  const on = new Set<ChannelKind>();
  if (config.EXPERTS_CHANNEL) on.add("slack");
  if (config.TEAMS_EXPERTS_CONVERSATION && config.TEAMS_EXPERTS_SERVICE_URL) on.add("teams");
  return on;
}

/** The content the engine answers from; throws ContentError when it does not validate. */
export function loadContent(config: Config, wiring: Pick<EngineWiring, "fullValidation"> = {}): Catalog {
  return loadCatalog({
    root: config.CAREERFAQ_CONTENT_DIR,
    composers: COMPOSER_IDS,
    ...(wiring.fullValidation ? { snapshot: false } : {}),
  });
}

/** The engine over `catalog` (default: the content loaded for `config`). */
export function createEngine(config: Config, wiring: EngineWiring = {}, catalog = loadContent(config, wiring)): Engine {
  return new Engine(catalog, {
    store: wiring.store ?? new MemoryStore(),
    clock: wiring.clock ?? Date.now,
    sessionTtlMs: config.SESSION_TTL_DAYS * 24 * 3600_000,
    conversationTtlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
    onError: wiring.onError,
    onTurn: wiring.onTurn,
    timer: () => performance.now(),
    experts: expertPlatforms(config),
    router: { answerThreshold: config.ROUTER_ANSWER_THRESHOLD, clarifyThreshold: config.ROUTER_CLARIFY_THRESHOLD },
  });
}
