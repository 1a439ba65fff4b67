/**
 * The knowledge model: the shape of everything in data/ and intents/, as zod schemas (pure, no I/O;
 * src/content reads the files and validates them with these). Content is data: every fact is a
 * record that names the source(s) it comes from. This module holds the pieces every subject shares.
 */
import { z } from "zod";

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case id (letters, digits, dashes)");
export const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(600, "too long for one fact (600 characters at most)");
export const sourceIds = z.array(id).min(1, "every fact names at least one source");
/** Words and phrases a fact answers beyond its own text (lower-case, as a user might ask). */
export const keys = z.array(z.string().regex(/^[a-z0-9 ]+$/, "lower-case words only")).min(1);

export const COUNTRIES = ["US", "UK", "CA"] as const;
export type Country = (typeof COUNTRIES)[number];
export const CURRENCY_OF: Record<Country, "USD" | "GBP" | "CAD"> = { US: "USD", UK: "GBP", CA: "CAD" };
export const LEVELS = ["entry", "mid", "experienced", "senior", "veteran"] as const;
export type Level = (typeof LEVELS)[number];
export const RATING_ASPECTS = ["salary", "stability", "stress", "complexity", "work-life", "diversity"] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];

/** The country a file's figures describe (the sources' outlook, ratings and demographics are all US data). */
export const coverage = z.enum(COUNTRIES, { error: "expected US, UK or CA" }).default("US");
