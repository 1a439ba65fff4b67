/** Degrees: the fields each source names, the master's disagreement, certifications, and degree shares. */
import type { Catalog } from "../catalog.ts";
import type { Block, Fact } from "../types.ts";
import {
  answer,
  type Composer,
  fact,
  heading,
  joinList,
  leadFromFacts,
  leadOrFocus,
  listItems,
  percent,
  sourceName,
} from "./compose.ts";

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

export const education: Composer = (input) => {
  const { catalog } = input;
  const e = catalog.education;
  if (input.mode === "lead") return leadOrFocus(e.summary, input);
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

/** "70.2% hold a bachelor's, 15.4% a master's and 10.9% an associate degree". */
function sharesSentence(catalog: Catalog): string {
  const { shares } = catalog.education;
  const parts = shares.degrees.map((d, i) => `${percent(d.percent)} ${i === 0 ? "hold " : ""}${article(d.category)}`);
  return `Among directors of customer care, ${joinList(parts)} as their highest degree, per ${sourceName(catalog, shares.source)}.`;
}

function article(category: string): string {
  const lower = category.toLowerCase();
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}

export const degreeShares: Composer = ({ catalog, mode }) => {
  const { shares } = catalog.education;
  if (mode === "lead")
    return answer([{ type: "text", text: sharesSentence(catalog), sources: [shares.source] }], false);
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

export const masters: Composer = ({ catalog, mode, form }) => {
  const held = catalog.education.shares.degrees.find((d) => /master/i.test(d.category));
  if (mode === "lead") {
    const views = catalog.education.masters.map((m) => ({
      text: `${sourceName(catalog, m.source)}: ${m.text}`,
      sources: [m.source],
    }));
    const opposed = new Set(catalog.education.masters.map((m) => m.stance)).size > 1;
    const stance = opposed ? "Not necessarily: the sources disagree" : undefined;
    const blocks = leadFromFacts(views, { ...form, yesNo: false });
    if (stance) blocks.unshift({ type: "text", text: `${stance}.` });
    if (held)
      blocks.push({
        type: "text",
        text: `${percent(held.percent)} of directors of customer care hold a master's (${sourceName(catalog, catalog.education.shares.source)}).`,
        sources: [catalog.education.shares.source],
      });
    return answer(blocks, false);
  }
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
