/** Facts, sections and the generic topic file (duties, KPIs, trade-offs, ...); the role overview and the topics menu. */
import { z } from "zod";
import { id, keys, sourceIds, text } from "./common.ts";

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

/** A group of facts; `sources` applies to every item that names none of its own. */
export const SectionSchema = z
  .object({
    id,
    title: z.string().trim().min(1).max(100),
    sources: sourceIds.optional(),
    /**
     * How every item without a stance of its own answers a yes/no question about it ("Yes" for a
     * duty the source lists: "do they work with QA testing groups?").
     */
    stance: z.string().trim().min(2).max(40).optional(),
    /**
     * The id of a fact an answer sets beside this section's items when only they answer: the
     * director's side after a manager's duty asked of the director.
     */
    beside: z.string().min(1).optional(),
    /** "bullets" (default) or "numbered" for ordered steps. */
    style: z.enum(["bullets", "numbered"]).default("bullets"),
    items: z.array(ItemSchema).min(1),
    /**
     * How many of the first items are the source's own list, in its order, when more follow from
     * elsewhere on its page ("the last duty in Cityjobs' list"); all of them when not given.
     */
    listed: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((section, ctx) => {
    if (section.listed !== undefined && section.listed > section.items.length)
      ctx.addIssue({ code: "custom", path: ["listed"], message: "is more than the section's items" });
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

export const RoleFileSchema = z
  .object({
    /** Titles the sources use for the role, and the ones people use that we treat as the same role. */
    titles: z.array(z.object({ title: z.string().min(1), sources: sourceIds.optional() }).strict()).min(1),
    /** How sentences name the role ("Customer Care"): an answer never lower-cases them. */
    names: z.array(z.string().min(1).max(40)).min(1),
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
