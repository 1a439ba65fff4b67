/**
 * The answer engine: a message or a button click in, channel-neutral replies out. No I/O of its own:
 * storage and the clock are injected; channels translate and render, everything said is decided here.
 * A turn goes to the first of the routes in ./routes that selects it; the engine keeps the question
 * answering (routing, follow-ups, composing) and hands its parts to the routes.
 */

import { Answerer, type ComposeOptions } from "./answerer.ts";
import { Assessor } from "./assessment/flow.ts";
import { ownerOf } from "./assessment/machine.ts";
import type { Catalog } from "./catalog.ts";
import {
  type Answered,
  type ConversationState,
  type Conversed,
  type FollowUp,
  readFollowUp,
  sameQuestionOf,
} from "./conversation.ts";
import { feedbackBlock } from "./feedback.ts";
import { againOptions, itemNamed, itemReply, reasonsFor, refineReply, saidIn, says, stateOf } from "./follow-up.ts";
import { ForgetMe } from "./forget.ts";
import { figuresIn } from "./knowledge/numbers.ts";
import { Metrics, type Report, reportReply } from "./metrics.ts";
import { askPayload } from "./payloads.ts";
import {
  apologyReply,
  bothAnswers,
  clarifyReply,
  declineReply,
  partlyText,
  sourcesOfReply,
  uncoveredReply,
  withPartly,
  withVerdict,
} from "./replies.ts";
import { type RouteResult, Router, type RouterConfig } from "./router/router.ts";
import { dispatch, type EngineParts, ROUTES } from "./routes/index.ts";
import type { Clock, Store } from "./store.ts";
import type { ChannelKind, Inbound, Outbound, Reply, Slots } from "./types.ts";

export interface EngineOptions {
  store: Store;
  clock?: Clock;
  /** How long an unfinished self-assessment is kept (default 7 days). */
  sessionTtlMs?: number;
  router?: Partial<RouterConfig>;
  /** Called with every error a turn swallows (the user gets an apology); adapters log it. */
  onError?: (error: unknown, inbound: Inbound) => void;
  /** How long a conversation's context is kept after its last turn (default 30 minutes). */
  conversationTtlMs?: number;
  /** Platforms with an experts' channel configured: declines there offer "Ask an expert". */
  experts?: ReadonlySet<ChannelKind>;
  /** Called once at the end of every turn `handle` runs (the server logs it). */
  onTurn?: (turn: TurnSummary) => void;
  /** A monotonic clock in milliseconds that times turns for onTurn (default: clock). */
  timer?: () => number;
}

/** One handled turn: where it came from, how it ended (its first reply), how long it took. */
export interface TurnSummary {
  inbound: Inbound;
  /** The first reply's outcome and intent, or "none" when the turn sent nothing. */
  outcome: string;
  intent: string;
  ms: number;
}

export type { Answered, Conversed } from "./conversation.ts";

/** One example utterance that the router sends somewhere other than its own intent (`careerfaq validate`). */
export interface Collision {
  intent: string;
  example: string;
  outcome: string;
  routedTo: string | null;
  confidence: number;
}

export class Engine {
  private readonly router: Router;
  private readonly catalog: Catalog;
  private readonly clock: Clock;
  private readonly onError: (error: unknown, inbound: Inbound) => void;
  private readonly answerer: Answerer;
  private readonly assessor: Assessor;
  private readonly metrics: Metrics;
  private readonly onTurn: ((turn: TurnSummary) => void) | undefined;
  private readonly timer: () => number;
  /** What the routes (./routes) use to handle a turn. */
  private readonly parts: EngineParts;

  constructor(catalog: Catalog, options: EngineOptions) {
    const store = options.store;
    this.catalog = catalog;
    this.router = new Router(catalog, options.router);
    this.answerer = new Answerer(catalog);
    this.clock = options.clock ?? (() => 0);
    this.onError = options.onError ?? (() => {});
    this.onTurn = options.onTurn;
    this.timer = options.timer ?? this.clock;
    this.metrics = new Metrics(store, this.clock);
    this.assessor = new Assessor({
      onQuiz: (event) => this.metrics.quiz(event),
      catalog,
      store,
      clock: this.clock,
      sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600_000,
      faq: (text) => this.ask(text).reply,
    });
    this.parts = {
      catalog,
      store,
      clock: this.clock,
      assessor: this.assessor,
      forgetMe: new ForgetMe({ store, clock: this.clock, owner: ownerOf }),
      metrics: this.metrics,
      experts: options.experts ?? new Set(),
      conversationTtlMs: options.conversationTtlMs ?? 30 * 60_000,
      converse: (text, previous, at) => this.converse(text, previous, at),
      compose: (intentId, slots, composeOptions) => this.compose(intentId, slots, composeOptions),
      stats: (inbound, days) => this.stats(inbound, days),
    };
  }

  /**
   * Routes a question and composes the reply (pure: no storage). `answerThreshold` replays the
   * routing at another threshold (the evaluation's sweep).
   */
  ask(text: string, options: { answerThreshold?: number } = {}): Answered {
    const routing = this.router.route(text, options.answerThreshold);
    return { reply: this.replyTo(routing), routing };
  }

  /**
   * One turn of a conversation (pure): the previous turn's state in, the reply and the state to
   * keep out. A follow-up ("and in Canada?", "why?", "more") is read against the previous turn; a
   * question of its own is answered on its own. Declines keep the previous state, so "and India?"
   * then "and the UK?" still has something to refer to.
   */
  converse(text: string, previous: ConversationState | null, at = this.clock()): Conversed {
    const routing = this.router.route(sameQuestionOf(text, previous));
    const follow = readFollowUp(
      routing,
      previous,
      (intent) => this.catalog.intentById.get(intent)?.slots ?? [],
      (intent, terms) => this.router.facts.searchTopic(terms, intent, 1).length > 0,
      (state, said) => itemNamed(state, this.router.facts.facts, said),
      (routed) => this.router.sourceNamedAlone(routed.analysis),
    );
    // The facts an item reply leads with ("the fourth one"): what a "why?" after it is about.
    let itemFacts: string[] | undefined;
    const reply =
      follow.kind === "fresh"
        ? this.replyTo(routing)
        : this.followUp(follow, routing, text, (focus) => {
            itemFacts = focus;
          });
    // "Which source?" and "why?" are about the previous answer: its topic stays the context.
    const aside = follow.kind === "sources" || follow.kind === "why";
    const after = stateOf(reply, follow, routing, at);
    const shown = aside
      ? previous
      : ((after && itemFacts ? { ...after, facts: itemFacts, picked: true } : after) ?? previous);
    const context = follow.kind !== "fresh" && previous ? previous.intent : undefined;
    return { reply, routing, follow, state: shown, ...(context ? { context } : {}) };
  }

  /**
   * The sources a "where is that from?" asks about: those of a figure it quotes ("the 70k number"),
   * of a pay figure the previous answer did not show ("where does the average come from?" after the
   * range, for the same question), or else the previous answer's.
   */
  private sourcesAsked(state: ConversationState, routing: RouteResult, text: string): string[] {
    // "and where's the 70k number from?": the facts that give the figure quoted.
    const quoted = figuresIn(text).flatMap((f) => (f.figure && !f.own ? [f.term] : []));
    const giving = quoted.length > 0 ? this.router.facts.search(quoted, 4).filter((h) => h.matched.length > 0) : [];
    if (giving.length > 0) return [...new Set(giving.flatMap((h) => h.fact.sources))];
    // "which source says upper management?", "the 4-6 number, where is it from?": the facts of the
    // previous answer's topic that say those words.
    const said = saidIn(routing.normalized);
    if (said.length > 0) {
      // The facts shown first; else any of the topic's.
      const facts = this.router.facts;
      const shown = facts.facts.filter((f) => state.facts.includes(f.id) && says(f.text, said));
      const saying = shown.length > 0 ? shown : facts.ofTopic(state.intent).filter((f) => says(f.text, said));
      if (saying.length > 0) return [...new Set(saying.flatMap((f) => f.sources))];
    }
    const figure = ["average", "range"].find((t) => routing.analysis.terms.has(t) && !state.terms.includes(t));
    if (!figure || state.intent !== "salary") return state.sources;
    const terms = new Set([...state.terms.filter((t) => t !== "average" && t !== "range"), figure]);
    const reply = this.compose(state.intent, state.slots, { terms });
    const ids = reply.blocks.flatMap((b) => (b.type === "sources" ? b.sources.map((x) => x.id) : []));
    return ids.length > 0 ? ids : state.sources;
  }

  private followUp(
    follow: Exclude<FollowUp, { kind: "fresh" }>,
    routing: RouteResult,
    text: string,
    onItem: (facts: string[]) => void,
  ): Reply {
    switch (follow.kind) {
      case "more":
        return this.withFeedback(this.compose(follow.intent, follow.slots, { mode: "page" }), routing, follow.intent);
      case "sources":
        return sourcesOfReply(this.catalog, this.sourcesAsked(follow.state, routing, text));
      case "why": {
        // The intent that explains this answer, or this topic's own short answer (its reasons).
        const why = this.catalog.intentById.get(follow.intent)?.why;
        if (why) return this.withFeedback(this.compose(why, follow.slots), routing, why);
        // One fact shown ("the fourth one"): that fact, and the fact elsewhere that best explains it.
        const explained = reasonsFor(follow.facts, this.router);
        if (explained.length > 0)
          return this.withFeedback(
            this.compose(follow.intent, follow.slots, { focus: explained, quoted: true }),
            routing,
            follow.intent,
          );
        const reasons = this.router.facts.ofTopic(follow.intent).filter((f) => f.summary);
        const options = reasons.length > 0 ? { focus: reasons, quoted: true } : {};
        return this.withFeedback(this.compose(follow.intent, follow.slots, options), routing, follow.intent);
      }
      case "again":
        return this.withFeedback(
          this.compose(follow.intent, follow.slots, againOptions(follow, this.router.facts.facts)),
          routing,
          follow.intent,
        );
      case "how-long": {
        const target = follow.intent === "training" ? "training" : "experience";
        return this.withFeedback(this.compose(target, {}), routing, target);
      }
      case "item":
        return itemReply(follow, routing, {
          catalog: this.catalog,
          router: this.router,
          replyTo: (r) => {
            onItem(r.focus.map((f) => f.id));
            return this.replyTo(r);
          },
        });
      case "refine":
        return refineReply(follow, routing, text, {
          catalog: this.catalog,
          router: this.router,
          replyTo: (r) => this.replyTo(r),
        });
    }
  }

  /** The reply to a routed question (pure). */
  private replyTo(routing: RouteResult): Reply {
    if (routing.outcome === "answer" && routing.intent) {
      const reply = this.answerOf(routing);
      if (routing.also)
        return this.withFeedback(bothAnswers(this.catalog, reply, this.answerOf(routing.also)), routing);
      return this.withFeedback(
        routing.partly ? withPartly(reply, partlyText(routing.partly, this.router.coverage)) : reply,
        routing,
      );
    }
    if (routing.outcome === "clarify") return clarifyReply(this.catalog, routing);
    const reason = routing.declineReason ?? "not-understood";
    if (reason === "empty") return this.compose("help", {});
    if (reason === "uncovered" || reason === "no-words")
      return uncoveredReply(this.catalog, routing, this.router.coverage);
    return declineReply(this.catalog, reason, routing.slots, routing.confidence, routing.analysis.offTopic[0]);
  }

  /** One turn: a message or a button click. Never throws: a failure becomes an apology and a call to onError. */
  async handle(inbound: Inbound): Promise<Outbound[]> {
    const started = this.timer();
    const outbounds = await this.dispatch(inbound);
    const first = outbounds[0]?.reply;
    this.onTurn?.({
      inbound,
      outcome: first?.outcome ?? "none",
      intent: first?.intent ?? "none",
      ms: this.timer() - started,
    });
    return outbounds;
  }

  /** The first route that selects the turn handles it (./routes/index.ts lists them in order). */
  private async dispatch(inbound: Inbound): Promise<Outbound[]> {
    try {
      return await dispatch(ROUTES, inbound, this.parts);
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

  /** Answers an intent directly (a button click names it), with optional slots: its lead, or with mode "page" the whole topic. */
  compose(intentId: string, slots: Slots, options: ComposeOptions = {}): Reply {
    return this.answerer.compose(intentId, slots, options);
  }

  /**
   * Forgets what the engine learnt from earlier questions, so that the next ones are paid in full
   * (the benchmark): spelling corrections, and with `answers` also composed answers.
   */
  clearCache(what: { answers?: boolean } = { answers: true }): void {
    this.router.speller.clearCache();
    if (what.answers) this.answerer.clearCache();
  }

  /** Answers that state facts get 👍/👎 (conversation replies such as "hello" do not). */
  private withFeedback(reply: Reply, routing: RouteResult, intent = reply.intent): Reply {
    if (reply.outcome !== "answer" || !reply.blocks.some((b) => b.type === "sources")) return reply;
    return {
      ...reply,
      blocks: [...reply.blocks, feedbackBlock(askPayload.encode({ intent, slots: routing.slots }), routing.normalized)],
    };
  }

  /** The answer to a routed question, in its short form. */
  private answerOf(routing: RouteResult): Reply {
    const reply = this.answerer.compose(routing.intent!, routing.slots, {
      focus: routing.focus,
      form: routing.form,
      terms: routing.analysis.terms,
      confidence: routing.confidence,
      quoted: routing.quoted,
    });
    return routing.verdict ? withVerdict(this.catalog, reply, routing.verdict) : reply;
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

  /** The raw KPI report over the last `days` days (what `stats` renders), for tests and tools. */
  report(days: number): Promise<Report> {
    return this.metrics.report(days);
  }

  /** How the router reads a message, and the weight of each of its terms for the top candidate (`careerfaq explain`). */
  explain(text: string): { routing: RouteResult; weights: { term: string; weight: number }[] } {
    const routing = this.router.route(text);
    const top = routing.candidates[0];
    const weightOf = (term: string) => ({ term, weight: top ? this.router.scorer.weight(top.intent, term) : 0 });
    return { routing, weights: top ? [...routing.analysis.terms].map(weightOf) : [] };
  }

  /** Example utterances of an intent that the router sends somewhere else (`careerfaq validate`). */
  collisions(): Collision[] {
    return this.catalog.intents.flatMap((intent) =>
      intent.examples.flatMap((example) => {
        const r = this.router.route(example);
        if (r.outcome === "answer" && r.intent === intent.id) return [];
        const routedTo = r.intent ?? r.declineReason ?? null;
        return [{ intent: intent.id, example, outcome: r.outcome, routedTo, confidence: r.confidence }];
      }),
    );
  }
}
