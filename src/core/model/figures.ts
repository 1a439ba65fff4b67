/** The sources' figures about the job itself (US data): outlook, ratings, and who works in it. */
import { z } from "zod";
import { coverage, id, RATING_ASPECTS } from "./common.ts";
import { CitedTextSchema, ItemSchema, SummarySchema } from "./topics.ts";

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
