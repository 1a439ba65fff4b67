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
import { fill } from "./wording.ts";

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
    heading(catalog.wording.titles.education),
    { type: "text", text: catalog.wording.sources.educationFields },
    {
      type: "facts",
      facts: e.degrees.map((d) =>
        fact(sourceName(catalog, d.source), `${LEVEL[d.level]} in ${joinList(d.fields, "or")} (${d.strength})`, [
          d.source,
        ]),
      ),
    },
    heading(catalog.wording.titles.mastersDisagree, 2),
    { type: "facts", facts: mastersFacts(catalog) },
    heading(catalog.wording.titles.certifications, 2),
    { type: "bullets", items: listItems(catalog, e.alternatives) },
    heading(catalog.wording.titles.degreesHeld, 2),
    { type: "facts", facts: shareFacts(catalog) },
  ]);
};

/** "70.2% hold a bachelor's, 15.4% a master's and 10.9% an associate degree". */
function sharesSentence(catalog: Catalog): string {
  const { shares } = catalog.education;
  const parts = shares.degrees.map((d, i) => `${percent(d.percent)} ${i === 0 ? "hold " : ""}${article(d.category)}`);
  return fill(catalog.wording.sources.sharesLead, {
    shares: joinList(parts),
    source: sourceName(catalog, shares.source),
  });
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
    heading(catalog.wording.titles.degreeShares),
    {
      type: "text",
      text: fill(catalog.wording.sources.sharesPage, { source: sourceName(catalog, shares.source) }),
      sources: [shares.source],
    },
    { type: "facts", facts: shareFacts(catalog) },
  ]);
};

/** The share holding a master's and its source, for the sentences of data/wording.yml. */
function heldValues(catalog: Catalog, held: number): Record<string, string> {
  return { percent: percent(held), source: sourceName(catalog, catalog.education.shares.source) };
}

export const masters: Composer = ({ catalog, mode, form }) => {
  const held = catalog.education.shares.degrees.find((d) => /master/i.test(d.category));
  if (mode === "lead") {
    const views = catalog.education.masters.map((m) => ({
      text: `${sourceName(catalog, m.source)}: ${m.text}`,
      sources: [m.source],
    }));
    const opposed = new Set(catalog.education.masters.map((m) => m.stance)).size > 1;
    const stance = opposed ? catalog.wording.sources.mastersDisagree : undefined;
    const blocks = leadFromFacts(catalog, views, { ...form, yesNo: false });
    if (stance) blocks.unshift({ type: "text", text: `${stance}.` });
    if (held)
      blocks.push({
        type: "text",
        text: fill(catalog.wording.sources.mastersHeldLead, heldValues(catalog, held.percent)),
        sources: [catalog.education.shares.source],
      });
    return answer(blocks, false);
  }
  const blocks: Block[] = [
    heading(catalog.wording.titles.masters),
    { type: "text", text: catalog.wording.sources.mastersViews },
    { type: "facts", facts: mastersFacts(catalog) },
  ];
  if (held)
    blocks.push({
      type: "text",
      text: fill(catalog.wording.sources.mastersHeldPage, heldValues(catalog, held.percent)),
      sources: [catalog.education.shares.source],
    });
  return answer(blocks);
};
