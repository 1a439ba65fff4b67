/**
 * What happens after the ack, in two halves. `plan`: Slack event, command or click → Inbound →
 * engine → what to send (JSON, recorded in the inbox before anything is sent). `execute`: sends it
 * through Delivery, each Web API call journaled, so a crash resumes after the last message sent.
 * No answer logic here: every text and every click goes to engine.handle. Dedupe is the inbox's.
 */
import { relay } from "../../core/experts.ts";
import { keys } from "../../core/keys.ts";
import type { InboxHandler, Journal } from "../worker.ts";
import { planGreeting, readMessagesTabOpened, sendGreeting } from "./agent.ts";
import { planClick } from "./clicks.ts";
import type { Place } from "./deliver.ts";
import { decodeSlackUser, encodeSlackConversation, encodeSlackPost, encodeSlackUser } from "./ids.ts";
import { type MessageIn, readCommand, readHomeOpened, readMessageEvent } from "./inbound.ts";
import { type HandlerDeps, recordedPlan, type SlackPlan, sender, workCodec } from "./plan.ts";
import { renderHome } from "./render.ts";

export type { HandlerDeps, SlackPlan, SlackWork } from "./plan.ts";

/** How long a thread the bot answered in stays one where replies are answered without a mention. */
const BOT_THREAD_TTL_MS = 7 * 24 * 3600_000;
/** How long a message stays claimed by the handler that answered it (Slack's retries come within an hour). */
const CLAIM_TTL_MS = 24 * 3600_000;

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
        return planClick(this.deps, work.body);
    }
  }

  async execute(recorded: unknown, journal: Journal): Promise<void> {
    const plan = recordedPlan.parse(recorded);
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
    const message = verdict.message;
    const root = message.threadTs ?? message.ts;
    if (kind === "mention") {
      // The same message can also arrive as a channel message (a mention in a bot thread): answer it once.
      if (!(await this.claim(message))) return null;
      await this.deps.store
        .set(keys.slackThread(message.team, message.channel, root), "1", BOT_THREAD_TTL_MS)
        .catch((error) => this.deps.log.warn("Slack thread not remembered", { err: error }));
    }
    const outbounds = await this.deps.engine.handle({
      ...this.who(message.team, message.user),
      conversation: encodeSlackConversation({
        team: message.team,
        channel: message.channel,
        ...(kind === "dm" ? {} : { threadTs: root }),
      }),
      direct: kind === "dm",
      text: message.text,
    });
    const place: Place = {
      event,
      team: message.team,
      user: message.user,
      channel: message.channel,
      direct: kind === "dm",
      privateHere: false,
      ...(kind === "mention"
        ? { threadTs: message.threadTs ?? message.ts }
        : message.threadTs
          ? { threadTs: message.threadTs }
          : {}),
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
    const message = this.expertReply(body, event);
    if (!message) return null;
    const post = encodeSlackPost({ channel: message.channel, ts: message.threadTs! });
    const relayed = await relay(this.deps.store, post, undefined, message.text);
    const asker = relayed?.asker.channel === "slack" ? decodeSlackUser(relayed.asker.user) : null;
    if (!relayed || !asker) {
      this.deps.log.debug("Slack event ignored", { event, reason: "not-a-forwarded-question" });
      return null;
    }
    const expert: Place = {
      event: "expert-reply",
      team: message.team,
      user: message.user,
      channel: message.channel,
      threadTs: message.threadTs,
      direct: false,
      privateHere: false,
    };
    return { kind: "relay", expert, asker, reply: relayed.reply };
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
  private async onThreadReply(message: MessageIn): Promise<SlackPlan | null> {
    const threadTs = message.threadTs!;
    const ours = await this.deps.store
      .get(keys.slackThread(message.team, message.channel, threadTs))
      .catch(() => undefined);
    if (ours === undefined || !(await this.claim(message))) {
      this.deps.log.debug("Slack event ignored", {
        event: "thread-reply",
        reason: ours ? "answered" : "not-our-thread",
      });
      return null;
    }
    const outbounds = await this.deps.engine.handle({
      ...this.who(message.team, message.user),
      conversation: encodeSlackConversation({ team: message.team, channel: message.channel, threadTs }),
      direct: false,
      text: message.text,
    });
    const place: Place = {
      event: "thread-reply",
      team: message.team,
      user: message.user,
      channel: message.channel,
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
    const message = verdict.message;
    return message.threadTs && message.threadTs !== message.ts ? message : null;
  }

  private isExpertsThread(message: MessageIn): boolean {
    return this.deps.expertsChannel !== undefined && message.channel === this.deps.expertsChannel;
  }

  /**
   * The first event to claim a message answers it (true); the other copy (the same message as
   * app_mention and as a channel message, with another event id) is dropped. The claim holds the
   * event id, so the same event replayed from the inbox after a crash still answers.
   */
  private async claim(message: MessageIn): Promise<boolean> {
    const key = keys.slackMessage(message.team, message.channel, message.ts);
    const by = message.eventId ?? message.ts;
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
    const reply = await this.deps.engine.home(encodeSlackUser(home));
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
    const command = readCommand(body);
    if (!command) {
      this.deps.log.warn("Slack command ignored: malformed payload", { event: "command" });
      return null;
    }
    const text = command.text.trim() || "help";
    const outbounds = await this.deps.engine.handle({
      ...this.who(command.team, command.user, command.userName),
      conversation: encodeSlackConversation({ team: command.team, channel: command.channel }),
      // A command may come from any conversation, including a DM between two people.
      direct: false,
      text,
    });
    const place: Place = {
      event: "command",
      team: command.team,
      user: command.user,
      channel: command.channel,
      direct: false,
      responseUrl: command.responseUrl,
      privateHere: true,
      share: { question: text, text },
    };
    return { kind: "deliver", place, outbounds };
  }

  private who(team: string, user: string, userName?: string) {
    return sender(this.deps.admins, team, user, userName);
  }
}
