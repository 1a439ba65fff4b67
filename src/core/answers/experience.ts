/** Experience: how many years each source asks for (they disagree), the roles people hold before, and training time. */
import type { Catalog } from "../catalog.ts";
import type { Block } from "../types.ts";
import { answer, type Composer, fact, heading, joinList, leadFromFacts, listItems, sourceName } from "./compose.ts";
import { fill } from "./wording.ts";

/** "4-6 years (Zippia)": each source's amount, most specific first. */
function yearsLead(input: Parameters<Composer>[0]): Block[] {
  const { catalog, slots } = input;
  const x = catalog.experience;
  const ordered = [...x.years].sort((a, b) => Number(b.min !== undefined) - Number(a.min !== undefined));
  const blocks: Block[] = [
    { type: "text", text: catalog.wording.sources.experienceLead },
    {
      type: "bullets",
      items: ordered.map((y) => ({
        text: `${sourceName(catalog, y.source)}: ${y.amount}, ${y.appliesTo}`,
        sources: [y.source],
      })),
    },
  ];
  const verdict = yearsVerdict(input);
  if (verdict) blocks.unshift(verdict);
  if (slots.years === undefined) {
    const roles = x.priorRoles.flatMap((p) => p.roles);
    blocks.push({
      type: "text",
      text: fill(catalog.wording.sources.priorRolesLead, { roles: joinList([...new Set(roles)]) }),
      sources: x.priorRoles.map((p) => p.source),
    });
  }
  return blocks;
}

/** "With 3 years you are below Zippia's 4-6 years and the job description's five." */
function yearsVerdict({ catalog, slots }: Parameters<Composer>[0]): Block | null {
  if (slots.years === undefined) return null;
  const numeric = catalog.experience.years.filter((y) => y.min !== undefined);
  const verdicts = numeric.map(
    (y) => `${slots.years! >= y.min! ? "meets" : "is below"} ${sourceName(catalog, y.source)}'s ${y.amount}`,
  );
  if (verdicts.length === 0) return null;
  return { type: "text", text: `${slots.years} years ${joinList(verdicts)}.`, sources: numeric.map((y) => y.source) };
}

export const experience: Composer = (input) => {
  const { catalog, slots } = input;
  const x = catalog.experience;
  if (input.mode === "lead") {
    const other = input.focus.filter((f) => !f.id.startsWith("experience/years/"));
    // "How many years before you can be a director?" asks for years, whatever else it names.
    const aboutYears = other.length < input.focus.length || other.length === 0 || input.terms.has("_how_long");
    return answer(aboutYears ? yearsLead(input) : leadFromFacts(catalog, other, input.form));
  }
  const blocks: Block[] = [heading(catalog.wording.titles.experience)];
  blocks.push({ type: "text", text: catalog.wording.sources.experiencePage });
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
  blocks.push(heading(catalog.wording.titles.priorRoles, 2));
  blocks.push({
    type: "facts",
    facts: x.priorRoles.map((p) => fact(sourceName(catalog, p.source), joinList(p.roles), [p.source])),
  });
  blocks.push(heading(catalog.wording.titles.experienceIncludes, 2));
  blocks.push({ type: "bullets", items: listItems(catalog, x.other) });
  const t = x.training;
  blocks.push({
    type: "text",
    text: fill(catalog.wording.sources.trainingNote, trainingValues(catalog)),
    sources: [t.source],
  });
  return answer(blocks);
};

/** The training time and its source, for the training sentences of data/wording.yml. */
function trainingValues(catalog: Catalog): Record<string, string | number> {
  const t = catalog.experience.training;
  return { min: t.minMonths, max: t.maxMonths, source: sourceName(catalog, t.source) };
}

export const training: Composer = ({ catalog, mode }) => {
  const t = catalog.experience.training;
  if (mode === "lead")
    return answer(
      [
        {
          type: "text",
          text: fill(catalog.wording.sources.trainingLead, trainingValues(catalog)),
          sources: [t.source],
        },
      ],
      t.note !== undefined,
    );
  const blocks: Block[] = [
    heading(catalog.wording.titles.training),
    {
      type: "text",
      text: fill(catalog.wording.sources.trainingPage, trainingValues(catalog)),
      sources: [t.source],
    },
  ];
  if (t.note) blocks.push({ type: "text", text: t.note, sources: [t.source] });
  return answer(blocks);
};
