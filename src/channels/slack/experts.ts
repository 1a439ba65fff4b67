/**
 * The experts' channel (EXPERTS_CHANNEL) as the Slack adapter sees it: where forwarded questions are
 * posted, how their posts are remembered for relaying an expert's reply, and the line that says who asked.
 */
import type { Outbound } from "../../core/types.ts";
import { decodeSlackConversation, decodeSlackUser } from "./ids.ts";
import { escapeMrkdwn } from "./text.ts";

/** EXPERTS_CHANNEL, and how to remember a forwarded question's thread (for relaying the experts' reply). */
export interface ExpertsChannel {
  channel: string;
  remember(platformThread: string, about: NonNullable<Outbound["about"]>): Promise<void>;
}

/** "Asked by <@U100> in <#C100>": the asker mentioned (or named, off Slack ids) and the channel linked. */
export function askedBy(about: NonNullable<Outbound["about"]>): string {
  const user = decodeSlackUser(about.user)?.user ?? "";
  const where = decodeSlackConversation(about.conversation)?.channel ?? "";
  const who = /^[UW][A-Z0-9]{2,}$/.test(user) ? `<@${user}>` : escapeMrkdwn(about.userName ?? "Someone");
  const inChannel = /^[CG][A-Z0-9]{2,}$/.test(where)
    ? ` in <#${where}>`
    : /^D/.test(where)
      ? " in a direct message"
      : "";
  return `Asked by ${who}${inChannel}`;
}
