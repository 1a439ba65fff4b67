/**
 * Loading channels without paying for SDKs nobody uses. Each channel's module (and with it Bolt or
 * botbuilder, the largest part of the process's start-up time and memory) is imported only when the
 * channel is on; a channel with nothing to check at start may also wait for its first request.
 */
import type { Channel, ChannelContext, ChannelFactory, ChannelHealth, Route } from "./channel.ts";

export interface Deferred {
  /** Routes to serve before the module is loaded; the channel is built on the first request to one of them. */
  routes: readonly Pick<Route, "method" | "path">[];
  /** What /healthz says about the channel until it is built. */
  health: ChannelHealth;
}

export interface ChannelEntry {
  name: string;
  /** False when the channel is off (after logging how to turn it on). */
  enabled(ctx: ChannelContext): boolean;
  /** Imports the channel's module. */
  load(): Promise<ChannelFactory>;
  /** Given, the channel waits for its first request instead of loading at start. */
  deferred?(ctx: ChannelContext): Deferred | undefined;
}

/** The channel, a stand-in that builds it on first use, or null when it is off. */
export async function openChannel(entry: ChannelEntry, ctx: ChannelContext): Promise<Channel | null> {
  if (!entry.enabled(ctx)) return null;
  const deferred = entry.deferred?.(ctx);
  if (!deferred) return (await entry.load())(ctx);
  ctx.log.info(`${entry.name} loads its SDK on the first request`, {
    routes: deferred.routes.map((r) => `${r.method} ${r.path}`).join(","),
  });
  let built: Promise<Channel> | undefined;
  let loaded: Channel | undefined;
  const channel = (): Promise<Channel> => {
    built ??= entry
      .load()
      .then((factory) => factory(ctx))
      .then((made) => {
        if (!made) throw new Error(`${entry.name} channel turned itself off after start`);
        loaded = made;
        return made;
      });
    // A failed load is retried by the next request rather than remembered.
    built.catch(() => {
      built = undefined;
    });
    return built;
  };
  return {
    name: entry.name,
    routes: deferred.routes.map(({ method, path }) => ({
      method,
      path,
      handle: async (req, res) => {
        const route = (await channel()).routes.find((r) => r.method === method && r.path === path);
        if (!route) throw new Error(`${entry.name} channel has no route ${method} ${path}`);
        await route.handle(req, res);
      },
    })),
    stop: async (deadline) => {
      if (built) await (await built.catch(() => undefined))?.stop(deadline);
    },
    health: () => (loaded ? (loaded.health?.() ?? { ok: true, auth: "n/a" }) : deferred.health),
  };
}
