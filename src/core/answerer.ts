/**
 * Intent + slots (+ the facts asked for) → a Reply. The lead answers the question in a few lines,
 * with its sources; a "More on …" button opens the whole topic (the page). Content is frozen, so
 * the same inputs always give the same blocks: replies are built once and kept (bounded).
 */

import { answer, COMPOSER_TERMS, type ComposeMode, citedSources, leadFromFacts } from "./answers/compose.ts";
import { countryCaveat } from "./answers/coverage.ts";
import { askButton } from "./answers/meta.ts";
import { titleStartsWithName } from "./answers/names.ts";
import { composerFor } from "./answers/registry.ts";
import type { Catalog } from "./catalog.ts";
import type { KnowledgeFact } from "./knowledge/facts.ts";
import { askPayload } from "./payloads.ts";
import { declineReply } from "./replies.ts";
import { PLAIN_FORM, type QuestionForm } from "./router/form.ts";
import { ACTIONS, type Block, type Button, type Reply, type Slots } from "./types.ts";

export interface ComposeOptions {
  /** "lead" (default): the short answer; "page": the whole topic. */
  mode?: ComposeMode;
  focus?: readonly KnowledgeFact[];
  form?: QuestionForm;
  terms?: ReadonlySet<string>;
  confidence?: number;
  /** The focus facts give figures the question quoted: lead with them as they are. */
  quoted?: boolean;
}

/**
 * Most replies kept before the cache is emptied. The evaluation's 10,455 questions compose about
 * 2,450 distinct replies (about 1.8 KB of heap each): at 2,000 the cache was emptied every pass and
 * most replies were built again. 5,000 holds them with room to spare, about 9 MB at most.
 */
const CACHE_LIMIT = 5000;
/** Follow-up questions offered under a short answer, and under a whole page. */
const FOLLOW_UPS = { lead: 2, page: 3 } as const;
const NO_TERMS: ReadonlySet<string> = new Set();

export class Answerer {
  private readonly cache = new Map<string, Reply>();

  constructor(private readonly catalog: Catalog) {}

  compose(intentId: string, slots: Slots, options: ComposeOptions = {}): Reply {
    const mode = options.mode ?? "lead";
    const focus = options.focus ?? [];
    const form = options.form ?? PLAIN_FORM;
    const terms = composerTerms(options.terms);
    const quoted = options.quoted === true && focus.length > 0 && mode === "lead";
    const key = `${cacheKey(intentId, slots, mode, focus, form, terms)}|${quoted ? "q" : ""}`;
    let made = this.cache.get(key);
    if (!made) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      made = deepFreeze(this.build(intentId, slots, mode, focus, form, terms, quoted));
      this.cache.set(key, made);
    }
    const confidence = options.confidence ?? 1;
    return {
      ...made,
      confidence: made.outcome === "answer" || made.intent === "other-country" ? confidence : made.confidence,
    };
  }

  /** Forgets composed replies (the benchmark uses it to time composition too). */
  clearCache(): void {
    this.cache.clear();
  }

  private build(
    intentId: string,
    slots: Slots,
    mode: ComposeMode,
    focus: readonly KnowledgeFact[],
    form: QuestionForm,
    terms: ReadonlySet<string>,
    quoted: boolean,
  ): Reply {
    const intent = this.catalog.intentById.get(intentId);
    const composer = intent && composerFor(this.catalog, intent.answer);
    if (!intent || !composer) return declineReply(this.catalog, "not-understood", slots, 0);
    const composition = quoted
      ? answer(leadFromFacts(this.catalog, focus, form))
      : composer({ catalog: this.catalog, intent, slots, mode, focus, form, terms });
    const blocks = [...composition.blocks];
    if (composition.kind === "decline") {
      const cited = citedSources(this.catalog, blocks);
      if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
      if (!blocks.some((b) => b.type === "buttons"))
        blocks.push({ type: "buttons", title: "What I do have", buttons: [this.moreButton(intentId, slots)] });
      return { outcome: "decline", intent: composition.reason, confidence: 1, blocks };
    }
    // "Our desk in Madrid …. What does a director do?": where the asker is needs no caveat.
    if (!intent.slots.includes("country") && !slots.askersCountry) {
      const caveat = countryCaveat(this.catalog, slots);
      if (caveat) blocks.splice(blocks[0]?.type === "heading" ? 1 : 0, 0, { type: "text", text: caveat });
    }
    const cited = citedSources(this.catalog, blocks);
    if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
    if (!blocks.some((b) => b.type === "buttons")) {
      const buttons: Button[] = [];
      if (mode === "lead" && !(composition.kind === "answer" && composition.more === false) && cited.length > 0)
        buttons.push(this.moreButton(intentId, slots));
      const followUps = intent.followUps.filter((id) => this.catalog.intentById.has(id)).slice(0, FOLLOW_UPS[mode]);
      buttons.push(...followUps.map((id) => askButton(this.catalog, id)));
      if (buttons.length > 0) blocks.push({ type: "buttons", title: "You could also ask", buttons });
    }
    return { outcome: composition.kind, intent: intent.id, confidence: 1, blocks };
  }

  /** "More on <the page's title>": opens the whole topic. */
  private moreButton(intentId: string, slots: Slots): Button {
    const page = this.compose(intentId, slots, { mode: "page" });
    const title = page.blocks.find((b): b is Extract<Block, { type: "heading" }> => b.type === "heading")?.text;
    const label = title ? `More on ${lowerTitle(this.catalog, title)}` : "Tell me more";
    return {
      label: label.length > 75 ? `${label.slice(0, 72)}…` : label,
      action: ACTIONS.more,
      value: askPayload.encode({ intent: intentId, slots }),
    };
  }
}

/** The question's terms a composer may read (COMPOSER_TERMS), in a fixed order. */
function composerTerms(terms: ReadonlySet<string> | undefined): ReadonlySet<string> {
  if (!terms || terms.size === 0) return NO_TERMS;
  const read = COMPOSER_TERMS.filter((t) => terms.has(t));
  return read.length === 0 ? NO_TERMS : new Set(read);
}

/** "Duties and responsibilities" → "duties and responsibilities"; names stay capitalised ("Customer Care Director"). */
function lowerTitle(catalog: Catalog, title: string): string {
  return /^[A-Z][a-z]+\b/.test(title) && !titleStartsWithName(catalog, title)
    ? title[0]!.toLowerCase() + title.slice(1)
    : title;
}

/**
 * Every slot, by name: a composer may read any of them, so the cache key holds them all (the
 * `satisfies` check fails to compile when a slot is added to Slots and not here).
 */
const SLOT_NAMES = Object.keys({
  country: 1,
  countryName: 1,
  countries: 1,
  askersCountry: 1,
  level: 1,
  levels: 1,
  byLevel: 1,
  years: 1,
  period: 1,
  aspect: 1,
  aspects: 1,
  amount: 1,
  otherRole: 1,
  relatedRole: 1,
} satisfies Record<keyof Slots, 1>) as (keyof Slots)[];

function slotKey(value: Slots[keyof Slots]): string {
  return Array.isArray(value) ? value.join("+") : value === undefined ? "" : String(value);
}

/** Everything a composer reads, as a cache key. */
function cacheKey(
  intent: string,
  s: Slots,
  mode: ComposeMode,
  focus: readonly KnowledgeFact[],
  form: QuestionForm,
  terms: ReadonlySet<string>,
): string {
  return [
    intent,
    mode,
    ...SLOT_NAMES.map((name) => slotKey(s[name])),
    // A stance the router gave a fact ("Yes" for a figure found) is part of the answer too.
    focus.map((f) => (f.stance ? `${f.id}~${f.stance}` : f.id)).join("+"),
    `${form.yesNo ? "y" : ""}${form.comparison ? "c" : ""}${form.why ? "w" : ""}${form.quantity ? "q" : ""}`,
    [...terms].join("+"),
  ].join("|");
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
