/**
 * Posting: each Outbound goes where it says. "here" is the thread of a mention, the DM, or the
 * response_url of a slash command or a click on a private message; "dm" is the user's DM with the
 * bot; "private" in a channel is ephemeral. Web API failures are logged with context (never a
 * token); when the bot cannot post where it was asked, the user is told privately how to fix it.
 */
import type { webApi } from "@slack/bolt";
import type { Outbound, Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { type Journal, RECORDED } from "../worker.ts";
import { askedBy, type ExpertsChannel } from "./experts.ts";
import { AUTH_FAILED, CANNOT_POST, failureOf } from "./failures.ts";
import { postResponse } from "./fetch.ts";
import { encodeSlackPost } from "./ids.ts";
import type { SlackMethod } from "./manifest.ts";
import { findPosted, stepMetadata } from "./posted.ts";
import { type HomeView, type RenderOptions, renderMessages, type SlackMessage } from "./render.ts";
import { attribution, type ShareSpec, shareBlocks } from "./share.ts";

export { failureOf } from "./failures.ts";

/** Where a message or click came from, and so where its replies go. */
export interface Place {
  /** For logs: app_mention, message.im, command, block_actions. */
  event: string;
  team: string;
  user: string;
  /** The conversation; absent for clicks in App Home (replies go to the DM). */
  channel?: string;
  /** The thread public replies go in. */
  threadTs?: string;
  /** The conversation is the user's DM with the bot. */
  direct: boolean;
  responseUrl?: string;
  /** Replies "here" go privately through response_url (a slash command, a click on a private message). */
  privateHere: boolean;
  /** Public replies sent privately offer "Share in channel" for this question. */
  share?: ShareSpec;
  /** Records each Web API call of an inbox item, so a resumed item sends nothing twice. */
  journal?: Journal;
}

const DM_CACHE_LIMIT = 5000;

export class Delivery {
  private readonly dms = new Map<string, string>();
  /** The bot token's standing: auth.test at start-up, then any call Slack refused for it. */
  readonly auth: { state: "unknown" | "ok" | "rejected"; code?: string } = { state: "unknown" };

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly experts?: ExpertsChannel,
  ) {}

  async deliver(place: Place, outbounds: readonly Outbound[]): Promise<void> {
    for (const out of outbounds) await this.deliverOne(place, out);
  }

  /** Posts a shared answer publicly through the click's response_url, then removes the private copy. */
  async share(place: Place, user: string, question: string, replies: readonly Reply[]): Promise<void> {
    if (!place.responseUrl) return;
    const head = attribution(user, question);
    for (const [i, reply] of replies.entries()) {
      const messages = renderMessages(reply, i === 0 ? { before: head.blocks, beforeText: head.text } : {});
      for (const m of messages)
        await this.respond(place, { response_type: "in_channel", replace_original: false, ...body(m) });
    }
    await this.respond(place, { delete_original: true });
  }

  async publishHome(place: Place, view: HomeView): Promise<void> {
    await this.call(place, "views.publish", { user_id: place.user, view });
  }

  /** The agent's suggested prompts in the user's DM (agent messaging experience: no thread_ts). */
  async suggestPrompts(place: Place, prompts: readonly { title: string; message: string }[], title: string) {
    await this.call(place, "assistant.threads.setSuggestedPrompts", { channel_id: place.channel, title, prompts });
  }

  /** auth.test once at start-up: logs who the bot is, or a clear error when the token is rejected. */
  async checkAuth(): Promise<void> {
    const result = await this.call(
      { event: "startup", team: "", user: "", direct: false, privateHere: false },
      "auth.test",
      {},
    );
    if (result) {
      this.auth.state = "ok";
      this.log.info("Slack bot token accepted", { team: result.team_id, botUser: result.user_id });
    }
  }

  private async deliverOne(place: Place, out: Outbound): Promise<void> {
    const visibility = out.visibility ?? "public";
    if (out.to === "experts") return this.toExperts(place, out);
    if (out.to === "dm" || !place.channel) return void (await this.toDm(place, out.reply));
    if (place.responseUrl && (place.privateHere || visibility === "private")) {
      const after = visibility === "public" && place.share ? shareBlocks(place.share) : [];
      for (const m of renderMessages(out.reply, { after }))
        await this.respond(place, { response_type: "ephemeral", replace_original: false, ...body(m) });
      return;
    }
    if (visibility === "private" && !place.direct) {
      for (const m of renderMessages(out.reply)) {
        const ok = await this.call(
          place,
          "chat.postEphemeral",
          { channel: place.channel, user: place.user, ...thread(place.threadTs), ...body(m) },
          out.reply,
        );
        if (!ok) return;
      }
      return;
    }
    await this.post(place, place.channel, place.threadTs, out.reply);
  }

  /**
   * An expert's reply, relayed to the asker's DM; then a private note to the expert, in the thread,
   * saying whether it reached them. Returns whether the DM was posted.
   */
  async relay(expert: Place, asker: { team: string; user: string }, reply: Reply): Promise<boolean> {
    const delivered = await this.toDm(
      { event: expert.event, team: asker.team, user: asker.user, direct: false, privateHere: false },
      reply,
    );
    // An ephemeral message notifies no one, so naming the asker here pings nobody.
    const who = /^[UW][A-Z0-9]{2,}$/.test(asker.user) ? `<@${asker.user}>` : "the person who asked";
    const text = delivered
      ? `I sent your reply to ${who} by direct message.`
      : `I couldn't send your reply to ${who} by direct message; please reach them yourself.`;
    if (expert.channel) {
      await this.call(expert, "chat.postEphemeral", {
        channel: expert.channel,
        user: expert.user,
        ...thread(expert.threadTs),
        text,
        blocks: [{ type: "context", elements: [{ type: "mrkdwn", text }] }],
      });
    }
    return delivered;
  }

  /** Posts a reply in the user's DM; true when it was posted. */
  private async toDm(place: Place, reply: Reply): Promise<boolean> {
    if (place.direct && place.channel)
      return (await this.post(place, place.channel, place.threadTs, reply)) !== undefined;
    const channel = await this.openDm(place);
    if (!channel) return false;
    return (await this.post({ ...place, channel, direct: true }, channel, undefined, reply)) !== undefined;
  }

  /** Posts every message of a reply; returns the first message's ts, or undefined when posting failed. */
  private async post(
    place: Place,
    channel: string,
    threadTs: string | undefined,
    reply: Reply,
    options: RenderOptions = {},
    tellUser = true,
  ): Promise<string | undefined> {
    let first: string | undefined;
    for (const m of renderMessages(reply, options)) {
      const ok = await this.call(
        { ...place, channel },
        "chat.postMessage",
        { channel, ...thread(threadTs), ...body(m), unfurl_links: false, unfurl_media: false },
        tellUser ? reply : undefined,
      );
      if (!ok) return undefined;
      first ??= typeof ok.ts === "string" ? ok.ts : "";
    }
    return first;
  }

  /** A question forwarded to the experts' channel, headed with who asked and where; the thread is remembered for the relay. */
  private async toExperts(place: Place, out: Outbound): Promise<void> {
    const about = out.about;
    if (!this.experts || !about)
      return this.log.warn("a question for the experts was dropped: EXPERTS_CHANNEL is not set", {
        event: place.event,
      });
    const text = askedBy(about);
    const channel = this.experts.channel;
    const ts = await this.post(
      { ...place, event: "experts" },
      channel,
      undefined,
      out.reply,
      { before: [{ type: "context", elements: [{ type: "mrkdwn", text }] }], beforeText: text },
      false,
    );
    if (ts === undefined)
      return this.log.error(
        "could not post to the experts' channel: invite the bot there (/invite @careerfaq) and check EXPERTS_CHANNEL",
        { channel },
      );
    await this.experts.remember(encodeSlackPost({ channel, ts }), about);
  }

  private async openDm(place: Place): Promise<string | undefined> {
    const open = async () => {
      const key = `${place.team}:${place.user}`;
      const cached = this.dms.get(key);
      if (cached) return cached;
      const result = await this.call({ ...place, journal: undefined }, "conversations.open", { users: place.user });
      const id = (result?.channel as { id?: unknown } | undefined)?.id;
      if (typeof id !== "string") return undefined;
      if (this.dms.size >= DM_CACHE_LIMIT) this.dms.clear();
      this.dms.set(key, id);
      return id;
    };
    return place.journal ? place.journal.step("dm", RECORDED.id, open) : open();
  }

  /** One Web API call; on failure logs with context and returns undefined (and tells the user when it should). */
  private async call(
    place: Place,
    method: SlackMethod,
    args: Record<string, unknown>,
    reply?: Reply,
  ): Promise<Record<string, unknown> | undefined> {
    const send = async (step?: string) => {
      try {
        const tagged = step && method === "chat.postMessage" ? { ...args, metadata: stepMetadata(step) } : args;
        const result = (await this.client.apiCall(method, tagged)) as unknown as Record<string, unknown>;
        // What callers read of a result; the rest is not worth journaling.
        return place.journal ? { ok: result.ok, ts: result.ts, channel: result.channel } : result;
      } catch (err) {
        // Not journaled: what failed() sends is not replayed after a crash.
        await this.failed({ ...place, journal: undefined }, method, err, reply);
        return undefined;
      }
    };
    if (!place.journal) return send();
    const verify =
      method === "chat.postMessage" ? (step: string) => findPosted(this.client, this.log, args, step) : undefined;
    return place.journal.step(method, RECORDED.result, send, verify);
  }

  private async failed(place: Place, method: SlackMethod, err: unknown, reply?: Reply): Promise<void> {
    const { code, needed } = failureOf(err);
    const fields = { event: place.event, channel: place.channel, method, code };
    if (AUTH_FAILED.has(code)) {
      Object.assign(this.auth, { state: "rejected", code });
      this.log.error(
        "Slack rejected the bot token: check SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and that the app is installed",
        fields,
      );
    } else if (code === "missing_scope") {
      this.log.error("the Slack app lacks a scope: update it from manifest.yml and reinstall it", {
        ...fields,
        needed,
      });
    } else if (CANNOT_POST.has(code) && reply && place.channel && !place.direct) {
      this.log.warn("cannot post in this conversation; telling the user", fields);
      await this.cannotPost(place, code, reply);
    } else {
      this.log.warn("Slack Web API call failed", { ...fields, err });
    }
  }

  /** Tells the user privately why the answer could not be posted, with the answer itself. */
  private async cannotPost(place: Place, code: string, reply: Reply): Promise<void> {
    const text = CANNOT_POST.get(code)!;
    const note: SlackMessage = { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
    const messages = [note, ...renderMessages(reply)];
    if (place.responseUrl) {
      for (const m of messages)
        await this.respond(place, { response_type: "ephemeral", replace_original: false, ...body(m) });
      return;
    }
    const channel = await this.openDm(place);
    if (!channel) return;
    const dm: Place = { ...place, channel, direct: true, threadTs: undefined };
    for (const m of messages) if (!(await this.call(dm, "chat.postMessage", { channel, ...body(m) }))) return;
  }

  /** POSTs JSON to a response_url (slash commands and interactions; valid 30 minutes, 5 times). */
  private respond(place: Place, payload: Record<string, unknown>): Promise<boolean> {
    const where = { event: place.event, channel: place.channel };
    const post = () => postResponse(place.responseUrl!, payload, this.log, where);
    return place.journal ? place.journal.step("respond", RECORDED.done, post) : post();
  }
}

function body(m: SlackMessage): { text: string; blocks?: SlackMessage["blocks"] } {
  return m.blocks.length > 0 ? { text: m.text, blocks: m.blocks } : { text: m.text };
}

function thread(ts: string | undefined): { thread_ts?: string } {
  return ts ? { thread_ts: ts } : {};
}
