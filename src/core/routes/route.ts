/**
 * A turn's routes as data: an ordered list of `{ select, handle }`, and the first route whose
 * `select` matches the turn handles it (the model of microsoft/teams.ts `packages/apps/src/router.ts`,
 * which the Teams adapter copies too). A new command is a new route in ./index.ts, not a new branch
 * in the engine.
 */
import type { ComposeOptions } from "../answerer.ts";
import type { Assessor } from "../assessment/flow.ts";
import type { Catalog } from "../catalog.ts";
import type { ConversationState, Conversed } from "../conversation.ts";
import type { ForgetMe } from "../forget.ts";
import type { Metrics } from "../metrics.ts";
import type { Clock, Store } from "../store.ts";
import type { ChannelKind, Inbound, Outbound, Reply, Slots } from "../types.ts";
import { simplify } from "../words.ts";

/** What routes use of the engine, handed to them by the engine (which keeps them to itself). */
export interface EngineParts {
  catalog: Catalog;
  store: Store;
  clock: Clock;
  assessor: Assessor;
  forgetMe: ForgetMe;
  metrics: Metrics;
  /** Platforms with an experts' channel configured: declines there offer "Ask an expert". */
  experts: ReadonlySet<ChannelKind>;
  conversationTtlMs: number;
  /** The engine's pure conversation step (Engine.converse). */
  converse(text: string, previous: ConversationState | null, at: number): Conversed;
  /** Answers an intent directly (Engine.compose). */
  compose(intentId: string, slots: Slots, options?: ComposeOptions): Reply;
  /** The engine's KPI reply (Engine.stats). */
  stats(inbound: Pick<Inbound, "admin">, days: number): Promise<Reply>;
}

/** A turn as routes see it: the inbound, and its text simplified once for the word lists. */
export interface Turn {
  inbound: Inbound;
  said: string;
}

export interface Route {
  /** For logs and tests: what the route is for. */
  name: string;
  select(turn: Turn, parts: EngineParts): boolean | Promise<boolean>;
  handle(turn: Turn, parts: EngineParts): Promise<Outbound[]>;
}

/** The first route whose select matches handles the turn; none matching sends nothing. */
export async function dispatch(routes: readonly Route[], inbound: Inbound, parts: EngineParts): Promise<Outbound[]> {
  const turn: Turn = { inbound, said: inbound.action ? "" : simplify(inbound.text ?? "") };
  for (const route of routes) if (await route.select(turn, parts)) return route.handle(turn, parts);
  return [];
}

/** Selects a click on one of these buttons. */
export function clicked(...ids: string[]): Route["select"] {
  return ({ inbound }) => inbound.action !== undefined && ids.includes(inbound.action.id);
}

/** Selects a message (not a click) whose simplified text is one of these words. */
export function saidOneOf(words: ReadonlySet<string>): Route["select"] {
  return ({ inbound, said }) => !inbound.action && words.has(said);
}

/** A reply only the asker sees. */
export function privately(reply: Reply): Outbound[] {
  return [{ reply, visibility: "private" }];
}
