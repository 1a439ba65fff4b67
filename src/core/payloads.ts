/**
 * Button payloads: one codec per action id (ACTIONS), so a button's value is written and read back in
 * one place. The formats are the ones buttons have always carried — buttons already posted in chats
 * keep working — now checked with zod on the way in. A value that is malformed, too long or forged
 * decodes to undefined, and the route that receives it answers with the stale-button reply.
 */
import { z } from "zod";
import type { Codec } from "./codec.ts";
import { LEVELS, RATING_ASPECTS } from "./model/common.ts";
import { ACTIONS, type Slots } from "./types.ts";

/** Slack caps a button value at 2,000 characters: nothing longer was ever one of our buttons. */
const MAX_VALUE = 2000;
const ID = /^[a-z0-9-]{1,40}$/;
/** Attempt, owner, question, option and nonce ids: letters, digits and dashes (never a dot, the separator). */
const part = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** A codec whose reader splits the value into a candidate object and whose schema decides if it is one. */
function payload<T>(
  schema: z.ZodType<T>,
  encode: (payload: T) => string,
  read: (value: string) => unknown,
  max = MAX_VALUE,
): Codec<T> {
  return {
    encode,
    decode(value) {
      if (typeof value !== "string" || value.length > max) return undefined;
      const parsed = schema.safeParse(read(value));
      return parsed.success ? parsed.data : undefined;
    },
  };
}

/** Cuts at the first `separator`: [before, after], or [value] when there is none. */
function cut(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}

// --- ask and more: "salary?country=UK&level=entry" -------------------------------------------------

const COUNTRIES = ["US", "UK", "CA"] as const;
const PERIODS = ["year", "hour", "month", "week"] as const;
/** Slot values outside the known sets are dropped, not refused: the question is still worth answering. */
const SlotsSchema = z.object({
  country: z.enum(COUNTRIES).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  period: z.enum(PERIODS).optional().catch(undefined),
  aspect: z.enum(RATING_ASPECTS).optional().catch(undefined),
  byLevel: z.literal(true).optional().catch(undefined),
});
const AskSchema = z.object({ intent: z.string().regex(ID), slots: SlotsSchema });
export interface AskPayload {
  intent: string;
  slots: Slots;
}

/** The value of an "ask" button: the intent, plus the slots a suggestion needs ("salary?country=UK"). */
function encodeAsk({ intent, slots }: AskPayload): string {
  const parts: string[] = [];
  if (slots.country && (COUNTRIES as readonly string[]).includes(slots.country)) parts.push(`country=${slots.country}`);
  if (slots.level) parts.push(`level=${slots.level}`);
  if (slots.period) parts.push(`period=${slots.period}`);
  if (slots.aspect) parts.push(`aspect=${slots.aspect}`);
  if (slots.byLevel) parts.push("by=level");
  return parts.length ? `${intent}?${parts.join("&")}` : intent;
}

function readAsk(value: string): unknown {
  const [intent, query = ""] = value.split("?", 2);
  const slots: Record<string, unknown> = {};
  for (const pair of query.split("&").filter(Boolean)) {
    const [key = "", v = ""] = pair.split("=", 2);
    if (key === "by") slots.byLevel = v === "level" ? true : undefined;
    else if (Object.hasOwn(SlotsSchema.shape, key)) slots[key] = v;
  }
  return { intent, slots };
}

const askCodec = payload(AskSchema, encodeAsk, readAsk, 200);
/** ACTIONS.ask and ACTIONS.more; undefined slots are left out, so a decoded value compares as it was built. */
export const askPayload: Codec<AskPayload> = {
  encode: askCodec.encode,
  decode(value) {
    const asked = askCodec.decode(value);
    if (!asked) return undefined;
    const slots = Object.fromEntries(Object.entries(asked.slots).filter(([, v]) => v !== undefined)) as Slots;
    return { intent: asked.intent, slots };
  },
};

// --- feedback: the answer voted on, "salary?country=UK~salary in the uk" -------------------------

/** What a 👍/👎 is about: the answer's identity (an ask value), its intent, and the question asked. */
export interface FeedbackTarget {
  answer: string;
  intent: string;
  question: string;
}
const TargetSchema = z.object({
  answer: z.string(),
  intent: z.string().regex(ID),
  question: z.string().regex(/^[a-z0-9 ]*$/),
});

/** The feedback block's value; the question is cut to 150 characters so a vote fits in a button. */
export const feedbackTarget: Codec<FeedbackTarget> = payload(
  TargetSchema,
  (t) => `${t.answer}~${t.question.slice(0, 150)}`,
  (value) => {
    const [answer, question = ""] = cut(value, "~");
    return { answer, intent: answer.split("?")[0] ?? "", question };
  },
  400,
);

/** A target from inside another value: the vote's or the reason's rest. */
const TargetInValue = z.string().transform((value, ctx) => {
  const target = feedbackTarget.decode(value);
  if (!target) ctx.addIssue({ code: "custom", message: "not a feedback target" });
  return target ?? z.NEVER;
});

export interface VotePayload {
  vote: "up" | "down";
  target: FeedbackTarget;
}
/** A 👍/👎 button's value from the feedback block's value (as renderers have it: already encoded). */
export function voteValue(vote: VotePayload["vote"], feedbackValue: string): string {
  return `${vote}:${feedbackValue}`;
}

/** ACTIONS.feedback: "up:" or "down:" followed by the feedback block's value. */
export const votePayload: Codec<VotePayload> = payload(
  z.object({ vote: z.enum(["up", "down"]), target: TargetInValue }),
  ({ vote, target }) => voteValue(vote, feedbackTarget.encode(target)),
  (value) => {
    const [vote, target] = cut(value, ":");
    return { vote, target };
  },
);

export const REASON_IDS = ["wrong", "incomplete", "outdated", "not-asked"] as const;
export type ReasonId = (typeof REASON_IDS)[number];
export interface ReasonPayload {
  reason: ReasonId;
  target: FeedbackTarget;
}
/** ACTIONS.feedbackReason: a reason id, ":", and the feedback block's value. */
export const reasonPayload: Codec<ReasonPayload> = payload(
  z.object({ reason: z.enum(REASON_IDS), target: TargetInValue }),
  ({ reason, target }) => `${reason}:${feedbackTarget.encode(target)}`,
  (value) => {
    const [reason, target] = cut(value, ":");
    return { reason, target };
  },
);

// --- the self-assessment and forget-me: dot-separated ids ------------------------------------------

export interface QuizAnswerPayload {
  attempt: string;
  owner: string;
  question: string;
  option: string;
}
/** ACTIONS.quiz: "<attempt>.<owner>.<question id>.<option id>". */
export const quizAnswerPayload: Codec<QuizAnswerPayload> = payload(
  z.object({ attempt: part, owner: part, question: part, option: part }),
  (p) => `${p.attempt}.${p.owner}.${p.question}.${p.option}`,
  (value) => {
    const [attempt, owner, question, option, ...rest] = value.split(".");
    return rest.length ? null : { attempt, owner, question, option };
  },
);

export const QUIZ_COMMANDS = ["back", "skip", "cancel", "restart", "start", "history"] as const;
export interface QuizControlPayload {
  command: (typeof QUIZ_COMMANDS)[number];
  attempt?: string;
  owner?: string;
}
/** ACTIONS.quizControl: "<command>.<attempt>.<owner>" (attempt and owner may be left out). */
export const quizControlPayload: Codec<QuizControlPayload> = payload(
  z.object({ command: z.enum(QUIZ_COMMANDS), attempt: part.optional(), owner: part.optional() }),
  (p) => [p.command, p.attempt, p.owner].filter((x) => x !== undefined).join("."),
  (value) => {
    const [command, attempt, owner, ...rest] = value.split(".");
    return rest.length ? null : { command, attempt, owner };
  },
);

export interface ForgetPayload {
  choice: "confirm" | "keep";
  nonce: string;
}
/** ACTIONS.forget: "confirm.<nonce>" or "keep.<nonce>". */
export const forgetPayload: Codec<ForgetPayload> = payload(
  z.object({ choice: z.enum(["confirm", "keep"]), nonce: part }),
  (p) => `${p.choice}.${p.nonce}`,
  (value) => {
    const [choice, nonce, ...rest] = value.split(".");
    return rest.length ? null : { choice, nonce };
  },
);

// --- ask an expert: the question as the user wrote it ---------------------------------------------

/** The longest question forwarded to the experts. */
export const MAX_QUESTION = 500;
/** ACTIONS.expert: the declined question itself (an empty one is answered "nothing to forward"). */
export const expertPayload: Codec<string> = payload(
  z.string(),
  (question) => question.slice(0, MAX_QUESTION),
  (value) => value,
);

/** Every action id with its codec: a new button kind is added here, next to its siblings. */
export const PAYLOADS = {
  [ACTIONS.ask]: askPayload,
  [ACTIONS.more]: askPayload,
  [ACTIONS.feedback]: votePayload,
  [ACTIONS.feedbackReason]: reasonPayload,
  [ACTIONS.quiz]: quizAnswerPayload,
  [ACTIONS.quizControl]: quizControlPayload,
  [ACTIONS.forget]: forgetPayload,
  [ACTIONS.expert]: expertPayload,
} as const;
