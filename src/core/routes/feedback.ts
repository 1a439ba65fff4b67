/** 👍/👎 under an answer, and the reason a user may add after 👎 (the storage is ../feedback.ts). */
import { recordReason, recordVote, thanksReply } from "../feedback.ts";
import { reasonPayload, votePayload } from "../payloads.ts";
import { staleReply } from "../replies.ts";
import { ACTIONS, type Reply } from "../types.ts";
import { clicked, privately, type Route } from "./route.ts";

export const voteRoute: Route = {
  name: "feedback-vote",
  select: clicked(ACTIONS.feedback),
  handle: async ({ inbound }, { catalog, store, clock, metrics }) => {
    const clicked = votePayload.decode(inbound.action!.value);
    if (!clicked) return privately(staleReply(catalog));
    const { stored, previous } = await recordVote(store, clock, inbound, clicked);
    metrics.vote(stored.intent, clicked.vote, previous?.vote);
    const changed = previous !== undefined && previous.vote !== clicked.vote;
    return privately(thanksReply(clicked, changed));
  },
};

const thanksForReason = (): Reply => ({
  outcome: "answer",
  intent: "feedback",
  confidence: 1,
  blocks: [{ type: "text", text: "Got it, thank you. Whoever maintains my content will see it." }],
});

export const reasonRoute: Route = {
  name: "feedback-reason",
  select: clicked(ACTIONS.feedbackReason),
  handle: async ({ inbound }, { catalog, store, metrics }) => {
    const clicked = reasonPayload.decode(inbound.action!.value);
    const stored = clicked ? await recordReason(store, inbound, clicked) : null;
    if (!stored) return privately(staleReply(catalog, "That feedback button has expired. Thanks anyway!"));
    metrics.reason(stored.reason!);
    return privately(thanksForReason());
  },
};
