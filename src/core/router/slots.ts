/** The slots of a question (country, level, years, period, aspects, roles) from its analysis. */
import type { Catalog } from "../catalog.ts";
import type { Slots } from "../types.ts";
import type { Analysis } from "./analyze.ts";

/** Terms that ask for figures broken down by experience ("salary by years of experience"). */
const BY_LEVEL_TERMS = ["experience", "level", "senior", "experienced"];

export function slotsOf(analysis: Analysis, catalog: Catalog): Slots {
  const slots: Slots = {};
  // "Our lead in Rotterdam is choosing. US vs UK salary?": the question's own countries, not the asker's.
  const own = analysis.countries.slice(analysis.contextCountries);
  const countries = own.length > 0 ? own : analysis.countries;
  const code = countries[0];
  if (code) {
    slots.country = code;
    slots.countryName = catalog.lexicon.countries[code]?.name ?? code;
  }
  if (countries.length > 1) slots.countries = [...countries];
  if (code && own.length === 0) slots.askersCountry = true;
  if (analysis.years !== undefined) slots.years = analysis.years;
  const level = analysis.level ?? (analysis.years !== undefined ? levelForYears(analysis.years) : undefined);
  if (level) slots.level = level;
  if (analysis.levels.length > 1) slots.levels = [...analysis.levels];
  else if (BY_LEVEL_TERMS.some((t) => analysis.terms.has(t))) slots.byLevel = true;
  if (analysis.period) slots.period = analysis.period;
  if (analysis.aspects[0]) slots.aspect = analysis.aspects[0];
  if (analysis.aspects.length > 1) slots.aspects = [...analysis.aspects];
  if (analysis.otherRoles[0]) slots.otherRole = analysis.otherRoles[0];
  if (analysis.relatedRoles[0]) slots.relatedRole = analysis.relatedRoles[0];
  return slots;
}

/** Cityjobs' experience bands: 0-2 entry, 3-5 mid, 6-10 experienced, 11-19 senior, 20+ veteran. */
export function levelForYears(years: number): Slots["level"] {
  if (years <= 2) return "entry";
  if (years <= 5) return "mid";
  if (years <= 10) return "experienced";
  if (years < 20) return "senior";
  return "veteran";
}
