/** Experience: how many years each source asks for (they disagree), the roles people hold before, and training time. */
import type { Block } from "../types.ts";
import { answer, type Composer, fact, heading, joinList, listItems, sourceName } from "./compose.ts";

export const experience: Composer = ({ catalog, slots }) => {
  const x = catalog.experience;
  const blocks: Block[] = [heading("Experience you need")];
  blocks.push({ type: "text", text: "The sources ask for different amounts, and measure different things:" });
  blocks.push({
    type: "facts",
    facts: x.years.map((y) => fact(sourceName(catalog, y.source), `${y.amount}: ${y.appliesTo}`, [y.source])),
  });
  if (slots.years !== undefined) {
    const numeric = x.years.filter((y) => y.min !== undefined);
    const verdicts = numeric.map(
      (y) => `${slots.years! >= y.min! ? "meets" : "is below"} ${sourceName(catalog, y.source)}'s ${y.amount}`,
    );
    if (verdicts.length)
      blocks.push({
        type: "text",
        text: `${slots.years} years ${joinList(verdicts)}.`,
        sources: numeric.map((y) => y.source),
      });
  }
  blocks.push(heading("Roles people hold before", 2));
  blocks.push({
    type: "facts",
    facts: x.priorRoles.map((p) => fact(sourceName(catalog, p.source), joinList(p.roles), [p.source])),
  });
  blocks.push(heading("What that experience should include", 2));
  blocks.push({ type: "bullets", items: listItems(x.other) });
  const t = x.training;
  blocks.push({
    type: "text",
    text: `Once hired, expect ${t.minMonths}-${t.maxMonths} months of on-the-job training (${sourceName(catalog, t.source)}).`,
    sources: [t.source],
  });
  return answer(blocks);
};

export const training: Composer = ({ catalog }) => {
  const t = catalog.experience.training;
  const blocks: Block[] = [
    heading("On-the-job training"),
    {
      type: "text",
      text: `${sourceName(catalog, t.source)} puts on-the-job training after hire at ${t.minMonths}-${t.maxMonths} months: the time a new director of customer care takes to learn the job and the employer's ways.`,
      sources: [t.source],
    },
  ];
  if (t.note) blocks.push({ type: "text", text: t.note, sources: [t.source] });
  return answer(blocks);
};
