/** "Forget me": the words that ask for it, and the confirmation's buttons (the work is ../forget.ts). */
import { FORGET_WORDS } from "../forget.ts";
import { forgetPayload } from "../payloads.ts";
import { ACTIONS } from "../types.ts";
import { clicked, privately, type Route, saidOneOf } from "./route.ts";

export const forgetWordsRoute: Route = {
  name: "forget-words",
  select: saidOneOf(FORGET_WORDS),
  handle: async ({ inbound }, { forgetMe }) => privately(await forgetMe.ask(inbound.user)),
};

export const forgetButtonRoute: Route = {
  name: "forget-button",
  select: clicked(ACTIONS.forget),
  handle: ({ inbound }, { forgetMe }) => forgetMe.onAction(inbound, forgetPayload.decode(inbound.action!.value)),
};
