/** The self-assessment's routes: its buttons, the words that start it or show past results, typed answers. */
import { HISTORY_WORDS, START_WORDS } from "../assessment/flow.ts";
import { quizAnswerPayload, quizControlPayload } from "../payloads.ts";
import { ACTIONS } from "../types.ts";
import { clicked, privately, type Route, saidOneOf } from "./route.ts";

export const quizAnswerRoute: Route = {
  name: "quiz-answer",
  select: clicked(ACTIONS.quiz),
  handle: ({ inbound }, { assessor }) => assessor.onClick(inbound, quizAnswerPayload.decode(inbound.action!.value)),
};

export const quizControlRoute: Route = {
  name: "quiz-control",
  select: clicked(ACTIONS.quizControl),
  handle: ({ inbound }, { assessor }) => assessor.onControl(inbound, quizControlPayload.decode(inbound.action!.value)),
};

export const quizStartRoute: Route = {
  name: "quiz-start",
  select: saidOneOf(START_WORDS),
  handle: ({ inbound }, { assessor }) => assessor.start(inbound),
};

export const quizHistoryRoute: Route = {
  name: "quiz-history",
  select: saidOneOf(HISTORY_WORDS),
  handle: async ({ inbound }, { assessor }) => privately(await assessor.history(inbound.user)),
};

/** In a direct message, while a self-assessment is under way, what the user types is read as an answer first. */
export const quizTypedRoute: Route = {
  name: "quiz-typed",
  select: ({ inbound }, { assessor }) => !inbound.action && inbound.direct && assessor.active(inbound.user),
  handle: ({ inbound }, { assessor }) => assessor.onText(inbound),
};
