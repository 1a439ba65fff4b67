/**
 * A button click (block_actions) → what to send: the engine's action, or the adapter's own
 * "Share in channel", which asks the engine again and posts its public answer publicly.
 */
import type { Inbound } from "../../core/types.ts";
import type { Place } from "./deliver.ts";
import { encodeSlackConversation } from "./ids.ts";
import { type ActionIn, readAction } from "./inbound.ts";
import { type HandlerDeps, type SlackPlan, sender } from "./plan.ts";
import { readShareValue, SHARE_ACTION } from "./share.ts";

export async function planClick(deps: HandlerDeps, body: unknown): Promise<SlackPlan | null> {
  const click = readAction(body);
  if (!click) {
    deps.log.warn("Slack interaction ignored: malformed payload", { event: "block_actions" });
    return null;
  }
  const direct = click.channel?.startsWith("D") === true && !click.ephemeral;
  const place = clickPlace(click, direct);
  const base = {
    ...sender(deps.admins, click.team, click.user, click.userName),
    conversation: encodeSlackConversation({ team: click.team, channel: click.channel ?? `home-${click.user}` }),
    direct: direct || !click.channel,
  };
  if (click.actionId === SHARE_ACTION) return planShare(deps, place, base, click.value);
  const outbounds = await deps.engine.handle({ ...base, action: { id: click.actionId, value: click.value } });
  return { kind: "deliver", place, outbounds };
}

/** Where a click's replies go: in a channel, the thread of the clicked message; in a DM, where it was. */
function clickPlace(click: ActionIn, direct: boolean): Place {
  const threadTs = direct ? click.threadTs : (click.threadTs ?? click.messageTs);
  return {
    event: "block_actions",
    team: click.team,
    user: click.user,
    ...(click.channel ? { channel: click.channel } : {}),
    ...(threadTs ? { threadTs } : {}),
    direct,
    ...(click.responseUrl ? { responseUrl: click.responseUrl } : {}),
    privateHere: click.ephemeral,
    ...(click.ephemeral
      ? { share: { question: click.label, action: { id: click.actionId, value: click.value } } }
      : {}),
  };
}

/** Share in channel: ask the engine again, post its public answer publicly; anything else stays private. */
async function planShare(
  deps: HandlerDeps,
  place: Place,
  base: Omit<Inbound, "text" | "action">,
  value: string,
): Promise<SlackPlan> {
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
  const outbounds = await deps.engine.handle(inbound);
  const shareable = outbounds.filter((o) => (o.to ?? "here") === "here" && (o.visibility ?? "public") === "public");
  if (!spec || shareable.length === 0 || !place.responseUrl) {
    return { kind: "deliver", place: { ...place, privateHere: true, share: undefined }, outbounds };
  }
  const rest = outbounds.filter((o) => !shareable.includes(o));
  return { kind: "share", place, question: spec.question, replies: shareable.map((o) => o.reply), rest };
}
