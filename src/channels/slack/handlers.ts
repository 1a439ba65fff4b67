/**
 * What happens after the ack, in two halves. `plan`: Slack event, command or click → Inbound →
 * engine → what to send (JSON, recorded in the inbox before anything is sent). `execute`: sends it
 * through Delivery, each Web API call journaled, so a crash resumes after the last message sent.
 * No answer logic here: every text and every click goes to engine.handle. Dedupe is the inbox's.
 */
import { z } from "zod";
import { jsonCodec } from "../../core/codec.ts";
import type { Engine } from "../../core/engine.ts";
import { relay } from "../../core/experts.ts";
import { keys } from "../../core/keys.ts";
import type { Store } from "../../core/store.ts";
import type { Inbound, Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import type { InboxHandler, Journal } from "../worker.ts";
import { type GreetPlan, planGreeting, readMessagesTabOpened, sendGreeting } from "./agent.ts";
import type { Delivery, Place } from "./deliver.ts";
import {
  conversationKey,
  type MessageIn,
  readAction,
  readCommand,
  readHomeOpened,
  readMessageEvent,
  threadConversationKey,
  userKey,
} from "./inbound.ts";
import { SLACK_EVENTS, type SlackEventName } from "./manifest.ts";
import { type HomeView, renderHome } from "./render.ts";
import { readShareValue, SHARE_ACTION } from "./share.ts";

/** How long a thread the bot answered in stays one where replies are answered without a mention. */
const BOT_THREAD_TTL_MS = 7 * 24 * 3600_000;
/** How long a message stays claimed by the handler that answered it (Slack's retries come within an hour). */
const CLAIM_TTL_MS = 24 * 3600_000;

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
const workCodec = jsonCodec(SlackWorkSchema);

/** What to send, decided before anything is sent. */
export type SlackPlan =
  | { kind: "deliver"; place: Place; outbounds: Outbound[] }
  | { kind: "share"; place: Place; question: string; replies: Reply[]; rest: Outbound[] }
  | { kind: "relay"; expert: Place; asker: { team: string; user: string }; reply: Reply }
  | { kind: "home"; place: Place; view: HomeView }
  | GreetPlan;

export class SlackHandlers implements InboxHandler {
  constructor(private readonly deps: HandlerDeps) {}

  async plan(payload: string): Promise<SlackPlan | null> {
    const work = workCodec.decode(payload);
    if (!work) {
      this.deps.log.warn("Slack inbox item unreadable; dropped", { size: payload.length });
      return null;
    }
    switch (work.on) {
      case "app_mention":
        return this.onMessage(work.body, "mention");
      case "message.im":
        return this.onMessage(work.body, "dm");
      case "message.channels":
      case "message.groups":
        return this.onChannelMessage(work.body, work.on);
      case "app_home_opened":
        return this.onHomeOpened(work.body);
      case "command":
        return this.onCommand(work.body);
      case "action":
        return this.onAction(work.body);
    }
  }

  async execute(recorded: unknown, journal: Journal): Promise<void> {
    const plan = recorded as SlackPlan | null;
    if (!plan) return;
    const { delivery, log } = this.deps;
    switch (plan.kind) {
      case "deliver":
        return delivery.deliver({ ...plan.place, journal }, plan.outbounds);
      case "home":
        return delivery.publishHome({ ...plan.place, journal }, plan.view);
      case "greet":
        return sendGreeting(delivery, { ...plan, place: { ...plan.place, journal } });
      case "share": {
        const place = { ...plan.place, journal };
        await delivery.share(place, place.user, plan.question, plan.replies);
        if (plan.rest.length > 0) await delivery.deliver({ ...place, privateHere: true, share: undefined }, plan.rest);
        return;
      }
      case "relay": {
        const delivered = await delivery.relay({ ...plan.expert, journal }, plan.asker, plan.reply);
        log.info(delivered ? "expert's reply relayed to the asker" : "expert's reply could not be relayed", {
          channel: plan.expert.channel,
          thread: plan.expert.threadTs,
        });
      }
    }
  }

  /** app_mention (answered in its thread) or message.im (answered in the DM). */
  private async onMessage(body: unknown, kind: "mention" | "dm"): Promise<SlackPlan | null> {
    const event = kind === "dm" ? "message.im" : "app_mention";
    const verdict = readMessageEvent(body, kind);
    if ("ignore" in verdict) {
      this.deps.log.debug("Slack event ignored", { event, reason: verdict.ignore });
      return null;
    }
    const m = verdict.message;
    const root = m.threadTs ?? m.ts;
    if (kind === "mention") {
      // The same message can also arrive as a channel message (a mention in a bot thread): answer it once.
      if (!(await this.claim(m))) return null;
      await this.deps.store
        .set(keys.slackThread(m.team, m.channel, root), "1", BOT_THREAD_TTL_MS)
        .catch((error) => this.deps.log.warn("Slack thread not remembered", { err: error }));
    }
    const outbounds = await this.deps.engine.handle({
      ...this.who(m.team, m.user),
      conversation: kind === "dm" ? conversationKey(m.team, m.channel) : threadConversationKey(m.team, m.channel, root),
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
    return { kind: "deliver", place, outbounds };
  }

  /**
   * message.channels / message.groups: a person's reply in a thread of EXPERTS_CHANNEL is relayed to
   * the asker of the question posted there, by DM. Everything else said in channels is ignored (the
   * bot answers mentions only), and is dropped before it costs a store round trip.
   */
  private async onChannelMessage(
    body: unknown,
    event: "message.channels" | "message.groups",
  ): Promise<SlackPlan | null> {
    const reply = this.threadReply(body, event);
    if (reply && !this.isExpertsThread(reply)) return this.onThreadReply(reply);
    const m = this.expertReply(body, event);
    if (!m) return null;
    const relayed = await relay(this.deps.store, `slack:${m.channel}:${m.threadTs}`, undefined, m.text);
    if (relayed?.asker.channel !== "slack") {
      this.deps.log.debug("Slack event ignored", { event, reason: "not-a-forwarded-question" });
      return null;
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
    return { kind: "relay", expert, asker: { team, user }, reply: relayed.reply };
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

  /**
   * A person's reply in a thread where the bot answered a mention: answered in the thread, in the
   * thread's context, without a new mention. Replies in any other thread are not the bot's business.
   */
  private async onThreadReply(m: MessageIn): Promise<SlackPlan | null> {
    const threadTs = m.threadTs!;
    const ours = await this.deps.store.get(keys.slackThread(m.team, m.channel, threadTs)).catch(() => undefined);
    if (ours === undefined || !(await this.claim(m))) {
      this.deps.log.debug("Slack event ignored", {
        event: "thread-reply",
        reason: ours ? "answered" : "not-our-thread",
      });
      return null;
    }
    const outbounds = await this.deps.engine.handle({
      ...this.who(m.team, m.user),
      conversation: threadConversationKey(m.team, m.channel, threadTs),
      direct: false,
      text: m.text,
    });
    const place: Place = {
      event: "thread-reply",
      team: m.team,
      user: m.user,
      channel: m.channel,
      direct: false,
      privateHere: false,
      threadTs,
    };
    return { kind: "deliver", place, outbounds };
  }

  /** A person's reply inside a thread (not a new message in the channel), or null. */
  threadReply(body: unknown, _event: "message.channels" | "message.groups"): MessageIn | null {
    const verdict = readMessageEvent(body, "channel");
    if ("ignore" in verdict) return null;
    const m = verdict.message;
    return m.threadTs && m.threadTs !== m.ts ? m : null;
  }

  private isExpertsThread(m: MessageIn): boolean {
    return this.deps.expertsChannel !== undefined && m.channel === this.deps.expertsChannel;
  }

  /**
   * The first event to claim a message answers it (true); the other copy (the same message as
   * app_mention and as a channel message, with another event id) is dropped. The claim holds the
   * event id, so the same event replayed from the inbox after a crash still answers.
   */
  private async claim(m: MessageIn): Promise<boolean> {
    const key = keys.slackMessage(m.team, m.channel, m.ts);
    const by = m.eventId ?? m.ts;
    try {
      return (await this.deps.store.setIfAbsent(key, by, CLAIM_TTL_MS)) || (await this.deps.store.get(key)) === by;
    } catch {
      return true;
    }
  }

  /** App Home opened: the Home tab gets the home view; the Messages tab (the DM) a greeting, once (agent.ts). */
  private async onHomeOpened(body: unknown): Promise<SlackPlan | null> {
    const opened = readMessagesTabOpened(body);
    if (opened) return planGreeting(this.deps, opened);
    const home = readHomeOpened(body);
    if (!home) return null;
    const reply = await this.deps.engine.home(userKey(home.team, home.user));
    const place: Place = {
      event: "app_home_opened",
      team: home.team,
      user: home.user,
      direct: true,
      privateHere: false,
    };
    return { kind: "home", place, view: renderHome(reply) };
  }

  /** /careerfaq <text>: answered privately through response_url, with "Share in channel". */
  private async onCommand(body: unknown): Promise<SlackPlan | null> {
    const c = readCommand(body);
    if (!c) {
      this.deps.log.warn("Slack command ignored: malformed payload", { event: "command" });
      return null;
    }
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
    return { kind: "deliver", place, outbounds };
  }

  /** A button click: the engine's action, or the adapter's own Share button. */
  private async onAction(body: unknown): Promise<SlackPlan | null> {
    const a = readAction(body);
    if (!a) {
      this.deps.log.warn("Slack interaction ignored: malformed payload", { event: "block_actions" });
      return null;
    }
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
    return { kind: "deliver", place, outbounds };
  }

  /** Share in channel: ask the engine again, post its public answer publicly; anything else stays private. */
  private async share(place: Place, base: Omit<Inbound, "text" | "action">, value: string): Promise<SlackPlan> {
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
      return { kind: "deliver", place: { ...place, privateHere: true, share: undefined }, outbounds };
    }
    const rest = outbounds.filter((o) => !shareable.includes(o));
    return { kind: "share", place, question: spec.question, replies: shareable.map((o) => o.reply), rest };
  }

  private who(team: string, user: string, userName?: string): Pick<Inbound, "channel" | "user" | "userName" | "admin"> {
    return {
      channel: "slack",
      user: userKey(team, user),
      ...(userName ? { userName } : {}),
      admin: this.deps.admins.has(user),
    };
  }
}
