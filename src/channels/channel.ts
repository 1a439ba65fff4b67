/**
 * The seam between the shared HTTP server and each chat platform. A channel turns platform events
 * into Inbound, calls the engine, and renders Outbound; it holds no answer logic.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../config.ts";
import type { Engine } from "../core/engine.ts";
import type { Store } from "../core/store.ts";
import type { Logger } from "../log.ts";

export interface Route {
  method: "GET" | "POST" | "*";
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface Channel {
  readonly name: string;
  /** HTTP routes served on the shared server (Slack: POST /slack/events; Teams: POST /api/messages). */
  readonly routes: readonly Route[];
  /** Connects anything long-lived (Slack Socket Mode). */
  start?(): Promise<void>;
  /** Stops taking work, finishes what fits before `deadline` (ms since the epoch), closes connections. */
  stop(deadline?: number): Promise<void>;
  /** For /healthz: whether the channel can do its job, and why not (e.g. its token was rejected). */
  health?(): ChannelHealth;
}

export interface ChannelHealth {
  ok: boolean;
  /** ok, unknown (not checked yet), rejected (credentials refused), unavailable (verification cannot run), local. */
  auth: string;
  [detail: string]: unknown;
}

export interface ChannelContext {
  config: Config;
  engine: Engine;
  store: Store;
  log: Logger;
}

/** Builds a channel, or returns null when its configuration is absent (after logging how to turn it on). */
export type ChannelFactory = (ctx: ChannelContext) => Promise<Channel | null>;
