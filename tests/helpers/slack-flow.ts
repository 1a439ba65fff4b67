/**
 * Following a conversation through the fake Slack: the bot's posts in a DM (or any channel) after a
 * mark, waited for by content, and the buttons on them clicked the way Slack sends the click.
 */

import { blockText, buttonsIn, type Clickable, clickBody, directMessage, eventBody, FORM, postSlack } from "./slack.ts";
import type { ApiCall, FakeSlack } from "./slack-fake.ts";

export const DM = "D100";

/** A place in the fake's call log: only calls after it count. */
export const mark = (fake: FakeSlack): number => fake.calls.length;

/** chat.postMessage calls to `channel` since `from`. */
export function postsTo(fake: FakeSlack, channel: string, from = 0): ApiCall[] {
  return fake.calls.slice(from).filter((c) => c.method === "chat.postMessage" && c.params.channel === channel);
}

/** Waits for a post in `channel` (the DM by default) since `from` whose blocks match `pattern`. */
export function waitForPost(fake: FakeSlack, from: number, pattern: RegExp, channel = DM): Promise<ApiCall> {
  return fake.waitFor(() => postsTo(fake, channel, from).find((c) => pattern.test(blockText(c.params.blocks))));
}

/** The button on a posted message whose label matches. */
export function buttonOn(call: ApiCall, label: RegExp): Clickable {
  const found = buttonsIn(call.params.blocks).find((b) => label.test(b.label));
  if (!found)
    throw new Error(
      `no button matching ${label} on the message: ${buttonsIn(call.params.blocks)
        .map((b) => b.label)
        .join(" | ")}`,
    );
  return found;
}

/** A user's direct message to the bot, sent to `server`. */
export async function sayInDm(server: { url: string }, text: string, user = "U100"): Promise<void> {
  const res = await postSlack(server, eventBody(directMessage(text, { user, channel: `D${user.slice(1)}` })));
  if (res.status !== 200) throw new Error(`the DM was not acked: ${res.status}`);
}

/** Clicks a button on a message the bot posted in `channel`; returns the click's response_url id. */
export async function clickOn(
  server: { url: string },
  fake: FakeSlack,
  call: ApiCall,
  label: RegExp,
  user = "U100",
): Promise<string> {
  const b = buttonOn(call, label);
  const id = `c${Math.random().toString(36).slice(2, 10)}`;
  const ts = String(call.result?.ts ?? "1700000000.000001");
  const body = clickBody({
    actionId: b.action_id,
    value: b.value,
    label: b.label,
    type: b.type,
    channel: String(call.params.channel),
    messageTs: ts,
    responseUrl: fake.responseUrl(id),
    user,
  });
  const res = await postSlack(server, body, { contentType: FORM });
  if (res.status !== 200) throw new Error(`the click was not acked: ${res.status}`);
  return id;
}
