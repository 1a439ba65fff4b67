/**
 * The short answer about pay: the figure asked for first (a country, a level, hourly, a range, a
 * comparison), each with its source; figures from several sources side by side in a table. A
 * figure no source gives for what was asked (hourly pay in the UK, monthly pay, levels outside the
 * US) is an honest decline that shows what does exist.
 */

import type { Catalog } from "../catalog.ts";
import { benchmarkFacts, type KnowledgeFact } from "../knowledge/facts.ts";
import type { Country, Level } from "../model/common.ts";
import type { SalaryFigure } from "../model/salary.ts";
import { sourceWord } from "../router/names.ts";
import type { Block, TableRow } from "../types.ts";
import { answer, type ComposeInput, type Composition, joinList, money, sourceName } from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";
import { describeFigure } from "./salary-figure.ts";
import { fill } from "./wording.ts";

const WHERE: Record<Country, string> = { US: "the US", UK: "the UK", CA: "Canada" };
const LEVEL_NAME: Record<Level, string> = {
  entry: "entry level",
  mid: "mid level",
  experienced: "experienced",
  senior: "senior",
  veteran: "veteran",
};

const yearly = (f: SalaryFigure) => f.period === "year" && f.kind !== "level";
const cite = (catalog: Catalog, f: SalaryFigure) =>
  f.via ? `${sourceName(catalog, f.source)}, ${f.via} data` : sourceName(catalog, f.source);

export function salaryLead(input: ComposeInput): Composition {
  const { catalog, slots } = input;
  const figures = catalog.salary.figures;
  const covered = [...new Set(figures.map((f) => f.country))];
  const asked = slots.countries ?? (slots.country ? [slots.country] : []);
  const known = asked.filter((c): c is Country => (covered as string[]).includes(c));
  if (asked.length > 0 && known.length === 0) return unsupportedCountry(catalog, slots, "pay", covered);
  const countries: Country[] = known.length > 0 ? known : ["US"];

  // "More than the average worker?", "is that more than the US average?" about US pay: the all-jobs figure.
  const vsWorker = input.terms.has("_vs_worker");
  const vsUsAverage =
    input.form.comparison && input.terms.has("average") && countries.length === 1 && countries[0] === "US";
  if (slots.period === "hour") {
    const figure = hourly(catalog, countries, input.terms.has("range"));
    const worker = (vsWorker || vsUsAverage) && figure.kind === "answer" ? benchmarkFacts(catalog)[0] : undefined;
    return worker ? answer([...figure.blocks, { type: "text", text: worker.text, sources: worker.sources }]) : figure;
  }
  // "Which countries do you have pay for?": each of them, shortly.
  if (input.terms.has("_which_countries") && asked.length === 0) {
    const names = joinList(covered.map((c) => WHERE[c as Country]));
    return answer([
      { type: "text", text: fill(catalog.wording.salary.countriesLead, { countries: names }) },
      ...(covered as Country[]).flatMap((c) => countryLead(catalog, c, true)),
    ]);
  }
  if (slots.period === "month") return monthly(input, countries);
  if (slots.period === "week") return noFigure(catalog, "weekly pay", countries);
  const levels = slots.levels ?? (slots.level ? [slots.level] : []);
  if (levels.length > 0 || slots.byLevel) {
    if (!countries.includes("US")) {
      // "10 years in, what's the pay in Canada?": the years describe the asker; the country's figures answer.
      if (slots.years !== undefined && !slots.byLevel && !slots.levels) return withoutLevel(catalog, countries);
      return noFigure(catalog, "pay by experience level", countries);
    }
    const blocks = levelLead(catalog, levels, slots.years);
    // "is that more than the US average?": the sources' averages beside the level's figure.
    if (input.form.comparison) blocks.push(...countryLead(catalog, "US", true));
    return answer(blocks);
  }
  // "We budgeted C$80k: is that inside the range?": the amount against each range, then the country's figures.
  if (slots.amount !== undefined && countries.length === 1) {
    const against = amountAgainst(catalog, slots.amount, countries[0]!);
    if (against.length > 0) return answer([...against, ...countryLead(catalog, countries[0]!, true)]);
  }
  // "Compare the averages across the sources", "Zippia vs jobdescription.org": the sources side by side.
  const perSource =
    input.terms.has("_by_source") ||
    ["zippia", "jobdescription", "cityjobs"].filter((t) => input.terms.has(t)).length >= 2;
  // The all-jobs figure is Zippia's, for the US: not for a question about other countries.
  const otherCountries = asked.some((c) => c !== "US");
  const benchmark =
    perSource || otherCountries
      ? undefined
      : (input.focus.find((f) => isBenchmark(catalog, f)) ??
        // A yearly question compares with the US average only when it names the country.
        (vsWorker || (vsUsAverage && asked.length > 0) ? benchmarkFacts(catalog)[0] : undefined));
  if (benchmark)
    return answer([
      ...countryLead(catalog, "US", true),
      { type: "text", text: `${benchmark.text}${timesBenchmark(catalog)}`, sources: benchmark.sources },
    ]);
  // "Most can make up to how much?": the one figure that says so, then the averages.
  const upper = catalog.salary.figures.find((f) => f.kind === "upper" && countries.includes(f.country));
  if (upper && input.terms.has("_up_to"))
    return answer([
      {
        type: "text",
        text: `${sourceName(catalog, upper.source)}: most directors can make ${describeFigure(upper)} a year in ${WHERE[upper.country]}.`,
        sources: [upper.source],
      },
      // How high pay goes: the ranges' tops, beside it.
      ...rangeLead(catalog, [upper.country]),
    ]);
  // "Is the average inside the range?": both, which the country's own lead gives.
  if (input.terms.has("range") && !input.terms.has("average")) return answer(rangeLead(catalog, countries));
  const blocks =
    countries.length > 1
      ? compareCountries(catalog, countries, lensOf(catalog, input.focus))
      : countryLead(catalog, countries[0]!, false);
  if (known.length === 0) blocks.push(elsewhere(catalog, ["UK", "CA"]));
  const unknown = asked.filter((c) => !(covered as string[]).includes(c));
  if (unknown.length > 0) {
    const names = unknown.map((code) => catalog.lexicon.countries[code]?.name ?? code);
    blocks.push({ type: "text", text: fill(catalog.wording.salary.noCountry, { countries: joinList(names, "or") }) });
  }
  return answer(blocks);
}

/** One country: a sentence when its sources give one or two figures, a table of sources when more. */
/**
 * The asker's own yearly amount against each range the sources give for the country: within, above
 * or below, and where in it ("at the top", "near the bottom").
 */
function amountAgainst(catalog: Catalog, amount: number, country: Country): Block[] {
  const ranges = catalog.salary.figures.filter((f) => f.country === country && yearly(f) && f.kind === "range");
  if (ranges.length === 0) return [];
  const words = catalog.wording.salary;
  const parts = ranges.map((f) => {
    const where =
      amount < f.min!
        ? words.amountBelow
        : amount > f.max!
          ? words.amountAbove
          : amount === f.max
            ? words.amountAtTop
            : amount === f.min
              ? words.amountAtBottom
              : words.amountWithin;
    return fill(where, {
      range: `${money(f.min!, f.currency)} to ${money(f.max!, f.currency)}`,
      source: sourceName(catalog, f.source),
    });
  });
  const currency = ranges[0]!.currency;
  // "…is within the range A gives, x to y; above the range B gives, …; and …": one verb for them all.
  const rest = parts.slice(1).map((p) => p.replace(/^is /, ""));
  const tail =
    rest.length === 0 ? "" : `; ${rest.slice(0, -1).join("; ")}${rest.length > 1 ? "; " : ""}and ${rest.at(-1)}`;
  // "Is $95k on the low side?": against the averages too.
  const averages = catalog.salary.figures
    .filter((f) => f.country === country && yearly(f) && f.kind === "average" && f.amount !== undefined)
    .map((f) => f.amount!);
  const side =
    averages.length === 0
      ? ""
      : amount < Math.min(...averages)
        ? " It is below every average the sources give."
        : amount > Math.max(...averages)
          ? " It is above every average the sources give."
          : " It is between the sources' averages.";
  return [
    {
      type: "text",
      text: `${money(amount, currency)} ${parts[0]}${tail}.${side}`,
      sources: [...new Set(ranges.map((f) => f.source))],
    },
  ];
}

function countryLead(catalog: Catalog, country: Country, short: boolean): Block[] {
  const words = catalog.wording.salary;
  const list = catalog.salary.figures.filter((f) => f.country === country && yearly(f));
  const averages = list.filter((f) => f.kind === "average");
  const sources = [...new Set(list.map((f) => f.source))];
  if (sources.length <= 2) {
    const parts = list.map((f) => `${describeFigure(f)} (${cite(catalog, f)})`);
    return [
      { type: "text", text: fill(words.countryLead, { where: WHERE[country], figures: joinList(parts) }), sources },
    ];
  }
  const amounts = averages.map((f) => f.amount!);
  const currency = list[0]!.currency;
  const spread = {
    where: WHERE[country],
    low: money(Math.min(...amounts), currency),
    high: money(Math.max(...amounts), currency),
  };
  if (short) return [{ type: "text", text: fill(words.countrySpread, spread), sources }];
  return [{ type: "text", text: fill(words.countrySpreadTable, spread) }, sourceTable(catalog, list)];
}

/** Rows by source: average, range, other figures. */
function sourceTable(catalog: Catalog, list: readonly SalaryFigure[]): Block {
  const rows: TableRow[] = [];
  for (const source of [...new Set(list.map((f) => f.source))]) {
    const mine = list.filter((f) => f.source === source);
    const average = mine.find((f) => f.kind === "average");
    const range = mine.find((f) => f.kind === "range");
    const upper = mine.find((f) => f.kind === "upper");
    const via = [...new Set(mine.map((f) => f.via).filter(Boolean))];
    rows.push({
      cells: [
        `${sourceName(catalog, source)}${via.length ? ` (${via.join(", ")})` : ""}`,
        average ? describeFigure(average).replace(/ average$/, "") : "-",
        range
          ? `${money(range.min!, range.currency)} to ${money(range.max!, range.currency)}`
          : upper
            ? describeFigure(upper)
            : "-",
      ],
      sources: [source],
    });
  }
  return { type: "table", columns: ["Source", "Average", "Range"], rows };
}

/** "Elsewhere: £70,000 average in the UK and C$115,000 average in Canada." */
function elsewhere(catalog: Catalog, countries: readonly Country[]): Block {
  const found = countries.flatMap((c) => {
    const f = catalog.salary.figures.find((x) => x.country === c && x.kind === "average" && x.period === "year");
    return f ? [f] : [];
  });
  const parts = found.map((f) => `${describeFigure(f)} in ${WHERE[f.country]}`);
  const text = fill(catalog.wording.salary.elsewhere, { figures: joinList(parts) });
  return { type: "text", text, sources: [...new Set(found.map((f) => f.source))] };
}

function rangeLead(catalog: Catalog, countries: readonly Country[]): Block[] {
  return countries.map((country): Block => {
    const list = catalog.salary.figures.filter(
      (f) => f.country === country && (f.kind === "range" || f.kind === "upper"),
    );
    const parts = list.map((f) => `${describeFigure(f).replace(/ range$/, "")} (${sourceName(catalog, f.source)})`);
    return {
      type: "text",
      text: list.length
        ? fill(catalog.wording.salary.rangeLead, { where: WHERE[country], ranges: joinList(parts) })
        : fill(catalog.wording.salary.noRange, { where: WHERE[country] }),
      sources: [...new Set(list.map((f) => f.source))],
    };
  });
}

/**
 * Countries side by side, one row each: the averages and ranges the sources give there, a source
 * named where one gives it, the spread and the count where several do. Each source's row is on the page.
 */
function compareCountries(catalog: Catalog, countries: readonly Country[], lens: string | undefined): Block[] {
  const rows: TableRow[] = countries.map((country) => {
    const list = catalog.salary.figures.filter(
      (f) => f.country === country && yearly(f) && (lens === undefined || f.source === lens),
    );
    const averages = list.filter((f) => f.kind === "average");
    const ranges = list.filter((f) => f.kind === "range");
    return {
      cells: [
        WHERE[country].replace(/^the /, ""),
        spread(
          catalog,
          averages,
          (f) => f.amount!,
          (f) => describeFigure(f).replace(/ average$/, ""),
        ),
        spread(
          catalog,
          ranges,
          (f) => f.min!,
          (f) => `${money(f.min!, f.currency)} to ${money(f.max!, f.currency)}`,
          (f) => f.max!,
        ),
      ],
      sources: [...new Set([...averages, ...ranges].map((f) => f.source))],
    };
  });
  return [
    { type: "text", text: catalog.wording.salary.countriesSideBySide },
    { type: "table", columns: ["Country", "Average", "Range"], rows },
  ];
}

/** The all-jobs average a source gives for comparison ("salary/zippia-us-all-jobs"), as a fact. */
function isBenchmark(catalog: Catalog, f: KnowledgeFact): boolean {
  return catalog.salary.benchmarks.some((b) => f.id === `salary/${b.id}`);
}

/** The one source whose pay facts the question asked for ("…in the jobdescription.org page"), if one. */
function lensOf(catalog: Catalog, focus: readonly KnowledgeFact[]): string | undefined {
  // The all-jobs average is a benchmark beside the figures, not a source asked for.
  const figures = focus.filter((f) => f.topic === "salary" && !isBenchmark(catalog, f));
  const sources = new Set(figures.flatMap((f) => f.sources));
  return sources.size === 1 ? [...sources][0] : undefined;
}

/** One figure with its source, or the span of several and how many sources give them; "-" for none. */
function spread(
  catalog: Catalog,
  figures: readonly SalaryFigure[],
  low: (f: SalaryFigure) => number,
  one: (f: SalaryFigure) => string,
  high: (f: SalaryFigure) => number = low,
): string {
  if (figures.length === 0) return "-";
  const f = figures[0]!;
  if (figures.length === 1) return `${one(f)} (${sourceName(catalog, f.source)}${f.via ? `, ${f.via} data` : ""})`;
  const currency = f.currency;
  const from = Math.min(...figures.map(low));
  const to = Math.max(...figures.map(high));
  return `${money(from, currency)} to ${money(to, currency)} (${figures.length} sources)`;
}

function levelLead(catalog: Catalog, levels: readonly Level[], years: number | undefined): Block[] {
  const rows = catalog.salary.figures.filter((f) => f.kind === "level");
  const source = rows[0]!.source;
  const pick = (level: Level) => rows.find((f) => f.level === level)!;
  const only = fill(catalog.wording.salary.onlyLevelSource, { source: sourceName(catalog, source) });
  if (levels.length === 1) {
    const f = pick(levels[0]!);
    const who =
      years !== undefined
        ? `With ${years} years you are in the ${LEVEL_NAME[f.level!]} band (${f.years} years)`
        : `${capital(LEVEL_NAME[f.level!])} (${f.years} years)`;
    return [{ type: "text", text: `${who}: ${money(f.amount!, f.currency)} a year. ${only}.`, sources: [source] }];
  }
  const shown = levels.length > 1 ? levels.map(pick) : rows;
  const blocks: Block[] = [];
  if (levels.length === 2) {
    const [a, b] = shown as [SalaryFigure, SalaryFigure];
    const gap = Math.abs(b.amount! - a.amount!);
    blocks.push({
      type: "text",
      text: `${capital(LEVEL_NAME[a.level!])} (${a.years} years) ${money(a.amount!, a.currency)} against ${LEVEL_NAME[b.level!]} (${b.years} years) ${money(b.amount!, b.currency)} a year, a gap of ${money(gap, a.currency)}. ${only}.`,
      sources: [source],
    });
    return blocks;
  }
  blocks.push({ type: "text", text: `${only}:`, sources: [source] });
  blocks.push({
    type: "table",
    columns: ["Level", "Experience", "Average a year"],
    rows: shown.map((f) => ({
      cells: [capital(LEVEL_NAME[f.level!]), `${f.years} years`, money(f.amount!, f.currency)],
      sources: [f.source],
    })),
  });
  return blocks;
}

/** The hourly figure with its source's yearly average; its yearly range too when a range is asked ("range + hourly?"). */
function hourly(catalog: Catalog, countries: readonly Country[], withRange = false): Composition {
  const f = catalog.salary.figures.find((x) => x.period === "hour");
  if (!f || !countries.includes(f.country)) return noFigure(catalog, "hourly pay", countries);
  const year = catalog.salary.figures.find(
    (x) => x.source === f.source && x.country === f.country && x.kind === "average" && x.period === "year",
  );
  const words = catalog.wording.salary;
  const yearly = year ? fill(words.hourlyYearly, { amount: money(year.amount!, year.currency) }) : "";
  const range = withRange
    ? catalog.salary.figures.find((x) => x.source === f.source && x.country === f.country && x.kind === "range")
    : undefined;
  const blocks: Block[] = [
    {
      type: "text",
      text: fill(words.hourlyLead, {
        figure: describeFigure(f),
        rounded: money(Math.round(f.hourly!), f.currency),
        where: WHERE[f.country],
        source: sourceName(catalog, f.source),
        yearly,
      }),
      sources: [f.source],
    },
  ];
  if (range)
    blocks.push({
      type: "text",
      text: fill(words.hourlyRange, { min: money(range.min!, range.currency), max: money(range.max!, range.currency) }),
      sources: [range.source],
    });
  return answer(blocks);
}

/**
 * "Per month?": no source gives monthly pay, so each yearly average divided by 12, said as such
 * (the named source's only, when the question names one), then the yearly figures.
 */
function monthly(input: ComposeInput, countries: readonly Country[]): Composition {
  const { catalog, slots } = input;
  const blocks: Block[] = [];
  // "Entry level, per month?": the level's yearly figure divided by 12.
  const levels = slots.levels ?? (slots.level ? [slots.level] : []);
  const rows = catalog.salary.figures.filter((f) => f.kind === "level" && levels.includes(f.level!));
  if (rows.length > 0 && countries.includes("US")) {
    const parts = rows.map(
      (f) =>
        `${money(Math.round(f.amount! / 12), f.currency)} a month at ${LEVEL_NAME[f.level!]} (${f.years} years; ${money(f.amount!, f.currency)} a year)`,
    );
    const name = sourceName(catalog, rows[0]!.source);
    const text = `None of my sources gives monthly pay. Divided by 12, ${name}${name.endsWith("s") ? "'" : "'s"} yearly figures come to about ${joinList(parts)}.`;
    return answer([{ type: "text", text, sources: [rows[0]!.source] }]);
  }
  for (const country of countries) {
    const averages = catalog.salary.figures.filter((f) => f.country === country && yearly(f) && f.kind === "average");
    const named = averages.filter((f) => input.terms.has(sourceWord(catalog.sources.get(f.source)?.short ?? "")));
    const shown = (named.length > 0 ? named : averages).sort((a, b) => a.amount! - b.amount!);
    if (shown.length === 0) continue;
    const parts = shown.map(
      (f) =>
        `${money(Math.round(f.amount! / 12), f.currency)} (${sourceName(catalog, f.source)}, from ${money(f.amount!, f.currency)})`,
    );
    blocks.push({
      type: "text",
      text: fill(catalog.wording.salary.monthlyLead, { where: WHERE[country], figures: joinList(parts) }),
      sources: shown.map((f) => f.source),
    });
  }
  if (blocks.length === 0) return noFigure(catalog, "monthly pay", countries);
  return answer(blocks);
}

/** The countries' yearly figures, then a line saying no source breaks them down by experience. */
function withoutLevel(catalog: Catalog, countries: readonly Country[]): Composition {
  const level = catalog.salary.figures.find((x) => x.kind === "level");
  const note = level
    ? fill(catalog.wording.salary.noFigureLevel, {
        source: sourceName(catalog, level.source),
        where: WHERE[level.country],
      })
    : "";
  const blocks: Block[] = countries.flatMap((c) => countryLead(catalog, c, true));
  if (note) blocks.push({ type: "text", text: note });
  return answer(blocks);
}

/** No source gives this figure for these countries: say so, and show the yearly figures that exist. */
function noFigure(catalog: Catalog, what: string, countries: readonly Country[]): Composition {
  const words = catalog.wording.salary;
  const hour = catalog.salary.figures.find((x) => x.period === "hour");
  const hourNote =
    what === "hourly pay" && hour
      ? ` ${fill(words.noFigureHourly, { source: sourceName(catalog, hour.source), where: WHERE[hour.country], figure: describeFigure(hour) })}`
      : "";
  const level = catalog.salary.figures.find((x) => x.kind === "level");
  const levelNote =
    what === "pay by experience level" && level
      ? ` ${fill(words.noFigureLevel, { source: sourceName(catalog, level.source), where: WHERE[level.country] })}`
      : "";
  const blocks: Block[] = [
    {
      type: "text",
      text: fill(words.noFigure, {
        what,
        countries: joinList(countries.map((c) => WHERE[c])),
        hourly: hourNote,
        level: levelNote,
      }),
      sources: hourNote ? [hour!.source] : [],
    },
    ...countries.flatMap((c) => countryLead(catalog, c, true)),
  ];
  return { kind: "decline", reason: "uncovered", blocks };
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** " The directors' averages are 1.8 to 2.1 times that.": the US averages against the all-jobs figure. */
function timesBenchmark(catalog: Catalog): string {
  const all = catalog.salary.benchmarks.find((b) => b.country === "US")?.amount;
  const averages = catalog.salary.figures
    .filter((f) => f.country === "US" && f.kind === "average" && f.period === "year" && f.amount !== undefined)
    .map((f) => f.amount!);
  if (!all || averages.length === 0) return "";
  const [lo, hi] = [Math.min(...averages) / all, Math.max(...averages) / all].map((x) => x.toFixed(1));
  return lo === hi
    ? ` The directors' averages are ${lo} times that.`
    : ` The directors' averages are ${lo} to ${hi} times that.`;
}
