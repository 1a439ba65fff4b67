/**
 * The answer engine: a message or a button click in, channel-neutral replies out. No I/O of its own:
 * storage and the clock are injected; channels translate and render, everything said is decided here.
 */

import { type Composition, citedSources } from "./answers/compose.ts";
import { countryCaveat } from "./answers/coverage.ts";
import { askButton } from "./answers/meta.ts";
import { COMPOSERS } from "./answers/registry.ts";
import { Assessor } from "./assessment/flow.ts";
import type { Catalog } from "./catalog.ts";
import { expertButton, forwardOutbounds } from "./experts.ts";
import { feedbackBlock, parseFeedbackValue, recordReason, recordVote, thanksReply } from "./feedback.ts";
import { Metrics, reportReply } from "./metrics.ts";
import { apologyReply, askValue, clarifyReply, declineReply, parseAskValue, staleReply } from "./replies.ts";
import { type RouteResult, Router, type RouterConfig } from "./router/router.ts";
import type { Clock, Store } from "./store.ts";

const PERIODS: Record<string, number> = { today: 1, week: 7, month: 30, year: 365 };

import { ACTIONS, type ChannelKind, type Inbound, type Outbound, type Reply, type Slots } from "./types.ts";

export { parseAskValue } from "./replies.ts";

export interface EngineOptions {
  store: Store;
  clock?: Clock;
  /** How long an unfinished self-assessment is kept (default 7 days). */
  sessionTtlMs?: number;
  router?: Partial<RouterConfig>;
  /** Called with every error a turn swallows (the user gets an apology); adapters log it. */
  onError?: (error: unknown, inbound: Inbound) => void;
  /** Platforms with an experts' channel configured: declines there offer "Ask an expert". */
  experts?: ReadonlySet<ChannelKind>;
}

/** Declines that may be forwarded to experts (not attempts to change the bot, not stale buttons). */
const FORWARDABLE = new Set(["other-role", "related-role-pay", "other-country", "off-topic", "not-understood"]);
const STATS =
  /^(stats|statistics|report|kpis report)(?:\s+(?:last\s+)?(\d{1,3})\s*(?:d|days?)?|\s+(today|week|month|year))?$/;

export interface Answered {
  reply: Reply;
  routing: RouteResult;
}

const COMPOSE_CACHE_LIMIT = 2000;

export class Engine {
  readonly router: Router;
  readonly catalog: Catalog;
  readonly store: Store;
  readonly clock: Clock;
  private readonly onError: (error: unknown, inbound: Inbound) => void;
  private readonly composed = new Map<string, Reply>();
  readonly assessor: Assessor;
  readonly metrics: Metrics;
  private readonly experts: ReadonlySet<ChannelKind>;

  constructor(catalog: Catalog, options: EngineOptions) {
    this.catalog = catalog;
    this.router = new Router(catalog, options.router);
    this.store = options.store;
    this.clock = options.clock ?? (() => 0);
    this.onError = options.onError ?? (() => {});
    this.experts = options.experts ?? new Set();
    this.metrics = new Metrics(this.store, this.clock);
    this.assessor = new Assessor({
      onQuiz: (event) => this.metrics.quiz(event),
      catalog,
      store: this.store,
      clock: this.clock,
      sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600_000,
      faq: (text) => this.ask(text).reply,
    });
  }

  /** Routes a question and composes the reply (pure: no storage). */
  ask(text: string): Answered {
    const routing = this.router.route(text);
    if (routing.outcome === "answer" && routing.intent) {
      const reply = this.compose(routing.intent, routing.slots, routing.confidence);
      return { reply: this.withFeedback(reply, routing), routing };
    }
    if (routing.outcome === "clarify") return { reply: clarifyReply(this.catalog, routing), routing };
    const reason = routing.declineReason ?? "not-understood";
    const reply =
      reason === "empty"
        ? this.compose("help", {}, 1)
        : declineReply(this.catalog, reason, routing.slots, routing.confidence);
    return { reply, routing };
  }

  /** One turn: a message or a button click. Never throws: a failure becomes an apology and a call to onError. */
  async handle(inbound: Inbound): Promise<Outbound[]> {
    try {
      const quiz = await this.assessor.turn(inbound);
      if (quiz) return quiz;
      if (inbound.action) return await this.onAction(inbound);
      const stats = STATS.exec((inbound.text ?? "").trim().toLowerCase());
      if (stats)
        return [
          {
            reply: await this.stats(inbound, stats[2] ? Number(stats[2]) : PERIODS[stats[3] ?? "month"]!),
            visibility: "private",
          },
        ];
      const { reply, routing } = this.ask(inbound.text ?? "");
      if (reply.outcome === "answer" && reply.intent === "assess") return await this.assessor.start(inbound);
      // Best-effort (not awaited, never throws): the answer does not wait for the counters.
      if (routing.declineReason !== "empty")
        this.metrics.message(inbound.user, reply.outcome, reply.intent, routing.normalized, routing.declineReason);
      if (reply.outcome === "decline" && FORWARDABLE.has(reply.intent) && this.experts.has(inbound.channel)) {
        return [
          {
            reply: {
              ...reply,
              blocks: [...reply.blocks, { type: "buttons", buttons: [expertButton(inbound.text ?? "")] }],
            },
          },
        ];
      }
      return [{ reply }];
    } catch (error) {
      this.onError(error, inbound);
      return [{ reply: apologyReply(), visibility: "private" }];
    }
  }

  /** The welcome shown when the bot is installed (Teams) or first opened: what it does, examples, topics. */
  welcome(): Reply {
    const greeting = this.compose("greeting", {});
    const topics = this.compose("topics", {});
    return {
      outcome: "answer",
      intent: "welcome",
      confidence: 1,
      blocks: [...greeting.blocks, ...topics.blocks.filter((b) => b.type === "buttons")],
    };
  }

  /** The Slack App Home tab for a user: what the bot does, example questions, topic buttons, their last self-assessment. */
  async home(user: string): Promise<Reply> {
    const welcome = this.welcome();
    return { ...welcome, blocks: [...welcome.blocks, { type: "divider" }, ...(await this.assessor.lastResult(user))] };
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
    return {
      ...made,
      confidence: made.outcome === "answer" || made.intent === "other-country" ? confidence : made.confidence,
    };
  }

  /** Forgets composed answers (the benchmark uses it to time composition too). */
  clearCache(): void {
    this.composed.clear();
  }

  private build(intentId: string, slots: Slots): Reply {
    const intent = this.catalog.intentById.get(intentId);
    const composer = intent && COMPOSERS[intent.answer];
    if (!intent || !composer) return declineReply(this.catalog, "not-understood", slots, 0);
    const composition: Composition = composer({ catalog: this.catalog, intent, slots });
    if (composition.kind === "decline") {
      return { outcome: "decline", intent: composition.reason, confidence: 1, blocks: composition.blocks };
    }
    const blocks = [...composition.blocks];
    if (!intent.slots.includes("country")) {
      const caveat = countryCaveat(this.catalog, slots);
      if (caveat) blocks.splice(blocks[0]?.type === "heading" ? 1 : 0, 0, { type: "text", text: caveat });
    }
    const cited = citedSources(this.catalog, blocks);
    if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
    const followUps = intent.followUps.filter((id) => this.catalog.intentById.has(id)).slice(0, 3);
    if (followUps.length > 0 && !blocks.some((b) => b.type === "buttons")) {
      blocks.push({
        type: "buttons",
        title: "You could also ask",
        buttons: followUps.map((id) => askButton(this.catalog, id)),
      });
    }
    return { outcome: "answer", intent: intent.id, confidence: 1, blocks };
  }

  /** Answers that state facts get 👍/👎 (conversation replies such as "hello" do not). */
  private withFeedback(reply: Reply, routing: RouteResult): Reply {
    if (reply.outcome !== "answer" || !reply.blocks.some((b) => b.type === "sources")) return reply;
    return {
      ...reply,
      blocks: [...reply.blocks, feedbackBlock(askValue(reply.intent, routing.slots), routing.normalized)],
    };
  }

  private async onAction(inbound: Inbound): Promise<Outbound[]> {
    const { id, value } = inbound.action!;
    switch (id) {
      case ACTIONS.ask: {
        const parsed = parseAskValue(value);
        if (!parsed || !this.catalog.intentById.has(parsed.intent))
          return [{ reply: staleReply(this.catalog), visibility: "private" }];
        if (parsed.intent === "assess") return this.assessor.start(inbound);
        const reply = this.compose(parsed.intent, parsed.slots);
        const withFeedback = reply.blocks.some((b) => b.type === "sources")
          ? {
              ...reply,
              blocks: [
                ...reply.blocks,
                feedbackBlock(askValue(parsed.intent, parsed.slots), parsed.intent.replace(/-/g, " ")),
              ],
            }
          : reply;
        return [{ reply: withFeedback }];
      }
      case ACTIONS.feedback: {
        const [vote, ...rest] = value.split(":");
        const payload = rest.join(":");
        if ((vote !== "up" && vote !== "down") || !parseFeedbackValue(payload))
          return [{ reply: staleReply(this.catalog), visibility: "private" }];
        const result = await recordVote(this.store, this.clock, inbound, vote, payload);
        if (!result) return [{ reply: staleReply(this.catalog), visibility: "private" }];
        this.metrics.vote(result.stored.intent, vote, result.previous?.vote);
        const changed = result.previous !== undefined && result.previous.vote !== vote;
        return [{ reply: thanksReply(vote, payload, changed), visibility: "private" }];
      }
      case ACTIONS.feedbackReason: {
        const cut = value.indexOf(":");
        const stored =
          cut > 0 ? await recordReason(this.store, inbound, value.slice(0, cut), value.slice(cut + 1)) : null;
        if (!stored)
          return [
            {
              reply: staleReply(this.catalog, "That feedback button has expired. Thanks anyway!"),
              visibility: "private",
            },
          ];
        this.metrics.reason(stored.reason!);
        return [
          {
            reply: {
              outcome: "answer",
              intent: "feedback",
              confidence: 1,
              blocks: [{ type: "text", text: "Got it, thank you. Whoever maintains my content will see it." }],
            },
            visibility: "private",
          },
        ];
      }
      case ACTIONS.expert:
        if (!this.experts.has(inbound.channel))
          return [
            { reply: staleReply(this.catalog, "Forwarding to experts is not set up here."), visibility: "private" },
          ];
        return forwardOutbounds(inbound, value);
      default:
        return [{ reply: staleReply(this.catalog), visibility: "private" }];
    }
  }

  /** The bot's own KPIs over the last `days` days: for admins only (the adapter sets Inbound.admin from configuration). */
  async stats(inbound: Pick<Inbound, "admin">, days: number): Promise<Reply> {
    if (!inbound.admin) {
      return {
        outcome: "decline",
        intent: "stats-denied",
        confidence: 1,
        blocks: [
          {
            type: "text",
            text: "Only the bot's admins can see its statistics (ADMIN_USER_IDS for Slack, TEAMS_ADMIN_IDS for Teams).",
          },
        ],
      };
    }
    return reportReply(await this.metrics.report(Math.min(Math.max(1, days), 366)));
  }
}

/** Everything a composer reads from the slots, as a cache key. */
function composeKey(intent: string, s: Slots): string {
  return [
    intent,
    s.country,
    s.countries?.join("+"),
    s.countryName,
    s.level,
    s.years,
    s.period,
    s.aspect,
    s.byLevel ? 1 : 0,
  ].join("|");
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
