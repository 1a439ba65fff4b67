/** What it takes: education, experience and skills. */
import { z } from "zod";
import { id, text } from "./common.ts";
import { ShareSchema } from "./figures.ts";
import { ItemSchema, SectionSchema, SummarySchema } from "./topics.ts";

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
