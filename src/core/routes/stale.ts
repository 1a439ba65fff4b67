/** The last button route: a click that no route above recognised. */
import { staleReply } from "../replies.ts";
import { privately, type Route } from "./route.ts";

/** A button this engine does not know (an old message, a changed catalog): say so, change nothing. */
export const unknownButtonRoute: Route = {
  name: "unknown-button",
  select: ({ inbound }) => inbound.action !== undefined,
  handle: async (_turn, { catalog }) => privately(staleReply(catalog)),
};
