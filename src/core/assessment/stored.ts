/**
 * The self-assessment's stored shapes, checked with zod when read back: the session in progress and
 * the results list. A session that does not parse is "corrupt" (the user starts again, told why);
 * a result that does not parse is skipped.
 */
import { z } from "zod";
import { jsonCodec } from "../codec.ts";
import type { QuizState } from "./machine.ts";
import type { ResultRecord } from "./scoring.ts";

const QuizStateSchema = z.object({
  version: z.number().int(),
  attempt: z.string(),
  owner: z.string(),
  step: z.number().int().min(0),
  answers: z.record(z.string(), z.string()),
  startedAt: z.number().default(0),
  updatedAt: z.number().default(0),
}) satisfies z.ZodType<QuizState>;

const ResultSchema = z.object({
  attempt: z.string(),
  version: z.number(),
  at: z.number(),
  score: z.number(),
  band: z.string(),
  dimensions: z.record(z.string(), z.number()),
}) satisfies z.ZodType<ResultRecord>;

export const quizStateCodec = jsonCodec<QuizState>(QuizStateSchema);
export const resultCodec = jsonCodec<ResultRecord>(ResultSchema);

/** A stored session: the state, null when there is none, "corrupt" when it cannot be read. */
export function parseState(raw: string | undefined): QuizState | null | "corrupt" {
  if (raw === undefined) return null;
  return quizStateCodec.decode(raw) ?? "corrupt";
}
