/**
 * Names an answer never lower-cases when it joins a sentence onto a label or a stance ("Yes: Zippia
 * lists…"), all from the content: each source's name and the data providers it cites
 * (data/sources.yml), and the role's names (data/role.yml).
 */
import type { Catalog } from "../catalog.ts";

interface NamePatterns {
  /** A sentence that starts with a source's or a provider's name. */
  readonly sources: RegExp;
  /** The same, or with the role's name. */
  readonly all: RegExp;
  /** The same in any case: a title keeps "Customer care manager vs director" as written. */
  readonly anyCase: RegExp;
}

const patterns = new WeakMap<Catalog, NamePatterns>();

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWithOneOf = (names: readonly string[], flags = "") =>
  names.length === 0 ? /$^/ : new RegExp(`^(${names.map(escapeRegExp).join("|")})\\b`, flags);

function namePatterns(catalog: Catalog): NamePatterns {
  let made = patterns.get(catalog);
  if (!made) {
    const sources = [...catalog.sources.values()].flatMap((s) => [...(s.name ? [s.name] : []), ...s.cites]);
    const all = [...sources, ...catalog.role.names];
    made = { sources: startsWithOneOf(sources), all: startsWithOneOf(all), anyCase: startsWithOneOf(all, "i") };
    patterns.set(catalog, made);
  }
  return made;
}

/** Whether a sentence starts with a source's name or a provider's ("Zippia lists…", "Indeed puts…"). */
export function startsWithSourceName(catalog: Catalog, sentence: string): boolean {
  return namePatterns(catalog).sources.test(sentence);
}

/** Whether a sentence starts with a source's, a provider's or the role's name ("Customer Care teams…"). */
export function startsWithName(catalog: Catalog, sentence: string): boolean {
  return namePatterns(catalog).all.test(sentence);
}

/** Whether a title starts with a name, in any case ("Customer care manager vs director"). */
export function titleStartsWithName(catalog: Catalog, title: string): boolean {
  return namePatterns(catalog).anyCase.test(title);
}
