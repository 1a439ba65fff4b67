/** data/salary.yml: pay figures, what makes pay vary, and the benchmarks sources show beside them. */
import { z } from "zod";
import { COUNTRIES, CURRENCY_OF, id, LEVELS } from "./common.ts";
import { ItemSchema, SummarySchema } from "./topics.ts";

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
