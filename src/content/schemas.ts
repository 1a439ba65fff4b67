/**
 * The shape of everything in data/ and intents/, as zod schemas.
 *
 * Content is data: every fact is a record that names the source(s) it comes from.
 * These schemas run once, at start-up (and in `careerfaq validate`); errors name the
 * file and the path inside it. Types used by the core are inferred from here.
 */
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case id (letters, digits, dashes)");
const text = z.string().trim().min(1, "must not be empty").max(600, "too long for one fact (600 characters at most)");
const sourceIds = z.array(id).min(1, "every fact names at least one source");

export const COUNTRIES = ["US", "UK", "CA"] as const;
export type Country = (typeof COUNTRIES)[number];
export const CURRENCY_OF: Record<Country, "USD" | "GBP" | "CAD"> = { US: "USD", UK: "GBP", CA: "CAD" };
export const LEVELS = ["entry", "mid", "experienced", "senior", "veteran"] as const;
export type Level = (typeof LEVELS)[number];
export const RATING_ASPECTS = ["salary", "stability", "stress", "complexity", "work-life", "diversity"] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

// ---------------------------------------------------------------- sources

export const SourceSchema = z.object({
  id,
  /** Short name used in citations, e.g. "Zippia". */
  short: z.string().min(1).max(60),
  title: z.string().min(1),
  kind: z.string().min(1),
  /** Publisher as the document states it; null when the document does not name one. */
  publisher: z.string().min(1).nullable(),
  /** Anything the document says about where its data comes from (e.g. "cites Indeed, Glassdoor, Totaljobs and the BLS"). */
  note: z.string().min(1).optional(),
  /** ISO date the document states, or null when it has none. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
    .nullable(),
  /** The seed file it was read from. */
  seed: z.string().min(1),
  /** Where the document was published, when known (citations link to it). */
  url: z.string().url().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

// ---------------------------------------------------------------- generic topic files

/** Words and phrases a fact answers beyond its own text (lower-case, as a user might ask). */
const keys = z.array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case words only")).min(1);

/**
 * One fact in our own words. `label` is an optional short name (e.g. a trade-off's name); `keys`
 * are the words and question forms it answers beyond its text; `stance` is how it answers a yes/no
 * question ("Yes", "Not necessarily"), when it is the fact asked for.
 */
export const ItemSchema = z
  .object({
    label: z.string().trim().min(1).max(80).optional(),
    text,
    sources: sourceIds.optional(),
    keys: keys.optional(),
    stance: z.string().trim().min(2).max(40).optional(),
    /** What no source puts a number on, for "how much?" questions about this fact ("how big bonuses are"). */
    noFigure: z.string().trim().min(3).max(80).optional(),
  })
  .strict();
export type Item = z.infer<typeof ItemSchema>;

/** data/sources.yml: the documents, and what each says about where its figures come from. */
export const SourcesFileSchema = z
  .object({ sources: z.array(SourceSchema).min(1), facts: z.array(ItemSchema).default([]) })
  .strict();

/** A group of facts; `sources` applies to every item that names none of its own. */
export const SectionSchema = z
  .object({
    id,
    title: z.string().trim().min(1).max(100),
    sources: sourceIds.optional(),
    /** "bullets" (default) or "numbered" for ordered steps. */
    style: z.enum(["bullets", "numbered"]).default("bullets"),
    items: z.array(ItemSchema).min(1),
  })
  .strict()
  .superRefine((section, ctx) => {
    if (section.sources) return;
    section.items.forEach((item, i) => {
      if (!item.sources)
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "sources"],
          message: "names no source and its section has none",
        });
    });
  });
export type Section = z.infer<typeof SectionSchema>;

export const CitedTextSchema = z.object({ text, sources: sourceIds }).strict();
export type CitedText = z.infer<typeof CitedTextSchema>;

/** The short answer to a topic's general question: one to five facts, each citing its sources. */
export const SummarySchema = z
  .array(ItemSchema.extend({ sources: sourceIds }).strict())
  .min(1)
  .max(5);

export const TopicFileSchema = z
  .object({
    title: z.string().trim().min(1).max(100),
    summary: SummarySchema,
    intro: CitedTextSchema.optional(),
    sections: z.array(SectionSchema).min(1),
    note: CitedTextSchema.optional(),
  })
  .strict();
export type Topic = z.infer<typeof TopicFileSchema>;

// ---------------------------------------------------------------- salary

const money = z.number().int().positive();
export const SalaryFigureSchema = z
  .object({
    id,
    source: id,
    /** A data provider the source cites for this figure (Indeed, Glassdoor, Totaljobs, BLS, Payscale). */
    via: z.string().min(1).optional(),
    /** The job title as the source names it. */
    role: z.string().min(1),
    country: z.enum(COUNTRIES, { error: "expected US, UK or CA" }),
    currency: z.enum(["USD", "GBP", "CAD"], { error: "expected USD, GBP or CAD" }),
    period: z.enum(["year", "hour"]),
    kind: z.enum(["average", "range", "upper", "level"]),
    amount: money.optional(),
    /** Cents-precise hourly figures are allowed (60.41). */
    hourly: z.number().positive().optional(),
    min: money.optional(),
    max: money.optional(),
    /** The source says "about", "around" or "approximately". */
    approx: z.boolean().default(false),
    level: z.enum(LEVELS).optional(),
    /** Years of experience for a level, as the source gives them ("0-2", "20+"). */
    years: z
      .string()
      .regex(/^\d+(-\d+|\+)$/, 'expected years like "0-2" or "20+"')
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.currency !== CURRENCY_OF[f.country]) {
      ctx.addIssue({
        code: "custom",
        path: ["currency"],
        message: `expected ${CURRENCY_OF[f.country]} for ${f.country}`,
      });
    }
    const need = (cond: boolean, path: string, message: string) => {
      if (!cond) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (f.kind === "range") {
      need(f.min !== undefined && f.max !== undefined, "min", "a range needs min and max");
      if (f.min !== undefined && f.max !== undefined) need(f.min < f.max, "max", "max must be above min");
    } else if (f.period === "hour") {
      need(f.hourly !== undefined, "hourly", "an hourly figure needs hourly");
    } else {
      need(f.amount !== undefined, "amount", `a ${f.kind} figure needs amount`);
    }
    if (f.kind === "level") {
      need(f.level !== undefined, "level", "a level figure needs level");
      need(f.years !== undefined, "years", "a level figure needs years");
    }
  });
export type SalaryFigure = z.infer<typeof SalaryFigureSchema>;

export const SalaryFileSchema = z
  .object({
    figures: z.array(SalaryFigureSchema).min(1),
    /** The short answer to "what makes pay vary?". */
    factorsSummary: SummarySchema,
    /** What makes pay vary, each with the sources' examples. */
    factors: z.array(ItemSchema.extend({ label: z.string().min(1).max(80) }).strict()).min(1),
    /** Bonuses, benefits and other pay. */
    extras: z.array(ItemSchema).min(1),
    /** Pay figures a source shows for comparison that are not for this role (the average US job). */
    benchmarks: z
      .array(
        z
          .object({
            id,
            source: id,
            /** What the figure is for, in our words ("the average salary across all US jobs"). */
            what: z.string().min(1),
            country: z.enum(COUNTRIES),
            currency: z.enum(["USD", "GBP", "CAD"]),
            amount: money,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SalaryFile = z.infer<typeof SalaryFileSchema>;

// ---------------------------------------------------------------- outlook

export const GrowthSchema = z
  .object({
    id,
    source: id,
    via: z.string().min(1).optional(),
    /** Percent, e.g. 2 for 2%. */
    rate: z.number(),
    /** The period as the source gives it ("2019-2029", "by 2028"). */
    period: z.string().min(1),
    /** What the figure measures, in our words ("employment in the customer service industry"). */
    appliesTo: z.string().min(1),
    comparison: z.string().min(1).optional(),
  })
  .strict();
export type Growth = z.infer<typeof GrowthSchema>;

/** The country a file's figures describe (the sources' outlook, ratings and demographics are all US data). */
const coverage = z.enum(COUNTRIES, { error: "expected US, UK or CA" }).default("US");

export const OutlookFileSchema = z
  .object({
    country: coverage,
    /** What the sources expect, in a sentence or two (after the growth figures in the short answer). */
    summary: SummarySchema,
    growth: z.array(GrowthSchema).min(1),
    statements: z.array(ItemSchema).min(1),
  })
  .strict();
export type OutlookFile = z.infer<typeof OutlookFileSchema>;

// ---------------------------------------------------------------- ratings and demographics

export const RatingSchema = z
  .object({
    aspect: z.enum(RATING_ASPECTS),
    score: z.number().min(0).max(10),
    /** The source's word for the score ("high", "advanced", "fair"), if it gives one. */
    label: z.string().min(1).optional(),
    usAverage: z
      .object({ score: z.number().min(0).max(10), label: z.string().min(1).optional() })
      .strict()
      .optional(),
    source: id,
  })
  .strict();
export const RatingsFileSchema = z
  .object({
    country: coverage,
    scale: z.string().min(1),
    note: CitedTextSchema.optional(),
    ratings: z.array(RatingSchema).min(1),
  })
  .strict();
export type Rating = z.infer<typeof RatingSchema>;
export type RatingsFile = z.infer<typeof RatingsFileSchema>;

export const ShareSchema = z
  .object({
    category: z.string().min(1),
    percent: z.number().min(0).max(100),
    usAverage: z.number().min(0).max(100).optional(),
  })
  .strict();
export const DemographicsFileSchema = z
  .object({
    country: coverage,
    source: id,
    note: z.string().min(1).optional(),
    gender: z.array(ShareSchema).min(1),
    race: z.array(ShareSchema).min(1),
    averageAge: z.number().int().positive(),
    usAverageAge: z.number().int().positive().optional(),
  })
  .strict();
export type DemographicsFile = z.infer<typeof DemographicsFileSchema>;

// ---------------------------------------------------------------- education, experience, skills

export const EducationFileSchema = z
  .object({
    summary: SummarySchema,
    degrees: z
      .array(
        z
          .object({
            source: id,
            level: z.enum(["bachelor", "bachelor-or-higher"]),
            /** How strongly the source asks for it, in our words ("needed", "usually required", "can help"). */
            strength: z.string().min(1),
            fields: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
    masters: z.array(z.object({ source: id, stance: z.enum(["preferred", "not-required"]), text }).strict()).min(1),
    alternatives: z.array(ItemSchema).min(1),
    shares: z.object({ source: id, degrees: z.array(ShareSchema).min(1) }).strict(),
  })
  .strict();
export type EducationFile = z.infer<typeof EducationFileSchema>;

export const ExperienceFileSchema = z
  .object({
    years: z
      .array(
        z
          .object({
            source: id,
            /** The amount as the source states it ("several years", "4-6 years", "at least five years"). */
            amount: z.string().min(1),
            min: z.number().int().nonnegative().optional(),
            max: z.number().int().positive().optional(),
            /** What the years are of, in our words. */
            appliesTo: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    priorRoles: z.array(z.object({ source: id, roles: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    other: z.array(ItemSchema).min(1),
    training: z
      .object({
        source: id,
        minMonths: z.number().int().positive(),
        maxMonths: z.number().int().positive(),
        note: z.string().min(1).optional(),
      })
      .strict(),
  })
  .strict();
export type ExperienceFile = z.infer<typeof ExperienceFileSchema>;

export const SkillsFileSchema = z
  .object({
    summary: SummarySchema,
    sections: z.array(SectionSchema).min(1),
    resumeShares: z.object({ source: id, skills: z.array(ShareSchema).min(1) }).strict(),
  })
  .strict();
export type SkillsFile = z.infer<typeof SkillsFileSchema>;

// ---------------------------------------------------------------- role overview

export const RoleFileSchema = z
  .object({
    /** Titles the sources use for the role, and the ones people use that we treat as the same role. */
    titles: z.array(z.object({ title: z.string().min(1), sources: sourceIds.optional() }).strict()).min(1),
    summary: SummarySchema,
    definitions: z.array(z.object({ source: id, text }).strict()).min(1),
    scope: SectionSchema,
  })
  .strict();
export type RoleFile = z.infer<typeof RoleFileSchema>;

// ---------------------------------------------------------------- topics menu

export const TopicsMenuSchema = z
  .object({
    /** What the bot covers, in a sentence (the lead of "topics" and "help"). */
    summary: z.string().trim().min(20).max(400),
    groups: z.array(z.object({ id, title: z.string().min(1).max(40), intents: z.array(id).min(1) }).strict()).min(1),
  })
  .strict();
export type TopicsMenu = z.infer<typeof TopicsMenuSchema>;

// ---------------------------------------------------------------- intents

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

// ---------------------------------------------------------------- self-assessment

const OptionSchema = z
  .object({
    id,
    /** Button text (Slack allows 75 characters; keep it short). */
    label: z.string().trim().min(1).max(60),
    points: z.number().int().min(0).max(10),
    /** For questions about years: the years this option covers (inclusive). */
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    /** Words and phrases a typed answer may use for this option. */
    match: z.array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case words only")).default([]),
  })
  .strict();

const QuestionSchema = z
  .object({
    id,
    dimension: id,
    text: z.string().trim().min(5).max(200),
    /** A question about a number of years: typed answers like "about 5 years" pick the option whose range holds it. */
    years: z.boolean().default(false),
    skippable: z.boolean().default(false),
    options: z.array(OptionSchema).min(2).max(5),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = new Set<string>();
    q.options.forEach((o, i) => {
      if (ids.has(o.id))
        ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: `"${o.id}" is used twice` });
      ids.add(o.id);
    });
    if (q.years) {
      const sorted = q.options.map((o, i) => ({ ...o, i })).sort((a, b) => (a.min ?? 0) - (b.min ?? 0));
      let next = 0;
      for (const o of sorted) {
        if (o.min === undefined || o.max === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["options", o.i],
            message: "a years question needs min and max on every option",
          });
          return;
        }
        if (o.min !== next)
          ctx.addIssue({
            code: "custom",
            path: ["options", o.i, "min"],
            message: `expected ${next}: year ranges must follow on without gaps or overlaps`,
          });
        if (o.max < o.min) ctx.addIssue({ code: "custom", path: ["options", o.i, "max"], message: "max is below min" });
        next = o.max + 1;
      }
    }
  });

/** Answers a next step depends on: question id → option ids ("skip" is not an option). */
const AnswersSchema = z.record(id, z.array(id).min(1)).refine((r) => Object.keys(r).length > 0, "name a question");

/**
 * A next step for a gap. With `for`, it is shown only when every question named was answered with
 * one of its options; with `notFor`, never when a question named was answered with one of them.
 */
const NextStepSchema = z
  .object({ text, sources: sourceIds, for: AnswersSchema.optional(), notFor: AnswersSchema.optional() })
  .strict();
export type NextStep = z.infer<typeof NextStepSchema>;

const BandSchema = z
  .object({
    id,
    label: z.string().min(1).max(40),
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(0).max(100),
    summary: text,
  })
  .strict();

export const AssessmentSchema = z
  .object({
    version: z.number().int().positive(),
    title: z.string().min(1).max(80),
    intro: text,
    bands: z.array(BandSchema).min(2),
    dimensions: z
      .array(
        z
          .object({
            id,
            label: z.string().min(1).max(60),
            weight: z.number().positive().max(10),
            requirement: CitedTextSchema,
            nextSteps: z.array(NextStepSchema).min(1),
            /** Intents that explain this requirement (offered as buttons with the gap). */
            learnMore: z.array(id).min(1).max(3),
          })
          .strict(),
      )
      .min(1),
    questions: z.array(QuestionSchema).min(8, "needs 8 to 12 questions").max(12, "needs 8 to 12 questions"),
  })
  .strict()
  .superRefine((a, ctx) => {
    // Score bands must cover 0-100 exactly once.
    const sorted = a.bands.map((b, i) => ({ ...b, i })).sort((x, y) => x.min - y.min);
    let next = 0;
    for (const b of sorted) {
      if (b.min !== next)
        ctx.addIssue({
          code: "custom",
          path: ["bands", b.i, "min"],
          message:
            next > b.min
              ? `overlaps the band below (expected ${next})`
              : `leaves a gap: scores ${next}-${b.min - 1} have no band`,
        });
      if (b.max < b.min) ctx.addIssue({ code: "custom", path: ["bands", b.i, "max"], message: "max is below min" });
      next = b.max + 1;
    }
    if (next !== 101)
      ctx.addIssue({ code: "custom", path: ["bands"], message: `bands must reach 100 (they stop at ${next - 1})` });
    const dims = new Set(a.dimensions.map((d) => d.id));
    const used = new Set<string>();
    a.questions.forEach((q, i) => {
      if (!dims.has(q.dimension))
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "dimension"],
          message: `unknown dimension "${q.dimension}"`,
        });
      used.add(q.dimension);
    });
    a.dimensions.forEach((d, i) => {
      if (!used.has(d.id))
        ctx.addIssue({ code: "custom", path: ["dimensions", i], message: `no question measures "${d.id}"` });
    });
    const qids = new Set<string>();
    a.questions.forEach((q, i) => {
      if (qids.has(q.id))
        ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `"${q.id}" is used twice` });
      qids.add(q.id);
    });
    a.dimensions.forEach((d, i) => {
      d.nextSteps.forEach((step, j) => {
        for (const key of ["for", "notFor"] as const) {
          for (const [question, options] of Object.entries(step[key] ?? {})) {
            const path = ["dimensions", i, "nextSteps", j, key, question];
            const q = a.questions.find((x) => x.id === question);
            if (!q || q.dimension !== d.id) {
              const message = q
                ? `"${question}" measures "${q.dimension}", not "${d.id}"`
                : `unknown question "${question}"`;
              ctx.addIssue({ code: "custom", path, message });
              continue;
            }
            options.forEach((o, k) => {
              if (!q.options.some((x) => x.id === o))
                ctx.addIssue({ code: "custom", path: [...path, k], message: `"${question}" has no option "${o}"` });
            });
          }
        }
        for (const [question, options] of Object.entries(step.for ?? {})) {
          const both = options.filter((o) => step.notFor?.[question]?.includes(o));
          if (both.length > 0)
            ctx.addIssue({
              code: "custom",
              path: ["dimensions", i, "nextSteps", j, "notFor", question],
              message: `${both.join(", ")} listed in both for and notFor`,
            });
        }
      });
    });
  });
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentQuestion = z.infer<typeof QuestionSchema>;
