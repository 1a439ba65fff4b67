/**
 * Honest answers about countries: which countries a family of figures covers, and the decline
 * that says so and offers what exists instead of another country's number.
 */
import type { Catalog } from "../catalog.ts";
import { ACTIONS, type Button, type Slots } from "../types.ts";
import { type Composition, joinList } from "./compose.ts";
import { fill } from "./wording.ts";

const NAMES: Record<string, string> = { US: "the United States", UK: "the United Kingdom", CA: "Canada" };
const SHORT: Record<string, string> = { US: "US", UK: "UK", CA: "Canada" };

/** Buttons that ask the same intent for each covered country. */
export function countryButtons(intent: string, covered: readonly string[], what: string): Button[] {
  return covered.map((c) => ({
    label: `${SHORT[c] ?? c} ${what}`,
    action: ACTIONS.ask,
    value: `${intent}?country=${c}`,
  }));
}

/** Countries asked about that `covered` lacks, by name. */
export function missingCountries(catalog: Catalog, slots: Slots, covered: readonly string[]): string[] {
  const asked = slots.countries ?? (slots.country ? [slots.country] : []);
  return asked.filter((c) => !covered.includes(c)).map((c) => catalog.lexicon.countries[c]?.name ?? c);
}

/**
 * The decline for figures asked about a country no source covers.
 * @param what "pay", "outlook figures", ... — what is missing
 */
export function unsupportedCountry(
  catalog: Catalog,
  slots: Slots,
  what: string,
  covered: readonly string[],
  intent = "salary",
): Composition {
  const missing = missingCountries(catalog, slots, covered);
  const have = joinList(covered.map((c) => NAMES[c] ?? c));
  return {
    kind: "decline",
    reason: "other-country",
    blocks: [
      {
        type: "text",
        text: fill(catalog.wording.sources.noCountry, { what, missing: joinList(missing, "or"), have }),
      },
      {
        type: "buttons",
        title: "What I do have",
        buttons: countryButtons(intent, covered, what === "pay" ? "salary" : what),
      },
    ],
  };
}

/** A one-line caveat for answers that are not country-specific when a country was named. */
export function countryCaveat(catalog: Catalog, slots: Slots): string | null {
  const missing = missingCountries(catalog, slots, ["US", "UK", "CA"]);
  return missing.length > 0 ? fill(catalog.wording.sources.countryCaveat, { missing: joinList(missing, "or") }) : null;
}
