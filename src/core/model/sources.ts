/** data/sources.yml: the documents every fact cites. */
import { z } from "zod";
import { id } from "./common.ts";
import { ItemSchema } from "./topics.ts";

export const SourceSchema = z.object({
  id,
  /** Short name used in citations, e.g. "Zippia (2025)". */
  short: z.string().min(1).max(60),
  /** The name a sentence calls it by ("Zippia"), when it has one. */
  name: z.string().min(1).max(40).optional(),
  /** The data providers the document names as the origin of its figures ("Indeed", "BLS"). */
  cites: z.array(z.string().min(1).max(40)).default([]),
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

/** data/sources.yml: the documents, and what each says about where its figures come from. */
export const SourcesFileSchema = z
  .object({ sources: z.array(SourceSchema).min(1), facts: z.array(ItemSchema).default([]) })
  .strict();
