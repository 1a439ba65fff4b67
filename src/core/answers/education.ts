/** Degrees: the fields each source names, the master's disagreement, certifications, and degree shares. */
import type { Catalog } from "../catalog.ts";
import type { Block, Fact } from "../types.ts";
import { answer, type Composer, fact, heading, joinList, listItems, percent, sourceName } from "./compose.ts";

const LEVEL = { bachelor: "Bachelor's", "bachelor-or-higher": "Bachelor's or higher" } as const;

function shareFacts(catalog: Catalog): Fact[] {
  const { shares } = catalog.education;
  return shares.degrees.map((d) => fact(d.category, percent(d.percent), [shares.source]));
}

function mastersFacts(catalog: Catalog): Fact[] {
  return catalog.education.masters.map((m) =>
    fact(`${sourceName(catalog, m.source)}: ${m.stance === "preferred" ? "preferred" : "not necessary"}`, m.text, [
      m.source,
    ]),
  );
}

export const education: Composer = ({ catalog }) => {
  const e = catalog.education;
  return answer([
    heading("Education for a Customer Care Director"),
    {
      type: "text",
      text: "Every source points to a bachelor's degree, in business or a nearby field. The fields each names:",
    },
    {
      type: "facts",
      facts: e.degrees.map((d) =>
        fact(sourceName(catalog, d.source), `${LEVEL[d.level]} in ${joinList(d.fields, "or")} (${d.strength})`, [
          d.source,
        ]),
      ),
    },
    heading("Master's degree: the sources disagree", 2),
    { type: "facts", facts: mastersFacts(catalog) },
    heading("Certifications", 2),
    { type: "bullets", items: listItems(e.alternatives) },
    heading("Degrees directors hold", 2),
    { type: "facts", facts: shareFacts(catalog) },
  ]);
};

export const degreeShares: Composer = ({ catalog }) => {
  const { shares } = catalog.education;
  return answer([
    heading("Most common degrees among directors of customer care"),
    {
      type: "text",
      text: `${sourceName(catalog, shares.source)}'s shares of directors by highest degree:`,
      sources: [shares.source],
    },
    { type: "facts", facts: shareFacts(catalog) },
  ]);
};

export const masters: Composer = ({ catalog }) => {
  const held = catalog.education.shares.degrees.find((d) => /master/i.test(d.category));
  const blocks: Block[] = [
    heading("Do you need a master's degree?"),
    { type: "text", text: "The sources disagree, so here is each view:" },
    { type: "facts", facts: mastersFacts(catalog) },
  ];
  if (held)
    blocks.push({
      type: "text",
      text: `For scale: ${percent(held.percent)} of directors of customer care hold a master's, per ${sourceName(catalog, catalog.education.shares.source)}.`,
      sources: [catalog.education.shares.source],
    });
  return answer(blocks);
};
