/** Outlook: each growth figure with its period and what it measures (they differ), then what the sources expect. */
import type { Catalog } from "../catalog.ts";
import type { Block, Fact } from "../types.ts";
import { answer, type Composer, fact, heading, listItems, money, percent, score, sourceName } from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";

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

export const outlook: Composer = ({ catalog, slots }) => {
  const o = catalog.outlook;
  if (slots.country && slots.country !== o.country)
    return unsupportedCountry(catalog, slots, "outlook figures", [o.country], "outlook");
  return answer([
    heading("Job outlook for Customer Care Directors (US)"),
    { type: "text", text: "The growth figures measure different things, so each is shown with what it covers:" },
    { type: "facts", facts: growthFacts(catalog) },
    heading("What the sources expect", 2),
    { type: "bullets", items: listItems(o.statements) },
  ]);
};

/** Is it a good career? The sources' case for it, with the figures on both sides. */
export const worthIt: Composer = ({ catalog }) => {
  const path = catalog.topics["career-path"].sections.find((s) => s.id === "why-strong-path");
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
  const blocks: Block[] = [heading("Is it a good career?")];
  if (path)
    blocks.push(
      { type: "text", text: "Why it is called a strong career path:" },
      { type: "bullets", items: listItems(path.items, path.sources) },
    );
  blocks.push(heading("The figures, good and hard", 2), { type: "facts", facts });
  return answer(blocks);
};
