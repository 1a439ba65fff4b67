/** Outlook: each growth figure with its period and what it measures (they differ), then what the sources expect. */
import type { Catalog } from "../catalog.ts";
import type { Block, Fact } from "../types.ts";
import {
  answer,
  type Composer,
  fact,
  heading,
  joinList,
  leadFromFacts,
  listItems,
  lowerStart,
  money,
  percent,
  score,
  sourceName,
} from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";
import { fill } from "./wording.ts";

function growthFacts(catalog: Catalog): Fact[] {
  return catalog.outlook.growth.map((g) => {
    const period = g.period === "not stated" ? "period not stated" : g.period;
    const via = g.via ? `, ${g.via} data` : "";
    return fact(
      `${sourceName(catalog, g.source)}${via}`,
      `${percent(g.rate)} (${period}) for ${g.appliesTo}${g.comparison ? `, ${g.comparison}` : ""}`,
      [g.source],
    );
  });
}

/** Each growth figure with its period and what it measures (they measure different things), grouped by figure. */
function growthLead(catalog: Catalog, ahead: boolean): Block[] {
  const o = catalog.outlook;
  const stated = o.growth.filter((g) => g.period !== "not stated");
  const average = o.growth.find((g) => g.period === "not stated");
  const rates = [...new Set([...stated].sort((a, b) => b.rate - a.rate).map((g) => `${g.rate}|${g.period}`))];
  const items = rates.map((key) => {
    const group = stated.filter((g) => `${g.rate}|${g.period}` === key);
    const first = group[0]!;
    const what = group.map((g) => {
      const via = g.via ? `, ${g.via} data` : "";
      const extra =
        average && g.source === average.source ? `; its average across US jobs is ${percent(average.rate)}` : "";
      return `${g.appliesTo}${g.comparison ? `, ${g.comparison}` : ""} (${sourceName(catalog, g.source)}${via}${extra})`;
    });
    return {
      text: `${percent(first.rate)} ${periodWords(first.period)} for ${joinList(what)}`,
      sources: group.map((g) => g.source),
    };
  });
  const summary: Block[] = o.summary.map((item) => ({ type: "text", text: item.text, sources: item.sources }));
  const figures: Block[] = [
    { type: "text", text: catalog.wording.sources.growthLead },
    { type: "bullets", items },
  ];
  // "The next five years?": what the sources expect for those years leads, then the growth figures.
  return ahead ? [...summary, ...figures] : [...figures, ...summary];
}

/** "2019-2029" → "from 2019 to 2029"; "by 2028" stays. */
function periodWords(period: string): string {
  const m = /^(\d{4})-(\d{4})$/.exec(period);
  return m ? `from ${m[1]} to ${m[2]}` : period;
}

export const outlook: Composer = ({ catalog, slots, mode, focus, form, terms }) => {
  const o = catalog.outlook;
  // "We're a team in Lagos. Is the role growing?": where the asker is, not what is asked.
  if (slots.country && slots.country !== o.country && !slots.askersCountry)
    return unsupportedCountry(catalog, slots, "outlook figures", [o.country], "outlook");
  if (mode === "lead") {
    const statements = focus.filter((f) => f.id.startsWith("outlook/statement/"));
    // "How much is the field expected to grow?" asks the figures, whatever statement its words also match.
    return answer(
      statements.length > 0 && !(form.quantity && terms.has("growth"))
        ? leadFromFacts(catalog, statements, form)
        : growthLead(catalog, terms.has("next") && terms.has("year")),
    );
  }
  return answer([
    heading(catalog.wording.titles.outlook),
    { type: "text", text: catalog.wording.sources.growthPage },
    { type: "facts", facts: growthFacts(catalog) },
    heading(catalog.wording.titles.outlookExpect, 2),
    { type: "bullets", items: listItems(catalog, o.statements) },
  ]);
};

/** Is it a good career? The sources' case for it, with the figures on both sides. */
export const worthIt: Composer = ({ catalog, mode, form }) => {
  if (mode === "lead") return answer(worthItLead(catalog, form.yesNo));
  const path = catalog.topics.get("career-path")?.sections.find((s) => s.id === "why-strong-path");
  const us = catalog.salary.figures.filter((f) => f.country === "US" && f.kind === "average" && f.period === "year");
  const amounts = us.map((f) => f.amount!);
  const rating = (aspect: string) => catalog.ratings.ratings.find((r) => r.aspect === aspect);
  const facts: Fact[] = [];
  if (amounts.length)
    facts.push(
      fact(
        "Pay (US averages)",
        `${money(Math.min(...amounts), "USD")} to ${money(Math.max(...amounts), "USD")} a year, depending on the source`,
        [...new Set(us.map((f) => f.source))],
      ),
    );
  const role = catalog.outlook.growth.find((g) => /role/.test(g.appliesTo)) ?? catalog.outlook.growth[0];
  if (role) facts.push(fact("Growth", `${percent(role.rate)} ${role.period} for ${role.appliesTo}`, [role.source]));
  for (const aspect of ["stability", "stress", "work-life", "complexity"]) {
    const r = rating(aspect);
    if (r)
      facts.push(
        fact(
          aspect === "work-life" ? "Work-life balance" : aspect[0]!.toUpperCase() + aspect.slice(1),
          `${score(r.score)} ${catalog.ratings.scale}${r.label ? ` (${r.label})` : ""}`,
          [r.source],
        ),
      );
  }
  const blocks: Block[] = [heading(catalog.wording.titles.worthIt)];
  if (path)
    blocks.push(
      { type: "text", text: catalog.wording.sources.strongPath },
      { type: "bullets", items: listItems(catalog, path.items, path.sources) },
    );
  blocks.push(heading(catalog.wording.titles.worthItFigures, 2), { type: "facts", facts });
  return answer(blocks);
};

/** The case for the career in two sentences: why it is called strong, and the figures on both sides. */
function worthItLead(catalog: Catalog, yesNo: boolean): Block[] {
  const why = catalog.topics.get("career-path")?.sections.find((s) => s.id === "why-strong-path");
  const us = catalog.salary.figures.filter((f) => f.country === "US" && f.kind === "average" && f.period === "year");
  const amounts = us.map((f) => f.amount!);
  const growth = catalog.outlook.growth.find((g) => /role/.test(g.appliesTo));
  const stress = catalog.ratings.ratings.find((r) => r.aspect === "stress");
  const balance = catalog.ratings.ratings.find((r) => r.aspect === "work-life");
  const words = catalog.wording.sources;
  const blocks: Block[] = [];
  if (why)
    blocks.push({
      type: "text",
      text: yesNo ? fill(words.worthItYes, { why: lowerStart(catalog, words.worthItWhy) }) : words.worthItWhy,
      sources: why.sources ?? [],
    });
  const parts: string[] = [];
  const cites: string[] = [];
  if (amounts.length) {
    parts.push(
      `US pay averages ${money(Math.min(...amounts), "USD")} to ${money(Math.max(...amounts), "USD")} a year depending on the source`,
    );
    cites.push(...new Set(us.map((f) => f.source)));
  }
  if (growth) {
    parts.push(`${sourceName(catalog, growth.source)} expects ${percent(growth.rate)} growth ${growth.period}`);
    cites.push(growth.source);
  }
  if (stress) {
    parts.push(
      `the stress level is rated ${stress.label ?? score(stress.score)} (${score(stress.score)} ${catalog.ratings.scale})`,
    );
    cites.push(stress.source);
  }
  if (balance) {
    parts.push(`work-life balance ${balance.label ?? ""} (${score(balance.score)})`.replace("  ", " "));
    cites.push(balance.source);
  }
  if (parts.length)
    blocks.push({
      type: "text",
      text: `${joinList(parts)}.`.replace(/^./, (c) => c.toUpperCase()),
      sources: [...new Set(cites)],
    });
  return blocks;
}
