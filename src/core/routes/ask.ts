/** A click on a suggested question ("ask") or on "More on …" (the whole topic page). */
import { feedbackBlock } from "../feedback.ts";
import { askPayload } from "../payloads.ts";
import { staleReply } from "../replies.ts";
import { ACTIONS } from "../types.ts";
import { clicked, privately, type Route } from "./route.ts";

export const askRoute: Route = {
  name: "ask-button",
  select: clicked(ACTIONS.ask, ACTIONS.more),
  handle: async ({ inbound }, { catalog, assessor, compose }) => {
    const { id, value } = inbound.action!;
    const asked = askPayload.decode(value);
    if (!asked || !catalog.intentById.has(asked.intent)) return privately(staleReply(catalog));
    if (asked.intent === "assess") return assessor.start(inbound);
    const reply = compose(asked.intent, asked.slots, { mode: id === ACTIONS.more ? "page" : "lead" });
    if (!reply.blocks.some((b) => b.type === "sources")) return [{ reply }];
    // No question was typed: the feedback names the topic clicked.
    const feedback = feedbackBlock(askPayload.encode(asked), asked.intent.replace(/-/g, " "));
    return [{ reply: { ...reply, blocks: [...reply.blocks, feedback] } }];
  },
};
