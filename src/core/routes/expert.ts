/** "Ask an expert" under a decline: forwards the question where an experts' channel is configured. */
import { forwardOutbounds } from "../experts.ts";
import { expertPayload } from "../payloads.ts";
import { staleReply } from "../replies.ts";
import { ACTIONS } from "../types.ts";
import { clicked, privately, type Route } from "./route.ts";

export const expertRoute: Route = {
  name: "expert-button",
  select: clicked(ACTIONS.expert),
  handle: async ({ inbound }, { catalog, experts }) => {
    if (!experts.has(inbound.channel))
      return privately(staleReply(catalog, "Forwarding to experts is not set up here."));
    const question = expertPayload.decode(inbound.action!.value);
    return question === undefined ? privately(staleReply(catalog)) : forwardOutbounds(inbound, question);
  },
};
