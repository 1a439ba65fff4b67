/**
 * Universal Actions: a click on an Action.Execute button arrives as an invoke named
 * adaptiveCard/action, answered in the invoke response (learn.microsoft.com, "Work with Universal
 * Actions for Adaptive Cards"). Where the click changes the card itself — the next quiz question or
 * the result, the thanks for a vote (shown with the answer it is about), forget-me's outcome — the
 * response is that refreshed card, which Teams shows to the user who clicked; everything else the
 * engine says is posted in the conversation as for a message, and the response is a short message.
 * A value that is not one of our buttons gets a 400 error response, as botbuilder's ActivityHandler
 * answers a malformed one.
 */
import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import type { Engine } from "../../core/engine.ts";
import { askPayload, type FeedbackTarget, reasonPayload, votePayload } from "../../core/payloads.ts";
import { ACTIONS, type Outbound, type Reply } from "../../core/types.ts";
import type { Logger } from "../../log.ts";
import { readExecute, submitData } from "./cards.ts";
import { deliver, pointed } from "./deliver.ts";
import type { TeamsExperts } from "./experts.ts";
import { type InboundOptions, toInbound } from "./inbound.ts";
import { CARD_CONTENT_TYPE } from "./limits.ts";
import { replyActivities } from "./render.ts";
import { send } from "./send.ts";

export const CARD_ACTION_INVOKE = "adaptiveCard/action";
export const MESSAGE_RESPONSE_TYPE = "application/vnd.microsoft.activity.message";
export const ERROR_RESPONSE_TYPE = "application/vnd.microsoft.error";
/** What the message response says when the answer was posted in the conversation. */
export const POSTED_NOTICE = "Answered in the conversation.";

/** Clicks whose reply takes the place of the card that was clicked. */
const REFRESHING: ReadonlySet<string> = new Set([
  ACTIONS.quiz,
  ACTIONS.quizControl,
  ACTIONS.feedback,
  ACTIONS.feedbackReason,
  ACTIONS.forget,
]);

/** What a card action needs from the turn (bot.ts's TurnDeps). */
export interface CardActionDeps {
  engine: Pick<Engine, "handle" | "compose">;
  log: Logger;
  inbound: InboundOptions;
  experts?: TeamsExperts;
}

export interface InvokeResponseBody {
  statusCode: number;
  type: string;
  value: unknown;
}

export async function cardAction(context: TurnContext, deps: CardActionDeps): Promise<void> {
  const action = readExecute(context.activity.value);
  const asSubmit = action && ({ ...context.activity, value: submitData(action.id, action.value) } as Activity);
  const inbound = asSubmit && toInbound(asSubmit, deps.inbound);
  if (!action || !inbound?.action) {
    deps.log.debug("Teams card action without careerfaq data refused", { status: 400 });
    return respond(context, 400, {
      statusCode: 400,
      type: ERROR_RESPONSE_TYPE,
      value: { code: "BadRequest", message: "That button is not one of careerfaq's." },
    });
  }
  const outbound = await deps.engine.handle(inbound);
  const [first, ...rest] = outbound;
  if (first && REFRESHING.has(action.id) && refreshable(context.activity, first)) {
    const [card, ...more] = replyActivities(shown(deps.engine, action, first.reply));
    const content = card?.attachments?.[0]?.content;
    if (content) {
      await respond(context, 200, { statusCode: 200, type: CARD_CONTENT_TYPE, value: content });
      for (const activity of more) if (!(await send(context, activity, deps.log))) break;
      await deliver(context, rest, deps.log, deps.experts);
      return;
    }
  }
  await deliver(context, outbound, deps.log, deps.experts);
  await respond(context, 200, { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: POSTED_NOTICE });
}

/** A reply that belongs where the card is: here, and not one kept out of a shared conversation. */
function refreshable(activity: Activity, out: Outbound): boolean {
  return (out.to ?? "here") === "here" && !pointed(activity, out) && out.reply.intent !== "stale-action";
}

/**
 * The card after the click. A vote's thanks is shown under the answer voted on (composed again from
 * the vote's answer id, so the answer does not vanish from the card), in place of the 👍/👎.
 */
function shown(engine: Pick<Engine, "compose">, action: { id: string; value: string }, reply: Reply): Reply {
  const target = votedOn(action);
  const asked = target && askPayload.decode(target.answer);
  if (!asked || asked.intent === "assess") return reply;
  const answer = engine.compose(asked.intent, asked.slots);
  if (answer.outcome !== "answer") return reply;
  return {
    ...reply,
    blocks: [...answer.blocks.filter((b) => b.type !== "feedback"), { type: "divider" }, ...reply.blocks],
  };
}

/** The answer a 👍/👎 or a reason button is about; undefined for any other click. */
function votedOn(action: { id: string; value: string }): FeedbackTarget | undefined {
  if (action.id === ACTIONS.feedback) return votePayload.decode(action.value)?.target;
  if (action.id === ACTIONS.feedbackReason) return reasonPayload.decode(action.value)?.target;
  return undefined;
}

async function respond(context: TurnContext, status: number, body: InvokeResponseBody): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}
