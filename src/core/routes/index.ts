/**
 * The engine's routes, in order: the first whose select matches a turn handles it. Buttons come
 * first (each knows its action id, and an unknown one is stale), then the words that are commands,
 * then a typed answer to a self-assessment under way, and last a question.
 */
import { askRoute } from "./ask.ts";
import { expertRoute } from "./expert.ts";
import { reasonRoute, voteRoute } from "./feedback.ts";
import { forgetButtonRoute, forgetWordsRoute } from "./forget.ts";
import { questionRoute } from "./question.ts";
import { quizAnswerRoute, quizControlRoute, quizHistoryRoute, quizStartRoute, quizTypedRoute } from "./quiz.ts";
import type { Route } from "./route.ts";
import { unknownButtonRoute } from "./stale.ts";
import { statsRoute } from "./stats.ts";

export const ROUTES: readonly Route[] = [
  quizAnswerRoute,
  quizControlRoute,
  forgetButtonRoute,
  askRoute,
  voteRoute,
  reasonRoute,
  expertRoute,
  unknownButtonRoute,
  quizStartRoute,
  quizHistoryRoute,
  forgetWordsRoute,
  quizTypedRoute,
  statsRoute,
  questionRoute,
];

export { dispatch, type EngineParts, type Route } from "./route.ts";
