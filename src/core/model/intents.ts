/** intents/*.yml and data/lexicon.yml: the questions the bot answers, and the words that route them. */
import { z } from "zod";
import { COUNTRIES, id, LEVELS, RATING_ASPECTS } from "./common.ts";

export const SLOT_NAMES = ["country", "level", "period", "aspect"] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export const IntentSchema = z
  .object({
    id,
    /** The FAQ question this intent answers, as a user would ask it; used as a button label (75 characters at most). */
    question: z.string().trim().min(3).max(75),
    description: z.string().trim().min(1),
    /** The composer that answers it (see src/core/answers/registry.ts). */
    answer: id,
    slots: z.array(z.enum(SLOT_NAMES)).default([]),
    /** Canonical term → weight. Terms are lower-case words or phrases after synonyms are applied, or frame names (_what_do). */
    keywords: z.record(
      z.string().regex(/^([a-z0-9 ]+|_[a-z_]+)$/, "lower-case words, or a frame name like _how_long"),
      z.number().positive().max(10),
    ),
    /** Canonical term → the words and phrases that mean it. Applied everywhere, not only in this intent. */
    synonyms: z
      .record(
        z.string().regex(/^[a-z0-9 ]+$/),
        z.array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case words only")).min(1),
      )
      .default({}),
    examples: z.array(z.string().trim().min(1).max(300)).min(10, "needs at least 10 example utterances"),
    /** Intents offered as follow-up questions after this one (2-3). */
    followUps: z.array(id).max(3).default([]),
    /** The intent that explains this one's answer, for "why?" as a follow-up (default: this one). */
    why: id.optional(),
  })
  .strict();
export type Intent = z.infer<typeof IntentSchema>;

const phrase = z.string().regex(/^[a-z0-9 ]+$/, "lower-case words only");

/** Words that carry meaning for routing but belong to no single intent (role titles, other roles, countries). */
export const LexiconSchema = z
  .object({
    /** Phrases that name this role. */
    role: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
    /** Other job titles: a question about them is declined. */
    otherRoles: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
    /** Roles on the path to or from this one: fine in most questions, but we hold no pay figures for them. */
    relatedRoles: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
    /** Country names and adjectives, keyed by ISO-ish code; US, UK and CA are the ones we have data for. */
    countries: z.record(
      z.string().regex(/^[A-Z]{2}$/),
      z.object({ name: z.string().min(1), words: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1) }).strict(),
    ),
    /** Cities, states and regions inside the covered countries: the sources give no figures for one place. */
    places: z.partialRecord(z.enum(COUNTRIES), z.array(z.union([phrase, z.array(phrase).min(2)])).min(1)).default({}),
    /** Question forms no source answers ("calculate", "interview questions"), keyed by what is missing. */
    unanswered: z.record(z.string().min(3), z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1)).default({}),
    /** The same as patterns (regular expressions over the normalised text), for words far apart. */
    unansweredForms: z.record(z.string().min(3), z.string().min(3)).default({}),
    /** Words that mark a request as off-topic or as an attempt to change the bot's instructions. */
    offTopic: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
    injection: z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1),
    stopWords: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
    /** Everyday words the speller must not "correct" into the vocabulary; neutral for matching. */
    commonWords: z.array(z.string().regex(/^[a-z]+$/)).default([]),
    /** Chat shorthand → what it stands for ("u" → "you"); an empty expansion drops the word. */
    abbreviations: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().regex(/^[a-z ]*$/)).default({}),
    /** Question shapes that only mean something as a whole ("what does ... do"): term → regular expression over the normalised text. */
    slotWords: z
      .object({
        level: z.record(z.enum(LEVELS), z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1)),
        period: z.record(z.enum(["hour", "month", "week", "year"]), z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1)),
        aspect: z.record(z.enum(RATING_ASPECTS), z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1)),
      })
      .strict(),
    frames: z.record(z.string().regex(/^_[a-z_]+$/, "frame names start with _"), z.string().min(1)),
  })
  .strict();
export type Lexicon = z.infer<typeof LexiconSchema>;
