/**
 * What the Slack handlers decide before anything is sent (recorded in the inbox, then executed),
 * what the inbox keeps of a request, and what every Inbound says about who sent it.
 */
import { z } from "zod";
import { jsonCodec } from "../../core/codec.ts";
import type { Engine } from "../../core/engine.ts";
import type { Store } from "../../core/store.ts";
import type { Inbound, Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import type { GreetPlan } from "./agent.ts";
import type { Delivery, Place } from "./deliver.ts";
import { encodeSlackUser } from "./ids.ts";
import { rec } from "./inbound.ts";
import { SLACK_EVENTS, type SlackEventName } from "./manifest.ts";
import type { HomeView } from "./render.ts";

export interface HandlerDeps {
  engine: Engine;
  store: Store;
  delivery: Delivery;
  log: Logger;
  /** Slack user ids that may see the bot's own KPIs (ADMIN_USER_IDS). */
  admins: ReadonlySet<string>;
  /** EXPERTS_CHANNEL: thread replies there are relayed to whoever asked the forwarded question. */
  expertsChannel?: string;
}

/** What the inbox keeps of a Slack request: which listener, and the body as Bolt parsed it. */
const SlackWorkSchema = z.object({
  on: z.enum([...(Object.keys(SLACK_EVENTS) as SlackEventName[]), "command", "action"]),
  body: z.unknown(),
});
export type SlackWork = z.infer<typeof SlackWorkSchema>;
export const workCodec = jsonCodec(SlackWorkSchema);

/** What to send, decided before anything is sent. */
export type SlackPlan =
  | { kind: "deliver"; place: Place; outbounds: Outbound[] }
  | { kind: "share"; place: Place; question: string; replies: Reply[]; rest: Outbound[] }
  | { kind: "relay"; expert: Place; asker: { team: string; user: string }; reply: Reply }
  | { kind: "home"; place: Place; view: HomeView }
  | GreetPlan;

const PLAN_KINDS: ReadonlySet<string> = new Set(["deliver", "share", "relay", "home", "greet"]);

/**
 * A plan read back from the inbox. It was written by `plan` in this same code, so the check is of
 * its kind, not of every field of the replies it carries; anything else is not a plan.
 */
export const recordedPlan = z
  .custom<SlackPlan>((value) => PLAN_KINDS.has(String(rec(value)?.kind)))
  .nullable()
  .catch(null);

/** The sender's part of an Inbound: the platform, the user's id, their name, and whether they are an admin. */
export function sender(
  admins: ReadonlySet<string>,
  team: string,
  user: string,
  userName?: string,
): Pick<Inbound, "channel" | "user" | "userName" | "admin"> {
  return {
    channel: "slack",
    user: encodeSlackUser({ team, user }),
    ...(userName ? { userName } : {}),
    admin: admins.has(user),
  };
}
