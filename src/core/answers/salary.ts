/**
 * Pay: every figure with its source, side by side where sources disagree; by country, by
 * experience level, hourly. A country the sources do not cover is declined, never answered with
 * another country's figure.
 */

import type { Catalog } from "../catalog.ts";
import type { Country } from "../model/common.ts";
import type { SalaryFigure } from "../model/salary.ts";
import type { Block, Fact } from "../types.ts";
import {
  answer,
  type Composer,
  type Composition,
  fact,
  heading,
  joinList,
  leadOrFocus,
  listItems,
  money,
  sourceName,
} from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";
import { describeFigure } from "./salary-figure.ts";
import { salaryLead } from "./salary-lead.ts";
import { fill } from "./wording.ts";

const COUNTRY_LABEL: Record<Country, string> = { US: "United States", UK: "United Kingdom", CA: "Canada" };
const LEVEL_LABEL = {
  entry: "Entry level",
  mid: "Mid level",
  experienced: "Experienced",
  senior: "Senior",
  veteran: "Veteran",
} as const;

/** How a sentence names a source: its name ("Zippia"), else its citation name. */
function calledBy(catalog: Catalog, id: string): string {
  return catalog.sources.get(id)?.name ?? sourceName(catalog, id);
}

/** " (and Zippia an hourly one)": who gives the only hourly figure, when one does. */
function hourlyAside(catalog: Catalog, hour: SalaryFigure | undefined): string {
  return hour ? ` ${fill(catalog.wording.salary.hourlyAside, { source: calledBy(catalog, hour.source) })}` : "";
}

function label(catalog: Catalog, source: string, via: string | undefined): string {
  return via ? `${sourceName(catalog, source)}, ${via} data` : sourceName(catalog, source);
}

/** One fact per source for a country: that source's yearly figures side by side. */
export function countryFacts(catalog: Catalog, country: string, figures = catalog.salary.figures): Fact[] {
  const bySource = new Map<string, SalaryFigure[]>();
  for (const f of figures) {
    if (f.country !== country || f.kind === "level" || f.period !== "year") continue;
    const list = bySource.get(f.source) ?? [];
    list.push(f);
    bySource.set(f.source, list);
  }
  return [...bySource].map(([source, list]) => {
    const via = [...new Set(list.map((f) => f.via).filter(Boolean))].join(", ") || undefined;
    return fact(label(catalog, source, via), list.map(describeFigure).join(" · "), [source]);
  });
}

function levelFacts(_catalog: Catalog, levels: readonly SalaryFigure[]): Fact[] {
  return levels.map((f) =>
    fact(`${LEVEL_LABEL[f.level!]} (${f.years} years)`, `${money(f.amount!, f.currency)} a year`, [f.source]),
  );
}

function averagesSpread(catalog: Catalog, figures: readonly SalaryFigure[]): string | null {
  const averages = figures.filter((f) => f.kind === "average" && f.period === "year");
  if (averages.length < 2) return null;
  const amounts = averages.map((f) => f.amount!);
  const currency = averages[0]!.currency;
  const [low, high] = [money(Math.min(...amounts), currency), money(Math.max(...amounts), currency)];
  return fill(catalog.wording.salary.spread, { low, high });
}

export const salary: Composer = (input): Composition => {
  if (input.mode === "lead") return salaryLead(input);
  const { catalog, slots } = input;
  const words = catalog.wording.salary;
  const figures = catalog.salary.figures;
  const covered = new Set<string>(figures.map((f) => f.country));
  const asked = slots.countries ?? (slots.country ? [slots.country] : []);
  const known = asked.filter((c) => covered.has(c)) as Country[];
  const unknown = asked.filter((c) => !covered.has(c));
  if (asked.length > 0 && known.length === 0) return unsupportedCountry(catalog, slots, "pay", [...covered]);

  const blocks: Block[] = [];
  const levels = figures.filter((f) => f.kind === "level");
  const hourly = figures.filter((f) => f.period === "hour");
  const countries: Country[] = known.length > 0 ? known : ["US"];

  if (slots.period === "hour") {
    blocks.push(heading(words.hourlyTitle));
    const usable = hourly.filter((f) => countries.includes(f.country));
    if (usable.length > 0) {
      for (const f of usable) {
        blocks.push({
          type: "text",
          text: fill(words.hourlyOnly, {
            source: sourceName(catalog, f.source),
            figure: describeFigure(f),
            rounded: money(Math.round(f.hourly!), f.currency),
          }),
          sources: [f.source],
        });
      }
    } else {
      blocks.push({
        type: "text",
        text: fill(words.noHourly, { countries: joinList(countries.map((c) => COUNTRY_LABEL[c])) }),
      });
    }
    for (const c of countries) blocks.push(...countryBlock(catalog, c, countries.length > 1 || usable.length > 0));
    return finish(catalog, blocks, unknown);
  }

  if (slots.period === "month" || slots.period === "week") {
    blocks.push(heading(words.payTitle));
    blocks.push({
      type: "text",
      text: fill(words.noPeriod, { period: slots.period, aside: hourlyAside(catalog, hourly[0]) }),
    });
  }

  if (slots.byLevel && !slots.level && countries.includes("US")) {
    if (blocks.length === 0) blocks.push(heading(words.byLevelTitle));
    blocks.push({
      type: "text",
      text: fill(words.onlyByLevel, { source: sourceName(catalog, levels[0]!.source) }),
      sources: [levels[0]!.source],
    });
    blocks.push({ type: "facts", facts: levelFacts(catalog, levels) });
    return finish(catalog, blocks, unknown);
  }

  if (slots.level && countries.includes("US")) {
    const match = levels.find((f) => f.level === slots.level)!;
    if (blocks.length === 0)
      blocks.push(heading(fill(words.levelTitle, { level: LEVEL_LABEL[slots.level].toLowerCase() })));
    const years =
      slots.years !== undefined
        ? `With ${slots.years} years of experience you are in the ${LEVEL_LABEL[slots.level].toLowerCase()} band (${match.years} years)`
        : `${LEVEL_LABEL[slots.level]} (${match.years} years of experience)`;
    blocks.push({
      type: "text",
      text: fill(words.levelOnly, {
        who: years,
        source: sourceName(catalog, match.source),
        amount: money(match.amount!, match.currency),
      }),
      sources: [match.source],
    });
    blocks.push(heading(words.allLevelsTitle, 2), { type: "facts", facts: levelFacts(catalog, levels) });
    return finish(catalog, blocks, unknown);
  }

  if (blocks.length === 0) {
    const where = known.length > 0 ? ` in ${joinList(known.map((c) => (c === "CA" ? "Canada" : `the ${c}`)))}` : "";
    blocks.push(heading(fill(words.salaryTitle, { where })));
  }
  if (slots.level) {
    blocks.push({
      type: "text",
      text: fill(words.levelOnlyElsewhere, {
        source: calledBy(catalog, levels[0]!.source),
        countries: joinList(countries.map((c) => COUNTRY_LABEL[c])),
      }),
    });
  }
  if (known.length === 0) {
    const spread = averagesSpread(
      catalog,
      figures.filter((f) => f.country === "US"),
    );
    if (spread) blocks.push({ type: "text", text: spread });
    blocks.push(heading(words.usTitle, 2), {
      type: "facts",
      facts: [...countryFacts(catalog, "US"), ...levelSummary(catalog, levels)],
    });
    const others: Fact[] = (["UK", "CA"] as const).map((c) => {
      const list = figures.filter((f) => f.country === c);
      return fact(
        COUNTRY_LABEL[c],
        list.map((f) => `${describeFigure(f)} (${sourceName(catalog, f.source)})`).join(" · "),
        [...new Set(list.map((f) => f.source))],
      );
    });
    blocks.push(heading(words.otherCountriesTitle, 2), { type: "facts", facts: others });
    const hour = hourly[0];
    if (hour)
      blocks.push({
        type: "text",
        text: `Hourly: ${describeFigure(hour)} (${sourceName(catalog, hour.source)}).`,
        sources: [hour.source],
      });
  } else {
    for (const c of countries) blocks.push(...countryBlock(catalog, c, true));
  }
  return finish(catalog, blocks, unknown);
};

function levelSummary(catalog: Catalog, levels: readonly SalaryFigure[]): Fact[] {
  if (levels.length === 0) return [];
  const sorted = [...levels].sort((a, b) => a.amount! - b.amount!);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  return [
    fact(
      `${sourceName(catalog, lo.source)}, by experience`,
      `${money(lo.amount!, lo.currency)} (entry, ${lo.years} years) to ${money(hi.amount!, hi.currency)} (veteran, ${hi.years} years)`,
      [lo.source],
    ),
  ];
}

function countryBlock(catalog: Catalog, country: Country, titled: boolean): Block[] {
  const currency = catalog.salary.figures.find((f) => f.country === country)?.currency ?? "";
  const facts = countryFacts(catalog, country);
  const blocks: Block[] = [];
  if (titled) blocks.push(heading(`${COUNTRY_LABEL[country]} (${currency}, per year)`, 2));
  const spread = averagesSpread(
    catalog,
    catalog.salary.figures.filter((f) => f.country === country),
  );
  if (spread) blocks.push({ type: "text", text: spread });
  else if (facts.length > 1)
    blocks.push({ type: "text", text: fill(catalog.wording.salary.sideBySide, { count: facts.length }) });
  blocks.push({ type: "facts", facts });
  return blocks;
}

function finish(catalog: Catalog, blocks: Block[], unknown: readonly string[]): Composition {
  if (unknown.length > 0) {
    const names = unknown.map((code) => catalog.lexicon.countries[code]?.name ?? code);
    blocks.push({ type: "text", text: fill(catalog.wording.salary.noCountry, { countries: joinList(names, "or") }) });
  }
  return answer(blocks);
}

/** What makes pay vary, and what comes on top of it. */
export const payFactors: Composer = (input) => {
  const { catalog } = input;
  if (input.mode === "lead") return leadOrFocus(catalog.salary.factorsSummary, input);
  return answer([
    heading(catalog.wording.salary.factorsTitle),
    { type: "bullets", items: listItems(catalog, catalog.salary.factors) },
    heading(catalog.wording.salary.extrasTitle, 2),
    { type: "bullets", items: listItems(catalog, catalog.salary.extras) },
  ]);
};
