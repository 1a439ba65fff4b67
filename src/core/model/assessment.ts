/** data/assessment.yml: the readiness self-assessment (questions, score bands, dimensions and next steps). */
import { z } from "zod";
import { id, sourceIds, text } from "./common.ts";
import { CitedTextSchema } from "./topics.ts";

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
