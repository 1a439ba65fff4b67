/**
 * The answer engine: a message or a button click in, channel-neutral replies out. No I/O of its own:
 * storage and the clock are injected; channels translate and render, everything said is decided here.
 */

import { Answerer, type ComposeOptions } from "./answerer.ts";
import { Assessor } from "./assessment/flow.ts";
import type { Catalog } from "./catalog.ts";
import { expiring } from "./codec.ts";
import { type ConversationState, conversationCodec, type FollowUp, readFollowUp, stateAfter } from "./conversation.ts";
import { expertButton, forwardOutbounds } from "./experts.ts";
import { feedbackBlock, recordReason, recordVote, thanksReply } from "./feedback.ts";
import { keys } from "./keys.ts";
import { Metrics, reportReply } from "./metrics.ts";
import { askPayload, expertPayload, reasonPayload, votePayload } from "./payloads.ts";
import { apologyReply, clarifyReply, declineReply, sourcesOfReply, staleReply, uncoveredReply } from "./replies.ts";
import { type RouteResult, Router, type RouterConfig } from "./router/router.ts";
import type { Clock, Store } from "./store.ts";

const PERIODS: Record<string, number> = { today: 1, week: 7, month: 30, year: 365 };

import { ACTIONS, type ChannelKind, type Inbound, type Outbound, type Reply, type Slots } from "./types.ts";

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

/** Declines that may be forwarded to experts (not attempts to change the bot, not stale buttons). */
const FORWARDABLE = new Set(["other-role", "related-role-pay", "other-country", "off-topic", "not-understood"]);
const STATS =
  /^(stats|statistics|report|kpis report)(?:\s+(?:last\s+)?(\d{1,3})\s*(?:d|days?)?|\s+(today|week|month|year))?$/;

export interface Answered {
  reply: Reply;
  routing: RouteResult;
}

export interface Conversed extends Answered {
  follow: FollowUp;
  /** The previous turn's topic, when this turn was read as a follow-up to it. */
  context?: string;
  /** The state to keep for the next turn (null: nothing to remember). */
  state: ConversationState | null;
}

/** The word a source is named by in questions: "zippia" for "Zippia (2025)", "cityjobs", "jobdescription". */
function sourceWord(short: string): string {
  return short.toLowerCase().split(/[^a-z0-9]+/)[0] ?? short;
}

/** Follow-ups to figure answers that name another role ("and the manager?") have no figures. */
const FIGURE_FOLLOW_UPS = new Set(["salary", "ratings", "demographics", "pay-factors"]);

export class Engine {
  readonly router: Router;
  readonly catalog: Catalog;
  readonly store: Store;
  readonly clock: Clock;
  private readonly onError: (error: unknown, inbound: Inbound) => void;
  private readonly answerer: Answerer;
  private readonly conversationTtlMs: number;
  readonly assessor: Assessor;
  readonly metrics: Metrics;
  private readonly experts: ReadonlySet<ChannelKind>;
  private readonly onTurn: ((turn: TurnSummary) => void) | undefined;
  private readonly timer: () => number;

  constructor(catalog: Catalog, options: EngineOptions) {
    this.catalog = catalog;
    this.router = new Router(catalog, options.router);
    this.answerer = new Answerer(catalog);
    this.conversationTtlMs = options.conversationTtlMs ?? 30 * 60_000;
    this.store = options.store;
    this.clock = options.clock ?? (() => 0);
    this.onError = options.onError ?? (() => {});
    this.experts = options.experts ?? new Set();
    this.onTurn = options.onTurn;
    this.timer = options.timer ?? this.clock;
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
    const routing = this.router.route(text);
    const follow = readFollowUp(routing, previous, (intent) => this.catalog.intentById.get(intent)?.slots ?? []);
    const reply = follow.kind === "fresh" ? this.replyTo(routing) : this.followUp(follow, routing, text);
    // "Which source?" and "why?" are about the previous answer: its topic stays the context.
    const aside = follow.kind === "sources" || follow.kind === "why";
    const shown = aside ? previous : (this.stateOf(reply, follow, routing, at) ?? previous);
    const context = follow.kind !== "fresh" && previous ? previous.intent : undefined;
    return { reply, routing, follow, state: shown, ...(context ? { context } : {}) };
  }

  private followUp(follow: Exclude<FollowUp, { kind: "fresh" }>, routing: RouteResult, text: string): Reply {
    switch (follow.kind) {
      case "more":
        return this.withFeedback(this.compose(follow.intent, follow.slots, { mode: "page" }), routing, follow.intent);
      case "sources":
        return sourcesOfReply(this.catalog, follow.state.sources);
      case "why": {
        // The intent that explains this answer, or this topic's own short answer (its reasons).
        const why = this.catalog.intentById.get(follow.intent)?.why;
        if (why) return this.withFeedback(this.compose(why, follow.slots), routing, why);
        const reasons = this.router.facts.facts.filter((f) => f.topic === follow.intent && f.summary);
        const options = reasons.length > 0 ? { focus: reasons, quoted: true } : {};
        return this.withFeedback(this.compose(follow.intent, follow.slots, options), routing, follow.intent);
      }
      case "how-long": {
        const target = follow.intent === "training" ? "training" : "experience";
        return this.withFeedback(this.compose(target, {}), routing, target);
      }
      case "refine": {
        const refined: RouteResult = {
          ...routing,
          outcome: "answer",
          intent: follow.intent,
          slots: follow.slots,
          confidence: 1,
        };
        const own = routing.uncovered && routing.uncovered.kind !== "no-words" && routing.uncovered.kind !== "code";
        const uncovered = own ? routing.uncovered! : this.router.uncoveredFor(routing, text, follow.intent);
        if (uncovered)
          return uncoveredReply(
            this.catalog,
            { ...refined, declineReason: "uncovered", uncovered },
            this.router.coverage,
          );
        if (routing.analysis.relatedRoles.length > 0 && !routing.analysis.roleMentioned) {
          const asksPay = routing.analysis.terms.has("salary") || routing.analysis.terms.has("_what_make");
          if (FIGURE_FOLLOW_UPS.has(follow.intent) || asksPay)
            return declineReply(this.catalog, "related-role-pay", routing.slots, 1);
          if (follow.intent === "duties") return this.replyTo({ ...refined, intent: "manager-vs-director", focus: [] });
        }
        // "what about Zippia's number?": the previous topic's facts from the source named.
        const said = new Set(routing.analysis.tokens);
        const named = [...this.catalog.sources.values()].filter(
          (s) => said.has(sourceWord(s.short)) || said.has(`${sourceWord(s.short)}s`),
        );
        const fromSource = this.router.facts.facts.filter(
          (f) => f.topic === follow.intent && named.some((s) => f.sources.includes(s.id)) && !f.summary,
        );
        if (named.length > 0 && fromSource.length > 0)
          return this.replyTo({ ...refined, focus: fromSource.slice(0, 3), quoted: true });
        const sameTopic = routing.focus.filter((f) => f.topic === follow.intent);
        const analysis = { ...routing.analysis, terms: new Set(follow.terms) };
        return this.replyTo({ ...refined, analysis, focus: sameTopic });
      }
    }
  }

  /**
   * What to remember after a reply: its intent and slots, the facts it led with, its sources. A
   * decline of something uncovered remembers the topic it was otherwise about ("at Amazon" → pay),
   * so "and in general?" has something to refer to; other declines change nothing (null).
   */
  private stateOf(reply: Reply, follow: FollowUp, routing: RouteResult, at: number): ConversationState | null {
    if (reply.outcome !== "answer") {
      const nearest = follow.kind === "refine" ? follow.intent : routing.intent;
      if (reply.intent !== "uncovered" || !nearest) return null;
      const slots = follow.kind === "refine" ? follow.slots : routing.slots;
      return stateAfter(nearest, slots, [], [], routing.analysis.terms, at);
    }
    const slots =
      follow.kind === "refine" || follow.kind === "more" || follow.kind === "why" ? follow.slots : routing.slots;
    const sources = reply.blocks.flatMap((b) => (b.type === "sources" ? b.sources.map((s) => s.id) : []));
    const facts = follow.kind === "fresh" ? routing.focus.map((f) => f.id) : [];
    const terms = follow.kind === "refine" ? follow.terms : routing.analysis.terms;
    return stateAfter(reply.intent, slots, facts, sources, terms, at);
  }

  /** The reply to a routed question (pure). */
  private replyTo(routing: RouteResult): Reply {
    if (routing.outcome === "answer" && routing.intent) {
      const reply = this.answerer.compose(routing.intent, routing.slots, {
        focus: routing.focus,
        form: routing.form,
        terms: routing.analysis.terms,
        confidence: routing.confidence,
        quoted: routing.quoted,
      });
      return this.withFeedback(reply, routing);
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

  private async dispatch(inbound: Inbound): Promise<Outbound[]> {
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
      const { reply, routing, context } = await this.inContext(inbound);
      if (reply.outcome === "answer" && reply.intent === "assess") return await this.assessor.start(inbound);
      // Best-effort (not awaited, never throws): the answer does not wait for the counters.
      if (routing.declineReason !== "empty")
        this.metrics.message(
          inbound.user,
          reply.outcome,
          reply.intent,
          routing.normalized,
          routing.declineReason,
          reply.outcome === "answer" ? undefined : context,
        );
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

  /** A message in its conversation: the context is read and kept through the store, best effort. */
  private async inContext(inbound: Inbound): Promise<Conversed> {
    const key = keys.conversation(inbound.conversation);
    const context = expiring(this.store, conversationCodec, this.conversationTtlMs);
    const previous = (await context.get(key).catch(() => undefined)) ?? null;
    const turn = this.converse(inbound.text ?? "", previous, this.clock());
    if (turn.state && turn.state !== previous) {
      const saved = context.set(key, turn.state);
      // The asker's refs list the context, so that "forget me" deletes it.
      const listed = previous ? Promise.resolve() : this.store.append(keys.refs(inbound.user), key, 1000);
      // Best effort, like the learning loop: without a store the next turn simply has no context.
      await Promise.all([saved, listed]).catch(() => {});
    }
    return turn;
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

  private async onAction(inbound: Inbound): Promise<Outbound[]> {
    const { id, value } = inbound.action!;
    switch (id) {
      case ACTIONS.ask:
      case ACTIONS.more: {
        const parsed = askPayload.decode(value);
        if (!parsed || !this.catalog.intentById.has(parsed.intent))
          return [{ reply: staleReply(this.catalog), visibility: "private" }];
        if (parsed.intent === "assess") return this.assessor.start(inbound);
        const reply = this.compose(parsed.intent, parsed.slots, { mode: id === ACTIONS.more ? "page" : "lead" });
        const withFeedback = reply.blocks.some((b) => b.type === "sources")
          ? {
              ...reply,
              blocks: [...reply.blocks, feedbackBlock(askPayload.encode(parsed), parsed.intent.replace(/-/g, " "))],
            }
          : reply;
        return [{ reply: withFeedback }];
      }
      case ACTIONS.feedback: {
        const clicked = votePayload.decode(value);
        if (!clicked) return [{ reply: staleReply(this.catalog), visibility: "private" }];
        const result = await recordVote(this.store, this.clock, inbound, clicked);
        this.metrics.vote(result.stored.intent, clicked.vote, result.previous?.vote);
        const changed = result.previous !== undefined && result.previous.vote !== clicked.vote;
        return [{ reply: thanksReply(clicked, changed), visibility: "private" }];
      }
      case ACTIONS.feedbackReason: {
        const clicked = reasonPayload.decode(value);
        const stored = clicked ? await recordReason(this.store, inbound, clicked) : null;
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
      case ACTIONS.expert: {
        if (!this.experts.has(inbound.channel))
          return [
            { reply: staleReply(this.catalog, "Forwarding to experts is not set up here."), visibility: "private" },
          ];
        const question = expertPayload.decode(value);
        if (question === undefined) return [{ reply: staleReply(this.catalog), visibility: "private" }];
        return forwardOutbounds(inbound, question);
      }
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
