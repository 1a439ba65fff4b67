/**
 * What happens after the ack: Slack event, command or click → Inbound → engine → Delivery.
 * No answer logic here: every text and every click goes to engine.handle. Each event_id is
 * handled once, through the store, so a retry reaching another process is not answered twice.
 */
import type { Engine } from "../../core/engine.ts";
import { relay } from "../../core/experts.ts";
import type { Store } from "../../core/store.ts";
import type { Inbound } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import type { Delivery, Place } from "./deliver.ts";
import {
  conversationKey,
  type MessageIn,
  readAction,
  readCommand,
  readHomeOpened,
  readMessageEvent,
  userKey,
} from "./inbound.ts";
import { renderHome } from "./render.ts";
import { readShareValue, SHARE_ACTION } from "./share.ts";

export const EVENT_DEDUPE_TTL_MS = 3600_000;
export const dedupeKey = (eventId: string) => `slack:event:${eventId}`;

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

export class SlackHandlers {
  constructor(private readonly deps: HandlerDeps) {}

  /** app_mention (answered in its thread) or message.im (answered in the DM). */
  async onMessage(body: unknown, kind: "mention" | "dm"): Promise<void> {
    const event = kind === "dm" ? "message.im" : "app_mention";
    const verdict = readMessageEvent(body, kind);
    if ("ignore" in verdict) return this.deps.log.debug("Slack event ignored", { event, reason: verdict.ignore });
    const m = verdict.message;
    if (!(await this.firstTime(m.eventId, event))) return;
    const outbounds = await this.deps.engine.handle({
      ...this.who(m.team, m.user),
      conversation: conversationKey(m.team, m.channel),
      direct: kind === "dm",
      text: m.text,
    });
    const place: Place = {
      event,
      team: m.team,
      user: m.user,
      channel: m.channel,
      direct: kind === "dm",
      privateHere: false,
      ...(kind === "mention" ? { threadTs: m.threadTs ?? m.ts } : m.threadTs ? { threadTs: m.threadTs } : {}),
    };
    await this.deps.delivery.deliver(place, outbounds);
  }

  /**
   * message.channels / message.groups: a person's reply in a thread of EXPERTS_CHANNEL is relayed to
   * the asker of the question posted there, by DM. Everything else said in channels is ignored (the
   * bot answers mentions only), and is dropped before it costs a store round trip.
   */
  async onChannelMessage(body: unknown, event: "message.channels" | "message.groups"): Promise<void> {
    const m = this.expertReply(body, event);
    if (!m) return;
    if (!(await this.firstTime(m.eventId, event))) return;
    const relayed = await relay(this.deps.store, `slack:${m.channel}:${m.threadTs}`, undefined, m.text);
    if (relayed?.asker.channel !== "slack") {
      this.deps.log.debug("Slack event ignored", { event, reason: "not-a-forwarded-question" });
      return;
    }
    const [team = "", user = ""] = relayed.asker.user.split(":").slice(-2);
    const expert: Place = {
      event: "expert-reply",
      team: m.team,
      user: m.user,
      channel: m.channel,
      threadTs: m.threadTs,
      direct: false,
      privateHere: false,
    };
    const delivered = await this.deps.delivery.relay(expert, { team, user }, relayed.reply);
    this.deps.log.info(delivered ? "expert's reply relayed to the asker" : "expert's reply could not be relayed", {
      event,
      channel: m.channel,
      thread: m.threadTs,
    });
  }

  /**
   * A person's thread reply in EXPERTS_CHANNEL, or null (logged at debug) for any other channel
   * message. Synchronous and cheap: app.ts calls it before queueing, so channel chatter costs nothing.
   */
  expertReply(body: unknown, event: "message.channels" | "message.groups"): MessageIn | null {
    const verdict = readMessageEvent(body, "channel");
    let reason: string;
    if ("ignore" in verdict) reason = verdict.ignore;
    else if (!this.deps.expertsChannel || verdict.message.channel !== this.deps.expertsChannel)
      reason = "not-the-experts-channel";
    else if (!verdict.message.threadTs || verdict.message.threadTs === verdict.message.ts)
      reason = "not-a-thread-reply";
    else return verdict.message;
    this.deps.log.debug("Slack event ignored", { event, reason });
    return null;
  }

  /** App Home opened on its Home tab: publish the home view for this user. */
  async onHomeOpened(body: unknown): Promise<void> {
    const home = readHomeOpened(body);
    if (!home) return;
    if (!(await this.firstTime(home.eventId, "app_home_opened"))) return;
    const reply = await this.deps.engine.home(userKey(home.team, home.user));
    await this.deps.delivery.publishHome(
      { event: "app_home_opened", team: home.team, user: home.user, direct: true, privateHere: false },
      renderHome(reply),
    );
  }

  /** /careerfaq <text>: answered privately through response_url, with "Share in channel". */
  async onCommand(body: unknown): Promise<void> {
    const c = readCommand(body);
    if (!c) return this.deps.log.warn("Slack command ignored: malformed payload", { event: "command" });
    const text = c.text.trim() || "help";
    const outbounds = await this.deps.engine.handle({
      ...this.who(c.team, c.user, c.userName),
      conversation: conversationKey(c.team, c.channel),
      // A command may come from any conversation, including a DM between two people.
      direct: false,
      text,
    });
    const place: Place = {
      event: "command",
      team: c.team,
      user: c.user,
      channel: c.channel,
      direct: false,
      responseUrl: c.responseUrl,
      privateHere: true,
      share: { question: text, text },
    };
    await this.deps.delivery.deliver(place, outbounds);
  }

  /** A button click: the engine's action, or the adapter's own Share button. */
  async onAction(body: unknown): Promise<void> {
    const a = readAction(body);
    if (!a) return this.deps.log.warn("Slack interaction ignored: malformed payload", { event: "block_actions" });
    const direct = a.channel?.startsWith("D") === true && !a.ephemeral;
    const place: Place = {
      event: "block_actions",
      team: a.team,
      user: a.user,
      ...(a.channel ? { channel: a.channel } : {}),
      // In a channel, answer in the thread of the clicked message; in a DM, where it was.
      ...(direct
        ? a.threadTs
          ? { threadTs: a.threadTs }
          : {}
        : a.threadTs || a.messageTs
          ? { threadTs: a.threadTs ?? a.messageTs }
          : {}),
      direct,
      ...(a.responseUrl ? { responseUrl: a.responseUrl } : {}),
      privateHere: a.ephemeral,
      ...(a.ephemeral ? { share: { question: a.label, action: { id: a.actionId, value: a.value } } } : {}),
    };
    const base = {
      ...this.who(a.team, a.user, a.userName),
      conversation: conversationKey(a.team, a.channel ?? `home-${a.user}`),
      direct: direct || !a.channel,
    };
    if (a.actionId === SHARE_ACTION) return this.share(place, base, a.value);
    const outbounds = await this.deps.engine.handle({ ...base, action: { id: a.actionId, value: a.value } });
    await this.deps.delivery.deliver(place, outbounds);
  }

  /** Share in channel: ask the engine again, post its public answer publicly; anything else stays private. */
  private async share(place: Place, base: Omit<Inbound, "text" | "action">, value: string): Promise<void> {
    const spec = readShareValue(value);
    const inbound: Inbound = {
      ...base,
      direct: false,
      ...(spec?.action
        ? { action: spec.action }
        : spec
          ? { text: spec.text ?? spec.question }
          : { action: { id: SHARE_ACTION, value } }),
    };
    const outbounds = await this.deps.engine.handle(inbound);
    const shareable = outbounds.filter((o) => (o.to ?? "here") === "here" && (o.visibility ?? "public") === "public");
    if (!spec || shareable.length === 0 || !place.responseUrl) {
      return this.deps.delivery.deliver({ ...place, privateHere: true, share: undefined }, outbounds);
    }
    await this.deps.delivery.share(
      place,
      place.user,
      spec.question,
      shareable.map((o) => o.reply),
    );
    const rest = outbounds.filter((o) => !shareable.includes(o));
    if (rest.length > 0) await this.deps.delivery.deliver({ ...place, privateHere: true, share: undefined }, rest);
  }

  private who(team: string, user: string, userName?: string): Pick<Inbound, "channel" | "user" | "userName" | "admin"> {
    return {
      channel: "slack",
      user: userKey(team, user),
      ...(userName ? { userName } : {}),
      admin: this.deps.admins.has(user),
    };
  }

  /** True the first time an event_id is seen (by any process sharing the store). */
  private async firstTime(eventId: string | undefined, event: string): Promise<boolean> {
    if (!eventId) return true;
    try {
      const first = await this.deps.store.setIfAbsent(dedupeKey(eventId), "1", EVENT_DEDUPE_TTL_MS);
      if (!first) this.deps.log.debug("Slack event already handled (retry)", { event, eventId });
      return first;
    } catch (err) {
      // Answering twice is better than not answering: a store outage must not silence the bot.
      this.deps.log.warn("event dedupe failed; handling the event anyway", { event, eventId, err });
      return true;
    }
  }
}
