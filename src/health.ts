/**
 * GET /healthz: whether the bot can do its job, for load balancers and operators.
 * - store: reachable and writable now (a write and a read back, each bounded by STORE_TIMEOUT_MS),
 *   and the open incident if calls are failing;
 * - channels: each one's auth state (Slack: the bot token accepted or rejected; Teams: requests
 *   verified, or verification unavailable because its key metadata cannot be fetched) and its inbox.
 * 200 "ok"; 200 "degraded" when the store fails (answers still go out; quizzes, feedback and the
 * inbox's persistence wait for it); 503 "down" when a channel cannot work (its credentials are
 * rejected or cannot be verified), or no channel is on.
 */
import type { Channel, ChannelHealth, Route } from "./channels/channel.ts";
import { json } from "./http-json.ts";
import type { TimedStore } from "./stores/timed.ts";

export function healthRoute(store: TimedStore, channels: readonly Channel[]): Route {
  return {
    method: "GET",
    path: "/healthz",
    handle: async (_req, res) => {
      const check = await store.check();
      const incident = store.failing;
      const byName: Record<string, ChannelHealth> = {};
      for (const c of channels) byName[c.name] = c.health?.() ?? { ok: true, auth: "n/a" };
      const channelsOk = channels.length > 0 && Object.values(byName).every((h) => h.ok);
      const status = !channelsOk ? "down" : check.writable ? "ok" : "degraded";
      json(res, status === "down" ? 503 : 200, {
        status,
        store: {
          kind: store.inner.constructor.name,
          ...check,
          ...(incident ? { failingSince: new Date(incident.since).toISOString(), failedCalls: incident.failures } : {}),
        },
        channels: byName,
      });
    },
  };
}
