/**
 * The answer engine: text or a button click in, channel-neutral replies out. Pure: no I/O, no
 * clock, no platform types. Channels translate and render; everything said is decided here.
 */
import type { Catalog } from "./catalog.ts";
import { COMPOSERS } from "./answers/registry.ts";
import { askButton } from "./answers/meta.ts";
import { joinList, type Composition } from "./answers/compose.ts";
import { countryCaveat } from "./answers/coverage.ts";
import { Router, type RouteResult, type RouterConfig } from "./router/router.ts";
import { ACTIONS, type Block, type DeclineReason, type Inbound, type Reply, type Slots, type SourceRef } from "./types.ts";

export interface EngineOptions {
  router?: Partial<RouterConfig>;
}

/** Intents offered when a question is declined. */
const OFFERED = ["salary", "experience", "skills", "topics"];

export interface Answered {
  reply: Reply;
  routing: RouteResult;
}

const COMPOSE_CACHE_LIMIT = 2000;

export class Engine {
  readonly router: Router;
  readonly catalog: Catalog;
  private readonly composed = new Map<string, Reply>();

  constructor(catalog: Catalog, options: EngineOptions = {}) {
    this.catalog = catalog;
    this.router = new Router(catalog, options.router);
  }

  /** Routes a question and composes the reply. */
  ask(text: string): Answered {
    const routing = this.router.route(text);
    if (routing.outcome === "answer" && routing.intent) {
      return { reply: this.compose(routing.intent, routing.slots, routing.confidence), routing };
    }
    if (routing.outcome === "clarify") return { reply: this.clarify(routing), routing };
    return { reply: this.decline(routing.declineReason ?? "not-understood", routing.slots, routing.confidence), routing };
  }

  /** One turn: a message or a button click. */
  handle(inbound: Inbound): Reply[] {
    if (inbound.action) return [this.onAction(inbound.action.id, inbound.action.value)];
    return [this.ask(inbound.text ?? "").reply];
  }

  /**
   * Answers an intent directly (a button click names it), with optional slots. Content is frozen, so
   * the same intent and slots always give the same blocks: they are built once and kept (bounded).
   */
  compose(intentId: string, slots: Slots, confidence = 1): Reply {
    const key = composeKey(intentId, slots);
    let made = this.composed.get(key);
    if (!made) {
      if (this.composed.size >= COMPOSE_CACHE_LIMIT) this.composed.clear();
      made = deepFreeze(this.build(intentId, slots));
      this.composed.set(key, made);
    }
    return { ...made, confidence: made.outcome === "answer" || made.intent === "other-country" ? confidence : made.confidence };
  }

  /** Forgets composed answers (the benchmark uses it to time composition too). */
  clearCache(): void {
    this.composed.clear();
  }

  private build(intentId: string, slots: Slots, confidence = 1): Reply {
    const intent = this.catalog.intentById.get(intentId);
    const composer = intent && COMPOSERS[intent.answer];
    if (!intent || !composer) return this.decline("not-understood", slots, 0);
    const composition: Composition = composer({ catalog: this.catalog, intent, slots });
    if (composition.kind === "decline") {
      return { outcome: "decline", intent: composition.reason, confidence, blocks: composition.blocks };
    }
    const blocks = [...composition.blocks];
    if (!intent.slots.includes("country")) {
      const caveat = countryCaveat(this.catalog, slots);
      if (caveat) blocks.splice(blocks[0]?.type === "heading" ? 1 : 0, 0, { type: "text", text: caveat });
    }
    const cited = this.sourcesOf(blocks);
    if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
    const followUps = intent.followUps.filter((id) => this.catalog.intentById.has(id)).slice(0, 3);
    if (followUps.length > 0 && !blocks.some((b) => b.type === "buttons")) {
      blocks.push({ type: "buttons", title: "You could also ask", buttons: followUps.map((id) => askButton(this.catalog, id)) });
    }
    return { outcome: "answer", intent: intent.id, confidence, blocks };
  }

  private onAction(id: string, value: string): Reply {
    if (id === ACTIONS.ask) {
      const parsed = parseAskValue(value);
      if (parsed && this.catalog.intentById.has(parsed.intent)) return this.compose(parsed.intent, parsed.slots);
      return this.stale();
    }
    return this.stale();
  }

  /** A button this engine does not recognise (an old message, a changed catalog): say so, change nothing. */
  stale(): Reply {
    return {
      outcome: "decline",
      intent: "stale-action",
      confidence: 1,
      blocks: [
        { type: "text", text: "That button is from an older message and no longer works. Ask me again, or pick a topic." },
        { type: "buttons", buttons: [askButton(this.catalog, "topics")] },
      ],
    };
  }

  private clarify(routing: RouteResult): Reply {
    const top = routing.candidates[0]?.score ?? 0;
    const options = routing.candidates.filter((c) => c.score >= top * 0.45).slice(0, 3);
    return {
      outcome: "clarify",
      intent: routing.intent ?? "unknown",
      confidence: routing.confidence,
      blocks: [
        { type: "text", text: "I'm not sure what you're asking. Did you mean:" },
        { type: "buttons", title: "Did you mean", buttons: options.map((c) => askButton(this.catalog, c.intent, withSlots(c.intent, routing.slots))) },
      ],
    };
  }

  decline(reason: DeclineReason, slots: Slots, confidence: number): Reply {
    const blocks: Block[] = [];
    const role = "the Customer Care / Customer Service Director role";
    switch (reason) {
      case "empty":
        return this.compose("help", {}, 1);
      case "injection":
        blocks.push({ type: "text", text: `I can't change how I work or what I answer. I only answer questions about ${role}, from five published sources.` });
        break;
      case "other-role":
        blocks.push({ type: "text", text: `I only know about ${role}, so I can't tell you about ${slots.otherRole ? `the ${slots.otherRole} role` : "other jobs"}.` });
        break;
      case "related-role-pay":
        blocks.push({
          type: "text",
          text: `My sources give figures for the director role only, not for ${slots.relatedRole ? `a ${slots.relatedRole}` : "other roles"}, so I won't guess.`,
        });
        break;
      case "other-country":
        blocks.push({ type: "text", text: `None of my sources covers ${slots.countryName ?? "that country"}. They give figures for the United States, the United Kingdom and Canada.` });
        break;
      case "off-topic":
      case "not-understood":
        blocks.push({ type: "text", text: `Sorry, I can't answer that. I only know about ${role}: ${joinList(["pay", "skills", "experience and education", "KPIs", "trade-offs", "the outlook"])}.` });
        break;
    }
    blocks.push({ type: "buttons", title: "I can help with", buttons: OFFERED.map((id) => askButton(this.catalog, id)) });
    return { outcome: "decline", intent: reason, confidence, blocks };
  }

  private sourcesOf(blocks: readonly Block[]): SourceRef[] {
    const ids: string[] = [];
    const add = (list?: readonly string[]) => list?.forEach((id) => ids.includes(id) || ids.push(id));
    for (const b of blocks) {
      if (b.type === "text") add(b.sources);
      else if (b.type === "bullets") b.items.forEach((i) => add(i.sources));
      else if (b.type === "facts") b.facts.forEach((f) => add(f.sources));
    }
    return ids.flatMap((id) => {
      const s = this.catalog.sources.get(id);
      return s ? [{ id, short: s.short, title: s.title, publisher: s.publisher, date: s.date }] : [];
    });
  }
}

/** Everything a composer reads from the slots, as a cache key. */
function composeKey(intent: string, s: Slots): string {
  return [intent, s.country, s.countries?.join("+"), s.countryName, s.level, s.years, s.period, s.aspect, s.byLevel ? 1 : 0].join("|");
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** "salary?country=UK&level=entry" → { intent, slots }; null when malformed. */
export function parseAskValue(value: string): { intent: string; slots: Slots } | null {
  if (value.length > 200) return null;
  const [intent, query = ""] = value.split("?", 2);
  if (!intent || !/^[a-z0-9-]+$/.test(intent)) return null;
  const slots: Slots = {};
  for (const pair of query.split("&").filter(Boolean)) {
    const [k, v] = pair.split("=", 2);
    if (!v || !/^[A-Za-z0-9-]{1,20}$/.test(v)) continue;
    if (k === "country") slots.country = v;
    else if (k === "level" && ["entry", "mid", "experienced", "senior", "veteran"].includes(v)) slots.level = v as Slots["level"];
    else if (k === "period" && ["year", "hour", "month", "week"].includes(v)) slots.period = v as Slots["period"];
    else if (k === "aspect") slots.aspect = v as Slots["aspect"];
  }
  return { intent, slots };
}

/** Keeps the slots a suggestion would need, so "Did you mean: salary" still remembers "UK". */
function withSlots(intent: string, slots: Slots): string {
  const parts: string[] = [];
  if (slots.country && ["US", "UK", "CA"].includes(slots.country)) parts.push(`country=${slots.country}`);
  if (slots.level) parts.push(`level=${slots.level}`);
  if (slots.period) parts.push(`period=${slots.period}`);
  if (slots.aspect) parts.push(`aspect=${slots.aspect}`);
  return parts.length ? `${intent}?${parts.join("&")}` : intent;
}
